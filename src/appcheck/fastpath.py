"""The fast path of the schema check: ``jsonschema-rs`` decides validity, ``jsonschema`` explains.

Most bundles checked on every save or in CI are valid, and for a valid bundle the schema check has
nothing to say. So the engine asks a compiled validator (``jsonschema-rs``, the ``appcheck[fast]``
extra) first, and builds the detailed findings with ``jsonschema`` (:mod:`appcheck.schemas`) only
when it says "invalid". The findings are therefore always those of ``jsonschema``: messages, JSON
Pointers and their order do not depend on whether the fast engine is installed.

When it is trusted
------------------
Only its "valid" is acted on, and only when it cannot be more lenient than our own semantics (a
"valid" from it must imply a valid bundle for :mod:`appcheck.schemas`; "invalid" always leads to the
full check, so a fast engine that is stricter somewhere costs time, never correctness). To make that
hold, each shipped schema is given to it *mirrored* (:func:`mirror`):

- ``pattern`` / ``patternProperties``: our patterns are ECMA-262 run by Python's ``re``
  (``\\d`` ASCII digits, ``$`` only at the very end, ``\\s`` Python's whitespace). A pattern is
  rewritten into a form both engines read alike (``\\d`` -> ``[0-9]``, ``\\s``/``\\S`` -> a class
  of exactly Python's whitespace); a pattern using anything else (``.``, ``\\w``, ``\\b``,
  look-arounds, non-ASCII literals ...) cannot be mirrored;
- ``format: date``: our check is a real ``YYYY-MM-DD`` calendar date (years 0001-9999); it becomes a
  regular expression of exactly those dates. Other formats are not checked by us, so they are dropped;
- ``multipleOf``: ours is exact (fractions) but gives up on numbers of a scale beyond 10^4000; the
  fast engine is exact on ``Decimal`` too, so the mirror only adds ``|x| < 10^4000`` beside it;
- integral decimals are integers (``3.0``) and numbers compare exactly in both engines;
- any keyword outside a list whose behaviour was checked against ours (:data:`SAME`) makes the whole
  schema "not mirrored": that topic always takes the full check.

The full check, pruned
----------------------
When the bundle is invalid, the same guarantee holds for each part of a schema, since the mirror is
made keyword by keyword: a value the fast engine finds valid against the mirror of a subschema is
valid against the subschema for ``jsonschema``, so descending into it would yield no error. The full
check on the fast path (:func:`appcheck.schemas.validator_for`) therefore asks :func:`vouches` before
it descends into a member or an item, and walks only the parts the fast engine does not vouch for:
the same errors, in the same order, for a fraction of the time (a bundle usually has one mistake).
Each subschema is compiled on first use, by reference into the mirrored registry (:func:`_places`),
so its ``$ref`` resolve against its own document as ours do.

``tests/test_fastpath.py`` proves the two paths give identical findings on every example and on
generated bundles, that the pruned check yields exactly the errors of the full one (messages, paths,
schema paths, values, branch errors) on broken bundles, and compares the mirrored keywords on
generated values.

Choosing the engine
-------------------
``APPCHECK_ENGINE=python`` (or :func:`use_engine` ``("python")``) forces the pure-Python path;
unset or ``auto`` uses ``jsonschema-rs`` when it is installed. Any error of the fast engine (an
input it cannot read, say) is taken as "not known to be valid": the full check runs.
"""

from __future__ import annotations

import os
from decimal import Decimal
from functools import lru_cache
from typing import Any

__all__ = ["ENV", "SAME", "engine", "is_valid", "mirror", "portable_pattern", "use_engine", "vouches", "Unmirrorable"]

ENV = "APPCHECK_ENGINE"

#: keywords whose behaviour in jsonschema-rs is the same as ours once mirrored (values: data or
#: subschemas, walked by :func:`mirror`)
SAME = frozenset({
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default", "examples",
    "type", "enum", "const", "required", "properties", "patternProperties", "additionalProperties",
    "items", "prefixItems", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength",
    "minProperties", "maxProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "pattern", "format", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    "dependentRequired", "deprecated", "readOnly", "writeOnly",
})
#: keywords of Draft 2020-12 not (yet) compared with ours: a schema using one is not mirrored
NOT_COMPARED = frozenset({
    "unevaluatedProperties", "unevaluatedItems", "dependentSchemas", "contains", "minContains",
    "maxContains", "propertyNames", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef",
    "$recursiveAnchor", "$vocabulary", "contentEncoding", "contentMediaType", "contentSchema",
    "dependencies", "additionalItems",
})
_DATA = frozenset({"const", "enum", "default", "examples"})
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SUBSCHEMAS = frozenset({"additionalProperties", "items", "not", "if", "then", "else"})

#: exactly the characters Python's ``re`` matches with ``\\s`` in a ``str`` pattern
PYTHON_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
#: exactly the strings our ``format: date`` accepts (``YYYY-MM-DD``, a real date of year 1 to 9999)
DATE_PATTERN = (
    "^(?:" + _LEAP_YEAR + "-02-29|" + _YEAR + "-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8])))$"
)
#: the scale beyond which our exact ``multipleOf`` gives up (see ``schemas._exact``)
_BOUND = Decimal("1e4000")


class Unmirrorable(Exception):
    """A schema uses something the fast engine is not known to check exactly as we do."""


# ----------------------------------------------------------------------------- engine choice

_forced: str | None = None


def use_engine(name: str | None) -> None:
    """Force ``"python"`` (pure path) or ``"auto"``; ``None`` goes back to :data:`ENV`'s choice."""
    global _forced
    if name not in (None, "python", "auto"):
        raise ValueError(f"engine is 'python' or 'auto', not {name!r}")
    _forced = name


def engine() -> str:
    """``"jsonschema-rs"`` when the fast path is on, else ``"python"``."""
    choice = _forced or os.environ.get(ENV, "auto").strip().lower() or "auto"
    if choice == "python":
        return "python"
    if choice not in ("auto", "rust", "jsonschema-rs"):
        raise ValueError(f"{ENV} is 'python' or 'auto', not {choice!r}")
    return "jsonschema-rs" if _module() is not None else "python"


@lru_cache(maxsize=1)
def _module():
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs


# ----------------------------------------------------------------------------- mirroring

def portable_pattern(pattern: str) -> str:
    """``pattern`` (ECMA-262, as :mod:`appcheck.schemas` runs it) in a form jsonschema-rs reads alike.

    Raises :class:`Unmirrorable` for anything but ASCII literals, escaped punctuation, classes of
    ASCII characters and ranges, groups ``(...)``/``(?:...)``, ``|``, quantifiers, ``^`` and ``$``,
    and ``\\d \\D \\s \\S`` (rewritten to explicit classes).
    """
    out: list[str] = []
    index, in_class, class_start = 0, False, False
    while index < len(pattern):
        char = pattern[index]
        if not (" " <= char <= "~"):
            raise Unmirrorable(f"pattern {pattern!r}: character {char!r}")
        if char == "\\":
            if index + 1 >= len(pattern):
                raise Unmirrorable(f"pattern {pattern!r}: trailing backslash")
            nxt = pattern[index + 1]
            if nxt == "d":
                out.append("0-9" if in_class else "[0-9]")
            elif nxt == "s":
                out.append(PYTHON_WHITESPACE if in_class else f"[{PYTHON_WHITESPACE}]")
            elif nxt in "DS" and not in_class:
                out.append("[^0-9]" if nxt == "D" else f"[^{PYTHON_WHITESPACE}]")
            elif nxt in ".^$*+?()[]{}|\\/-":
                out.append(char + nxt)
            else:
                raise Unmirrorable(f"pattern {pattern!r}: escape \\{nxt}")
            index += 2
            class_start = False
            continue
        if in_class:
            if char == "[" or (char == "]" and class_start) or pattern.startswith(("&&", "--", "~~"), index):
                raise Unmirrorable(f"pattern {pattern!r}: {char!r} in a class")
            out.append("\\^" if char == "^" else char)
            in_class = char != "]"
            class_start = False
        else:
            if char == ".":
                raise Unmirrorable(f"pattern {pattern!r}: '.'")
            if char == "(" and pattern.startswith("(?", index) and not pattern.startswith("(?:", index):
                raise Unmirrorable(f"pattern {pattern!r}: '(?' group")
            if char == "[":
                in_class = class_start = True
                out.append(char)
                if pattern.startswith("[^", index):
                    out.append("^")
                    index += 1
                index += 1
                continue
            out.append(char)
        index += 1
    if in_class:
        raise Unmirrorable(f"pattern {pattern!r}: unclosed class")
    return "".join(out)


def mirror(schema: Any) -> Any:
    """A copy of ``schema`` that jsonschema-rs checks as :mod:`appcheck.schemas` does (or stricter).

    Raises :class:`Unmirrorable` when that cannot be ensured.
    """
    return _mirror(schema, "", None)


#: what a URI fragment may hold as it is (RFC 3986 ``pchar``, ``/`` excepted); the rest is percent-encoded
_FRAGMENT_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")


def _segment(name: str) -> str:
    """``name`` as one segment of a JSON Pointer in a URI fragment (escaped, then percent-encoded)."""
    name = name.replace("~", "~0").replace("/", "~1")
    if _FRAGMENT_SAFE.issuperset(name):
        return "/" + name
    from urllib.parse import quote

    return "/" + quote(name, safe="".join(_FRAGMENT_SAFE))


def _mirror(schema: Any, pointer: str, seen: dict[int, tuple[Any, str]] | None) -> Any:
    """:func:`mirror`; with ``seen``, also records where each object schema lands in the mirror.

    ``seen[id(subschema)]`` is ``(subschema, pointer)``: the subschema (kept, so the id stays its own)
    and the JSON Pointer of its mirror inside the mirrored document, percent-encoded for a fragment.
    """
    if isinstance(schema, dict) and seen is not None:
        seen.setdefault(id(schema), (schema, pointer))

    def at(base: str, name: str) -> str:  # the pointer one level down (only worked out when recorded)
        return base + _segment(name) if seen is not None else ""

    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise Unmirrorable(f"a schema is an object or a boolean, not {type(schema).__name__}")
    out: dict[str, Any] = {}
    extra: list[dict] = []
    for key, value in schema.items():
        if key in NOT_COMPARED:
            raise Unmirrorable(f"keyword {key!r}")
        if key in _DATA:
            out[key] = value
        elif key in _SCHEMA_MAPS:
            if not isinstance(value, dict):
                raise Unmirrorable(f"{key} is not an object")
            if key == "patternProperties":
                value = {portable_pattern(name): sub for name, sub in value.items()}
            out[key] = {name: _mirror(sub, at(at(pointer, key), name), seen) for name, sub in value.items()}
        elif key in _SCHEMA_LISTS:
            if not isinstance(value, list):
                raise Unmirrorable(f"{key} is not an array")
            out[key] = [_mirror(sub, at(at(pointer, key), str(index)), seen) for index, sub in enumerate(value)]
        elif key in _SUBSCHEMAS:
            out[key] = _mirror(value, at(pointer, key), seen)
        elif key == "pattern":
            if not isinstance(value, str):
                raise Unmirrorable("pattern is not a string")
            out[key] = portable_pattern(value)
        elif key == "format":
            if value == "date":
                extra.append({"pattern": DATE_PATTERN})
            # any other format is an annotation for us: not checked, so not given
        elif key == "multipleOf":
            out[key] = value
            extra.append({"exclusiveMaximum": _BOUND, "exclusiveMinimum": -_BOUND})
        elif key in SAME:
            out[key] = value
        elif isinstance(value, dict):
            # Not a keyword: a container of definitions (say, fields shared by several objects) a
            # $ref may point into. Each member that can be a schema is mirrored as one.
            out[key] = {
                name: _mirror(sub, at(at(pointer, key), name), seen) if isinstance(sub, (dict, bool)) else sub
                for name, sub in value.items()
            }
        else:
            raise Unmirrorable(f"keyword {key!r}")
    if extra:
        out["allOf"] = list(out.get("allOf", [])) + extra
    return out


# ----------------------------------------------------------------------------- validators

@lru_cache(maxsize=1)
def _registry():
    """Every shipped schema, mirrored, in a jsonschema-rs registry (``None`` if one cannot be)."""
    from . import schemas

    rs = _module()
    try:
        resources = [(schemas.schema_uri(name, contents), mirror(contents)) for name, contents in schemas.shipped().items()]
    except Unmirrorable:
        return None
    return rs.Registry(resources, retriever=_no_fetch)


def _no_fetch(uri: str):
    raise ValueError(f"{uri} is not a shipped schema (appcheck never fetches schemas)")


@lru_cache(maxsize=None)
def _mirrored(name: str) -> Any:
    from . import schemas

    return mirror(schemas.schema(name))


def _shipped_mirror(uri: str) -> Any:
    """The mirror of the shipped schema at ``uri`` (a ``$ref`` of the schema being compiled): read
    and mirrored when first referred to, so a validator needs only the schemas it refers to."""
    from . import schemas

    name = uri.partition("#")[0].removeprefix(schemas.BASE_URI)
    try:
        contents = schemas.schema(name)
    except KeyError:
        return _no_fetch(uri)
    if not uri.startswith(schemas.BASE_URI) or schemas.schema_uri(name, contents) != uri.partition("#")[0]:
        return _no_fetch(uri)
    return _mirrored(name)


@lru_cache(maxsize=None)
def validator(name: str):
    """The jsonschema-rs validator of shipped schema ``name`` (mirrored), or None if it has none.

    Only ``name`` and the shipped schemas it refers to are read and mirrored (the registry of every
    shipped schema, :func:`_registry`, serves the parts the full check asks about)."""
    rs = _module()
    if rs is None:
        return None
    try:
        return rs.validator_for(
            _mirrored(name), retriever=_shipped_mirror, validate_formats=False, pattern_options=rs.RegexOptions(),
        )
    except Exception:  # Unmirrorable, or a schema it cannot compile: no fast path for this one  # noqa: BLE001
        return None


@lru_cache(maxsize=1)
def _places() -> dict[int, tuple[Any, str, str]]:
    """Every object schema inside a mirrorable shipped schema, by ``id``: ``(schema, document URI, reference)``.

    The reference, resolved against the document's URI, is where the schema's mirror is in
    :func:`_registry` (a JSON Pointer fragment), so a subschema is compiled by reference, its own
    ``$ref`` resolved against its document as ours are. A subschema that is only a ``$ref`` is given
    what it refers to: each of the many ``{"$ref": "../defs.json#/$defs/team"}`` of the topics is
    then compiled once, as its target.
    """
    from . import schemas

    places: dict[int, tuple[Any, str, str]] = {}
    for name, contents in schemas.shipped().items():
        seen: dict[int, tuple[Any, str]] = {}
        try:
            _mirror(contents, "", seen)
        except Unmirrorable:
            continue
        uri = schemas.schema_uri(name, contents)
        # a ``$ref`` is resolved against the document's URI unless an inner ``$id`` changes it
        inner_ids = any(key != id(contents) and "$id" in schema for key, (schema, _) in seen.items())
        for key, (schema, pointer) in seen.items():
            ref = schema.get("$ref")
            only_ref = len(schema) == 1 and isinstance(ref, str) and not inner_ids
            places[key] = (schema, uri, ref if only_ref else "#" + pointer)
    return places


#: ``id(subschema)`` -> ``(subschema, its jsonschema-rs validator or None)``, built on first use
_SUBVALIDATORS: dict[int, tuple[Any, Any]] = {}
#: the jsonschema-rs validator of each URI in the mirrored registry compiled so far
_BY_URI: dict[str, Any] = {}


def _subvalidator(schema: Any):
    from urllib.parse import urljoin

    place = _places().get(id(schema))
    if place is None or place[0] is not schema:
        return None  # not a subschema of a shipped schema (or not of a mirrorable one)
    uri = urljoin(place[1], place[2])
    if uri not in _BY_URI:
        _BY_URI[uri] = _compile_reference(uri)
    _SUBVALIDATORS[id(schema)] = (schema, _BY_URI[uri])
    return _BY_URI[uri]


def _compile_reference(uri: str):
    """The jsonschema-rs validator of ``{"$ref": uri}`` over the mirrored registry, or None."""
    rs, registry = _module(), _registry()
    if rs is None or registry is None:
        return None
    try:
        return rs.validator_for(
            {"$ref": uri}, registry=registry, retriever=_no_fetch, validate_formats=False,
            pattern_options=rs.RegexOptions(),
        )
    except Exception:  # a subschema it cannot compile: never vouched for  # noqa: BLE001
        return None


def vouches(schema: Any, instance: Any) -> bool:
    """True only when ``instance`` certainly passes ``schema``, a subschema of a shipped schema (any depth).

    What :func:`is_valid` is for a whole schema, for one of its parts: the full check
    (:mod:`appcheck.schemas`) asks it before it descends into a value, and skips a value vouched for,
    where it would have found nothing. It says nothing (False) for an object it does not know as a
    part of a shipped schema, and whatever the engine choice: callers ask only on the fast path.
    """
    entry = _SUBVALIDATORS.get(id(schema))
    return _passes(entry[1] if entry is not None and entry[0] is schema else _subvalidator(schema), instance)


def _passes(checker: Any, instance: Any) -> bool:
    """True only when there is a compiled ``checker`` and it finds ``instance`` valid."""
    if checker is None:
        return False
    try:
        return checker.is_valid(instance)
    except Exception:  # an input it cannot read: the full check decides  # noqa: BLE001
        return False


def is_valid(name: str, instance: Any) -> bool:
    """True only when ``instance`` certainly passes shipped schema ``name``; False means "check fully"."""
    return engine() != "python" and _passes(validator(name), instance)
