"""The clause a finding quotes: its own topic's (and track's) wording of the requirement.

The catalog's ``source`` holds the clauses of every topic a requirement covers, joined by `` / ``
(the contract's convention). A finding quotes only the clause of its own topic's section of the
guideline, found in this order:

1. the call module's ``CLAUSES`` table, for the track (``"topic#track"``) or the topic: written out
   where the contract's ``source`` has no fragment from the topic's own section, or where a track
   words the requirement its own way;
2. ``data/clauses.json``: the contract's fragments that occur in the topic's (or track's) section of
   the guideline, written by ``scripts/sync_clauses.py`` from the guideline texts (which the package
   does not ship) and the call module's ``SECTIONS`` table.

The second half of this module reads a guideline text for that script and for the tests: a call's
``SECTIONS`` table names, for each topic (and for each track that has a heading of its own), where
its section starts and ends by the headings of the guideline. Texts are compared after whitespace
folding (every run of whitespace removed: the guideline texts break lines inside words).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

#: what separates the clauses of several topics (the catalog's ``source``) and parts of one clause
TOPICS_SEPARATOR = " / "
ELISION = "……"


@cache
def _own() -> dict[str, dict[str, str]]:
    """``{call: {key: {requirement: clause}}}`` of appcheck's own calls: its ``data/clauses.json``."""
    shipped = Path(__file__).with_name("data") / "clauses.json"
    if not shipped.is_file():  # a zipped installation
        from importlib import resources

        shipped = resources.files("appcheck").joinpath("data", "clauses.json")
    return json.loads(shipped.read_text(encoding="utf-8"))


@cache
def _derived() -> dict[str, dict[str, str]]:
    """``{call: {key: {requirement: clause}}}``: appcheck's ``data/clauses.json`` and each sound call pack's."""
    merged = dict(_own())
    from . import packs

    for pack in packs.healthy():
        if not packs.is_host(pack):
            merged.update(packs.raw_clauses(pack))
    return merged


def declared(call: Any, topic_id: str, track: str | None, requirement_id: str) -> str | None:
    """The clause the call module writes out for this track or topic, if any."""
    table = getattr(call, "clauses", None) or {}
    for key in ([f"{topic_id}#{track}"] if track is not None else []) + [topic_id]:
        found = table.get(key, {}).get(requirement_id)
        if found is not None:
            return found
    return None


def clause(call: Any, topic_id: str, track: str | None, requirement_id: str, fallback: str = "") -> str:
    """The clause a finding of ``requirement_id`` quotes in ``call``'s topic (and track).

    ``track`` None on a topic with tracks gives the topic's clause (every track's wording). Where
    neither table has the pair (a call outside this package's data), ``fallback``: the catalog's source.
    """
    found = declared(call, topic_id, track, requirement_id)
    if found is not None:
        return found
    from .packs import OWN_CALLS

    # one of appcheck's own calls: its own table (a pack cannot register its id, so cannot add to it)
    derived = (_own() if call.id in OWN_CALLS else _derived()).get(call.id, {})
    for key in ([f"{topic_id}#{track}"] if track is not None else []) + [topic_id]:
        found = derived.get(key, {}).get(requirement_id)
        if found is not None:
            return found
    return fallback


# ----------------------------------------------------------------------------- reading a guideline

class SectionError(ValueError):
    """A ``SECTIONS`` table that does not fit its guideline text (a heading missing or not unique)."""


#: stands between the pieces of a section, so that no fragment can match across a cut
_CUT = "\x00"


def fold(text: str) -> str:
    """``text`` with every run of whitespace removed (the guideline texts break lines inside words)."""
    return "".join(text.split())


def fragments(quoted: str) -> list[str]:
    """The verbatim fragments of a clause: split at `` / `` (topics) and ``……`` (elisions), folded."""
    return [fold(part) for piece in quoted.split(TOPICS_SEPARATOR) for part in piece.split(ELISION) if fold(part)]


def _span(folded: str, start: str, end: str | None, where: str) -> tuple[int, int]:
    head = fold(start)
    first = folded.find(head)
    if first < 0:
        raise SectionError(f"{where}: heading {start!r} is not in the guideline")
    if folded.find(head, first + 1) >= 0:
        raise SectionError(f"{where}: heading {start!r} occurs more than once; give more of it")
    if end is None:
        return first, len(folded)
    stop = folded.find(fold(end), first + len(head))
    if stop < 0:
        raise SectionError(f"{where}: no {end!r} after {start!r}")
    return first, stop


def _mask(folded: str, spans: Iterable[tuple[str, str | None]], where: str) -> set[int]:
    covered: set[int] = set()
    for start, end in spans:
        first, stop = _span(folded, start, end, where)
        covered.update(range(first, stop))
    return covered


def section(text: str, sections: Mapping[str, tuple], key: str) -> str:
    """The folded text of ``key``'s section (``"topic"`` or ``"topic#track"``) of a guideline.

    A topic's section is the union of its spans. A track's section is its topic's section without
    the spans of the topic's other tracks, plus its own spans; a track without spans of its own
    (its topic has no heading per track) has its topic's section. Pieces are joined by a character
    no fragment contains, so a fragment never matches across a cut.
    """
    folded = fold(text)
    topic, _, track = key.partition("#")
    if topic not in sections:
        raise SectionError(f"{topic}: no section in the table")
    covered = _mask(folded, sections[topic], topic)
    own_tracks = [other for other in sections if other.startswith(f"{topic}#")]
    if track and own_tracks and key not in sections:
        raise SectionError(f"{key}: its topic's other tracks have sections, this one has none")
    if track and key in sections:
        for other in own_tracks:
            if other != key:
                covered -= _mask(folded, sections[other], other)
        covered |= _mask(folded, sections[key], key)
    pieces, piece, last = [], [], None
    for index in sorted(covered):
        if last is not None and index != last + 1:
            pieces.append("".join(piece))
            piece = []
        piece.append(folded[index])
        last = index
    pieces.append("".join(piece))
    return _CUT.join(pieces)


def missing(quoted: str, section_text: str) -> list[str]:
    """The fragments of ``quoted`` that do not occur in ``section_text`` (folded): none when it quotes its section."""
    return [part for part in fragments(quoted) if part not in section_text]


def derive(source: str, section_text: str) -> str | None:
    """The contract's clauses (``source`` split at `` / ``) whose every fragment occurs in the section,
    joined again; a clause contained in another one kept is left out. None when no clause occurs."""
    kept = [piece for piece in source.split(TOPICS_SEPARATOR) if fragments(piece) and not missing(piece, section_text)]
    kept = [piece for piece in kept if not any(piece != other and fold(piece) in fold(other) for other in kept)]
    return TOPICS_SEPARATOR.join(dict.fromkeys(kept)) or None
