"""``--format junit``: JUnit XML, one ``<testsuite>`` per file and one ``<testcase>`` per finding.

The output is valid against both the strict Apache Ant schema (windyroad) and the lenient Jenkins
xUnit schema: every suite carries ``id``, ``package``, ``timestamp``, ``hostname``, ``time``, the
counts, and ``<properties>``, ``<system-out>``, ``<system-err>`` in that order, and a test case has at
most one ``<failure>``.

A finding that makes its bundle not ok (failed, severity error) is a ``<failure>``; with ``--strict``
every finding that is not passed is. The others that are not passed (warnings, info notes, pending
reviews) pass as test cases and are listed in the suite's ``<system-out>``, since the Ant schema
allows no output inside a test case. A waived finding is a ``<skipped>`` test case whose message is
the waiver's reason, approver and expiry.

A test case is named after what it tests, the same whether it passes or fails: the requirement id
for a catalog requirement (each yields one finding per bundle); for ``SCHEMA``, ``LOAD``, ``TOPIC``
and ``AS-OF`` findings, of which a bundle can have several, the id and the JSON Pointer; a name that
would repeat within its suite gets `` #2``, `` #3``... A finding is reported once per place: a batch
check's finding is a test case of each bundle's suite, and a last suite named ``batch`` holds only
batch findings naming bundles whose suites lack them (none, for a batch from the engine).

``timestamp`` is the date the bundle's dated rules were measured at (midnight), and ``hostname`` is
``localhost``, so the same input always gives the same output. Each suite's ``<properties>`` hold
the run's provenance (``appcheck.version``, ``appcheck.catalogue.*``, ``appcheck.as_of``,
``appcheck.setting.*``, ``appcheck.waiver.*`` and ``appcheck.run_at``, the one value that changes
from run to run) and the bundle's ``appcheck.bundle.path``, ``.size`` and ``.sha256``.
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET

from ..model import Status
from . import Options, Places, message, render_with, waiver_note

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LABEL = {"error": "error", "warning": "warning", "info": "info"}


def clean(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text)


def body(text: str) -> str:
    """Element content: :func:`clean`, with CR and CRLF written as LF (what an XML parser reads them as)."""
    return clean(text).replace("\r\n", "\n").replace("\r", "\n")


def _token(text: str, fallback: str) -> str:
    """``text`` as an ``xs:token`` that must not be empty once its whitespace is collapsed."""
    text = clean(text)
    return text if text.strip() else fallback


def _is_failure(finding, options: Options) -> bool:
    if options.strict:
        return not finding.clean()
    return finding.blocking


def _label(finding) -> str:
    return "review" if finding.status is Status.NEEDS_REVIEW else _LABEL[finding.severity.value]


def _where(file: str, finding) -> str:
    where = file
    if finding.line is not None:
        where = f"{file}:{finding.line}:{finding.column}"
    return f"{where} {finding.path or '/'}"


def case_names(findings) -> list[str]:
    """The test case name of each finding of one suite: stable across outcomes, unique in the suite."""
    from .. import catalog

    known = catalog.requirements()
    names: list[str] = []
    used: dict[str, int] = {}
    for finding in findings:
        name = _token(finding.requirement if finding.requirement in known else f"{finding.requirement} {finding.path}".strip(), "?")
        used[name] = used.get(name, 0) + 1
        names.append(name if used[name] == 1 else f"{name} #{used[name]}")
    return names


def _suite(parent, index: int, name: str, package: str, classname: str, findings, timestamp: str, options: Options, properties=()) -> None:
    failures = [finding for finding in findings if _is_failure(finding, options)]
    suite = ET.SubElement(parent, "testsuite", {
        "name": _token(name, f"#{index}"),
        "tests": str(len(findings)),
        "failures": str(len(failures)),
        "errors": "0",
        "skipped": str(sum(finding.status is Status.WAIVED for finding in findings)),
        "time": "0",
        "timestamp": timestamp,
        "hostname": "localhost",
        "id": str(index),
        "package": _token(package, "appcheck"),
    })
    holder = ET.SubElement(suite, "properties")
    for key, value in properties:
        ET.SubElement(holder, "property", {"name": clean(key), "value": clean(str(value))})
    notes = []
    for finding, case_name in zip(findings, case_names(findings)):
        file = ", ".join(finding.bundles) if finding.bundles else name
        case = ET.SubElement(suite, "testcase", {
            "name": case_name,
            "classname": _token(classname, "appcheck"),
            "time": "0",
        })
        text = message(finding, options.lang)
        if _is_failure(finding, options):
            lines = [text, _where(file, finding)]
            if finding.source:
                lines.append(finding.source)
            failure = ET.SubElement(case, "failure", {"message": clean(text), "type": clean(finding.requirement)})
            failure.text = body("\n".join(lines))
        elif finding.status is Status.WAIVED:
            note = waiver_note(finding, options.lang)
            skipped = ET.SubElement(case, "skipped", {"message": clean(note)})
            skipped.text = body("\n".join([text, _where(file, finding), note]))
        elif finding.status is not Status.PASSED:
            notes.append(f"{_label(finding)} {finding.requirement} {_where(file, finding)}: {text}")
    ET.SubElement(suite, "system-out").text = body("\n".join(notes) + "\n") if notes else None
    ET.SubElement(suite, "system-err")


def _timestamp(day: _dt.date | None) -> str:
    return _dt.datetime.combine(day or _dt.date.today(), _dt.time()).strftime("%Y-%m-%dT%H:%M:%S")


def _suites(batch, options: Options):
    """Each ``<testsuite>`` of the batch in turn, as an element without a parent."""
    days = getattr(batch, "latest_checked_on", None)
    if days is None:
        days = max((report.checked_on for report in batch.reports if report.checked_on is not None), default=None)
    index = -1
    places = Places(batch)
    run = _run_properties(getattr(batch, "provenance", None))
    for index, report in enumerate(batch.reports):
        places.seen(report, index)
        holder = ET.Element("testsuites")
        name = report.file or f"#{index}"
        topic = report.topic + (f"#{report.track}" if report.track else "") if report.topic else None
        own = [("appcheck.bundle.path", name)]
        if report.sha256 is not None:
            own += [("appcheck.bundle.size", report.size), ("appcheck.bundle.sha256", report.sha256)]
        _suite(holder, index, name, topic or "appcheck", topic or name, report.findings, _timestamp(report.checked_on or days), options,
               run + own if run else ())
        yield holder[0]
    left = [finding for finding in batch.findings if places.left(finding)]
    if left:
        holder = ET.Element("testsuites")
        _suite(holder, index + 1, "batch", "appcheck", "batch", left, _timestamp(days), options, run)
        yield holder[0]


def _run_properties(provenance) -> list[tuple[str, object]]:
    """The provenance of the run as ``<property>`` name and value pairs (each suite carries them)."""
    if provenance is None:
        return []
    found = [
        ("appcheck.version", provenance.appcheck),
        ("appcheck.catalogue.revision", provenance.catalogue.get("revision")),
        ("appcheck.catalogue.sha256", provenance.catalogue.get("sha256")),
        ("appcheck.as_of", provenance.as_of),
        *((f"appcheck.call.{call}", f"{pack.get('pack')} {pack.get('version')}") for call, pack in provenance.calls.items()),
        ("appcheck.run_at", provenance.run_at),
    ]
    for name, setting in provenance.settings.items():
        value = "(unset)" if setting.get("value") is None else setting.get("value")
        found.append((f"appcheck.setting.{name}", f"{value} (default)" if setting.get("default") else value))
    for number, waiver in enumerate(provenance.waivers, 1):
        found.append((f"appcheck.waiver.{number}", f"{waiver.get('requirement')} {waiver.get('state')} {', '.join(waiver.get('bundles', ()))}"
                      f"{' ' + waiver['pointer'] if waiver.get('pointer') else ''}: {waiver.get('reason')}"
                      f" (approved by {waiver.get('approved_by')}, until {waiver.get('expires_on')})"))
    return found


def build(batch, options: Options) -> ET.Element:
    """The ``<testsuites>`` element."""
    root = ET.Element("testsuites")
    root.extend(_suites(batch, options))
    return root


def write(batch, options: Options, out) -> None:
    """Write the JUnit XML document to ``out``, a ``<testsuite>`` at a time: the same text as
    :func:`build` indented with ``ET.indent`` and serialized whole."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    empty = True
    for suite in _suites(batch, options):
        ET.indent(suite, level=1)
        suite.tail = None
        out.write(("<testsuites>" if empty else "") + "\n  " + ET.tostring(suite, encoding="unicode"))
        empty = False
    out.write("<testsuites />\n" if empty else "\n</testsuites>\n")


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
