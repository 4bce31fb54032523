"""Topics: which rules a call's topic (and track) is checked against.

One module per call (``gd2022`` ...) reads top to bottom like its guideline: the track tables, then
the topic definitions, each a list of :class:`Check` (a requirement id from the catalog and the rule
object that enforces it). This package holds the shapes and the registry. Every call, appcheck's own
as well as those of installed call packs, is registered under the entry-point group
``appcheck.calls`` (:mod:`appcheck.packs`); a call's module is imported only when a bundle of that
call is checked (or every call is listed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ..converters import to_frozenset, to_tuple
from ..rules.base import PerTrack


def call_ids() -> tuple[str, ...]:
    """Every call this installation covers: every call of every installed pack that is not refused."""
    from .. import packs

    ids = {call_id for pack in packs.installed().values() for call_id in pack.call_ids}
    return tuple(sorted(call_id for call_id in ids if call(call_id) is not None))


@attrs.frozen
class Check:
    """One requirement of a topic and the rule object that enforces it.

    ``tracks`` limits the check to some tracks of the topic (the catalog's ``topic#track`` entries);
    ``None`` means every track.
    """

    requirement: str
    rule: Any
    tracks: frozenset | None = attrs.field(default=None, converter=attrs.converters.optional(to_frozenset))

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
class SettingKind:
    """What a setting accepts: ``convert(value)`` gives the value the rules read, or raises
    ``ValueError``; ``accepts`` says what is accepted, for the error message."""

    accepts: str
    convert: Any


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR = re.compile(r"[1-9][0-9]{0,3}")
MAX_YEAR = dt.MAXYEAR - 1
"""The last year a year setting may name: 次年 (the year after) must still be a calendar year."""


def _to_date(value: Any) -> dt.date:
    if type(value) is dt.date:  # a datetime (a subclass) carries a time of day: not a date
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)  # ValueError for a day the calendar does not have
    raise ValueError


def _to_year(value: Any) -> int:
    if isinstance(value, str) and _YEAR.fullmatch(value):  # ASCII digits only: int() also takes "２０２１"
        value = int(value)
    if type(value) is int and 1 <= value <= MAX_YEAR:  # not a bool, not a float
        return value
    raise ValueError


DATE = SettingKind("a date: the text YYYY-MM-DD or a datetime.date", _to_date)
YEAR = SettingKind(f"a year: a whole number from 1 to {MAX_YEAR} (an int, or its ASCII digits)", _to_year)


@attrs.frozen
class Setting:
    """A call-level value the guideline leaves open, set by the caller (``settings={name: value}``).

    ``kind`` says what it accepts (:data:`DATE`, :data:`YEAR`); ``None`` means "unset" and is
    accepted only where the default is ``None``.
    """

    name: str
    doc: str
    doc_en: str
    default: Any = None
    kind: SettingKind = attrs.field(default=None, validator=attrs.validators.instance_of(SettingKind))

    def convert(self, value: Any) -> Any:
        """``value`` as the rules read it; ``ValueError`` naming the setting and what it accepts."""
        if value is None and self.default is None:
            return None
        try:
            return self.kind.convert(value)
        except ValueError:
            pass
        unset = ", or None for unset" if self.default is None else ""
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:40] + "…"
        raise ValueError(
            f"setting {self.name!r} accepts {self.kind.accepts}{unset}; got {shown} ({type(value).__name__})"
        ) from None


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
    checks: tuple = attrs.field(converter=to_tuple, validator=_unique_ids)
    tracks: tuple = attrs.field(converter=to_tuple, default=())
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
    topics: tuple = attrs.field(converter=to_tuple)
    settings: tuple = attrs.field(converter=to_tuple, default=())
    #: a note every finding of the call carries (zj-2025 is a pre-notice)
    note: str = ""
    note_en: str = ""
    #: where each topic's (and track's) section of the guideline starts and ends, by its headings:
    #: ``{"topic" or "topic#track": ((start heading, end heading or None), ...)}`` (see ``appcheck.clauses``)
    sections: Mapping = attrs.field(factory=dict, hash=False)
    #: the clauses written out per topic or track: ``{"topic" or "topic#track": {requirement id: clause}}``
    clauses: Mapping = attrs.field(factory=dict, hash=False)

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)

    def setting(self, name: str) -> Setting | None:
        return next((setting for setting in self.settings if setting.name == name), None)


#: the calls looked up so far (a call module is imported once; every bundle asks for its call)
_CALLS: dict[str, Call] = {}


def call(call_id: str) -> Call | None:
    """The call with this id, importing only its module; None when no pack registers it, or its pack
    is refused (:func:`refusal` says why)."""
    if type(call_id) is str and call_id in _CALLS:
        return _CALLS[call_id]
    if not isinstance(call_id, str) or not call_id:
        return None
    from .. import packs

    try:
        found = packs.load(call_id)
    except packs.PackError:
        return None
    if found is not None:
        _CALLS[call_id] = found
    return found


def refusal(call_id: Any) -> str | None:
    """Why a call some installed pack registers is not available (its pack is refused), else None."""
    from .. import packs

    problem = packs.refusal(call_id)
    return str(problem) if problem is not None else None


def calls() -> tuple[Call, ...]:
    return tuple(call(call_id) for call_id in call_ids())


def topic(name: str) -> Topic | None:
    """Look up ``"call/topic"``."""
    call_id, _, topic_id = name.partition("/")
    found = call(call_id)
    return found.topic(topic_id) if found else None


def resolve_settings(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """Check the caller's settings against the calls' declared settings and fill in the defaults.

    The one place settings are checked (the engine, the command line's ``--set`` and the
    configuration file all come here): ``TypeError`` when ``settings`` is not a mapping of names,
    ``ValueError`` for an unknown setting name or a value the setting does not accept, naming the
    setting and what it accepts (a programming or usage error of the caller, never a finding).
    """
    if settings is not None and not isinstance(settings, Mapping):
        raise TypeError(f"settings must be a mapping of setting names to values, not {type(settings).__name__}")
    known = {setting.name: setting for each in calls() for setting in each.settings}
    resolved = {name: setting.default for name, setting in known.items()}
    for name, value in (settings or {}).items():
        if not isinstance(name, str):
            raise TypeError(f"setting names are str, not {type(name).__name__} ({name!r})")
        if name not in known:
            raise ValueError(f"unknown setting {name!r}; known: {', '.join(sorted(known)) or 'none'}")
        resolved[name] = known[name].convert(value)
    return resolved
