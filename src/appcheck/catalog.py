"""The requirements catalog shipped with the package (``data/catalog.json``).

It is generated from the product contract's ``requirements.yaml`` by ``scripts/sync_catalog.py``; a
test keeps the two in step. Findings take their kind (and so their severity) from here, so a topic
module names only requirement ids; ``source`` joins every topic's clause, and a finding quotes its own
topic's (``appcheck.clauses``). An installed call pack brings its own catalog in the same shape
(``data/catalog.json`` of its package, :mod:`appcheck.packs`): :func:`requirements` and :func:`calls`
are appcheck's and every sound pack's together; the shipped file holds appcheck's own only.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import attrs

from .model import Severity

#: How a failure of each kind of requirement counts (the catalog's header).
SEVERITY = {
    "hard": Severity.ERROR,
    "soft": Severity.WARNING,
    "info": Severity.INFO,
    "review": Severity.ERROR,
    "batch": Severity.ERROR,
}


@attrs.frozen
class Requirement:
    id: str
    topics: tuple
    kind: str
    rule: str
    source: str

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.kind]

    def applies_to(self, call: str, topic: str, track: str | None) -> bool:
        """True when the catalog lists this call/topic (or this call/topic#track, or call/*)."""
        names = {f"{call}/{topic}", f"{call}/*"}
        if track is not None:
            names.add(f"{call}/{topic}#{track}")
        return any(name in names for name in self.topics)


@lru_cache(maxsize=1)
def _bytes() -> bytes:
    shipped = Path(__file__).with_name("data") / "catalog.json"
    if not shipped.is_file():  # a zipped installation: importlib.resources is slower to import, so only then
        from importlib import resources

        shipped = resources.files("appcheck").joinpath("data", "catalog.json")
    return shipped.read_bytes()


@lru_cache(maxsize=1)
def _raw() -> dict:
    return json.loads(_bytes().decode("utf-8"))


def revision() -> int | None:
    """The revision of the product contract's catalogue this one was generated from."""
    return _raw().get("revision")


@lru_cache(maxsize=1)
def sha256() -> str:
    """The SHA-256 (hex) of the shipped catalogue file: which requirements, kinds and clauses were in force."""
    import hashlib

    return hashlib.sha256(_bytes()).hexdigest()


def _requirement(rid: str, entry: dict) -> Requirement:
    return Requirement(rid, tuple(entry["topics"]), entry["kind"], " ".join(entry["rule"].split()), entry["source"])


def _entries(raw: dict) -> dict[str, Requirement]:
    return {rid: _requirement(rid, entry) for rid, entry in raw["requirements"].items()}


@lru_cache(maxsize=None)
def _own_one(rid: str) -> Requirement | None:
    """One requirement of appcheck's own catalog, made when first asked for (a bundle's report needs
    those of its topic, not every call's)."""
    entry = _raw()["requirements"].get(rid)
    return None if entry is None else _requirement(rid, entry)


@lru_cache(maxsize=1)
def _own() -> dict[str, Requirement]:
    return {rid: _own_one(rid) for rid in _raw()["requirements"]}


@lru_cache(maxsize=1)
def requirements() -> dict[str, Requirement]:
    """Every requirement: appcheck's own catalog's and every sound installed pack's."""
    from . import packs

    merged = dict(_own())
    for pack in packs.healthy():
        if not packs.is_host(pack):
            merged.update(_entries(packs.raw_catalog(pack)))
    return merged


def requirement(rid: str) -> Requirement:
    """The requirement ``rid``: one of appcheck's own is found without looking for packs (a pack
    listing one of appcheck's ids is refused, so no pack can change it)."""
    found = _own_one(rid) if isinstance(rid, str) else None
    return found if found is not None else requirements()[rid]


@lru_cache(maxsize=1)
def calls() -> dict:
    """``{call: {"title", "guideline", "topics": {topic: {"title", "tracks"?}}}}`` as the catalogs list them."""
    from . import packs

    merged = dict(_raw()["calls"])
    for pack in packs.healthy():
        if not packs.is_host(pack):
            merged.update({call: entry for call, entry in packs.raw_catalog(pack).get("calls", {}).items() if call in pack.call_ids})
    return merged
