"""Stage 3, the schema: the ``SCHEMA`` findings of what the topic's JSON Schema rejects, then of what
it cannot say (:mod:`.integrity`), at most :data:`SCHEMA_FINDINGS_LIMIT` a bundle."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from .. import fastpath, schema_messages, schemas
from ..model import SCHEMA, Finding, Severity, Status
from .integrity import integrity_findings

def _path_key(segments: Iterable) -> tuple:
    return tuple((0, segment, "") if isinstance(segment, int) else (1, 0, str(segment)) for segment in segments)


#: at most this many SCHEMA findings (schema errors and id problems together) a bundle: the rest are
#: counted in one more finding, so work and output stay bounded whatever the bundle holds
SCHEMA_FINDINGS_LIMIT = 100

#: beyond the listed findings, problems are counted up to this many (then "at least" this many)
LEFT_OUT_COUNT_LIMIT = 1000

_WHOLE_VALUE = frozenset({"required", "additionalProperties", "unevaluatedProperties"})


def _schema_findings(topic: Any, data: Any) -> tuple[list[Finding], int, bool]:
    """``(findings, left out, counted exactly)``: a finding for each of the first
    :data:`SCHEMA_FINDINGS_LIMIT` values the schema rejects (its most telling keyword), and how many
    more values it rejects, counted up to :data:`LEFT_OUT_COUNT_LIMIT`."""
    if fastpath.is_valid(topic.schema, data):
        return [], 0, True  # the compiled engine's "valid" is trusted only where it cannot be more lenient
    validator = schemas.validator_for(topic.schema)
    kept: dict[tuple, list] = {}  # one entry per value (and kind of keyword), in the order found
    left_out: set = set()
    exact = True
    for error in validator.iter_errors(data):
        key = (tuple(error.absolute_path), error.validator in _WHOLE_VALUE)
        if key in kept:
            kept[key].append(error)
        elif len(kept) < SCHEMA_FINDINGS_LIMIT:
            kept[key] = [error]
        elif key not in left_out:
            left_out.add(key)
            if len(left_out) >= LEFT_OUT_COUNT_LIMIT:
                exact = False
                break
    errors = sorted((error for group in kept.values() for error in group), key=lambda e: (_path_key(e.absolute_path), schema_messages.rank(e), e.validator))
    findings, reported = [], set()
    for error in errors:
        key = (tuple(error.absolute_path), error.validator in _WHOLE_VALUE)
        if key in reported:
            continue  # one finding per value: the most telling keyword it breaks
        reported.add(key)
        zh, en = schema_messages.describe(error)
        findings.append(
            Finding(
                SCHEMA, Status.FAILED, Severity.ERROR, tuple(error.absolute_path), zh, en,
                f"{topic.name} schema {'/'.join(map(str, error.absolute_schema_path))}",
                expected=_plain(error.validator_value) if error.validator not in ("anyOf", "oneOf", "not", "allOf") else None,
            )
        )
    return findings, len(left_out), exact


def _left_out(topic: Any, listed: int, count: int, exact: bool) -> Finding:
    """The finding that stands for the SCHEMA findings not listed: how many, and that there may be more."""
    many_zh, many_en = (f"{count}", f"{count}") if exact else (f"至少 {count}", f"at least {count}")
    return Finding(
        SCHEMA, Status.FAILED, Severity.ERROR, (),
        f"另有{many_zh} 处格式问题未列出：每份申报书最多列出 {SCHEMA_FINDINGS_LIMIT} 处，请先改正已列出的问题",
        f"{many_en} more schema {'problem is' if count == 1 and exact else 'problems are'} not listed: at most {SCHEMA_FINDINGS_LIMIT} are listed a bundle; fix those first",
        f"{topic.name} schema",
        expected={"listed_at_most": SCHEMA_FINDINGS_LIMIT}, actual={"listed": listed, "not_listed": count, "counted_exactly": exact},
    )


def capped_findings(topic: Any, data: Any) -> list[Finding]:
    """The schema findings, then the id findings, at most :data:`SCHEMA_FINDINGS_LIMIT` in all; what is
    left out is counted in one more finding at the end."""
    findings, count, exact = _schema_findings(topic, data)
    integrity, more = integrity_findings(topic, data, SCHEMA_FINDINGS_LIMIT - len(findings))
    count += more
    findings += integrity
    if count:
        findings.append(_left_out(topic, len(findings), count, exact))
    return findings


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool, Decimal)) or value is None:
        return value
    if isinstance(value, list) and len(value) <= 50 and all(isinstance(v, (str, int, float, bool, Decimal)) for v in value):
        return value
    return None
