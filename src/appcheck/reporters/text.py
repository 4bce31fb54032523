"""``--format text``: for people. One block per file, failures first, ``file:line:column`` for each."""

from __future__ import annotations

from ..model import Severity, Status
from . import Options, message_with_waiver, render_with

_COLORS = {"waived": "34", "error": "31", "warning": "33", "info": "36", "review": "35", "passed": "32", "bold": "1", "dim": "2"}
_LABELS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "review": "待评审", "passed": "通过", "waived": "已豁免", "ok": "通过", "not_ok": "未通过",
           "summary": "共 {files} 个文件：{ok} 个通过，{bad} 个未通过", "passed_n": "另有 {n} 项要求通过", "batch": "批量检查", "no_topic": "未知专题"},
    "en": {"error": "error", "warning": "warning", "info": "info", "review": "review", "passed": "passed", "waived": "waived", "ok": "ok", "not_ok": "not ok",
           "summary": "{files} file(s): {ok} ok, {bad} not ok", "passed_n": "{n} more requirement(s) passed", "batch": "batch", "no_topic": "unknown topic"},
}
_ORDER = {(Status.FAILED, Severity.ERROR): 0, (Status.NEEDS_REVIEW, Severity.ERROR): 1, (Status.FAILED, Severity.WARNING): 2,
          (Status.NEEDS_REVIEW, Severity.WARNING): 3, (Status.FAILED, Severity.INFO): 4, (Status.NEEDS_REVIEW, Severity.INFO): 5,
          (Status.WAIVED, Severity.ERROR): 6, (Status.WAIVED, Severity.WARNING): 7, (Status.WAIVED, Severity.INFO): 8}


def _paint(text: str, style: str, options: Options) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if options.color else text


def _label(finding) -> str:
    if finding.status is Status.PASSED:
        return "passed"
    if finding.status is Status.NEEDS_REVIEW:
        return "review"
    if finding.status is Status.WAIVED:
        return "waived"
    return finding.severity.value


def _line(finding, where: str, options: Options) -> str:
    labels = _LABELS[options.lang]
    label = _label(finding)
    position = where
    if finding.line is not None:
        position = f"{where}:{finding.line}:{finding.column}"
    pointer = finding.path or "/"
    return f"  {position}: {_paint(labels[label], label, options)} {_paint(finding.requirement, 'bold', options)} {pointer}  {message_with_waiver(finding, options.lang)}"


def write(batch, options: Options, out) -> None:
    """Write the text report of ``batch`` to ``out``, one file's block at a time."""
    labels = _LABELS[options.lang]
    files = good = 0
    for index, report in enumerate(batch.reports):
        lines = []
        where = report.file or f"#{index}"
        ok = report.strict_ok if options.strict else report.ok
        files += 1
        good += ok
        status = _paint(labels["ok"] if ok else labels["not_ok"], "passed" if ok else "error", options)
        topic = report.topic + (f"#{report.track}" if report.track else "") if report.topic else labels["no_topic"]
        lines.append(f"{_paint(where, 'bold', options)}  {topic}  {status}")
        shown = sorted((f for f in report.findings if f.status is not Status.PASSED), key=lambda f: _ORDER[(f.status, f.severity)])
        for finding in shown:
            lines.append(_line(finding, where, options))
        passed = [f for f in report.findings if f.status is Status.PASSED]
        if options.verbose:
            lines.extend(_line(f, where, options) for f in passed)
        elif passed:
            lines.append(_paint("  " + labels["passed_n"].format(n=len(passed)), "dim", options))
        lines.append("")
        out.write("\n".join(lines) + "\n")
    lines = []
    if batch.findings:
        lines.append(_paint(labels["batch"], "bold", options))
        for finding in batch.findings:
            lines.append(_line(finding, ", ".join(finding.bundles) or finding.source, options))  # a WAIVER: where it is written
        lines.append("")
    lines.append(labels["summary"].format(files=files, ok=good, bad=files - good))
    out.write("\n".join(lines) + "\n")


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
