"""Topics: which rules a call's topic (and track) is checked against.

One module per call (``gd2022`` ...) reads top to bottom like its guideline: the track tables, then
the topic definitions, each a list of :class:`Check` (a requirement id from the catalog and the rule
object that enforces it). This package holds the shapes and the registry; modules are imported
only when a bundle of their call is checked.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Mapping
from typing import Any

import attrs

from ..rules.base import PerTrack

def _module_name(call_id: str) -> str:
    """The module of a call: its id without dashes (``gd-2022`` -> ``gd2022``)."""
    return call_id.replace("-", "")


def call_ids() -> tuple[str, ...]:
    """Every call this installation covers, from the call modules of this package."""
    ids = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if isinstance(getattr(module, "CALL", None), Call):
            ids.append(module.CALL.id)
    return tuple(sorted(ids))


@attrs.frozen
class Check:
    """One requirement of a topic and the rule object that enforces it.

    ``tracks`` limits the check to some tracks of the topic (the catalog's ``topic#track`` entries);
    ``None`` means every track.
    """

    requirement: str
    rule: Any
    tracks: frozenset | None = attrs.field(default=None, converter=attrs.converters.optional(frozenset))

    def applies(self, track: str | None) -> bool:
        return self.tracks is None or track in self.tracks

    @property
    def batch(self) -> bool:
        return hasattr(self.rule, "check_batch")


@attrs.frozen
class Track:
    id: str
    title: str
    title_en: str = ""


@attrs.frozen
class Setting:
    """A call-level value the guideline leaves open, set by the caller (``settings={name: value}``)."""

    name: str
    doc: str
    doc_en: str
    default: Any = None
    parse: Any = attrs.field(default=None)  # str -> value, for the command line

    def convert(self, value: Any) -> Any:
        if isinstance(value, str) and self.parse is not None:
            return self.parse(value)
        return value


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _unique_ids(instance, attribute, checks) -> None:
    seen: set[tuple[str, frozenset | None]] = set()
    for check in checks:
        key = (check.requirement, check.tracks)
        if key in seen:
            raise ValueError(f"{instance.call}/{instance.id}: {check.requirement} is declared twice")
        seen.add(key)


@attrs.frozen
class Topic:
    call: str
    id: str
    title: str
    title_en: str
    checks: tuple = attrs.field(converter=tuple, validator=_unique_ids)
    tracks: tuple = attrs.field(converter=tuple, default=())
    #: schema file, relative to the schemas folder
    schema: str = ""

    def __attrs_post_init__(self) -> None:
        track_ids = {track.id for track in self.tracks}
        for check in self.checks:
            if check.tracks is not None and not check.tracks <= track_ids:
                raise ValueError(f"{self.name}: {check.requirement} names unknown tracks {sorted(check.tracks - track_ids)}")
            if isinstance(check.rule, PerTrack):
                wanted = check.tracks if check.tracks is not None else track_ids
                if check.rule.tracks() != wanted:
                    raise ValueError(f"{self.name}: {check.requirement}'s track table covers {sorted(check.rule.tracks())}, the topic has {sorted(wanted)}")

    @property
    def name(self) -> str:
        return f"{self.call}/{self.id}"

    def track(self, track_id: str | None) -> Track | None:
        return next((track for track in self.tracks if track.id == track_id), None)

    def checks_for(self, track: str | None) -> tuple:
        return tuple(check for check in self.checks if check.applies(track))


@attrs.frozen
class Call:
    id: str
    title: str
    title_en: str
    topics: tuple = attrs.field(converter=tuple)
    settings: tuple = attrs.field(converter=tuple, default=())
    #: a note every finding of the call carries (zj-2025 is a pre-notice)
    note: str = ""
    note_en: str = ""

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)

    def setting(self, name: str) -> Setting | None:
        return next((setting for setting in self.settings if setting.name == name), None)


#: the calls looked up so far (a call module is imported once; every bundle asks for its call)
_CALLS: dict[str, Call] = {}


def call(call_id: str) -> Call | None:
    """The call with this id, importing only its module; None when no module covers it."""
    if type(call_id) is str and call_id in _CALLS:
        return _CALLS[call_id]
    if not isinstance(call_id, str) or not call_id or not all(c.isalnum() or c == "-" for c in call_id):
        return None
    try:
        module = importlib.import_module(f"{__name__}.{_module_name(call_id)}")
    except ModuleNotFoundError:
        return None
    found = getattr(module, "CALL", None)
    if isinstance(found, Call) and found.id == call_id:
        _CALLS[call_id] = found
        return found
    return None


def calls() -> tuple[Call, ...]:
    return tuple(call(call_id) for call_id in call_ids())


def topic(name: str) -> Topic | None:
    """Look up ``"call/topic"``."""
    call_id, _, topic_id = name.partition("/")
    found = call(call_id)
    return found.topic(topic_id) if found else None


def resolve_settings(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """Check the caller's settings against the calls' declared settings and fill in the defaults.

    Raises ``ValueError`` for an unknown setting name (a programming error of the caller).
    """
    known = {setting.name: setting for each in calls() for setting in each.settings}
    resolved = {name: setting.default for name, setting in known.items()}
    for name, value in (settings or {}).items():
        if name not in known:
            raise ValueError(f"unknown setting {name!r}; known: {', '.join(sorted(known)) or 'none'}")
        resolved[name] = known[name].convert(value)
    return resolved
