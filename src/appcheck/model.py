"""The report model: findings, per-bundle reports and batch reports, as frozen values.

A :class:`Finding` says, for one requirement, whether the bundle meets it (``passed``), does not
(``failed``) or needs a person's judgement (``needs_review``), how much a failure matters
(``severity``), where in the bundle (``segments``, rendered as a JSON Pointer by :attr:`Finding.path`),
and why, in Chinese and English, with the numbers and the guideline clause it enforces.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import threading
from collections.abc import Mapping
from decimal import Context, Decimal
from typing import Any

import attrs

from . import pointer
from .converters import to_tuple


class Status(str, enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    NEEDS_REVIEW = "needs_review"
    #: failed, but a configured waiver accepts it (see :mod:`appcheck.waivers`): it blocks nothing
    WAIVED = "waived"


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: Requirement ids that are not in the catalog: problems found before any requirement could be checked.
LOAD = "LOAD"  # the file cannot be read or parsed
SCHEMA = "SCHEMA"  # the bundle violates its topic's JSON Schema
TOPIC = "TOPIC"  # unknown call / topic / track
AS_OF = "AS-OF"  # the bundle has no submitted_on: dates were measured at the caller's as_of date
WAIVER = "WAIVER"  # a configured waiver expired, or covered nothing in the run (a batch finding)
SPECIAL_REQUIREMENTS = (LOAD, TOPIC, SCHEMA, AS_OF)


#: the longest message a finding keeps, in characters: a longer one is cut in the middle (see
#: :func:`appcheck.engine.findings.clip`)
MESSAGE_LIMIT = 600

#: how deep :func:`jsonable` keeps containers (findings hold clipped values; this bounds any other)
JSON_DEPTH = 64


#: a Decimal's text as the bundle wrote it (``1E+1``, capital E), whatever context the caller's thread has
#: (``str()`` follows the thread's ``capitals``: a host's ``capitals=0`` would write ``1e+1``)
_text = Context(capitals=1).to_sci_string


def _number(value: Decimal) -> Any:
    """A finite Decimal as a plain JSON-ready number when one writes it the same way (``150`` an int,
    ``2.5`` a float), else the Decimal itself (``1.10``, ``1E+1``, ``-0``): the written form is kept."""
    text = _text(value)
    exponent = value.as_tuple().exponent
    if exponent == 0 and not (value.is_signed() and not value):
        return int(value)
    if "E" not in text and "e" not in text:
        as_float = float(value)
        if repr(as_float) == text:
            return as_float
    return value


#: the types :func:`jsonable` gives back as they are
_AS_IS = frozenset({type(None), bool, str, int})


def jsonable(value: Any, depth: int = JSON_DEPTH) -> Any:
    """Turn a value into one that :func:`dumps` writes and ``json.loads(..., parse_float=Decimal)``
    reads back equal.

    Numbers keep the form the bundle wrote them in: an int or a float where that writes the same
    digits (``150``, ``2.5``), else a :class:`~decimal.Decimal` (``1.10``, ``1E+1``), which
    :func:`dumps` writes as that literal; dates become ISO strings; tuples and lists become lists;
    sets become sorted lists; mappings become dicts with string keys; containers deeper than
    ``depth`` become their size (``"[…3]"``); anything else its text.
    """
    kind = type(value)
    if kind in _AS_IS:  # the common cases first, by exact type: a finding's values are plain already
        return value
    if kind is dict and depth > 0:
        return {key if type(key) is str else str(key): item if type(item) in _AS_IS else jsonable(item, depth - 1) for key, item in value.items()}
    if kind is list and depth > 0:
        return [item if type(item) in _AS_IS else jsonable(item, depth - 1) for item in value]
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return _number(value) if value.is_finite() else _text(value)
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return jsonable(value.value, depth)
    if isinstance(value, (Mapping, set, frozenset, list, tuple)) and depth <= 0:
        return ("{…%d}" if isinstance(value, Mapping) else "[…%d]") % len(value)
    if isinstance(value, Mapping):
        return {str(key): jsonable(item, depth - 1) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(item, depth - 1) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [jsonable(item, depth - 1) for item in value]
    return str(value)


def _write(value: Any, indent: int | None, level: int, out: list) -> None:
    """:func:`dumps` of ``value`` into ``out``: the text ``json.dumps`` writes, with Decimals as literals."""
    if type(value) is Decimal:
        out.append(_text(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + " " * (indent * (level + 1)) if indent is not None else ""
        out.append("{" + inner)
        for index, (key, item) in enumerate(value.items()):
            if index:
                out.append("," + inner if indent is not None else ", ")
            out.append(json.dumps(key, ensure_ascii=False) + ": ")
            _write(item, indent, level + 1, out)
        out.append(("\n" + " " * (indent * level) if indent is not None else "") + "}")
    elif isinstance(value, list):
        if not value:
            out.append("[]")
            return
        inner = "\n" + " " * (indent * (level + 1)) if indent is not None else ""
        out.append("[" + inner)
        for index, item in enumerate(value):
            if index:
                out.append("," + inner if indent is not None else ", ")
            _write(item, indent, level + 1, out)
        out.append(("\n" + " " * (indent * level) if indent is not None else "") + "]")
    else:
        out.append(json.dumps(value, ensure_ascii=False))


def dumps(value: Any, indent: int | None = None) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, where a :class:`~decimal.Decimal` (a number
    :func:`jsonable` keeps as written, such as ``1.10``) is written as its literal: a JSON number with
    exactly the bundle's digits. ``json.loads(text, parse_float=Decimal)`` reads it back unchanged."""
    try:
        return json.dumps(value, ensure_ascii=False, indent=indent)
    except TypeError:  # a Decimal somewhere (the common case has none: the C encoder writes it all)
        out: list = []
        _write(value, indent, 0, out)
        return "".join(out)


def _segments(value: Any) -> tuple:
    return value if type(value) is tuple else tuple(value)


def _status(value: Any) -> Status:
    return value if type(value) is Status else Status(value)


def _severity(value: Any) -> Severity:
    return value if type(value) is Severity else Severity(value)


def _names(value: Any) -> Any:
    """A finding's ``bundles``: a tuple, or a batch's view of them on disk kept as it is."""
    if type(value) is tuple:  # the common case, answered without an import
        return value
    from .stores import Names

    return value if type(value) is Names else tuple(value)


class _Placed:
    """Where a :class:`Finding` may keep its place in the text until it is first asked for (see
    :meth:`Finding.placed_later`), and the words of its messages until they are first read (see
    :func:`said_later`): slots of its own, outside the finding's fields."""

    __slots__ = ("_place", "_words")


@attrs.frozen
class Finding(_Placed):
    """One requirement's outcome for one bundle (or, for batch findings, for a group of bundles).

    A finding is a value: its fields are what they are, compared, hashed, pickled and written alike.
    Only ``line`` and ``column`` of a finding made by :meth:`placed_later` are worked out when first
    read (one scan of the bundle's text for all of its report's findings), and then kept; and only
    ``message`` and ``message_en`` of a finding made by :func:`said_later` (a passed requirement's,
    given as words by its rule) are formatted when either is first read, both at once, and then
    kept. Till then such a finding keeps what that takes (the bundle's text; the words and the values
    they read). Whatever reads a finding (its fields, ``to_dict()``, comparing, hashing, ``repr``,
    pickling, copying, ``attrs.evolve``, from any thread) sees the same values as of a finding made
    with them at once: pickling reads them first, so a finding crosses a process with its values.
    """

    requirement: str
    status: Status = attrs.field(converter=_status)
    severity: Severity = attrs.field(converter=_severity)
    segments: tuple = attrs.field(converter=_segments, default=())
    message: str = ""
    message_en: str = ""
    source: str = ""
    expected: Any = None
    actual: Any = None
    #: For batch findings: the bundles (file names, or ``#index`` for in-memory bundles) concerned: a
    #: tuple, or for a batch whose keys went to disk the store's view of them (:class:`appcheck.stores.Names`).
    bundles: tuple = attrs.field(converter=_names, default=())
    #: 1-based position of the value :attr:`path` names, when the bundle came from a file.
    line: int | None = None
    column: int | None = None
    #: For a waived finding: the waiver's ``reason``, ``approved_by``, ``expires_on`` and ``origin``.
    waiver: Any = None

    @classmethod
    def placed_later(
        cls, requirement: str, status: Any, severity: Any, segments: Any = (), message: str = "", message_en: str = "", source: str = "",
        expected: Any = None, actual: Any = None, *, place: Any,
    ) -> Finding:
        """A finding whose ``line`` and ``column`` are set by ``place.settle(finding)`` (with :func:`placed`)
        the first time either is read: ``place`` keeps what that takes (the bundle's text) until
        then, and is let go once they are known (see :func:`place_later`)."""
        return place_later(cls(requirement, status, severity, segments, message, message_en, source, expected, actual), place)

    def __getattr__(self, name: str) -> Any:
        # reached only for an attribute that is not set: the line and column of a finding placed later,
        # the messages of a finding said later
        if name == "message" or name == "message_en":
            try:
                words = _get_words(self)
            except AttributeError:  # said meanwhile, by another thread
                pass
            else:
                from .arithmetic import said  # in the decimal context of the check that gave them

                message, message_en = said(words)
                if type(message) is not str or type(message_en) is not str or len(message) > MESSAGE_LIMIT or len(message_en) > MESSAGE_LIMIT:
                    message, message_en = _clipped(message, message_en)
                _set_message(self, message)
                _set_message_en(self, message_en)
                try:
                    _del_words(self)  # what they read can go
                except AttributeError:  # said meanwhile, by another thread
                    pass
            return (_MESSAGE if name == "message" else _MESSAGE_EN).__get__(self)
        if name == "line" or name == "column":
            try:
                place = _get_place(self)
            except AttributeError:  # placed meanwhile, by another thread
                pass
            else:
                place.settle(self)
            return (_LINE if name == "line" else _COLUMN).__get__(self)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __reduce__(self) -> tuple:
        # pickled as its fields (a batch's reports wait in a temporary file): cheaper than attrs' state dict
        return Finding, (
            self.requirement, self.status, self.severity, self.segments, self.message, self.message_en, self.source,
            self.expected, self.actual, self.bundles, self.line, self.column, self.waiver,
        )

    @property
    def path(self) -> str:
        """The JSON Pointer (RFC 6901) of the value this finding is about; ``""`` for the whole bundle."""
        return pointer.render(self.segments)

    @property
    def blocking(self) -> bool:
        """True when this finding makes its bundle not ok: failed with severity error."""
        return self.status is Status.FAILED and self.severity is Severity.ERROR

    def clean(self) -> bool:
        """True when the finding is passed or waived (what ``--strict`` asks of every finding)."""
        return self.status is Status.PASSED or self.status is Status.WAIVED

    def to_dict(self, lazy: bool = False) -> dict:
        """The finding as JSON-ready values; with ``lazy``, ``bundles`` is an iterator of the names (for
        a reporter that writes them one at a time)."""
        data = {
            "requirement": self.requirement,
            "status": _VALUE[self.status],
            "severity": _VALUE[self.severity],
            "path": _pointer(self.segments),
            "message": self.message,
            "message_en": self.message_en,
            "source": self.source,
        }
        if self.expected is not None:
            data["expected"] = jsonable(self.expected)
        if self.actual is not None:
            data["actual"] = jsonable(self.actual)
        if self.bundles:
            data["bundles"] = iter(self.bundles) if lazy else list(self.bundles)
        if self.line is not None:
            data["line"] = self.line
            data["column"] = self.column
        if self.waiver is not None:
            data["waiver"] = jsonable(self.waiver)
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> Finding:
        return cls(
            requirement=data["requirement"],
            status=data["status"],
            severity=data["severity"],
            segments=pointer.parse(data.get("path", "")),
            message=data.get("message", ""),
            message_en=data.get("message_en", ""),
            source=data.get("source", ""),
            expected=data.get("expected"),
            actual=data.get("actual"),
            bundles=tuple(data.get("bundles", ())),
            line=data.get("line"),
            column=data.get("column"),
            waiver=data.get("waiver"),
        )


def _setter(name: str) -> Any:
    return Finding.__dict__[name].__set__


_new_finding = object.__new__
(_s_requirement, _s_status, _s_severity, _s_segments, _s_message, _s_message_en, _s_source, _s_expected, _s_actual, _s_bundles,
 _s_line, _s_column, _s_waiver) = map(_setter, (field.name for field in attrs.fields(Finding)))


def made_finding(
    requirement: str, status: Status, severity: Severity, segments: tuple, message: str, message_en: str, source: str,
    expected: Any, actual: Any, line: int | None, column: int | None, words: Any = None,
) -> Finding:
    """``Finding(...)`` of values already of their fields' types (a :class:`Status`, a :class:`Severity`,
    a tuple of segments; no bundles, no waiver), as finding construction has them: the same finding,
    without the converters' calls. With ``words``, ``message`` and ``message_en`` are not given but
    said later (see :func:`said_later`)."""
    finding = _new_finding(Finding)
    _s_requirement(finding, requirement)
    _s_status(finding, status)
    _s_severity(finding, severity)
    _s_segments(finding, segments)
    if words is None:
        _s_message(finding, message)
        _s_message_en(finding, message_en)
    else:
        _set_words(finding, words)
    _s_source(finding, source)
    _s_expected(finding, expected)
    _s_actual(finding, actual)
    _s_bundles(finding, ())
    _s_line(finding, line)
    _s_column(finding, column)
    _s_waiver(finding, None)
    return finding


_LINE, _COLUMN, _PLACE = Finding.__dict__["line"], Finding.__dict__["column"], _Placed.__dict__["_place"]
_set_line, _set_column, _set_place = _LINE.__set__, _COLUMN.__set__, _PLACE.__set__
_del_line, _del_column, _del_place = _LINE.__delete__, _COLUMN.__delete__, _PLACE.__delete__
_get_place = _PLACE.__get__
_MESSAGE, _MESSAGE_EN, _WORDS = Finding.__dict__["message"], Finding.__dict__["message_en"], _Placed.__dict__["_words"]
_set_message, _set_message_en, _set_words = _MESSAGE.__set__, _MESSAGE_EN.__set__, _WORDS.__set__
_del_message, _del_message_en, _del_words = _MESSAGE.__delete__, _MESSAGE_EN.__delete__, _WORDS.__delete__
_get_words = _WORDS.__get__


def said_later(finding: Finding, words: Any) -> Finding:
    """``finding``, just made and not yet shared with anyone, whose ``message`` and ``message_en`` are
    ``words()`` (a function of no argument returning both), called the first time either is read,
    each clipped to :data:`MESSAGE_LIMIT` then as a finding's message given at once is
    (:func:`~appcheck.engine.findings.finding_for`); the words (and what they read) are let go then."""
    _del_message(finding)
    _del_message_en(finding)
    _set_words(finding, words)
    return finding


def _clipped(message: Any, message_en: Any) -> tuple[str, str]:
    """Both messages of a finding said later cut to :data:`MESSAGE_LIMIT` (made text when not text), as
    :func:`~appcheck.engine.findings.finding_for` cuts those it is given (by the engine's ``clip``,
    imported here only for such a message: most are short)."""
    from .engine.findings import clip

    if type(message) is not str or len(message) > MESSAGE_LIMIT:
        message = clip(message, MESSAGE_LIMIT)
    if type(message_en) is not str or len(message_en) > MESSAGE_LIMIT:
        message_en = clip(message_en, MESSAGE_LIMIT)
    return message, message_en


def place_later(finding: Finding, place: Any) -> Finding:
    """``finding``, just made and not yet shared with anyone, to be placed when its ``line`` or
    ``column`` is first read: ``place.settle(finding)`` then places it with :func:`placed` (and may
    place others with it, or place it sooner)."""
    _del_line(finding)
    _del_column(finding)
    _set_place(finding, place)
    return finding


def placed_waiting(waiting: list, found: list) -> None:
    """:func:`placed` of each finding still alive of ``waiting`` (``(weak reference, index)`` pairs) at
    its position in ``found``: one loop, for all the findings of a report at once."""
    set_line, set_column, del_place = _set_line, _set_column, _del_place
    for reference, index in waiting:
        finding = reference()
        if finding is not None:
            line, column = found[index] or (None, None)
            set_line(finding, line)
            set_column(finding, column)
            try:
                del_place(finding)
            except AttributeError:  # placed meanwhile, by another thread
                pass


def placed(finding: Finding, position: tuple | None) -> None:
    """Place a finding of :func:`place_later` at ``position`` (``(line, column)`` or None) and let its place go."""
    line, column = position or (None, None)
    _set_line(finding, line)
    _set_column(finding, column)
    try:
        _del_place(finding)  # what it kept (the text) can go
    except AttributeError:  # placed meanwhile, by another thread
        pass


#: the pointers :meth:`Finding.to_dict` rendered, by segments: a report's paths are mostly its topic's
#: fixed ones, the same for every bundle (kept to :data:`_POINTERS_KEPT`, then started afresh)
_POINTERS: dict = {}
_POINTERS_KEPT = 4096


def _pointer(segments: tuple) -> str:
    try:
        return _POINTERS[segments]
    except KeyError:
        found = pointer.render(segments)
        # only paths of keys and indices are kept: a finding points by keys and indices (a bool or a
        # float segment, equal to an int one, is rendered each time and never kept)
        if all(type(segment) is str or type(segment) is int for segment in segments):
            if len(_POINTERS) >= _POINTERS_KEPT:
                _POINTERS.clear()
            _POINTERS[segments] = found
        return found
    except TypeError:  # a segment that is not hashable (a finding made by hand)
        return pointer.render(segments)


#: each status's and severity's value (read once: ``.value`` of an enum member is a property in Python)
_VALUE = {member: member.value for kind in (Status, Severity) for member in kind}
#: where a failed finding of each severity is counted in a report's summary
_COUNTED = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


def _counts(findings: tuple) -> dict:
    counts = {"passed": 0, "failed": 0, "needs_review": 0, "waived": 0, "errors": 0, "warnings": 0, "info": 0}
    for finding in findings:
        status = finding.status
        counts[_VALUE[status]] += 1
        if status is Status.FAILED:
            counts[_COUNTED[finding.severity]] += 1
    return counts


class _Built:
    """Where a :class:`Report` may keep what it takes to build its findings until they are first read
    (see :meth:`Report.later`): a slot of its own, outside the report's fields."""

    __slots__ = ("_build",)


#: held while a report builds its findings: two threads reading them at once get the same tuple
_BUILDING = threading.RLock()


@attrs.frozen
class Report(_Built):
    """The findings for one bundle, in checklist order (schema and load problems first).

    A report is a value: its fields are compared, hashed, pickled and written alike. Only the
    ``findings`` of a report made by :meth:`later` (as :func:`~appcheck.validate` makes one) are built
    when first read, by anything that reads them (``ok``, ``strict_ok``, :meth:`failures`,
    :meth:`to_dict`, comparing, hashing, ``repr``, pickling, copying, ``attrs.evolve``, from any
    thread), once, and then kept: every reader sees the same values as of a report made with them.
    """

    findings: tuple = attrs.field(converter=to_tuple)
    call: str | None = None
    topic_id: str | None = None
    track: str | None = None
    #: The file the bundle was read from, when it was.
    file: str | None = None
    #: The date the dated rules were measured at (``submitted_on``, else the caller's ``as_of``).
    checked_on: _dt.date | None = None
    #: The size in bytes and the SHA-256 (hex) of what was read, for a file or standard input.
    size: int | None = None
    sha256: str | None = None

    @property
    def topic(self) -> str | None:
        """``"call/topic"``, or ``None`` when the bundle does not name a known one."""
        if self.call is None or self.topic_id is None:
            return None
        return f"{self.call}/{self.topic_id}"

    @property
    def ok(self) -> bool:
        """True when no finding is failed with severity error."""
        return not any(finding.blocking for finding in self.findings)

    @property
    def strict_ok(self) -> bool:
        """True when every finding passed (no warning, info note or review pending)."""
        return all(finding.clean() for finding in self.findings)

    def failures(self) -> tuple:
        return tuple(finding for finding in self.findings if finding.status is not Status.PASSED)

    @classmethod
    def later(
        cls, build: Any, call: str | None = None, topic_id: str | None = None, track: str | None = None, file: str | None = None,
        checked_on: _dt.date | None = None, size: int | None = None, sha256: str | None = None,
    ) -> Report:
        """A report whose ``findings`` are ``build()`` (a function of no argument returning them, in
        order), called the first time they are read; ``build`` (and all it keeps: what the bundle's
        rules found, the text to place the findings in) is let go then."""
        report = cls((), call, topic_id, track, file, checked_on, size, sha256)
        _del_findings(report)
        _set_build(report, build)
        return report

    def __getattr__(self, name: str) -> Any:
        # reached only for an attribute that is not set: the findings of a report built later
        if name == "findings":
            with _BUILDING:
                try:
                    build = _get_build(self)
                except AttributeError:  # built meanwhile, by another thread
                    pass
                else:
                    try:
                        findings = to_tuple(build())
                    except AttributeError as error:  # not "no attribute 'findings'": the build's own error
                        raise RuntimeError(f"a report's findings could not be built: {error!r}") from error
                    _set_findings(self, findings)
                    _del_build(self)
            return _FINDINGS.__get__(self)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def to_dict(self) -> dict:
        read = {"size": self.size, "sha256": self.sha256} if self.sha256 is not None else {}
        return {
            "file": self.file,
            **read,
            "topic": self.topic,
            "track": self.track,
            "checked_on": self.checked_on.isoformat() if self.checked_on else None,
            "ok": self.ok,
            "summary": _counts(self.findings),
            "findings": [finding.to_dict() for finding in self.findings],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Report:
        topic = data.get("topic")
        call, _, topic_id = topic.partition("/") if topic else (None, "", None)
        checked_on = data.get("checked_on")
        return cls(
            findings=tuple(Finding.from_dict(item) for item in data.get("findings", ())),
            call=call,
            topic_id=topic_id or None,
            track=data.get("track"),
            file=data.get("file"),
            checked_on=_dt.date.fromisoformat(checked_on) if checked_on else None,
            size=data.get("size"),
            sha256=data.get("sha256"),
        )


_FINDINGS, _BUILD = Report.__dict__["findings"], _Built.__dict__["_build"]
_set_findings, _del_findings = _FINDINGS.__set__, _FINDINGS.__delete__
_get_build, _set_build, _del_build = _BUILD.__get__, _BUILD.__set__, _BUILD.__delete__


@attrs.frozen
class BatchReport:
    """One report per bundle, plus the findings about the batch as a whole (quotas, identities)."""

    reports: tuple = attrs.field(converter=to_tuple)
    findings: tuple = attrs.field(converter=to_tuple, default=())
    #: what the verdicts rest on (:class:`appcheck.provenance.Provenance`), when the batch was checked here;
    #: not compared (its time of the run differs between two checks of the same bundles)
    provenance: Any = attrs.field(default=None, eq=False)

    @property
    def ok(self) -> bool:
        return all(report.ok for report in self.reports) and not any(f.blocking for f in self.findings)

    @property
    def strict_ok(self) -> bool:
        return all(report.strict_ok for report in self.reports) and all(f.clean() for f in self.findings)

    @property
    def latest_checked_on(self) -> _dt.date | None:
        """The latest date any bundle's dated rules were measured at (None when no bundle has one)."""
        return max((report.checked_on for report in self.reports if report.checked_on is not None), default=None)

    def to_dict(self) -> dict:
        data = {
            "format": "appcheck-report/1",
            "ok": self.ok,
            "reports": [report.to_dict() for report in self.reports],
            "findings": [finding.to_dict() for finding in self.findings],
        }
        if self.provenance is not None:
            data["provenance"] = self.provenance.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> BatchReport:
        provenance = None
        if data.get("provenance") is not None:
            from .provenance import Provenance

            provenance = Provenance.from_dict(data["provenance"])
        return cls(
            reports=tuple(Report.from_dict(item) for item in data.get("reports", ())),
            findings=tuple(Finding.from_dict(item) for item in data.get("findings", ())),
            provenance=provenance,
        )
