"""The topic JSON Schemas (Draft 2020-12), resolved offline, checked with exact decimals.

The schemas ship inside the package (``appcheck/schemas``; in a source checkout, the top-level
``schemas/`` folder). Every schema file is registered in a local ``referencing`` registry under its
``$id``, so ``$ref`` never reaches the network: an unknown reference is an error, not a fetch.

Schemas are read with the same decimal parsing as bundles, and the validator class is Draft 2020-12
extended with:
- types: an integral ``Decimal`` is an ``integer``; a ``Decimal`` is a ``number``;
- ``multipleOf``: exact, with fractions (no float rounding);
- ``pattern``: ECMA-262 semantics (``$`` matches only at the very end, ``\\d`` only ASCII digits);
- ``format: date``: a real ``YYYY-MM-DD`` calendar date.
A bundle's own ``$schema`` never selects the validator. On the fast path, :func:`validator_for` gives
a validator that does not descend into the members and items jsonschema-rs vouches for
(:func:`appcheck.fastpath.vouches`): the same errors, without walking the parts that are right.

``jsonschema`` and ``referencing`` are imported only when a validator or the registry is first
asked for (``Validator``, ``FORMAT_CHECKER``, ``registry()``, ``validator_for()``): the fast path
(:mod:`appcheck.fastpath`) reads the same schemas without them, so a valid bundle is checked
without paying for their import.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .fastpath import vouches
from .rules.base import as_date

if TYPE_CHECKING:
    from fractions import Fraction

BASE_URI = "https://appcheck.invalid/schemas/"


def schema_root():
    """The folder (a ``Traversable``) holding the shipped schemas."""
    installed = Path(__file__).with_name("schemas")  # what importlib.resources finds, without importing it
    if installed.is_dir():
        return installed
    source_tree = Path(__file__).resolve().parents[2] / "schemas"
    if source_tree.is_dir():
        return source_tree
    from importlib import resources  # a zipped installation

    packaged = resources.files("appcheck").joinpath("schemas")
    if packaged.is_dir():
        return packaged
    raise FileNotFoundError("appcheck's schemas are missing from this installation")


def json_files(folder, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """The ``.json`` files below ``folder`` (a path or an importlib resource), as (relative name, entry), sorted."""
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.is_dir():
            yield from json_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".json"):
            yield f"{prefix}{entry.name}", entry


def _strict_pairs(pairs: list) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r} in a shipped schema")
        result[key] = value
    return result


def read_schema_text(text: str) -> Any:
    return json.loads(text, parse_float=Decimal, parse_int=Decimal, object_pairs_hook=_strict_pairs)


@lru_cache(maxsize=1)
def _own_entries() -> dict[str, Any]:
    """appcheck's own schema files (entries, not yet read), by their path relative to its schemas folder."""
    return dict(json_files(schema_root()))


@lru_cache(maxsize=None)
def _own_schema(name: str) -> Any:
    return read_schema_text(_own_entries()[name].read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def own() -> dict[str, Any]:
    """appcheck's own schemas, by their path relative to its schemas folder."""
    return {name: _own_schema(name) for name in _own_entries()}


def is_own(name: str) -> bool:
    """True for the name of one of appcheck's own schemas (``gd-2022/research.json``)."""
    return name in _own_entries()


def schema(name: str) -> Any:
    """The shipped schema ``name`` (``shipped()[name]``, the same object): one of appcheck's own is
    read alone, without reading the others or looking for call packs (a pack shipping one of
    appcheck's schema paths is refused); ``KeyError`` when no schema has the name."""
    return _own_schema(name) if is_own(name) else shipped()[name]


@lru_cache(maxsize=1)
def shipped() -> dict[str, Any]:
    """Every shipped schema, by its path relative to the schemas folder (``gd-2022/research.json``):
    appcheck's own and those of every sound call pack (:mod:`appcheck.packs`; their paths never clash)."""
    found = dict(own())
    from . import packs

    for pack in packs.healthy():
        if not packs.is_host(pack):
            found.update(packs.raw_schemas(pack))
    return found


def _retrieve(uri: str):
    import referencing.exceptions

    raise referencing.exceptions.NoSuchResource(ref=uri)


def schema_uri(name: str, contents: Any) -> str:
    """The URI a shipped schema is registered under: its ``$id``, else one made from its name."""
    return contents.get("$id", BASE_URI + name) if isinstance(contents, dict) else BASE_URI + name


@lru_cache(maxsize=1)
def registry():
    """A ``referencing.Registry`` of every shipped schema (nothing is ever fetched)."""
    import referencing
    import referencing.jsonschema

    resources_ = []
    for name, contents in shipped().items():
        uri = schema_uri(name, contents)
        resources_.append((uri, referencing.Resource.from_contents(contents, default_specification=referencing.jsonschema.DRAFT202012)))
    return referencing.Registry(retrieve=_retrieve).with_resources(resources_).crawl()


# ----------------------------------------------------------------------------- decimal-aware keywords

def _is_number(checker, instance) -> bool:
    return isinstance(instance, (int, float, Decimal)) and not isinstance(instance, bool)


def _is_integer(checker, instance) -> bool:
    if isinstance(instance, bool):
        return False
    if isinstance(instance, int):
        return True
    if isinstance(instance, Decimal):
        return instance.is_finite() and instance == instance.to_integral_value()
    if isinstance(instance, float):
        return instance.is_integer()
    return False


#: largest decimal scale (power of ten) :func:`_exact` works with; beyond it a number is "not exact"
EXACT_SCALE = 4000


def _exact(value: Any) -> Fraction | None:
    from fractions import Fraction  # only jsonschema's own validator checks multipleOf: the fast path needs none

    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        if abs(value.as_tuple().exponent) > EXACT_SCALE:
            # The cap is on the value's own scale, not on how it was written: ``1.000…0`` is 1.
            sign, digits, exponent = value.as_tuple()
            significant = "".join(map(str, digits)).rstrip("0")
            if not significant:
                return Fraction(0)
            exponent += len(digits) - len(significant)
            if abs(exponent) > EXACT_SCALE:
                return None
            magnitude = Fraction(int(significant)) * Fraction(10) ** exponent
            return -magnitude if sign else magnitude
        return Fraction(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Fraction(Decimal(repr(value)) if isinstance(value, float) else value)
    return None


def multiple_of(validator, divisor, instance, schema) -> Iterator:
    """``multipleOf`` computed exactly: ``150.0001`` is not a multiple of ``0.001``, ``0.3`` is one of ``0.1``."""
    if not validator.is_type(instance, "number"):
        return
    quotient_of = _exact(instance)
    step = _exact(divisor)
    if quotient_of is None or step is None or (quotient_of / step).denominator != 1:
        from jsonschema import ValidationError

        yield ValidationError(f"{instance!r} is not a multiple of {divisor}")


_TRANSLATIONS = {"d": "[0-9]", "D": "[^0-9]"}


def ecma_pattern(pattern: str) -> str:
    """Rewrite an ECMA-262 pattern for Python's ``re``: ``$`` -> ``\\Z``, ``\\d`` -> ``[0-9]`` (outside classes)."""
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            nxt = pattern[index + 1]
            if nxt in _TRANSLATIONS:
                out.append(_TRANSLATIONS[nxt] if not in_class else ("0-9" if nxt == "d" else "\\D"))
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        out.append(char)
        index += 1
    return "".join(out)


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(ecma_pattern(pattern))


def pattern(validator, patrn, instance, schema) -> Iterator:
    if isinstance(instance, str) and not _compiled(patrn).search(instance):
        from jsonschema import ValidationError

        yield ValidationError(f"{instance!r} does not match {patrn!r}")


def _descend(validator, instance, subschema, path, schema_path=None) -> Iterator:
    return validator.descend(instance, subschema, path=path, schema_path=schema_path)


def _descend_unless_vouched(validator, instance, subschema, path, schema_path=None) -> Iterator:
    """``descend``, skipped where the fast engine vouches that ``instance`` passes ``subschema``.

    Sound for the same reason as the fast path itself: the compiled engine checks a mirror of
    ``subschema`` at least as strict as ours, so where it finds nothing, ``descend`` would yield nothing.
    """
    if vouches(subschema, instance):
        return iter(())
    return validator.descend(instance, subschema, path=path, schema_path=schema_path)


def _pattern_properties(descend) -> Any:
    def pattern_properties(validator, patterns, instance, schema) -> Iterator:
        if not isinstance(instance, dict):
            return
        for patrn, subschema in patterns.items():
            for key, value in instance.items():
                if _compiled(patrn).search(key):
                    yield from descend(validator, value, subschema, key, patrn)

    return pattern_properties


def _additional_properties(descend) -> Any:
    def additional_properties(validator, aP, instance, schema) -> Iterator:
        if not isinstance(instance, dict):
            return
        properties = schema.get("properties", {})
        patterns = [_compiled(p) for p in schema.get("patternProperties", {})]
        extras = [key for key in instance if key not in properties and not any(p.search(key) for p in patterns)]
        if aP is False and extras:
            from jsonschema import ValidationError

            error = ValidationError(f"additional properties are not allowed ({', '.join(map(repr, extras))})")
            error.validator_value = extras
            yield error
        elif isinstance(aP, dict):
            for extra in extras:
                yield from descend(validator, instance[extra], aP, extra)

    return additional_properties


def _properties(descend) -> Any:
    """``properties`` as ``jsonschema``'s, descending with ``descend``."""

    def properties(validator, properties, instance, schema) -> Iterator:
        if not validator.is_type(instance, "object"):
            return
        for name, subschema in properties.items():
            if name in instance:
                yield from descend(validator, instance[name], subschema, name, name)

    return properties


def _items(descend) -> Any:
    """``items`` (Draft 2020-12) as ``jsonschema``'s, descending with ``descend``."""

    def items(validator, items, instance, schema) -> Iterator:
        if not validator.is_type(instance, "array"):
            return
        prefix = len(schema.get("prefixItems", []))
        total = len(instance)
        extra = total - prefix
        if extra <= 0:
            return
        if items is False:
            from jsonschema import ValidationError

            rest = instance[prefix:] if extra != 1 else instance[prefix]
            item = "items" if prefix != 1 else "item"
            yield ValidationError(f"Expected at most {prefix} {item} but found {extra} extra: {rest!r}")
        else:
            for index in range(prefix, total):
                yield from descend(validator, instance[index], items, index)

    return items


pattern_properties = _pattern_properties(_descend)
additional_properties = _additional_properties(_descend)


def _is_date(instance: Any) -> bool:
    return not isinstance(instance, str) or as_date(instance) is not None


@lru_cache(maxsize=1)
def _jsonschema_parts() -> dict[str, Any]:
    """``FORMAT_CHECKER``, ``TYPE_CHECKER`` and ``Validator``, built on first use (imports jsonschema)."""
    import jsonschema
    from jsonschema import Draft202012Validator, validators

    format_checker = jsonschema.FormatChecker(formats=())
    format_checker.checks("date")(_is_date)
    type_checker = Draft202012Validator.TYPE_CHECKER.redefine_many({"number": _is_number, "integer": _is_integer})
    keywords = {
        "multipleOf": multiple_of,
        "pattern": pattern,
        "patternProperties": pattern_properties,
        "additionalProperties": additional_properties,
    }
    validator = validators.extend(Draft202012Validator, validators=keywords, type_checker=type_checker)
    # The same validator, which does not descend into a value the fast engine vouches for (the
    # keywords that move to a member or an item: nothing else changes).
    pruned = {
        "properties": _properties(_descend_unless_vouched),
        "items": _items(_descend_unless_vouched),
        "patternProperties": _pattern_properties(_descend_unless_vouched),
        "additionalProperties": _additional_properties(_descend_unless_vouched),
    }
    pruning = validators.extend(Draft202012Validator, validators={**keywords, **pruned}, type_checker=type_checker)
    return {"FORMAT_CHECKER": format_checker, "TYPE_CHECKER": type_checker, "Validator": validator, "PruningValidator": pruning}


def __getattr__(name: str) -> Any:
    """``FORMAT_CHECKER``, ``TYPE_CHECKER`` and ``Validator`` are module attributes made on first access."""
    if name in ("FORMAT_CHECKER", "TYPE_CHECKER", "Validator"):
        return _jsonschema_parts()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def validator_for(name: str):
    """The validator for a shipped schema (``gd-2022/research.json``), built once.

    On the fast path (:func:`appcheck.fastpath.engine`), one that leaves out the values the fast
    engine vouches for: the same errors, found without walking the parts of the bundle that are right.
    """
    from . import fastpath

    return _validator_for(name, fastpath.engine() != "python" and fastpath.validator(name) is not None)


@lru_cache(maxsize=None)
def _validator_for(name: str, pruning: bool):
    schema = shipped()[name]
    parts = _jsonschema_parts()
    cls = parts["PruningValidator" if pruning else "Validator"]
    return cls(schema, registry=registry(), format_checker=parts["FORMAT_CHECKER"])


def bundled(name: str) -> dict:
    """The schema with every ``$ref``'d shipped schema embedded under ``$defs`` (for editors), still Draft 2020-12.

    References stay as they are: each embedded schema keeps its ``$id``, which is what a compound
    schema document is in Draft 2020-12, so any conforming editor resolves them without a fetch.
    """
    root = json.loads(json.dumps(shipped()[name], default=_plain))
    embedded = {}
    for other, contents in shipped().items():
        if other != name:
            embedded[other] = json.loads(json.dumps(contents, default=_plain))
    root.setdefault("$defs", {})
    for other, contents in embedded.items():
        root["$defs"][f"appcheck:{other}"] = contents
    return root


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(type(value).__name__)
