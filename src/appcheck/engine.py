"""The validation pipeline: load, find the topic, check the schema, run the rules, place the findings.

``validate`` never raises on bundle content: a file that cannot be read, an unknown topic, a schema
violation or an input a rule cannot read all come back as findings. It raises only for the caller's
programming errors (an argument of the wrong type, an unknown setting).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from . import catalog, fastpath, schema_messages, schemas, topics
from .model import AS_OF, LOAD, SCHEMA, TOPIC, BatchReport, Finding, Report, Severity, Status
from .rules.base import MALFORMED, Context, Outcome, as_date, excerpt, malformed, run

FORMAT = "appcheck/1"
#: loader problem codes whose messages already name the file
FILE_LEVEL = frozenset({"not-found", "not-a-file", "unreadable", "too-large"})


@attrs.frozen
class Prepared:
    """A bundle after loading and topic lookup, ready for its rules."""

    name: str  # file name, or "#index" for an in-memory bundle
    file: str | None
    data: Any = None
    text: str | None = None
    findings: tuple = ()  # load / topic / schema / as-of findings
    topic: Any = None
    call: Any = None
    track: str | None = None
    context: Context | None = None
    format: str = "json"  # of ``text``: "json" or "yaml", which locator places the findings


# ----------------------------------------------------------------------------- loading

class _Unsupported(Exception):
    def __init__(self, segments: tuple, value: Any):
        self.segments = segments
        self.value = value


def normalize(value: Any, segments: tuple = ()) -> Any:
    """A caller's mapping as the loader would have produced it: numbers as Decimal, lists, dicts.

    Returns a copy (the caller's object is never changed); raises :class:`_Unsupported` for a value
    JSON cannot hold (a set, a datetime, a non-string key, a NaN ...).
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _Unsupported(segments, value)
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _Unsupported(segments, value)
        return value
    if isinstance(value, Mapping):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unsupported(segments + (key,), key)
            result[key] = normalize(item, segments + (key,))
        return result
    if isinstance(value, (list, tuple)):
        return [normalize(item, segments + (index,)) for index, item in enumerate(value)]
    raise _Unsupported(segments, value)


def _load_finding(message: str, message_en: str, segments: tuple = (), line: int | None = None, column: int | None = None, **values: Any) -> Finding:
    return Finding(LOAD, Status.FAILED, Severity.ERROR, segments, message, message_en, "", line=line, column=column, **values)


@attrs.frozen
class Source:
    """A bundle given as bytes (standard input, a portal's upload) with the name to report it under.

    ``format`` is ``"json"``, ``"yaml"`` or ``"auto"``: JSON when the first character that is not
    white space (after a BOM) is ``{`` or ``[``, YAML otherwise.
    """

    name: str
    data: bytes
    format: str = attrs.field(default="auto", validator=attrs.validators.in_(("auto", "json", "yaml")))

    def resolved_format(self) -> str:
        """``"json"`` or ``"yaml"``: the format given, or the one the bytes look like."""
        if self.format != "auto":
            return self.format
        first = bytes(self.data).removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1]
        return "json" if first in (b"{", b"[") else "yaml"


def _load(bundle: Any, name: str, limits: Any = None) -> tuple[Any, str | None, Finding | None, str]:
    """``(data, text, load finding, format of text)``."""
    if isinstance(bundle, Mapping):
        try:
            return normalize(bundle), None, None, "json"
        except _Unsupported as bad:
            from .pointer import render

            where = render(bad.segments) or "/"
            return None, None, _load_finding(
                f"{where}：{type(bad.value).__name__} 类型的值 {bad.value!r:.60} 不能出现在申报书中（只允许 JSON 值）",
                f"{where}: a {type(bad.value).__name__} value {bad.value!r:.60} cannot be part of a bundle (JSON values only)",
                bad.segments,
            ), "json"
    from . import loading

    if isinstance(bundle, Source):
        if bundle.resolved_format() == "yaml":
            loaded = loading.load_yaml_bytes(bundle.data, limits or loading.Limits())
        else:
            loaded = loading.load_bytes(bundle.data, limits or loading.Limits())
    else:
        loaded = loading.load_path(bundle, limits or loading.Limits())
    if loaded.problem is not None:
        problem = loaded.problem
        named = problem.code in FILE_LEVEL  # the loader already names the file in these
        return None, loaded.text, _load_finding(
            problem.message if named else f"{name}：{problem.message}",
            problem.message_en if named else f"{name}: {problem.message_en}",
            problem.path, problem.line, problem.column,
            actual={"code": problem.code, "offset": problem.offset},
        ), loaded.format
    return loaded.data, loaded.text, None, loaded.format


# ----------------------------------------------------------------------------- envelope

def _topic_finding(message: str, message_en: str, segments: tuple, **values: Any) -> Finding:
    return Finding(TOPIC, Status.FAILED, Severity.ERROR, segments, message, message_en, "", **values)


def _resolve_topic(data: Mapping) -> tuple[Any, Any, str | None, Finding | None]:
    call_id = data.get("call")
    call = topics.call(call_id) if isinstance(call_id, str) else None
    if call is None:
        known_calls = topics.call_ids()  # lists the call modules: only when the call is unknown
        return None, None, None, _topic_finding(
            f"未知的指南 call {schema_messages.shown(call_id)}，应为：{'、'.join(known_calls)}",
            f"unknown call {schema_messages.shown(call_id)}; expected one of: {', '.join(known_calls)}",
            ("call",) if "call" in data else (), expected=list(known_calls), actual=call_id,
        )
    topic_id = data.get("topic")
    topic = call.topic(topic_id) if isinstance(topic_id, str) else None
    if topic is None:
        names = [t.id for t in call.topics]
        return call, None, None, _topic_finding(
            f"指南 {call.id} 中没有专题 {schema_messages.shown(topic_id)}，应为：{'、'.join(names)}",
            f"call {call.id} has no topic {schema_messages.shown(topic_id)}; expected one of: {', '.join(names)}",
            ("topic",) if "topic" in data else (), expected=names, actual=topic_id,
        )
    track = data.get("track")
    track_ids = [t.id for t in topic.tracks]
    if track_ids and (not isinstance(track, str) or topic.track(track) is None):
        return call, topic, None, _topic_finding(
            f"专题 {topic.name} 须填写方向 track，取值为：{'、'.join(track_ids)}；实为 {schema_messages.shown(track) if 'track' in data else '未填写'}",
            f"topic {topic.name} needs a track, one of: {', '.join(track_ids)}; found {schema_messages.shown(track) if 'track' in data else 'none'}",
            ("track",) if "track" in data else (), expected=track_ids, actual=track,
        )
    if not track_ids and "track" in data:
        return call, topic, None, _topic_finding(
            f"专题 {topic.name} 不分方向，不应填写 track（实为 {schema_messages.shown(track)}）",
            f"topic {topic.name} has no tracks; remove track (found {schema_messages.shown(track)})",
            ("track",), actual=track,
        )
    return call, topic, track if track_ids else None, None


def _path_key(segments: Iterable) -> tuple:
    return tuple((0, segment, "") if isinstance(segment, int) else (1, 0, str(segment)) for segment in segments)


def _schema_findings(topic: Any, data: Any) -> list[Finding]:
    if fastpath.is_valid(topic.schema, data):
        return []  # the compiled engine's "valid" is trusted only where it cannot be more lenient
    validator = schemas.validator_for(topic.schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (_path_key(e.absolute_path), schema_messages.rank(e), e.validator))
    findings, reported = [], set()
    for error in errors:
        key = (tuple(error.absolute_path), error.validator in ("required", "additionalProperties", "unevaluatedProperties"))
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
    return findings


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool, Decimal)) or value is None:
        return value
    if isinstance(value, list) and len(value) <= 50 and all(isinstance(v, (str, int, float, bool, Decimal)) for v in value):
        return value
    return None


#: where a bundle refers to an organization by id: (path to an array or object, field, is-a-list)
REFERENCES = (
    (("principal_investigator",), "organization", False),
    (("team", "*"), "organization", False),
    (("budget", "allocation", "*"), "organization", False),
    (("budget", "self_raised", "*"), "organization", False),
    (("agreements", "*"), "parties", True),
    (("documents", "*"), "about", False),
    (("prior_cooperation", "*"), "partner", False),
    (("platform",), "host", False),
    (("platform",), "overseas_co_builder", False),
)


def _nodes(data: Any, pattern: tuple, prefix: tuple = ()) -> Iterable[tuple[tuple, Any]]:
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _nodes(item, rest, prefix + (index,))
    elif isinstance(data, Mapping) and head in data:
        yield from _nodes(data[head], rest, prefix + (head,))


def _integrity_findings(topic: Any, data: Mapping) -> list[Finding]:
    """What a JSON Schema cannot say: organization ids are unique, and every reference names one."""
    source = f"{topic.name} bundle format: ids"
    findings, seen = [], {}
    organizations = [(("applicant",), data.get("applicant"))] + [(where, item) for where, item in _nodes(data, ("partners", "*"))]
    for where, org in organizations:
        if isinstance(org, Mapping) and isinstance(org.get("id"), str):
            org_id = org["id"]
            if org_id in seen:
                first = "/".join(map(str, seen[org_id]))
                findings.append(Finding(
                    SCHEMA, Status.FAILED, Severity.ERROR, where + ("id",),
                    f"单位 id \"{org_id}\" 重复（已用于 /{first}）；id 在申报书内须唯一",
                    f"organization id \"{org_id}\" is used twice (first at /{first}); ids are unique within a bundle", source,
                    actual=org_id,
                ))
            else:
                seen[org_id] = where
    for pattern, field, many in REFERENCES:
        for where, node in _nodes(data, pattern):
            if not isinstance(node, Mapping) or field not in node:
                continue
            values = node[field] if many else [node[field]]
            if not isinstance(values, list):
                continue
            for index, value in enumerate(values):
                if isinstance(value, str) and value not in seen:
                    at = where + ((field, index) if many else (field,))
                    findings.append(Finding(
                        SCHEMA, Status.FAILED, Severity.ERROR, at,
                        f"引用的单位 \"{value}\" 不是本申报书中的单位（应为：{'、'.join(seen) or '无'}）",
                        f"\"{value}\" names no organization of this bundle (known: {', '.join(seen) or 'none'})", source,
                        expected=sorted(seen), actual=value,
                    ))
    return findings


# ----------------------------------------------------------------------------- rules

def _source(call: Any, topic: Any, requirement: catalog.Requirement) -> str:
    text = f"{call.title}·{topic.title}（{topic.name}）：“{requirement.source}”"
    if call.note:
        text += f"（{call.note}）"
    return text


MESSAGE_LIMIT = 600
VALUE_LIMIT = 200


_PLAIN = frozenset({type(None), bool, int, float, Decimal, str})


def _clip(value: Any, limit: int) -> Any:
    """Keep findings small whatever the bundle holds: long strings are cut in the middle."""
    if type(value) in _PLAIN:  # the common case, answered without the checks below
        return value if type(value) is not str or len(value) <= limit else excerpt(value, limit)
    if isinstance(value, str) and len(value) > limit:
        return excerpt(value, limit)
    if isinstance(value, (list, tuple)) and len(value) > 50:
        return [_clip(item, VALUE_LIMIT) for item in value[:50]] + [f"… {len(value) - 50} more"]
    if isinstance(value, (list, tuple)):
        return [_clip(item, VALUE_LIMIT) for item in value]
    if isinstance(value, Mapping):
        return {key: _clip(item, VALUE_LIMIT) for key, item in value.items()}
    return value


def finding_for(check: topics.Check, outcome: Outcome, call: Any, topic: Any, **extra: Any) -> Finding:
    requirement = catalog.requirement(check.requirement)
    return Finding(
        check.requirement, outcome.status, requirement.severity, outcome.segments,
        _clip(outcome.message, MESSAGE_LIMIT), _clip(outcome.message_en, MESSAGE_LIMIT),
        _source(call, topic, requirement), expected=_clip(outcome.expected, VALUE_LIMIT), actual=_clip(outcome.actual, VALUE_LIMIT), **extra,
    )


def _prepare(bundle: Any, index: int, as_of: dt.date, settings: Mapping[str, Any] | None, limits: Any = None) -> Prepared:
    if isinstance(bundle, Mapping):
        name, file = f"#{index}", None
    elif isinstance(bundle, Source):
        name = file = bundle.name
    elif isinstance(bundle, (str, os.PathLike)):
        file = os.fsdecode(bundle)
        name = file.encode("utf-8", "backslashreplace").decode("utf-8")
        file = name
    else:
        raise TypeError(f"a bundle is a mapping or a path, not {type(bundle).__name__}")

    data, text, problem, text_format = _load(bundle, name, limits)
    if problem is not None:
        return Prepared(name, file, None, text, (problem,), format=text_format)
    if not isinstance(data, Mapping):
        found = schema_messages._type_name(data)
        return Prepared(name, file, data, text, (
            Finding(SCHEMA, Status.FAILED, Severity.ERROR, (), f"申报书应为对象（JSON 对象或 YAML 映射），实为{found[0]}", f"a bundle is an object (a JSON object or a YAML mapping), found {found[1]}", ""),
        ), format=text_format)
    call, topic, track, problem = _resolve_topic(data)
    if problem is not None:
        return Prepared(name, file, data, text, (problem,), topic, call, format=text_format)
    findings = _schema_findings(topic, data) + _integrity_findings(topic, data)
    submitted = data.get("submitted_on")
    if submitted is None:
        checked_on = as_of
        findings.append(Finding(
            AS_OF, Status.NEEDS_REVIEW, Severity.INFO, (),
            f"未填写申报日期 submitted_on，所有日期规则按 {as_of.isoformat()} 计算",
            f"no submitted_on: every dated rule was measured at {as_of.isoformat()}", "",
            actual=as_of.isoformat(),
        ))
    else:
        checked_on = as_date(submitted)  # None when malformed: dated rules then fail on submitted_on
    if settings is None:  # no settings given: the call's own defaults (no other call's module is imported)
        settings = _call_defaults(call.id)
    context = Context(data, checked_on=checked_on, settings=settings, call=call.id, topic=topic.id, track=track)
    return Prepared(name, file, data, text, tuple(findings), topic, call, track, context, format=text_format)


def _check(prepared: Prepared) -> dict[int, Finding]:
    """The findings of every non-batch check, by the check's position in the topic."""
    results = {}
    for position, check in enumerate(prepared.topic.checks):
        if check.applies(prepared.track) and not check.batch:
            results[position] = finding_for(check, run(check.rule, prepared.context), prepared.call, prepared.topic)
    return results


def _not_counted(blocking: list[str]) -> Outcome:
    shown = "、".join(blocking[:5]) + ("…" if len(blocking) > 5 else "")
    return Outcome(
        Status.PASSED, (),
        f"不计入限额：本申报书已有未满足的必须要求（{shown}），不能进入评审，不占名额",
        f"not counted against the quota: this bundle already fails required checks ({', '.join(blocking[:5])}), so it cannot go forward and takes no place",
        actual={"counted": False, "blocking": blocking},
    )


def _run_batch(rule: Any, contexts: list[Context]) -> tuple[list[Outcome], list]:
    try:
        return rule.check_batch(contexts)
    except MALFORMED as error:
        return [malformed(error)] * len(contexts), []


def _batch(prepared: list[Prepared], checked: list[dict[int, Finding]]) -> tuple[dict[tuple[int, int], Finding], list[Finding]]:
    """Run every batch check over the bundles that declare it; per-bundle findings and batch findings.

    A quota (a batch rule with ``eligible_only``) counts only the bundles that can go forward: one
    already failing a required check of its own takes no place, and its finding says so.
    """
    blocking = [
        sorted({f.requirement for f in list(item.findings) + list(found.values()) if f.blocking})
        for item, found in zip(prepared, checked)
    ]
    groups: dict[str, list[tuple[int, int, Any]]] = {}
    for index, item in enumerate(prepared):
        if item.context is None:
            continue
        for position, check in enumerate(item.topic.checks):
            if check.batch and check.applies(item.track):
                groups.setdefault(check.requirement, []).append((index, position, check))
    per_bundle: dict[tuple[int, int], Finding] = {}
    batch_findings: list[Finding] = []
    for requirement_id, members in groups.items():
        rule = members[0][2].rule
        if getattr(rule, "eligible_only", False):
            for index, position, check in members:
                if blocking[index]:
                    item = prepared[index]
                    alone = _run_batch(rule, [item.context])[0][0]  # a key it cannot read still fails
                    outcome = alone if alone.status is Status.FAILED else _not_counted(blocking[index])
                    per_bundle[(index, position)] = finding_for(check, outcome, item.call, item.topic)
            members = [member for member in members if not blocking[member[0]]]
            if not members:
                continue
        outcomes, breaches = _run_batch(rule, [prepared[index].context for index, _, _ in members])
        for (index, position, check), outcome in zip(members, outcomes):
            item = prepared[index]
            per_bundle[(index, position)] = finding_for(check, outcome, item.call, item.topic)
        for outcome, member_indices in breaches:
            index, _, check = members[member_indices[0]]
            item = prepared[index]
            batch_findings.append(finding_for(check, outcome, item.call, item.topic, bundles=tuple(prepared[members[m][0]].name for m in member_indices)))
    return per_bundle, batch_findings


def _prepare_and_check(item: tuple) -> tuple[Prepared, dict[int, Finding]]:
    """Load, resolve and check one bundle (the part of a batch that runs per bundle, in any process)."""
    prepared = _prepare(*item)
    return prepared, (_check(prepared) if prepared.context is not None else {})


def _place(findings: list[Finding], text: str | None, text_format: str = "json") -> list[Finding]:
    if text is None:
        return findings
    if text_format == "yaml":
        from .yaml_loading import locate_yaml

        def locate_many(text: str, paths: list) -> list:
            return [locate_yaml(text, path) for path in paths]
    else:
        from .locate import locate_many  # one scan of each container for all the findings

    unplaced = [finding.segments for finding in findings if finding.line is None]
    positions = iter(locate_many(text, unplaced) if unplaced else ())
    placed = []
    for finding in findings:
        if finding.line is None:
            position = next(positions)
            if position is not None:
                finding = attrs.evolve(finding, line=position[0], column=position[1])
        placed.append(finding)
    return placed


def _today() -> dt.date:
    return dt.date.today()


def _as_of(as_of: Any) -> dt.date:
    if as_of is None:
        return _today()
    if isinstance(as_of, str):
        return dt.date.fromisoformat(as_of)
    if isinstance(as_of, dt.datetime) or not isinstance(as_of, dt.date):
        raise TypeError(f"as_of is a datetime.date or an ISO date string, not {type(as_of).__name__}")
    return as_of


@functools.lru_cache(maxsize=None)
def _call_defaults(call_id: str) -> Mapping[str, Any]:
    """A call's settings at their defaults, worked out once. Setting names start with their call's id
    and a call's rules read only those, so this is all a bundle's rules can see of the defaults."""
    return MappingProxyType({setting.name: setting.default for setting in topics.call(call_id).settings})


def validate_batch(bundles: Iterable[Any], as_of: Any = None, settings: Mapping[str, Any] | None = None, jobs: int = 1, limits: Any = None) -> BatchReport:
    """Check several bundles as one batch: one report each, plus the batch findings (quotas, identities)."""
    if isinstance(bundles, (str, bytes, os.PathLike, Mapping)):
        raise TypeError("validate_batch takes an iterable of bundles; use validate() for one")
    from .loading import Limits

    if limits is not None and not isinstance(limits, Limits):
        raise TypeError(f"limits is an appcheck.loading.Limits, not {type(limits).__name__}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs is a whole number of processes, 1 or more, not {jobs!r}")
    day = _as_of(as_of)
    resolved = topics.resolve_settings(settings) if settings else None  # None: each call's defaults
    items = [(bundle, index, day, resolved, limits) for index, bundle in enumerate(bundles)]
    if jobs > 1 and len(items) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
            results = list(pool.map(_prepare_and_check, items, chunksize=max(1, len(items) // (jobs * 4))))
    else:
        results = [_prepare_and_check(item) for item in items]
    prepared = [item for item, _ in results]
    checked = [found for _, found in results]
    per_bundle, batch_findings = _batch(prepared, checked)
    reports = []
    for index, item in enumerate(prepared):
        findings = list(item.findings)
        if item.context is not None:
            for position in range(len(item.topic.checks)):
                finding = checked[index].get(position) or per_bundle.get((index, position))
                if finding is not None:
                    findings.append(finding)
        reports.append(Report(
            tuple(_place(findings, item.text, item.format)),
            call=item.call.id if item.call else None,
            topic_id=item.topic.id if item.topic else None,
            track=item.track,
            file=item.file,
            checked_on=item.context.checked_on if item.context else None,
        ))
    return BatchReport(tuple(reports), tuple(batch_findings))


def validate(bundle: Any, as_of: Any = None, settings: Mapping[str, Any] | None = None, limits: Any = None) -> Report:
    """Check one bundle (a mapping or a path); the report lists one finding per applicable requirement."""
    if not isinstance(bundle, (Mapping, str, os.PathLike, Source)):
        raise TypeError(f"a bundle is a mapping or a path, not {type(bundle).__name__}")
    return validate_batch([bundle], as_of=as_of, settings=settings, limits=limits).reports[0]
