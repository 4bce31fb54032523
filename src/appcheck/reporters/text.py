"""``--format text``: for people. One block per file, failures first, ``file:line:column`` for each.

``quiet`` keeps only the bundles that are not ok, each with the findings that make it so (failed
errors; with ``strict``, every finding not passed), the batch findings of that kind, and the summary
line. ``summary`` writes one line per bundle (its verdict and how many findings of each kind are not
passed) and the summary line; with ``quiet`` too, only the bundles not ok get a line.
"""

from __future__ import annotations

import re

from ..model import Severity, Status
from . import Options, message_with_waiver, render_with
from . import label as kind_of

_COLORS = {"waived": "34", "error": "31", "warning": "33", "info": "36", "review": "35", "passed": "32", "bold": "1", "dim": "2"}
_LABELS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "review": "待评审", "passed": "通过", "waived": "已豁免", "ok": "通过", "not_ok": "未通过",
           "summary": "共 {files} 个文件：{ok} 个通过，{bad} 个未通过", "passed_n": "另有 {n} 项要求通过", "batch": "批量检查", "no_topic": "未知专题",
           "count": "{n} 个{label}", "none": "无问题", "sep": "，"},
    "en": {"error": "error", "warning": "warning", "info": "info", "review": "review", "passed": "passed", "waived": "waived", "ok": "ok", "not_ok": "not ok",
           "summary": "{files} file(s): {ok} ok, {bad} not ok", "passed_n": "{n} more requirement(s) passed", "batch": "batch", "no_topic": "unknown topic",
           "count": "{n} {label}", "none": "no findings", "sep": ", "},
}
_ORDER = {(Status.FAILED, Severity.ERROR): 0, (Status.NEEDS_REVIEW, Severity.ERROR): 1, (Status.FAILED, Severity.WARNING): 2,
          (Status.NEEDS_REVIEW, Severity.WARNING): 3, (Status.FAILED, Severity.INFO): 4, (Status.NEEDS_REVIEW, Severity.INFO): 5,
          (Status.WAIVED, Severity.ERROR): 6, (Status.WAIVED, Severity.WARNING): 7, (Status.WAIVED, Severity.INFO): 8}


def _paint(text: str, style: str, options: Options) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if options.color else text



#: what a terminal would act on or break a line at: C0 and C1 controls (ESC, CR, LF, TAB, BEL ...), DEL,
#: the Unicode line and paragraph separators and the bidirectional overrides and isolates
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}.get(code) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\r``, ``\\n``,
    ``\\u202e``), as Python writes them in a string: a value or a file name cannot move the cursor, colour the
    terminal or start a line, so one finding is always one line."""
    return _CONTROL.sub(_escaped, text)


def _line(finding, where: str, options: Options) -> str:
    labels = _LABELS[options.lang]
    label = kind_of(finding)
    position = safe(where)
    if finding.line is not None:
        position = f"{position}:{finding.line}:{finding.column}"
    pointer = safe(finding.path or "/")
    return (f"  {position}: {_paint(labels[label], label, options)} {_paint(safe(finding.requirement), 'bold', options)} {pointer}  "
            f"{safe(message_with_waiver(finding, options.lang))}")


def _failing(finding, options: Options) -> bool:
    """Whether ``finding`` makes its bundle not ok (with ``strict``, any finding not passed or waived)."""
    return not finding.clean() if options.strict else finding.blocking


def _counts(report, options: Options) -> str:
    labels = _LABELS[options.lang]
    counts: dict[str, int] = {}
    for finding in report.findings:
        if finding.status is not Status.PASSED:
            counts[kind_of(finding)] = counts.get(kind_of(finding), 0) + 1
    parts = [labels["count"].format(n=counts[label], label=labels[label]) for label in ("error", "warning", "info", "review", "waived") if label in counts]
    return labels["sep"].join(parts) or labels["none"]


def write(batch, options: Options, out) -> None:
    """Write the text report of ``batch`` to ``out``, one file's block (or line) at a time."""
    labels = _LABELS[options.lang]
    files = good = 0
    for index, report in enumerate(batch.reports):
        lines = []
        where = report.file or f"#{index}"
        shown_where = safe(where)
        ok = report.strict_ok if options.strict else report.ok
        files += 1
        good += ok
        if options.quiet and ok:
            continue
        status = _paint(labels["ok"] if ok else labels["not_ok"], "passed" if ok else "error", options)
        topic = safe(report.topic + (f"#{report.track}" if report.track else "")) if report.topic else labels["no_topic"]
        if options.summary:
            out.write(f"{_paint(shown_where, 'bold', options)}  {topic}  {status}  {_counts(report, options)}\n")
            continue
        lines.append(f"{_paint(shown_where, 'bold', options)}  {topic}  {status}")
        shown = sorted((f for f in report.findings if f.status is not Status.PASSED), key=lambda f: _ORDER[(f.status, f.severity)])
        if options.quiet:
            shown = [f for f in shown if _failing(f, options)]
        for finding in shown:
            lines.append(_line(finding, where, options))
        passed = [f for f in report.findings if f.status is Status.PASSED]
        if options.verbose:
            lines.extend(_line(f, where, options) for f in passed)
        elif passed and not options.quiet:
            lines.append(_paint("  " + labels["passed_n"].format(n=len(passed)), "dim", options))
        lines.append("")
        out.write("\n".join(lines) + "\n")
    lines = []
    batch_findings = [] if options.summary else [f for f in batch.findings if not options.quiet or _failing(f, options)]
    if batch_findings:
        lines.append(_paint(labels["batch"], "bold", options))
        for finding in batch_findings:
            lines.append(_line(finding, ", ".join(finding.bundles) or finding.source, options))  # a WAIVER: where it is written
        lines.append("")
    elif options.summary and files:
        lines.append("")
    lines.append(labels["summary"].format(files=files, ok=good, bad=files - good))
    out.write("\n".join(lines) + "\n")
    if options.verbose and getattr(batch, "provenance", None) is not None:  # what the verdicts rest on, a line at a time
        from ..provenance import iter_lines

        out.write("\n")
        for line in iter_lines(batch.provenance, options.lang):
            out.write(_paint(line, "dim", options) + "\n")


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
