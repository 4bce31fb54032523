"""Stage 4, one bundle on its own: loaded, its topic found, its schema checked (:func:`prepare`), then
its own rules run and their findings placed (:func:`check_one`), in whichever process checks it.
What a batch keeps of it is a :class:`Checked`."""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from .. import schema_messages, topics
from ..arithmetic import exactly
from ..model import AS_OF, SCHEMA, Finding, Report, Severity, Status
from ..rules.base import MALFORMED, Context, Outcome, as_date, malformed, run
from ..rules.batch import read
from .envelope import resolve_topic
from .findings import Places, _cited, finding_for, pointing, positions, schema_by_line
from .load import Source, load
from .schema import capped_findings

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


def prepare(bundle: Any, index: int, as_of: dt.date, settings: Mapping[str, Any] | None, limits: Any = None) -> Prepared:
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

    data, text, problem, text_format, digest = load(bundle, name, limits)
    if problem is not None:
        return Prepared(name, file, None, text, (problem,), format=text_format, digest=digest)
    if not isinstance(data, Mapping):
        found = schema_messages._type_name(data)
        return Prepared(name, file, data, text, (
            Finding(SCHEMA, Status.FAILED, Severity.ERROR, (), f"申报书应为对象（JSON 对象或 YAML 映射），实为{found[0]}", f"a bundle is an object (a JSON object or a YAML mapping), found {found[1]}", ""),
        ), format=text_format, digest=digest)
    call, topic, track, problem = resolve_topic(data)
    if problem is not None:
        return Prepared(name, file, data, text, (problem,), topic, call, format=text_format, digest=digest)
    findings = capped_findings(topic, data)
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


def _not_counted(blocking: list[str]) -> Outcome:
    shown = "、".join(blocking[:5]) + ("…" if len(blocking) > 5 else "")
    return Outcome(
        Status.PASSED, (),
        f"不计入限额：本申报书已有未满足的必须要求（{shown}），不能进入评审，不占名额",
        f"not counted against the quota: this bundle already fails {'a required check' if len(blocking) == 1 else 'required checks'} "
        f"({', '.join(blocking[:5])}{'…' if len(blocking) > 5 else ''}), so it cannot go forward and takes no place",
        actual={"counted": False, "blocking": blocking},
    )


@functools.cache
def _plan(call_id: str, topic_id: str, track: str | None) -> tuple[tuple, tuple]:
    """``(own, batch)``: the ``(position, check)`` pairs of a topic's checks that apply to ``track``, the
    checks a bundle has alone, then the batch checks. The same for every bundle of the topic and track."""
    checks = [(position, check) for position, check in enumerate(topics.call(call_id).topic(topic_id).checks) if check.applies(track)]
    return tuple(pair for pair in checks if not pair[1].batch), tuple(pair for pair in checks if pair[1].batch)


@functools.lru_cache(maxsize=None)
def _call_defaults(call_id: str) -> Mapping[str, Any]:
    """A call's settings at their defaults, worked out once. Setting names start with their call's id
    and a call's rules read only those, so this is all a bundle's rules can see of the defaults."""
    return MappingProxyType({setting.name: setting.default for setting in topics.call(call_id).settings})


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

    def __reduce__(self) -> tuple:
        # pickled as its fields and its head's (sent back by a worker process, kept in the batch's
        # temporary file, read back): half the time of attrs' state, which is set one field at a time
        return _unpickled, (_REPORT_FIELDS(self.head), *_CHECKED_FIELDS(self)[1:])


@attrs.frozen
class Pickled:
    """A value pickled where it was made (bytes pass between processes and files at the cost of a copy)."""

    data: bytes

    def __reduce__(self) -> tuple:
        return Pickled, (self.data,)


#: a report's fields, and a checked bundle's, in the order their classes take them
_REPORT_FIELDS = operator.attrgetter(*(field.name for field in attrs.fields(Report)))
_CHECKED_FIELDS = operator.attrgetter(*(field.name for field in attrs.fields(Checked)))


def _unpickled(head: tuple, *fields: Any) -> Checked:
    return Checked(Report(*head), *fields)


#: a bundle of more bytes than this has its passed findings said by :func:`check_one` when they are made:
#: a batch keeps up to :data:`~appcheck.engine.batch.HOLD` checked bundles in memory, and a passed
#: finding's words keep the values they read (a 2 MB issuer), where its message is short
SAID_AT_ONCE_ABOVE = 64 * 1024


@exactly
def check_one(item: tuple) -> Checked:
    """Load, resolve and check one bundle on its own (the part of a batch that runs per bundle, in any
    process). Its findings are placed in its text (line and column) before the text goes: a batch
    holds no text. (:func:`report_one` checks a bundle alone.)"""
    prepared = prepare(*item[:5])
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
        outcomes = {position: pointing(prepared.data, run(check.rule, context)) for position, check in own}
        paths.extend(outcome.segments for outcome in outcomes.values())
        for position, check in batch:
            found = read(check.rule, context)
            if isinstance(found, Outcome):
                found = pointing(prepared.data, found)
            reads.append((position, check.requirement, found))
            wanted.extend([(), *check.rule.paths] + ([found.segments] if isinstance(found, Outcome) else []))
        wanted = list(dict.fromkeys(tuple(path) for path in wanted))
    where = iter(positions(prepared.text, prepared.format, paths + wanted))
    findings = []
    for finding in early:
        position = next(where) if finding.line is None else None
        findings.append(finding if position is None else attrs.evolve(finding, line=position[0], column=position[1]))
    findings = schema_by_line(findings)
    placed = {}
    checks, call, topic, track = prepared.topic.checks if prepared.topic else (), prepared.call, prepared.topic, prepared.track
    for position, outcome in outcomes.items():
        placed[position] = finding_for(checks[position], outcome, call, topic, *(next(where) or (None, None)), track=track)
    if prepared.digest is not None and prepared.digest[0] > SAID_AT_ONCE_ABOVE:
        for finding in placed.values():
            finding.message  # noqa: B018 - said now: its words may read the bundle's long values, which a batch must not keep
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


def _waive(waivers: Any, findings: Iterable[Finding], prepared: Prepared, used: set) -> list[Finding]:
    """``findings`` with those a waiver covers waived; the waivers' indices go to ``used``."""
    result = []
    for finding in findings:
        finding, index = waivers.apply(finding, prepared.name, prepared.file is not None)
        if index is not None:
            used.add(index)
        result.append(finding)
    return result


@exactly
def report_one(bundle: Any, as_of: dt.date, settings: Mapping[str, Any] | None, limits: Any = None) -> Report:
    """The report of one bundle checked alone (:func:`~appcheck.engine.validate`): its own checks, then
    its batch checks judged over a batch of one (:func:`_judged`), straight, without the stores a batch
    keeps its bundles in. The same report as :func:`check_one` and a batch of this one bundle give.

    The bundle is loaded and checked now (every rule runs); its findings are built the first time the
    report's ``findings`` are read (or anything that reads them: ``ok``, ``to_dict()``, comparing,
    hashing, ``repr``, pickling, ``attrs.evolve``; see :meth:`Report.later`), by :func:`_findings_of`,
    then kept. Till then the report keeps what its rules found (each outcome, with the values a
    passed outcome's words read) and the bundle's text: a memory cost for a caller holding many
    reports it has not read. Its findings are placed when a line or column of any of them is first
    read (:class:`Places`, which keeps the text till then), except where several SCHEMA findings are
    listed in the order of their lines: those are placed when the findings are built.
    """
    prepared = prepare(bundle, 0, as_of, settings, limits)
    digest, context = prepared.digest, prepared.context
    call, topic, track = prepared.call, prepared.topic, prepared.track
    # each check's finding to make: (position, check, outcome, whether it is placed in the text)
    made: list = []
    if context is not None:
        own, batch = _plan(call.id, topic.id, track)
        data = prepared.data
        made = [(position, check, pointing(data, run(check.rule, context)), True) for position, check in own]
        if batch:
            made.extend(_batch_of_one(prepared, batch, made))
            made.sort(key=_POSITION)
    return Report.later(
        functools.partial(_findings_of, prepared.findings, prepared.text, prepared.format, made, call, topic, track),
        call=call.id if call else None, topic_id=topic.id if topic else None, track=track, file=prepared.file,
        checked_on=context.checked_on if context else None, size=digest[0] if digest else None, sha256=digest[1] if digest else None,
    )


def _findings_of(early: tuple, text: str | None, text_format: str, made: list, call: Any, topic: Any, track: str | None) -> list[Finding]:
    """The findings of a report of :func:`report_one`: ``early`` (load, topic, schema, as-of), then the
    finding of each ``(position, check, outcome, placed)`` of ``made``, those ``placed`` placed in
    ``text`` when a line of any is first read (all at once, with :class:`Places`), or at once where
    several SCHEMA findings are listed in the order of their lines."""
    paths = [finding.segments for finding in early if finding.line is None]
    paths.extend([outcome.segments for _, _, outcome, placed in made if placed])
    if text is not None and (len(early) < 2 or sum(finding.requirement == SCHEMA for finding in early) < 2):
        places = Places(text, text_format, paths)
        indices = iter(range(len(paths)))
        later = places.later
        findings = [finding if finding.line is not None else later(finding, next(indices)) for finding in early]
        for _, check, outcome, placed in made:
            finding = finding_for(check, outcome, call, topic, track=track)
            findings.append(later(finding, next(indices)) if placed else finding)
        return findings
    # no text (every line None), or several SCHEMA findings, listed in the order of their lines: placed now
    where = iter(positions(text, text_format, paths))
    findings = []
    for finding in early:
        position = next(where) if finding.line is None else None
        findings.append(finding if position is None else attrs.evolve(finding, line=position[0], column=position[1]))
    findings = schema_by_line(findings)
    for _, check, outcome, placed in made:
        findings.append(finding_for(check, outcome, call, topic, *((next(where) or (None, None)) if placed else (None, None)), track=track))
    return findings


_POSITION = operator.itemgetter(0)


def _batch_of_one(prepared: Prepared, batch: tuple, own: list) -> list:
    """``(position, check, outcome, placed)`` of each batch check of a bundle alone (see :func:`report_one`);
    ``placed``: whether its outcome points at a path its check may point at (the bundle, the check's
    paths, its own read's), where a batch places it (elsewhere it has no line)."""
    data, context, call, topic, track = prepared.data, prepared.context, prepared.call, prepared.topic, prepared.track
    reads = []
    for position, check in batch:
        found = read(check.rule, context)
        if isinstance(found, Outcome):
            found = pointing(data, found)
        reads.append((position, check, found))
    # the required checks the bundle fails on its own
    blocking = {finding.requirement for finding in prepared.findings if finding.blocking}
    for _, check, outcome, _ in own:
        if outcome.status is Status.FAILED and _cited(call.id, topic.id, track, check.requirement)[0] is Severity.ERROR:
            blocking.add(check.requirement)
    made = []
    for (position, check, found), outcome in zip(reads, _judged(topic, reads, sorted(blocking))):
        wanted = {(), *map(tuple, check.rule.paths)}
        if isinstance(found, Outcome):
            wanted.add(tuple(found.segments))
        made.append((position, check, outcome, tuple(outcome.segments) in wanted))
    return made


def _judged(topic: Any, reads: list, blocking: list) -> list:
    """Each batch check's outcome for a batch of one bundle (``reads``: :func:`_read`'s, in the topic's
    order; ``blocking``: the required checks the bundle fails on its own), as the batch judges it:
    the checks of one requirement by the rule of the first of them, each group of keys by the rule's
    ``verdict``, a read that is an outcome (or a bundle a quota leaves out) standing on its own."""
    rules: dict = {}  # requirement -> (rule, bundles counted)
    members = []
    groups: dict = {}  # (requirement, group) -> keys, in order
    for position, check, found in reads:
        requirement = check.requirement
        rule, total = rules.get(requirement) or (topic.checks[position].rule, 0)
        counted, group = key_group(rule, found, blocking)
        rules[requirement] = (rule, total + counted)
        if group is not None:
            groups.setdefault((requirement, group), []).append(found)
        members.append((requirement, group, found))
    verdicts = {key: judge(rules[key[0]][0], iter(keys), rules[key[0]][1])[0] for key, keys in groups.items()}
    return [member_outcome(rules[requirement][0], found, blocking, verdicts.get((requirement, group))) for requirement, group, found in members]


def key_group(rule: Any, found: Any, blocking: Sequence[str]) -> tuple[bool, Any]:
    """``(counted, group)`` of a bundle's read for a batch check: whether the check counts the bundle
    (a quota, a batch rule with ``eligible_only``, leaves out a bundle that fails a required check of
    its own), and the group its key belongs to (None for a bundle left out or a read that is an outcome)."""
    excluded = bool(blocking) and getattr(rule, "eligible_only", False)
    return not excluded, None if excluded or isinstance(found, Outcome) else rule.group_of(found)


@exactly
def judge(rule: Any, keys: Iterable, total: int) -> tuple[Outcome, bool]:
    """``(verdict, breached)`` of a group of keys; a rule that meets malformed keys fails, never crashes."""
    try:
        return rule.verdict(keys, total)
    except MALFORMED as error:
        return malformed(error), False


def member_outcome(rule: Any, found: Any, blocking: Sequence[str], verdict: Outcome | None) -> Outcome:
    """A bundle's outcome for one batch check: its group's verdict, or its own read.

    A quota (a batch rule with ``eligible_only``) counts only the bundles that can go forward: one
    already failing a required check of its own takes no place, and its finding says so (unless its
    key cannot be read: that failure stands).
    """
    if verdict is not None:
        return verdict
    if blocking and getattr(rule, "eligible_only", False):
        return found if isinstance(found, Outcome) and found.status is Status.FAILED else _not_counted(list(blocking))
    return found
