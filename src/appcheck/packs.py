"""Call packs: where every call comes from.

A call pack is an installed Python distribution that registers calls under the entry-point group
``appcheck.calls``: each entry point is named after the call id and points at the call module's
``CALL`` (``zj-2027 = "appcheck_zj2027.zj2027:CALL"``). appcheck's own calls are registered the same
way, in its own ``pyproject.toml``, and every call, its own or a pack's, is then loaded and checked
the same way (see below for how appcheck's own are found).

A pack's data lie in the top-level package of its call modules, laid out as appcheck's own:

- ``data/catalog.json``: the catalog of its calls, in the shape of appcheck's (``{"calls": {...},
  "requirements": {id: {"topics", "kind", "rule", "source"}}}``);
- ``data/clauses.json`` (optional): the clauses derived from the guideline, ``{call: {"topic" or
  "topic#track": {requirement: clause}}}`` (see :mod:`appcheck.clauses`);
- ``data/guidelines/<call>.txt`` (optional): the guideline text, where the call's catalog entry names it;
- ``schemas/<call>/<topic>.json``: the topics' JSON Schemas (Draft 2020-12), which may ``$ref``
  appcheck's shared ``../defs.json``.

A pack is refused, with a :class:`PackError` naming it (and the other pack, for a clash), when it
cannot be loaded, registers or declares a call id another pack registers, checks a requirement its
catalog has no entry for, ships a schema that is not valid Draft 2020-12 (or one another pack ships),
or lists a requirement id another pack lists (or one appcheck reserves: ``SCHEMA``, ``LOAD``,
``TOPIC``, ``AS-OF``, ``WAIVER``), or whose entry names a topic of a call not its own; a pack whose calls lie in several top-level packages, and a call
whose settings are not named ``<call id>.NAME``, are refused too. appcheck's own calls win a clash
with a pack; two other packs clashing are both refused. A refused pack takes nothing from the others: its calls are
unknown, every other call works as before. Nothing here prints or exits.

appcheck's own calls are known without reading any distribution's metadata (:data:`OWN_CALLS`, the
table its ``pyproject.toml`` registers, kept in step by a test): since they win any clash, a bundle
of one of them is checked the same whatever packs are installed, and checking it never scans the
installed distributions (``importlib.metadata``) nor reads another pack's data. The packs are
discovered when something needs them: a call appcheck does not have, a listing of every call
(``appcheck topics``, ``--set``), the refusals.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any, Iterator

import attrs

from .converters import to_tuple

GROUP = "appcheck.calls"
#: the distribution of appcheck itself (its calls win any clash)
HOST = "appcheck"
#: appcheck's own calls, ``{call id: "module:attribute"}``: the ``appcheck.calls`` entry points of
#: its ``pyproject.toml`` (a test keeps the two in step), read from here rather than from the
#: installed metadata
OWN_CALLS = {
    "gd-2022": "appcheck.topics.gd2022:CALL",
    "most-2022": "appcheck.topics.most2022:CALL",
    "zj-2022": "appcheck.topics.zj2022:CALL",
    "zj-2025": "appcheck.topics.zj2025:CALL",
    "zj-2026": "appcheck.topics.zj2026:CALL",
}


class PackError(Exception):
    """A pack that is refused: ``pack`` names it (``"name version"``), ``message`` says why."""

    def __init__(self, pack: str, message: str) -> None:
        super().__init__(f"call pack {pack}: {message}")
        self.pack = pack
        self.message = message


@attrs.frozen
class Pack:
    """An installed distribution registering calls: its name, version and ``{call id: entry point}``."""

    name: str
    version: str
    entry_points: tuple = attrs.field(converter=to_tuple)

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def call_ids(self) -> tuple[str, ...]:
        return tuple(point.name for point in self.entry_points)

    @property
    def package(self) -> str:
        """The top-level package of its call modules, which holds its data."""
        modules = {point.value.partition(":")[0].partition(".")[0].strip() for point in self.entry_points}
        return sorted(modules)[0] if modules else HOST


class OwnEntry:
    """One of appcheck's own calls, as its entry point names it (``name``, ``value``), loaded by importing its module."""

    __slots__ = ("name", "value")

    def __init__(self, name: str, value: str) -> None:
        self.name, self.value = name, value

    def load(self) -> Any:
        from importlib import import_module

        module, _, attribute = self.value.partition(":")
        return getattr(import_module(module), attribute)

    def __repr__(self) -> str:
        return f"OwnEntry({self.name!r}, {self.value!r})"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@cache
def host() -> Pack:
    """appcheck's own pack: its name, its version and :data:`OWN_CALLS` (no metadata is read)."""
    from . import __version__

    return Pack(HOST, __version__, [OwnEntry(name, value) for name, value in sorted(OWN_CALLS.items())])


@cache
def installed() -> dict[str, Pack]:
    """Every pack, by distribution name (appcheck itself always among them, as :func:`host`), from the entry points.

    Distributions are read as ``importlib.metadata.entry_points`` reads them (the first of a name on
    ``sys.path`` wins); should that fail on a broken distribution, they are read one by one and the
    broken one registers nothing.
    """
    from importlib import metadata

    grouped: dict[str, list] = {}
    versions: dict[str, str] = {}
    try:
        found = [(point.dist, point) for point in metadata.entry_points(group=GROUP)]
    except Exception:  # a broken distribution among them: read them one by one, skipping it  # noqa: BLE001
        found = []
        for dist in _unique(metadata.distributions()):
            try:
                found += [(dist, point) for point in dist.entry_points if point.group == GROUP]
            except Exception:  # noqa: BLE001
                continue
    for dist, point in found:
        try:
            name, version = dist.metadata["Name"], dist.version
        except Exception:  # noqa: BLE001
            name, version = None, None
        name = name if isinstance(name, str) else point.value.partition(".")[0]
        if _normal(name) == HOST:  # appcheck's own entry points: OWN_CALLS
            continue
        grouped.setdefault(name, []).append(point)
        versions[name] = version if isinstance(version, str) else "?"
    found = {name: Pack(name, versions[name], sorted(points, key=lambda p: p.name)) for name, points in grouped.items()}
    found[HOST] = host()
    return dict(sorted(found.items()))


def _unique(dists) -> Iterator:
    """Each distribution once, the first of a name on ``sys.path`` (as ``importlib.metadata`` reads them)."""
    seen: set[str] = set()
    for dist in dists:
        try:
            name = _normal(dist.metadata["Name"])
        except Exception:  # noqa: BLE001
            continue
        if name not in seen:
            seen.add(name)
            yield dist


def is_host(pack: Pack) -> bool:
    """True for appcheck's own distribution."""
    return _normal(pack.name) == HOST


# ----------------------------------------------------------------------------- a pack's data

def data_root(pack: Pack):
    """The folder (a ``Traversable``) of the pack's top-level package."""
    if is_host(pack):  # the same files as catalog, clauses and schemas read themselves
        from pathlib import Path

        return Path(__file__).parent
    from importlib import resources

    return resources.files(pack.package)


def _read_json(pack: Pack, entry, what: str) -> Any:
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PackError(pack.label, f"its {what} cannot be read: {error}") from None


def _guard(pack: Pack, what: str, read):
    """``read()``, a :class:`PackError` naming the pack for anything that goes wrong in it."""
    try:
        return read()
    except PackError:
        raise
    except Exception as error:  # a pack's package that cannot even be found or imported  # noqa: BLE001
        raise PackError(pack.label, f"its {what} cannot be read ({type(error).__name__}: {error})") from None


@cache
def raw_catalog(pack: Pack) -> dict:
    """The pack's ``data/catalog.json`` (``{"calls", "requirements"}``); PackError when missing or malformed."""
    if is_host(pack):
        from .catalog import _raw

        return _raw()

    def read() -> dict:
        entry = data_root(pack).joinpath("data", "catalog.json")
        if not entry.is_file():
            raise PackError(pack.label, f"it has no catalog (data/catalog.json in package {pack.package})")
        data = _read_json(pack, entry, "catalog (data/catalog.json)")
        if not isinstance(data, dict) or not isinstance(data.get("requirements"), dict) or not isinstance(data.get("calls", {}), dict):
            raise PackError(pack.label, "its catalog (data/catalog.json) is not {\"calls\": {...}, \"requirements\": {...}}")
        for rid, entry in data["requirements"].items():
            if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("kind", "rule", "source")) \
                    or not isinstance(entry.get("topics"), list):
                raise PackError(pack.label, f"its catalog entry {rid} needs topics (a list), kind, rule and source (text)")
            from .catalog import SEVERITY

            if entry["kind"] not in SEVERITY:
                raise PackError(pack.label, f"its catalog entry {rid} has kind {entry['kind']!r}; kinds: {', '.join(SEVERITY)}")
        return data

    return _guard(pack, "catalog", read)


@cache
def raw_clauses(pack: Pack) -> dict:
    """The pack's ``data/clauses.json`` for its own calls (empty when it ships none)."""
    def read() -> dict:
        entry = data_root(pack).joinpath("data", "clauses.json")
        if not entry.is_file():
            return {}
        data = _read_json(pack, entry, "clauses (data/clauses.json)")
        shaped = isinstance(data, dict) and all(
            isinstance(table, dict) and all(isinstance(quotes, dict) and all(isinstance(text, str) for text in quotes.values())
                                            for quotes in table.values())
            for table in data.values())
        if not shaped:
            raise PackError(pack.label, "its clauses (data/clauses.json) are not {call: {topic: {requirement: clause}}}")
        return {call: table for call, table in data.items() if call in pack.call_ids or is_host(pack)}

    return _guard(pack, "clauses", read)


@cache
def raw_schemas(pack: Pack) -> dict[str, Any]:
    """The pack's schemas by path under its ``schemas`` folder, read with exact decimals.

    appcheck's own are :func:`appcheck.schemas.own` (checked by its tests, read without jsonschema on
    the fast path); another pack's schemas must each be valid Draft 2020-12 and carry no ``$id`` other than
    the one appcheck registers them under (so no pack can stand in for another's schema).
    """
    from .schemas import BASE_URI, json_files, own, read_schema_text

    if is_host(pack):
        return own()

    def read() -> dict:
        folder = data_root(pack).joinpath("schemas")
        if not folder.is_dir():
            return {}
        found = {}
        for name, entry in json_files(folder):
            try:
                found[name] = read_schema_text(entry.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as error:
                raise PackError(pack.label, f"its schema schemas/{name} cannot be read: {error}") from None
        from jsonschema import Draft202012Validator, SchemaError

        for name, contents in found.items():
            try:
                Draft202012Validator.check_schema(contents)
            except SchemaError as error:
                where = "/".join(str(part) for part in error.absolute_path) or "the root"
                raise PackError(pack.label, f"its schema schemas/{name} is not valid Draft 2020-12 (at {where}): {error.message}") from None
            if isinstance(contents, dict) and contents.get("$id", BASE_URI + name) != BASE_URI + name:
                raise PackError(pack.label, f"its schema schemas/{name} has $id {contents['$id']!r}; it must be {BASE_URI + name!r} or none")
        return found

    return _guard(pack, "schemas", read)


# ----------------------------------------------------------------------------- refusals

@cache
def static_problem(pack: Pack) -> PackError | None:
    """Why the pack is refused without importing its modules (its data, or a clash with another pack).

    appcheck's own data are checked by its tests; it is never refused.
    """
    if is_host(pack):
        return None
    try:
        catalog = raw_catalog(pack)
        schemas = raw_schemas(pack)
        raw_clauses(pack)
    except PackError as error:
        return error
    from .model import AS_OF, LOAD, SCHEMA, TOPIC, WAIVER

    reserved = sorted(set(catalog["requirements"]) & {AS_OF, LOAD, SCHEMA, TOPIC, WAIVER})
    if reserved:
        return PackError(pack.label, f"lists requirement {reserved[0]}, an id appcheck reserves for its own findings")
    packages = {point.value.partition(":")[0].partition(".")[0].strip() for point in pack.entry_points}
    if len(packages) > 1:
        return PackError(pack.label, f"its calls' modules lie in several packages ({', '.join(sorted(packages))}); "
                                     "a pack's calls and data share one top-level package")
    for other in installed().values():
        if other == pack:
            continue
        taken = sorted(set(pack.call_ids) & set(other.call_ids))
        if taken:
            return PackError(pack.label, f"registers call {taken[0]}, which {other.label} registers too")
        try:
            other_catalog, other_schemas = raw_catalog(other), raw_schemas(other)
        except PackError:
            continue  # the other pack is refused on its own account
        shared = sorted(set(catalog["requirements"]) & set(other_catalog["requirements"]))
        if shared:
            return PackError(pack.label, f"lists requirement {shared[0]}, which {other.label} lists too"
                                         + (f" (and {len(shared) - 1} more)" if len(shared) > 1 else ""))
        same = sorted(set(schemas) & set(other_schemas))
        if same:
            return PackError(pack.label, f"ships schemas/{same[0]}, which {other.label} ships too")
    for rid, entry in catalog["requirements"].items():
        elsewhere = [name for name in entry["topics"] if not isinstance(name, str) or name.partition("/")[0] not in pack.call_ids]
        if elsewhere:
            return PackError(pack.label, f"its catalog entry {rid} names {elsewhere[0]!r}, not a topic of its own calls "
                                         f"({', '.join(pack.call_ids) or 'none'})")
    return None


def healthy() -> list[Pack]:
    """The packs whose data are sound (their calls may still fail to import: :func:`load` says)."""
    return [pack for pack in installed().values() if static_problem(pack) is None]


def pack_of(call_id: str) -> Pack | None:
    """The pack registering ``call_id`` (appcheck's own first: then no other pack is looked for), or None."""
    if isinstance(call_id, str) and call_id in OWN_CALLS:
        return host()
    return next((pack for pack in installed().values() if call_id in pack.call_ids), None)


#: the calls loaded so far and the refusals found, by call id
_LOADED: dict[str, Any] = {}


def load(call_id: str):
    """The call registered as ``call_id``: None when no pack registers it; PackError when its pack is refused."""
    if call_id in _LOADED:
        found = _LOADED[call_id]
        if isinstance(found, PackError):
            raise found
        return found
    pack = pack_of(call_id)
    if pack is None:
        return None
    try:
        found = _load(pack, call_id)
    except PackError as error:
        _LOADED[call_id] = error
        raise
    _LOADED[call_id] = found
    return found


def _load(pack: Pack, call_id: str):
    from .topics import Call

    problem = static_problem(pack)
    if problem is not None:
        raise problem
    point = next(point for point in pack.entry_points if point.name == call_id)
    try:
        found = point.load()
    except (Exception, SystemExit) as error:  # whatever a pack's module does on import, it is the pack's error
        raise PackError(pack.label, f"call {call_id} ({point.value}) cannot be loaded: {type(error).__name__}: {error}") from None
    if not isinstance(found, Call):
        raise PackError(pack.label, f"call {call_id} ({point.value}) is a {type(found).__name__}, not an appcheck.topics.Call")
    if found.id != call_id:
        owner = pack_of(found.id)
        whose = f", which {owner.label} registers" if owner is not None and owner != pack else ""
        raise PackError(pack.label, f"entry point {call_id} ({point.value}) declares call id {found.id!r}{whose}; "
                                    f"the entry point's name must be the call's id")
    foreign = [setting.name for setting in found.settings if not setting.name.startswith(f"{call_id}.")]
    if foreign:
        raise PackError(pack.label, f"call {call_id} declares setting {foreign[0]!r}; a call's settings are named {call_id}.NAME")
    listed = raw_catalog(pack)["requirements"]
    if is_host(pack):  # its schemas' names: the files are read as each is needed
        from .schemas import _own_entries

        schemas = _own_entries()
    else:
        schemas = raw_schemas(pack)
    for topic in found.topics:
        if topic.call != call_id:
            raise PackError(pack.label, f"call {call_id}'s topic {topic.id} says it belongs to call {topic.call!r}")
        missing = sorted({check.requirement for check in topic.checks} - set(listed))
        if missing:
            raise PackError(pack.label, f"{topic.name} checks {', '.join(missing)}, which its catalog (data/catalog.json) has no entry for")
        if topic.schema not in schemas:
            raise PackError(pack.label, f"{topic.name}'s schema schemas/{topic.schema} is not in the pack")
    return found


def refusals() -> list[PackError]:
    """Every refused pack, once each (loads every call of every pack)."""
    found: dict[str, PackError] = {}
    for pack in installed().values():
        for call_id in pack.call_ids:
            if pack_of(call_id) != pack:  # another pack (appcheck's own) holds the id
                problem = static_problem(pack) or PackError(pack.label, f"registers call {call_id}, which {pack_of(call_id).label} registers")
                found.setdefault(pack.label, problem)
                continue
            try:
                load(call_id)
            except PackError as error:
                found.setdefault(pack.label, error)
        if not pack.call_ids and static_problem(pack) is not None and not is_host(pack):
            found.setdefault(pack.label, static_problem(pack))
    return list(found.values())


def refusal(call_id: Any) -> PackError | None:
    """Why the call ``call_id`` is not available though a pack registers it (None if it is, or none does)."""
    if not isinstance(call_id, str) or pack_of(call_id) is None:
        return None
    try:
        load(call_id)
    except PackError as error:
        return error
    return None

