"""Finding construction: a check's outcome made into its finding (the requirement's severity and the
clause it quotes, message and values clipped to their limits), and where the findings point in the
text (line and column, pointers that resolve)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import threading
import weakref
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from .. import catalog, clauses, topics
from ..model import MESSAGE_LIMIT, SCHEMA, Finding, Severity, Status, made_finding, place_later, placed_waiting, said_later
from ..rules.base import MISSING, Outcome, excerpt, passed_saying, words_of

def _source(call: Any, topic: Any, track: str | None, requirement: catalog.Requirement) -> str:
    quoted = clauses.clause(call, topic.id, track, requirement.id, fallback=requirement.source)
    text = f"{call.title}·{topic.title}（{topic.name}）：“{quoted}”"
    if call.note:
        text += f"（{call.note}）"
    return text


VALUE_LIMIT = 200

_PLAIN = frozenset({type(None), bool, int, float, Decimal, str})

#: the types a finding keeps as they are, whatever their size (checked by exact type: the common case)
_KEPT = frozenset({type(None), bool, int, float, Decimal, dt.date})

#: how deep a finding's value is kept: deeper containers are summed up (``[…3]``, ``{…2}``)
VALUE_DEPTH = 8


def clip(value: Any, limit: int, depth: int = VALUE_DEPTH) -> Any:
    """Keep findings small and plain whatever the bundle holds: long strings are cut in the middle, long
    arrays after 50 items, containers below :data:`VALUE_DEPTH` levels summed up by their size;
    containers become plain lists and dicts, their items clipped at VALUE_LIMIT; a value a rule could
    not find is None, and anything else not JSON's is its text."""
    kind = type(value)
    if kind is str:  # the common cases first, by exact type
        return value if len(value) <= limit else excerpt(value, limit)
    if kind in _PLAIN:
        return value
    if depth <= 0 and isinstance(value, (list, tuple, Mapping)):
        return f"{'{' if isinstance(value, Mapping) else '['}…{len(value)}{'}' if isinstance(value, Mapping) else ']'}"
    # an item kept as it is (a number, a date, a short string) is not passed to clip again
    if kind is dict and len(value) <= 50:
        return {
            key: item if type(item) in _KEPT or (type(item) is str and len(item) <= VALUE_LIMIT) else clip(item, VALUE_LIMIT, depth - 1)
            for key, item in value.items()
        }
    if (kind is list or kind is tuple) and len(value) <= 50:
        return [item if type(item) in _KEPT or (type(item) is str and len(item) <= VALUE_LIMIT) else clip(item, VALUE_LIMIT, depth - 1) for item in value]
    if isinstance(value, str):
        return str(value) if len(value) <= limit else excerpt(value, limit)
    if isinstance(value, (list, tuple)) and len(value) > 50:
        return [clip(item, VALUE_LIMIT, depth - 1) for item in value[:50]] + [f"… {len(value) - 50} more"]
    if isinstance(value, (list, tuple)):
        return [clip(item, VALUE_LIMIT, depth - 1) for item in value]
    if isinstance(value, Mapping):
        clipped = {str(key): clip(item, VALUE_LIMIT, depth - 1) for key, item in itertools.islice(value.items(), 50)}
        if len(value) > 50:
            clipped["…"] = f"{len(value) - 50} more"
        return clipped
    if isinstance(value, (bool, int, float, Decimal, dt.date)):
        return value
    if value is MISSING:
        return None
    return str(value)


@functools.cache
def _cited(call_id: str, topic_id: str, track: str | None, requirement_id: str) -> tuple[Severity, str]:
    """A requirement's severity and its topic's (and track's) quoted clause: the same for every finding of it."""
    call = topics.call(call_id)
    topic = call.topic(topic_id)
    requirement = catalog.requirement(requirement_id)
    return requirement.severity, _source(call, topic, track, requirement)


def finding_for(
    check: topics.Check, outcome: Outcome, call: Any, topic: Any, line: int | None = None, column: int | None = None, bundles: tuple = (),
    track: str | None = None,
) -> Finding:
    """The finding of ``check``'s ``outcome``: its requirement's severity and the clause of its topic (and
    track), the message and values clipped to their limits, and where it points in the text (or, see
    :meth:`Places.later`, will point once asked).

    An outcome whose messages are still words (:func:`~appcheck.rules.base.passed_saying`, not yet
    read) gives them to the finding uncalled: the finding formats and clips its messages when
    either is first read (:func:`~appcheck.model.said_later`), the same text as if made now."""
    severity, source = _cited(call.id, topic.id, track, check.requirement)
    words = outcome.__dict__.get("_words")  # words_of(outcome), inline: a finding of every check is made here
    if words is None:
        message, message_en = outcome.message, outcome.message_en
        if type(message) is not str or len(message) > MESSAGE_LIMIT:
            message = clip(message, MESSAGE_LIMIT)
        if type(message_en) is not str or len(message_en) > MESSAGE_LIMIT:
            message_en = clip(message_en, MESSAGE_LIMIT)
    else:  # the finding clips them when said (see said_later)
        message = message_en = ""
    expected, actual = outcome.expected, outcome.actual
    if expected is not None and type(expected) not in _KEPT:
        expected = clip(expected, VALUE_LIMIT)
    if actual is not None and type(actual) not in _KEPT:
        actual = clip(actual, VALUE_LIMIT)
    status, segments = outcome.status, outcome.segments
    if bundles == () and type(status) is Status and type(severity) is Severity and type(segments) is tuple:  # the common case: no converter needed
        return made_finding(check.requirement, status, severity, segments, message, message_en, source, expected, actual, line, column, words)
    finding = Finding(check.requirement, status, severity, segments, message, message_en, source, expected, actual, bundles, line, column)
    return finding if words is None else said_later(finding, words)


def finding_at(check: topics.Check, outcome: Outcome, call: Any, topic: Any, positions: Mapping, track: str | None = None) -> Finding:
    """:func:`finding_for`, placed where ``positions`` (``{path: (line, column) or None}``) puts ``outcome``'s path."""
    position = positions.get(outcome.segments)
    if position is None:
        return finding_for(check, outcome, call, topic, track=track)
    return finding_for(check, outcome, call, topic, position[0], position[1], track=track)


def positions(text: str | None, text_format: str, paths: list) -> list:
    """``(line, column)`` (or None) of each path in ``text``."""
    if text is None or not paths:
        return [None] * len(paths)
    if text_format == "yaml":
        from ..yaml_loading import locate_yaml

        return [locate_yaml(text, path) for path in paths]
    from ..locate import locate_many  # one scan of each container for all the paths

    return locate_many(text, paths)


class Places:
    """The line and column of each of a bundle's paths in its text, worked out when one is first asked
    for (all of them in one scan, as :func:`positions`), then kept; the text is let go then.

    What a report of :func:`~appcheck.engine.validate` keeps instead of placing its findings: most
    callers never read a line. Each finding :meth:`later` gives it is placed with the first one read
    (it holds them weakly: a finding holds its place). A batch places its bundles' findings before
    their texts go (a batch holds no text)."""

    __slots__ = ("_pending", "_found", "_waiting", "_lock")

    def __init__(self, text: str | None, text_format: str, paths: list) -> None:
        self._pending: tuple | None = (text, text_format, paths)
        self._found: list | None = None
        self._waiting: list = []  # (weak reference to a finding, index of its path)
        self._lock = threading.Lock()

    def position(self, index: int) -> tuple | None:
        """``(line, column)`` of the ``index``-th path, or None where it has none."""
        return (self._found or self._scan())[index]

    def _scan(self) -> list:
        with self._lock:
            if self._found is None:
                self._found = positions(*self._pending)
                self._pending = None
            return self._found

    def later(self, finding: Finding, index: int) -> Finding:
        """``finding`` (just made, at no line yet) placed at the ``index``-th path when it, or any
        other finding given here, is first asked for its line or column."""
        self._waiting.append((weakref.ref(finding), index))
        return place_later(finding, self)

    def settle(self, finding: Finding | None = None) -> None:
        """Place every finding still waiting (``finding``, asked for its line, among them)."""
        found = self._found or self._scan()
        with self._lock:
            waiting, self._waiting = self._waiting, []
            placed_waiting(waiting, found)


def _existing(data: Any, segments: tuple) -> tuple:
    """``segments`` as far as they resolve in ``data``: whole when they do, or when all but the last
    resolve to an object that lacks that member (the pointer names the missing member); otherwise
    cut to the deepest value that exists (the message still names the path it wanted)."""
    node = data
    for depth, segment in enumerate(segments):
        if type(segment) is int and type(node) is list:
            if 0 <= segment < len(node):
                node = node[segment]
                continue
            return segments[:depth]
        if type(segment) is str and isinstance(node, Mapping):
            if segment in node:
                node = node[segment]
                continue
            return segments if depth == len(segments) - 1 else segments[:depth]
        return segments[:depth]
    return segments


def pointing(data: Any, outcome: Outcome) -> Outcome:
    """``outcome`` with a pointer that resolves in ``data`` (see :func:`_existing`); an outcome whose
    messages are still words keeps them, uncalled."""
    segments = outcome.segments
    if not segments:
        return outcome
    found = _existing(data, segments)
    if found is segments:
        return outcome
    words = outcome.__dict__.get("_words")  # words_of(outcome), inline: a finding of every check is made here
    if words is not None:
        return passed_saying(words, found, expected=outcome.expected, actual=outcome.actual)
    return attrs.evolve(outcome, segments=found)


def schema_by_line(findings: list) -> list:
    """``findings`` with the SCHEMA ones in the order of their places in the file (line, column), as an
    editor lists them; those without a place (a bundle given as a mapping) keep their pointer order."""
    at = [index for index, finding in enumerate(findings) if finding.requirement == SCHEMA]
    ordered = sorted((findings[index] for index in at), key=lambda f: (f.line is None, f.line or 0, f.column or 0))
    for index, finding in zip(at, ordered):
        findings[index] = finding
    return findings
