"""Finding construction: a check's outcome made into its finding (the requirement's severity and the
clause it quotes, message and values clipped to their limits), and where the findings point in the
text (line and column, pointers that resolve)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from .. import catalog, clauses, topics
from ..model import SCHEMA, Finding, Severity
from ..rules.base import MISSING, Outcome, excerpt

def _source(call: Any, topic: Any, track: str | None, requirement: catalog.Requirement) -> str:
    quoted = clauses.clause(call, topic.id, track, requirement.id, fallback=requirement.source)
    text = f"{call.title}·{topic.title}（{topic.name}）：“{quoted}”"
    if call.note:
        text += f"（{call.note}）"
    return text


MESSAGE_LIMIT = 600

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
    if isinstance(value, (list, tuple, Mapping)) and depth <= 0:
        return f"{'{' if isinstance(value, Mapping) else '['}…{len(value)}{'}' if isinstance(value, Mapping) else ']'}"
    if kind is dict and len(value) <= 50:
        return {key: item if type(item) in _KEPT else clip(item, VALUE_LIMIT, depth - 1) for key, item in value.items()}
    if (kind is list or kind is tuple) and len(value) <= 50:
        return [item if type(item) in _KEPT else clip(item, VALUE_LIMIT, depth - 1) for item in value]
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
    track), the message and values clipped to their limits, and where it points in the text."""
    severity, source = _cited(call.id, topic.id, track, check.requirement)
    message, message_en, expected, actual = outcome.message, outcome.message_en, outcome.expected, outcome.actual
    return Finding(
        check.requirement, outcome.status, severity, outcome.segments,
        message if type(message) is str and len(message) <= MESSAGE_LIMIT else clip(message, MESSAGE_LIMIT),
        message_en if type(message_en) is str and len(message_en) <= MESSAGE_LIMIT else clip(message_en, MESSAGE_LIMIT),
        source, None if expected is None else clip(expected, VALUE_LIMIT), None if actual is None else clip(actual, VALUE_LIMIT),
        bundles, line, column,
    )


def positions(text: str | None, text_format: str, paths: list) -> list:
    """``(line, column)`` (or None) of each path in ``text``."""
    if text is None or not paths:
        return [None] * len(paths)
    if text_format == "yaml":
        from ..yaml_loading import locate_yaml

        return [locate_yaml(text, path) for path in paths]
    from ..locate import locate_many  # one scan of each container for all the paths

    return locate_many(text, paths)


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
    """``outcome`` with a pointer that resolves in ``data`` (see :func:`_existing`)."""
    segments = outcome.segments
    if not segments:
        return outcome
    found = _existing(data, segments)
    return outcome if found is segments else attrs.evolve(outcome, segments=found)


def schema_by_line(findings: list) -> list:
    """``findings`` with the SCHEMA ones in the order of their places in the file (line, column), as an
    editor lists them; those without a place (a bundle given as a mapping) keep their pointer order."""
    at = [index for index, finding in enumerate(findings) if finding.requirement == SCHEMA]
    ordered = sorted((findings[index] for index in at), key=lambda f: (f.line is None, f.line or 0, f.column or 0))
    for index, finding in zip(at, ordered):
        findings[index] = finding
    return findings
