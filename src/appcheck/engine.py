"""The validation pipeline: load, find the topic, check the schema, run the rules, place the findings.

``validate`` never raises on bundle content: a file that cannot be read, an unknown topic, a schema
violation or an input a rule cannot read all come back as findings. It raises only for the caller's
programming errors (an argument of the wrong type, an unknown setting).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from . import catalog, clauses, fastpath, pointer, schema_messages, schemas, topics
from .model import AS_OF, LOAD, SCHEMA, TOPIC, BatchReport, Finding, Report, Severity, Status
from .rules.base import MALFORMED, MISSING, Context, Outcome, as_date, excerpt, malformed, run
from .rules.batch import read
from .stores import KeyStore, SpillStore

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
    digest: tuple | None = None  # (size, SHA-256) of the bytes read, for a file or standard input


# ----------------------------------------------------------------------------- loading

def normalize(value: Mapping) -> Any:
    """A caller's mapping as the loader would have produced it: numbers as Decimal, lists, dicts.

    Returns a copy (the caller's object is never changed); raises ``ValueError`` for what its file
    could not hold (see :func:`appcheck.mapping_loading.load_mapping`, which ``validate`` uses).
    """
    from .mapping_loading import load_mapping

    loaded = load_mapping(value)
    if loaded.problem is not None:
        raise ValueError(loaded.problem.message_en)
    return loaded.data


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
    #: why the bytes could not be read (set by :meth:`read`); the bundle's only finding then
    problem: Any = None

    @classmethod
    def read(cls, name: str, stream: Any, limits: Any = None, format: str = "auto") -> Source:
        """The bundle in a binary ``stream`` (standard input): at most the size limit plus one byte is
        read, so an endless stream stops at once with a ``LOAD`` finding (``too-large``)."""
        from . import loading

        data, problem = loading.read_stream(stream, limits or loading.Limits(), name)
        return cls(name, data, format, problem)

    def resolved_format(self) -> str:
        """``"json"`` or ``"yaml"``: the format given, or the one the bytes look like."""
        if self.format != "auto":
            return self.format
        first = bytes(self.data).removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1]
        return "json" if first in (b"{", b"[") else "yaml"


def _load(bundle: Any, name: str, limits: Any = None) -> tuple[Any, str | None, Finding | None, str, tuple | None]:
    """``(data, text, load finding, format of text, (size, SHA-256) of the bytes read or None)``."""
    from . import loading

    if isinstance(bundle, Mapping):
        from .mapping_loading import load_mapping

        loaded = load_mapping(bundle, limits or loading.Limits())
        if loaded.problem is not None:  # its message starts with the place (a pointer): no file to name
            problem = loaded.problem
            return None, None, _load_finding(
                problem.message, problem.message_en, problem.path, actual={"code": problem.code, "offset": None},
            ), "json", None
        return loaded.data, None, None, "json", None
    if isinstance(bundle, Source):
        if bundle.problem is not None:
            loaded = loading.Loaded(None, None, bundle.problem)
        elif bundle.resolved_format() == "yaml":
            loaded = loading.load_yaml_bytes(bundle.data, limits or loading.Limits())
        else:
            loaded = loading.load_bytes(bundle.data, limits or loading.Limits())
        if bundle.problem is None:
            loaded = attrs.evolve(loaded, digest=loading.digest(bundle.data))
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
        ), loaded.format, loaded.digest
    return loaded.data, loaded.text, None, loaded.format, loaded.digest


# ----------------------------------------------------------------------------- envelope

def _topic_finding(message: str, message_en: str, segments: tuple, **values: Any) -> Finding:
    values = {name: None if value is None else _clip(value, VALUE_LIMIT) for name, value in values.items()}  # the bundle's own call, topic or track: any size
    return Finding(TOPIC, Status.FAILED, Severity.ERROR, segments, message, message_en, "", **values)


def _resolve_topic(data: Mapping) -> tuple[Any, Any, str | None, Finding | None]:
    call_id = data.get("call")
    call = topics.call(call_id) if isinstance(call_id, str) else None
    if call is None and data.get("format") != FORMAT:
        # neither a bundle's format nor a call: another JSON or YAML file (package.json, a CI config)
        if "format" in data:
            found_zh = f'"format" 为 {schema_messages.shown(data["format"])}'
            found_en = f'"format" is {schema_messages.shown(data["format"])}'
        else:
            found_zh, found_en = '缺少 "format": "appcheck/1"', 'no "format": "appcheck/1"'
        return None, None, None, _topic_finding(
            f"不是 appcheck 申报书：{found_zh}" + ("，应为 \"appcheck/1\"" if "format" in data else ""),
            f"not an appcheck bundle: {found_en}" + (', not "appcheck/1"' if "format" in data else ""),
            ("format",) if "format" in data else (), expected=FORMAT, actual=data.get("format"),
        )
    if call is None:
        known_calls = topics.call_ids()  # lists the call modules: only when the call is unknown
        refused = topics.refusal(call_id)
        if refused is not None:  # an installed pack registers it, but is refused
            return None, None, None, _topic_finding(
                f"指南 {schema_messages.shown(call_id)} 所在的指南包未能加载：{refused}",
                f"call {schema_messages.shown(call_id)} cannot be checked: {refused}",
                ("call",), expected=list(known_calls), actual=call_id,
            )
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


def _capped_findings(topic: Any, data: Any) -> list[Finding]:
    """The schema findings, then the id findings, at most :data:`SCHEMA_FINDINGS_LIMIT` in all; what is
    left out is counted in one more finding at the end."""
    findings, count, exact = _schema_findings(topic, data)
    integrity, more = _integrity_findings(topic, data, SCHEMA_FINDINGS_LIMIT - len(findings))
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


def _nodes(data: Any, pattern: tuple) -> list[tuple[tuple, Any]]:
    """``(path, value)`` of every value at ``pattern`` (keys, and ``*`` for every item of an array)."""
    found = [((), data)]
    for head in pattern:
        deeper = []
        for prefix, node in found:
            if head == "*":
                if type(node) is list:
                    deeper.extend((prefix + (index,), item) for index, item in enumerate(node))
            elif isinstance(node, Mapping) and head in node:
                deeper.append((prefix + (head,), node[head]))
        found = deeper
        if not found:
            break
    return found


def _referenced(data: Any, pattern: tuple) -> list:
    """Every value at ``pattern``, as :func:`_nodes` finds them, without their paths."""
    found = [data]
    for head in pattern:
        deeper: list = []
        for node in found:
            if head == "*":
                if type(node) is list:
                    deeper.extend(node)
            elif (type(node) is dict or isinstance(node, Mapping)) and head in node:
                deeper.append(node[head])
        found = deeper
        if not found:
            break
    return found


def _integrity_holds(data: Mapping) -> bool:
    """True when :func:`_integrity_findings` finds nothing: the same reading, without building the
    paths and messages that only a problem needs (the common case, answered first)."""
    seen = set()
    partners = data.get("partners")
    for org in [data.get("applicant")] + (partners if type(partners) is list else []):
        if isinstance(org, Mapping) and isinstance(org.get("id"), str):
            if org["id"] in seen:
                return False
            seen.add(org["id"])
    for pattern, field, many in REFERENCES:
        for node in _referenced(data, pattern):
            if not isinstance(node, Mapping) or field not in node:
                continue
            values = node[field] if many else [node[field]]
            if isinstance(values, list) and any(isinstance(value, str) and value not in seen for value in values):
                return False
    return True


def _integrity_findings(topic: Any, data: Mapping, room: int = SCHEMA_FINDINGS_LIMIT) -> tuple[list[Finding], int]:
    """What a JSON Schema cannot say: organization ids are unique, and every reference names one.
    ``(findings, left out)``: at most ``room`` findings, and how many more problems there are."""
    return ([], 0) if _integrity_holds(data) else _integrity_problems(topic, data, room)


def _integrity_problems(topic: Any, data: Mapping, room: int = SCHEMA_FINDINGS_LIMIT) -> tuple[list[Finding], int]:
    """:func:`_integrity_findings` in full: a finding for each id used twice and each unknown reference
    (the first ``room`` of them; the others are counted)."""
    source = f"{topic.name} bundle format: ids"
    findings, seen, more = [], {}, 0
    known = known_en = None
    organizations = [(("applicant",), data.get("applicant"))] + [(where, item) for where, item in _nodes(data, ("partners", "*"))]
    for where, org in organizations:
        if isinstance(org, Mapping) and isinstance(org.get("id"), str):
            org_id = org["id"]
            if org_id in seen:
                if len(findings) >= room:
                    more += 1
                    continue
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
                    if len(findings) >= room:
                        more += 1
                        continue
                    if known is None:  # the known ids, once: at most 20 named
                        names = list(seen)[:20]
                        cut = "…" if len(seen) > 20 else ""
                        known, known_en = ("、".join(names) + cut) or "无", (", ".join(names) + cut) or "none"
                    at = where + ((field, index) if many else (field,))
                    findings.append(Finding(
                        SCHEMA, Status.FAILED, Severity.ERROR, at,
                        f"引用的单位 \"{value}\" 不是本申报书中的单位（应为：{known}）",
                        f"\"{value}\" names no organization of this bundle (known: {known_en})", source,
                        expected=sorted(seen)[:50], actual=value,
                    ))
    return findings, more


# ----------------------------------------------------------------------------- rules

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


def _clip(value: Any, limit: int, depth: int = VALUE_DEPTH) -> Any:
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
        return {key: item if type(item) in _KEPT else _clip(item, VALUE_LIMIT, depth - 1) for key, item in value.items()}
    if (kind is list or kind is tuple) and len(value) <= 50:
        return [item if type(item) in _KEPT else _clip(item, VALUE_LIMIT, depth - 1) for item in value]
    if isinstance(value, str):
        return str(value) if len(value) <= limit else excerpt(value, limit)
    if isinstance(value, (list, tuple)) and len(value) > 50:
        return [_clip(item, VALUE_LIMIT, depth - 1) for item in value[:50]] + [f"… {len(value) - 50} more"]
    if isinstance(value, (list, tuple)):
        return [_clip(item, VALUE_LIMIT, depth - 1) for item in value]
    if isinstance(value, Mapping):
        clipped = {str(key): _clip(item, VALUE_LIMIT, depth - 1) for key, item in itertools.islice(value.items(), 50)}
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
        message if type(message) is str and len(message) <= MESSAGE_LIMIT else _clip(message, MESSAGE_LIMIT),
        message_en if type(message_en) is str and len(message_en) <= MESSAGE_LIMIT else _clip(message_en, MESSAGE_LIMIT),
        source, None if expected is None else _clip(expected, VALUE_LIMIT), None if actual is None else _clip(actual, VALUE_LIMIT),
        bundles, line, column,
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

    data, text, problem, text_format, digest = _load(bundle, name, limits)
    if problem is not None:
        return Prepared(name, file, None, text, (problem,), format=text_format, digest=digest)
    if not isinstance(data, Mapping):
        found = schema_messages._type_name(data)
        return Prepared(name, file, data, text, (
            Finding(SCHEMA, Status.FAILED, Severity.ERROR, (), f"申报书应为对象（JSON 对象或 YAML 映射），实为{found[0]}", f"a bundle is an object (a JSON object or a YAML mapping), found {found[1]}", ""),
        ), format=text_format, digest=digest)
    call, topic, track, problem = _resolve_topic(data)
    if problem is not None:
        return Prepared(name, file, data, text, (problem,), topic, call, format=text_format, digest=digest)
    findings = _capped_findings(topic, data)
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
    return Prepared(name, file, data, text, tuple(findings), topic, call, track, context, format=text_format, digest=digest)


@functools.cache
def _plan(call_id: str, topic_id: str, track: str | None) -> tuple[tuple, tuple]:
    """``(own, batch)``: the ``(position, check)`` pairs of a topic's checks that apply to ``track``, the
    checks a bundle has alone, then the batch checks. The same for every bundle of the topic and track."""
    checks = [(position, check) for position, check in enumerate(topics.call(call_id).topic(topic_id).checks) if check.applies(track)]
    return tuple(pair for pair in checks if not pair[1].batch), tuple(pair for pair in checks if pair[1].batch)


def _not_counted(blocking: list[str]) -> Outcome:
    shown = "、".join(blocking[:5]) + ("…" if len(blocking) > 5 else "")
    return Outcome(
        Status.PASSED, (),
        f"不计入限额：本申报书已有未满足的必须要求（{shown}），不能进入评审，不占名额",
        f"not counted against the quota: this bundle already fails {'a required check' if len(blocking) == 1 else 'required checks'} "
        f"({', '.join(blocking[:5])}{'…' if len(blocking) > 5 else ''}), so it cannot go forward and takes no place",
        actual={"counted": False, "blocking": blocking},
    )


def _positions(text: str | None, text_format: str, paths: list) -> list:
    """``(line, column)`` (or None) of each path in ``text``."""
    if text is None or not paths:
        return [None] * len(paths)
    if text_format == "yaml":
        from .yaml_loading import locate_yaml

        return [locate_yaml(text, path) for path in paths]
    from .locate import locate_many  # one scan of each container for all the paths

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


def _pointing(data: Any, outcome: Outcome) -> Outcome:
    """``outcome`` with a pointer that resolves in ``data`` (see :func:`_existing`)."""
    segments = outcome.segments
    if not segments:
        return outcome
    found = _existing(data, segments)
    return outcome if found is segments else attrs.evolve(outcome, segments=found)


@attrs.frozen
class Checked:
    """One bundle after the checks it can have alone: what a batch keeps of it while the others are checked.

    The bundle's data and text are gone; the batch checks' findings are still to come. ``findings``
    holds, in report order, each finding or, for a batch check, its position in the topic's checks
    (or all of that pickled, in :class:`Pickled`, see :meth:`packed`); ``reads`` what each batch check
    read from the bundle (``(position, requirement, key or outcome)``); ``positions`` the line and
    column of every path a batch check's finding may point at; ``clean`` whether every finding of
    its own passed.
    """

    head: Report  # the report without findings: file, topic, track, checked_on
    name: str
    findings: Any  # a tuple, or its Pickled form
    reads: tuple = ()
    blocking: tuple = ()  # the required checks the bundle fails on its own (requirement ids)
    positions: Mapping = attrs.field(factory=dict)
    clean: bool = True
    waived: tuple = ()  # the indices of the waivers that covered a finding of its own

    @property
    def ok(self) -> bool:
        return not self.blocking

    @property
    def strict_ok(self) -> bool:
        return self.clean

    def packed(self) -> Checked:
        """The same record with its findings pickled: what a worker process sends, so that the batch
        passes them on and keeps them as bytes, and unpickles them once, when their report is read."""
        import pickle

        return attrs.evolve(self, findings=Pickled(pickle.dumps(self.findings, protocol=pickle.HIGHEST_PROTOCOL)))

    def own_findings(self) -> tuple:
        """The findings (and batch checks' positions), unpickled if :meth:`packed`."""
        if type(self.findings) is Pickled:
            import pickle

            return pickle.loads(self.findings.data)
        return self.findings


@attrs.frozen
class Pickled:
    """A value pickled where it was made (bytes pass between processes and files at the cost of a copy)."""

    data: bytes


def check_one(item: tuple) -> Checked:
    """Load, resolve and check one bundle on its own (the part of a batch that runs per bundle, in any process)."""
    prepared = _prepare(*item[:5])
    waivers = item[5] if len(item) > 5 else None
    head = Report(
        (), call=prepared.call.id if prepared.call else None, topic_id=prepared.topic.id if prepared.topic else None,
        track=prepared.track, file=prepared.file, checked_on=prepared.context.checked_on if prepared.context else None,
        size=prepared.digest[0] if prepared.digest else None, sha256=prepared.digest[1] if prepared.digest else None,
    )
    # first every path a finding points at, to place them all in one scan of the text
    early = list(prepared.findings)  # load, topic, schema, as-of
    paths = [finding.segments for finding in early if finding.line is None]
    outcomes: dict[int, Outcome] = {}
    reads = []
    wanted: list = []
    if prepared.context is not None:
        own, batch = _plan(prepared.call.id, prepared.topic.id, prepared.track)
        context = prepared.context
        outcomes = {position: _pointing(prepared.data, run(check.rule, context)) for position, check in own}
        paths.extend(outcome.segments for outcome in outcomes.values())
        for position, check in batch:
            found = read(check.rule, context)
            if isinstance(found, Outcome):
                found = _pointing(prepared.data, found)
            reads.append((position, check.requirement, found))
            wanted.extend([(), *check.rule.paths] + ([found.segments] if isinstance(found, Outcome) else []))
        wanted = list(dict.fromkeys(tuple(path) for path in wanted))
    where = iter(_positions(prepared.text, prepared.format, paths + wanted))
    findings: list = []
    for finding in early:
        position = next(where) if finding.line is None else None
        findings.append(finding if position is None else attrs.evolve(finding, line=position[0], column=position[1]))
    findings = _schema_by_line(findings)
    placed = {}
    checks, call, topic = prepared.topic.checks if prepared.topic else (), prepared.call, prepared.topic
    for position, outcome in outcomes.items():
        placed[position] = finding_for(checks[position], outcome, call, topic, *(next(where) or (None, None)), track=prepared.track)
    batch_positions = dict(zip(wanted, where))
    used: set = set()
    if waivers:  # each failed finding a waiver covers becomes waived
        findings, placed = _waive(waivers, findings, prepared, used), dict(zip(placed, _waive(waivers, placed.values(), prepared, used)))
    blocking = tuple(sorted({finding.requirement for finding in [*findings, *placed.values()] if finding.blocking}))
    if prepared.context is not None:
        # each finding in the topic's order; for a batch check, its position: its finding comes once the whole batch is read
        findings.extend(placed.get(position, position) for position in sorted([*placed, *(position for position, _, _ in reads)]))
    return Checked(
        head, prepared.name, tuple(findings), tuple(reads), blocking, batch_positions,
        all(finding.clean() for finding in findings if isinstance(finding, Finding)), tuple(sorted(used)),
    )


def _schema_by_line(findings: list) -> list:
    """``findings`` with the SCHEMA ones in the order of their places in the file (line, column), as an
    editor lists them; those without a place (a bundle given as a mapping) keep their pointer order."""
    at = [index for index, finding in enumerate(findings) if finding.requirement == SCHEMA]
    ordered = sorted((findings[index] for index in at), key=lambda f: (f.line is None, f.line or 0, f.column or 0))
    for index, finding in zip(at, ordered):
        findings[index] = finding
    return findings


def _waive(waivers: Any, findings: Iterable[Finding], prepared: Prepared, used: set) -> list[Finding]:
    """``findings`` with those a waiver covers waived; the waivers' indices go to ``used``."""
    result = []
    for finding in findings:
        finding, index = waivers.apply(finding, prepared.name, prepared.file is not None)
        if index is not None:
            used.add(index)
        result.append(finding)
    return result


def _check_chunk(items: list) -> list[Checked]:
    """:func:`check_one` of each item, in a worker process: packed, for the trip back and the store."""
    return [check_one(item).packed() for item in items]


def _first_pass(items: Iterable[tuple], jobs: int, total: int | None = None) -> Iterator[Checked]:
    """:func:`check_one` of each item, in order, taken from ``items`` as they are needed (an iterator
    holds no more than that). In ``jobs`` processes, the items after the first go out in chunks and
    at most two chunks a process are in flight, so that only those wait in memory whatever the size
    of the batch, and no process waits for the others."""
    items = iter(items)
    if jobs == 1:
        yield from map(check_one, items)
        return
    import itertools
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # the first bundle here, before the processes start: they inherit what it loaded (its call's
    # module, its topic's compiled schema) instead of each loading it again
    first = next(items, None)
    if first is None:
        return
    yield check_one(first)
    second = next(items, None)
    if second is None:
        return
    items = itertools.chain([second], items)
    rest = None if total is None else total - 1
    size = 8 if rest is None else max(1, min(32, rest // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs if rest is None else min(jobs, rest)) as pool:
        pending: deque = deque()
        while chunk := list(itertools.islice(items, size)):
            pending.append(pool.submit(_check_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


#: ``--jobs auto``: one process below this many files (starting processes would cost more than it saves)
AUTO_JOBS_FROM = 200
#: ``--jobs auto``: at most this many processes
AUTO_JOBS_MAX = 8


def auto_jobs(files: int) -> int:
    """The processes ``--jobs auto`` uses for ``files`` files: one for a few files, else one per
    available CPU (at most :data:`AUTO_JOBS_MAX`)."""
    if files < AUTO_JOBS_FROM:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))  # the CPUs this process may run on (a container's share)
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, AUTO_JOBS_MAX))


def _member_outcome(rule: Any, info: tuple, verdict: Outcome | None) -> Outcome:
    """A bundle's outcome for one batch check: its group's verdict, or its own read.

    A quota (a batch rule with ``eligible_only``) counts only the bundles that can go forward: one
    already failing a required check of its own takes no place, and its finding says so (unless its
    key cannot be read: that failure stands).
    """
    if verdict is not None:
        return verdict
    found, blocking = info[0], info[3]
    if blocking and getattr(rule, "eligible_only", False):
        return found if isinstance(found, Outcome) and found.status is Status.FAILED else _not_counted(list(blocking))
    return found


class _Reports:
    """The reports of a :class:`CheckedBatch`, built as they are read: sized, and iterable more than once."""

    def __init__(self, batch: CheckedBatch) -> None:
        self._batch = batch

    def __len__(self) -> int:
        return len(self._batch._store)

    def __iter__(self) -> Iterator[Report]:
        return self._batch._reports()


class CheckedBatch:
    """A checked batch whose reports are built one at a time as they are read (see :func:`check_batch`).

    ``reports`` (sized, iterable more than once), ``findings`` (the batch findings), ``ok``,
    ``strict_ok``, ``ok_count``, ``strict_ok_count`` and ``latest_checked_on`` are what a
    :class:`~appcheck.model.BatchReport` offers; the reports themselves are never all in memory at
    once. Close it (or use it as a context manager) to free its temporary file.
    """

    def __init__(self, store: SpillStore, keys: KeyStore, rules: list, findings: tuple, ok: bytearray, strict: bytearray, latest: dt.date | None,
                 waivers: Any = None, read: SpillStore | None = None) -> None:
        self._store = store
        self._keys = keys
        self._read = read
        self._rules = rules
        self._waivers = waivers
        #: what the verdicts rest on (:class:`appcheck.provenance.Provenance`), for a batch from :func:`check_batch`
        self.provenance = None
        self.findings = findings
        self.ok_count = sum(ok)
        self.strict_ok_count = sum(strict)
        self.latest_checked_on = latest
        self.ok = self.ok_count == len(store) and not any(f.blocking for f in findings)
        self.strict_ok = self.strict_ok_count == len(store) and all(f.clean() for f in findings)

    @property
    def reports(self) -> _Reports:
        return _Reports(self)  # made on each use: a batch that held its own view would be a reference cycle

    def _reports(self) -> Iterator[Report]:
        topics_of: dict[tuple, tuple] = {}
        members = self._keys.members()  # in batch order, as the store: read side by side
        pending = next(members, None)
        for index, item in enumerate(self._store):
            findings = item.own_findings()
            if item.reads:
                outcomes = {}
                while pending is not None and pending[0] == index:
                    _, position, rank, info, verdict = pending
                    outcomes[position] = _member_outcome(self._rules[rank], info, verdict)
                    pending = next(members, None)
                key = (item.head.call, item.head.topic_id)
                if key not in topics_of:
                    call = topics.call(item.head.call)
                    topics_of[key] = (call, call.topic(item.head.topic_id))
                call, topic = topics_of[key]
                findings = tuple(
                    self._finding(topic.checks[found], outcomes[found], call, topic, item.positions, item.head.track)
                    if isinstance(found, int) else found
                    for found in findings
                )
                if self._waivers:  # the batch checks' findings of this bundle (its own are waived already)
                    findings = tuple(self._waivers.apply(found, item.name, item.head.file is not None)[0] for found in findings)
            yield attrs.evolve(item.head, findings=findings)

    @staticmethod
    def _finding(check: Any, outcome: Outcome, call: Any, topic: Any, positions: Mapping, track: str | None) -> Finding:
        position = positions.get(outcome.segments)
        if position is None:
            return finding_for(check, outcome, call, topic, track=track)
        return finding_for(check, outcome, call, topic, position[0], position[1], track=track)

    def report(self) -> BatchReport:
        """Every report at once, as a :class:`~appcheck.model.BatchReport`."""
        provenance = None if self.provenance is None else self.provenance.materialized()
        return BatchReport(tuple(self.reports), self.findings, provenance)

    def close(self) -> None:
        self._store.close()
        self._keys.close()
        if self._read is not None:
            self._read.close()

    def __enter__(self) -> CheckedBatch:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


#: how many checked bundles (and batch checks' keys) a batch keeps in memory before it moves them to temporary files
HOLD = 100


def check_batch(bundles: Iterable[Any], as_of: Any = None, settings: Mapping[str, Any] | None = None, jobs: int = 1, limits: Any = None, hold: int | None = HOLD, waivers: Iterable[Any] = (),
                progress: Callable[[int, int], Any] | None = None) -> CheckedBatch:
    """Check several bundles as one batch in flat memory: the reports come back one at a time.

    ``bundles`` is read as the check goes (a generator of any length is held one chunk at a time).
    Each bundle is checked on its own first (in ``jobs`` processes). Its report and what the batch
    checks compare (a key or two a bundle) are kept in memory for batches of up to ``hold`` bundles,
    and go to temporary files for larger ones (None: never; see :mod:`appcheck.stores`). Once every
    bundle is read, the batch checks judge the keys one group at a time, and the reports are built
    as they are read back.

    ``waivers``: :class:`appcheck.waivers.Waiver` values; a failed finding one covers is waived, and
    the batch findings end with a ``WAIVER`` finding for each waiver expired on ``as_of`` or unused.
    ``progress(done, total)``, when given, is called after each bundle is checked (the command line
    draws its progress line with it).
    """
    if isinstance(bundles, (str, bytes, os.PathLike, Mapping)):
        raise TypeError("a batch is an iterable of bundles; use validate() for one")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress is a callable (done, total), not {type(progress).__name__}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs is a whole number of processes, 1 or more, not {jobs!r}")
    if hold is not None and (isinstance(hold, bool) or not isinstance(hold, int) or hold < 0):
        raise ValueError(f"hold is a number of bundles, 0 or more, or None, not {hold!r}")
    from . import provenance

    run_at = provenance.now()
    total = len(bundles) if isinstance(bundles, Sized) else None
    if progress is not None and total is None:
        bundles = list(bundles)
        total = len(bundles)
    items, day, resolved, in_force = _items(bundles, as_of, settings, limits, waivers)
    run = {"run_at": run_at, "as_of": day, "given": settings, "resolved": resolved}
    checked = _first_pass(items, jobs, total)
    if progress is not None:
        checked = _counted(checked, total, progress)
    return _collect(checked, hold, in_force, run)


def _counted(checked: Iterable[Checked], total: int, progress: Callable[[int, int], Any]) -> Iterator[Checked]:
    for done, item in enumerate(checked, 1):
        yield item
        progress(done, total)


def _waivers(waivers: Iterable[Any], day: dt.date) -> Any:
    """The waivers in force on ``day`` (None when there are none)."""
    if isinstance(waivers, (str, bytes, Mapping)):
        raise TypeError("waivers is an iterable of appcheck.waivers.Waiver values")
    waivers = tuple(waivers or ())
    if not waivers:
        return None
    from .waivers import Waivers

    return Waivers.of(waivers, day)


def _items(bundles: Iterable[Any], as_of: Any, settings: Mapping[str, Any] | None, limits: Any, waivers: Iterable[Any] = ()) -> tuple[Iterator[tuple], dt.date, Any, Any]:
    """What :func:`check_one` takes for each bundle, made as each is needed (once the arguments are
    checked); the day, the settings resolved and the waivers in force."""
    from .loading import Limits

    if limits is not None and not isinstance(limits, Limits):
        raise TypeError(f"limits is an appcheck.loading.Limits, not {type(limits).__name__}")
    day = _as_of(as_of)
    # None: each call's defaults (an empty mapping too, without importing every call to check it)
    resolved = None if settings is None or (isinstance(settings, Mapping) and not settings) else topics.resolve_settings(settings)
    in_force = _waivers(waivers, day)
    return ((bundle, index, day, resolved, limits, in_force) for index, bundle in enumerate(bundles)), day, resolved, in_force


def _collect(checked: Iterable[Checked], hold: int | None, waivers: Any = None, run: Mapping | None = None) -> CheckedBatch:
    """Keep the checked bundles (in a :class:`~appcheck.stores.SpillStore`) and what the batch checks
    compare (in a :class:`~appcheck.stores.KeyStore`: both on disk past ``hold`` bundles), then judge
    the batch, one group of keys at a time."""
    store = SpillStore(hold)
    keys = KeyStore(hold)
    ranks: dict[str, int] = {}  # each batch check's requirement, in the order the batch met them
    rules: list = []
    totals: list[int] = []  # the bundles each batch check judges
    ok, strict = bytearray(), bytearray()
    latest = None
    used: set = set()
    read = SpillStore(hold)  # for the provenance: each bundle's name, size and SHA-256
    calls: set = set()
    try:
        for index, item in enumerate(checked):
            store.append(item)
            read.append((item.name, item.head.size, item.head.sha256))
            calls.add(item.head.call)
            used.update(item.waived)
            ok.append(item.ok)
            strict.append(item.strict_ok)
            if item.head.checked_on is not None and (latest is None or item.head.checked_on > latest):
                latest = item.head.checked_on
            topic = None
            for position, requirement, found in item.reads:
                rank = ranks.get(requirement)
                if rank is None:
                    topic = topic or topics.call(item.head.call).topic(item.head.topic_id)
                    rank = ranks[requirement] = len(rules)
                    rules.append(topic.checks[position].rule)
                    totals.append(0)
                rule = rules[rank]
                # a quota leaves out a bundle that fails a required check of its own
                excluded = bool(item.blocking) and getattr(rule, "eligible_only", False)
                totals[rank] += not excluded
                group = None if excluded or isinstance(found, Outcome) else rule.group_of(found)
                info = (found, item.name, item.head.file is not None, item.blocking, item.head.call, item.head.topic_id, item.head.track, position)
                keys.add(index, position, rank, group, info)
        for rank, rule in enumerate(rules):
            for group, first, infos in keys.groups(rank):
                try:
                    verdict, breached = rule.verdict((info[0] for info in infos), totals[rank])
                except MALFORMED as error:
                    verdict, breached = malformed(error), False
                keys.set_verdict(rank, group, first, verdict, breached)
        requirements = list(ranks)
        for index, position, rank, info, verdict in keys.members():
            outcome = _member_outcome(rules[rank], info, verdict)
            if waivers:
                found = waivers.match(requirements[rank], outcome.status, pointer.render(outcome.segments), info[1], info[2])
                if found is not None:
                    used.add(found)
                    continue
            if outcome.status is Status.FAILED and catalog.requirement(requirements[rank]).severity is Severity.ERROR:
                ok[index] = False
            if outcome.status is not Status.PASSED:
                strict[index] = False
        batch_findings = []
        for rank, group, verdict in keys.breaches():
            members = keys.infos(rank, group)
            first = next(members)
            names = (first[1], *(info[1] for info in members))
            call = topics.call(first[4])
            topic = call.topic(first[5])
            finding = finding_for(topic.checks[first[7]], verdict, call, topic, bundles=names, track=first[6])
            if waivers:
                finding, found = waivers.apply_batch(finding)
                if found is not None:
                    used.add(found)
            batch_findings.append(finding)
    except BaseException:
        store.close()
        keys.close()
        read.close()
        raise
    if waivers:
        batch_findings.extend(waivers.findings(used))
    checked_batch = CheckedBatch(store, keys, rules, tuple(batch_findings), ok, strict, latest, waivers, read)
    if run is not None:
        from . import provenance

        checked_batch.provenance = provenance.build(
            run_at=run["run_at"], as_of=run["as_of"], given=run["given"], resolved=run["resolved"],
            calls=calls, waivers=waivers, used=used, bundles=provenance.Bundles(read),
        )
    return checked_batch


def validate_batch(bundles: Iterable[Any], as_of: Any = None, settings: Mapping[str, Any] | None = None, jobs: int = 1, limits: Any = None, waivers: Iterable[Any] = ()) -> BatchReport:
    """Check several bundles as one batch: one report each, plus the batch findings (quotas, identities)."""
    if isinstance(bundles, (str, bytes, os.PathLike, Mapping)):
        raise TypeError("validate_batch takes an iterable of bundles; use validate() for one")
    with check_batch(bundles, as_of=as_of, settings=settings, jobs=jobs, limits=limits, hold=None, waivers=waivers) as batch:
        return batch.report()


def validate(bundle: Any, as_of: Any = None, settings: Mapping[str, Any] | None = None, limits: Any = None) -> Report:
    """Check one bundle (a mapping or a path); the report lists one finding per applicable requirement."""
    if not isinstance(bundle, (Mapping, str, os.PathLike, Source)):
        raise TypeError(f"a bundle is a mapping or a path, not {type(bundle).__name__}")
    item = check_one(next(_items([bundle], as_of, settings, limits)[0]))
    if not item.reads:  # no batch check: the report is complete already
        return attrs.evolve(item.head, findings=item.findings)
    with _collect([item], None) as batch:
        return next(iter(batch.reports))


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
