"""``--format github``: GitHub Actions workflow commands, one annotation per finding that is not passed.

``::error`` for a failed error, ``::warning`` for a failed warning, ``::notice`` for a failed info note,
a pending review or a waived finding (with the waiver's reason, approver and expiry); ``file``, ``line`` and ``col`` place it, ``title`` is the requirement id. Property
values and messages are escaped exactly as the Actions toolkit (``@actions/core``) escapes them, so no
file name or message can end the command early or start another one. A finding is annotated once
per place: a batch check's finding is annotated in each bundle's report, at its line, and the batch
finding naming those bundles is not annotated again (only at a bundle whose report lacks it). The
last line is a plain summary, not a command.
"""

from __future__ import annotations


from ..model import Severity, Status
from . import Options, Places, message_with_waiver, render_with

_SUMMARY = {
    "zh": "appcheck：共 {files} 个文件，{ok} 个通过，{bad} 个未通过；{errors} 个错误，{warnings} 个警告，{notices} 个提示或待评审",
    "en": "appcheck: {files} file(s), {ok} ok, {bad} not ok; {errors} error(s), {warnings} warning(s), {notices} notice(s) or review(s)",
}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(finding) -> str:
    if finding.status is Status.FAILED and finding.severity is Severity.ERROR:
        return "error"
    if finding.status is Status.FAILED and finding.severity is Severity.WARNING:
        return "warning"
    return "notice"


def annotation(command: str, text: str, file: str | None = None, line: int | None = None, column: int | None = None, title: str | None = None) -> str:
    """One workflow command line, ``::command key=value,...::text``, every part escaped."""
    properties = []
    if file is not None:
        properties.append(("file", file))
    if line is not None:
        properties.append(("line", str(line)))
        if column is not None:
            properties.append(("col", str(column)))
    if title is not None:
        properties.append(("title", title))
    head = f"::{command}"
    if properties:
        head += " " + ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"{head}::{escape_data(text)}"


def _lines(finding, files, options: Options):
    text = message_with_waiver(finding, options.lang) or finding.requirement
    for file in files:
        yield annotation(_command(finding), text, file, finding.line, finding.column, finding.requirement)


def write(batch, options: Options, out) -> None:
    """Write the annotations of ``batch`` to ``out``, a report at a time, then the summary line."""
    counts = {"error": 0, "warning": 0, "notice": 0}
    places = Places(batch)
    files = good = 0
    for index, report in enumerate(batch.reports):
        files += 1
        good += report.strict_ok if options.strict else report.ok
        places.seen(report, index)
        lines = []
        for finding in report.findings:
            if finding.status is not Status.PASSED:
                counts[_command(finding)] += 1
                lines.extend(_lines(finding, [report.file], options))
        if lines:
            out.write("\n".join(lines) + "\n")
    lines = []
    for finding in batch.findings:
        names = places.left(finding) if finding.status is not Status.PASSED else []
        if names:
            counts[_command(finding)] += 1
            lines.extend(_lines(finding, names, options))
    lines.append(_SUMMARY[options.lang].format(
        files=files, ok=good, bad=files - good,
        errors=counts["error"], warnings=counts["warning"], notices=counts["notice"],
    ))
    out.write("\n".join(lines) + "\n")


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
