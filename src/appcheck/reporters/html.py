"""``--format html``: one self-contained HTML file, the applicant's checklist for every bundle.

The file needs nothing from anywhere (the style sheet is inline; no script at all), and works offline,
as a CI artifact or as an e-mail attachment. It shows:

- an overview of the batch: bundles by call and topic, ok and not ok, and the batch findings
  (quotas, one identity per person);
- per bundle, the checklist in catalog order: each requirement's status as a coloured badge with a
  text label (never colour alone), the severity, the message, the quoted clause, the JSON Pointer with
  line and column, and the value found (and the one expected);
- a language switch (中文 / English; the default is ``--lang``) and a "failures only" filter, both
  plain form controls driven by the style sheet, and a print style sheet, so the checklist prints or
  saves as PDF without the controls.

Every text that comes from a bundle or a file name is escaped; characters HTML cannot carry (control
characters, lone surrogates, non-characters) become U+FFFD. A Content-Security-Policy allows the one
inline style sheet by its hash and nothing else, so even a mistake could not load or run anything.

The same pieces (:func:`toolbar`, :func:`bundle_section`) make the checklist of the page
``appcheck serve`` shows at ``/``: one renderer for both.

The overview is written last, so that a batch of any size is written one report at a time, and the
style sheet shows it first.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from html import escape
from pathlib import Path

from ..model import dumps, jsonable
from . import BundleFiles, Options, render_with, waiver_note
from . import label as kind_of

ASSETS = Path(__file__).with_name("html_assets")

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

#: (zh, en) of every label the checklist shows
LABELS = {
    "title": ("appcheck 检查报告", "appcheck report"),
    "page": ("appcheck 申报书检查", "appcheck: check a draft"),
    "no_draft": ("还没有草稿：检查结果会显示在这里。", "No draft yet: the checklist shows here."),
    "language": ("语言", "Language"),
    "failures_only": ("只看未通过项", "Failures only"),
    "overview": ("概览", "Overview"),
    "bundles": ("申报书", "Bundles"),
    "topic": ("专题", "Topic"),
    "ok": ("通过", "ok"),
    "not_ok": ("未通过", "not ok"),
    "total": ("合计", "Total"),
    "no_topic": ("未知专题", "unknown topic"),
    "batch": ("批量检查", "Batch findings"),
    "no_batch": ("无批量检查结果", "No batch findings"),
    "status": ("状态", "Status"),
    "requirement": ("要求", "Requirement"),
    "severity": ("严重程度", "Severity"),
    "message": ("说明", "Message"),
    "where": ("位置", "Where"),
    "found": ("取值", "Value"),
    "actual": ("实际", "found"),
    "expected": ("应为", "expected"),
    "checked_on": ("检查日期", "checked on"),
    "in_memory": ("（内存中的申报书）", "(bundle in memory)"),
    "no_findings": ("没有检查结果", "No findings"),
    "whole": ("整个申报书", "whole bundle"),
    "counts": ("{passed} 项通过，{failed} 项未通过（{errors} 错误、{warnings} 警告、{info} 提示），{needs_review} 项待评审",
               "{passed} passed, {failed} failed ({errors} errors, {warnings} warnings, {info} info), {needs_review} to review"),
    "waived_count": ("{waived} 项已豁免", "{waived} waived"),
    "provenance": ("检查依据（版本、要求目录、设置、豁免、文件摘要）", "Provenance (version, catalogue, settings, waivers, file digests)"),
    "summary": ("共 {files} 份申报书：{ok} 份通过，{bad} 份未通过", "{files} bundle(s): {ok} ok, {bad} not ok"),
}

#: badge class, (zh, en) label and symbol of a finding, by (status, severity)
_BADGES = {
    "passed": ("passed", ("通过", "passed"), "✓"),
    "error": ("error", ("错误", "failed"), "✗"),
    "warning": ("warning", ("警告", "warning"), "!"),
    "info": ("info", ("提示", "info"), "i"),
    "review": ("review", ("待评审", "to review"), "?"),
    "waived": ("waived", ("已豁免", "waived"), "≈"),
}
_SEVERITIES = {"error": ("错误", "error"), "warning": ("警告", "warning"), "info": ("提示", "info")}


def clean(text: str) -> str:
    """``text`` escaped for HTML content or a quoted attribute, with what HTML cannot carry as U+FFFD."""
    return escape(_ILLEGAL.sub("\ufffd", text), quote=True)


def both(zh: str, en: str, tag: str = "span") -> str:
    """The two languages of a text (already escaped); the style sheet shows the chosen one."""
    return f'<{tag} class="l-zh" lang="zh-CN">{zh}</{tag}><{tag} class="l-en" lang="en">{en}</{tag}>'


def label(name: str, **values: object) -> str:
    zh, en = LABELS[name]
    return both(clean(zh.format(**values)), clean(en.format(**values)))


@cache
def css() -> str:
    """The style sheet shared by the report and the page."""
    return (ASSETS / "checklist.css").read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def toolbar(options: Options, extra: str = "") -> str:
    """The language switch and the "failures only" filter (``extra``: more controls, already HTML)."""
    zh_checked, en_checked = (" checked", "") if options.lang == "zh" else ("", " checked")
    return (
        '<form class="toolbar" autocomplete="off" role="toolbar">'
        '<span class="brand">appcheck</span>'
        f'<fieldset><legend>{label("language")}</legend>'
        f'<label><input type="radio" name="lang" id="lang-zh" value="zh"{zh_checked}> 中文</label>'
        f'<label><input type="radio" name="lang" id="lang-en" value="en"{en_checked}> English</label></fieldset>'
        f'<label><input type="checkbox" id="failures-only" name="failures-only"> {label("failures_only")}</label>'
        f"{extra}</form>"
    )



def badge(kind: str) -> str:
    css_class, (zh, en), symbol = _BADGES[kind]
    return f'<span class="badge {css_class}">{symbol} {both(zh, en)}</span>'


def _value(value: object) -> str:
    return clean(dumps(jsonable(value)))


def _message(finding) -> str:
    zh = clean(finding.message)
    en = clean(finding.message_en) if finding.message_en else zh
    text = both(zh, en, "div")
    if finding.waiver:  # a waived finding: the waiver's reason, approver and expiry
        text += both(clean(waiver_note(finding, "zh")), clean(waiver_note(finding, "en")), "div").replace('class="l-', 'class="waiver l-')
    return text


def finding_row(finding, where: str) -> str:
    """One row of a checklist: badge, requirement, severity, message and clause, ``where``, value."""
    kind = kind_of(finding)
    clause = f'<blockquote class="clause">{clean(finding.source)}</blockquote>' if finding.source else ""
    found = []
    if finding.actual is not None:
        found.append(f'<dt>{label("actual")}</dt><dd class="value">{_value(finding.actual)}</dd>')
    if finding.expected is not None:
        found.append(f'<dt>{label("expected")}</dt><dd class="value">{_value(finding.expected)}</dd>')
    return (
        f'<tr class="finding st-{finding.status.value} sev-{finding.severity.value}" data-requirement="{clean(finding.requirement)}">'
        f"<td>{badge(kind)}</td><td><code class=req>{clean(finding.requirement)}</code></td>"
        f"<td>{both(*_SEVERITIES[finding.severity.value])}</td>"
        f'<td class="message">{_message(finding)}{clause}</td>'
        f'<td class="where">{where}</td>'
        f'<td>{"<dl class=found>" + "".join(found) + "</dl>" if found else ""}</td></tr>'
    )


def _position(finding) -> str:
    pointer = f"<code>{clean(finding.path)}</code>" if finding.path else label("whole")
    if finding.line is not None:
        return f'{pointer} <span class="pos">{finding.line}:{finding.column}</span>'
    return pointer


def _table(rows: list[str], last: str) -> str:
    if not rows:
        return f'<p class="empty">{label("no_findings")}</p>'
    head = "".join(f"<th>{label(name)}</th>" for name in ("status", "requirement", "severity", "message", last, "found"))
    return f'<table class="checklist"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _counts(report) -> dict:
    return report.to_dict()["summary"]


def _waived_count(report) -> str:
    waived = _counts(report).get("waived", 0)
    return f" · {label('waived_count', waived=waived)}" if waived else ""


def bundle_section(report, index: int, options: Options) -> str:
    """The checklist of one bundle: a heading with its verdict, its counts and one row per finding."""
    ok = report.strict_ok if options.strict else report.ok
    name = f"<code class=file>{clean(report.file)}</code>" if report.file is not None else f"<code class=file>#{index}</code> {label('in_memory')}"
    topic = clean(report.topic + (f"#{report.track}" if report.track else "")) if report.topic else label("no_topic")
    checked = f' · {label("checked_on")} {report.checked_on.isoformat()}' if report.checked_on else ""
    classes = "bundle " + ("ok" if ok else "not-ok") + (" clean" if report.strict_ok else "")
    verdict = f'<span class="badge {"ok" if ok else "not-ok"}">{"✓" if ok else "✗"} {label("ok" if ok else "not_ok")}</span>'
    rows = [finding_row(finding, _position(finding)) for finding in report.findings]
    return (
        f'<section class="{classes}" id="bundle-{index}"><h2>{verdict} {name}</h2>'
        f'<p class="meta">{topic}{checked}</p><p class="counts">{label("counts", **_counts(report))}{_waived_count(report)}</p>'
        f'{_table(rows, "where")}</section>'
    )


def batch_section(findings, files: BundleFiles) -> str:
    rows = []
    for finding in findings:
        names = ", ".join(f"<code>{clean(name)}</code>" if name is not None else label("in_memory") for name in files.of(finding))
        rows.append(finding_row(finding, f"{names}<br>{_position(finding)}"))
    body = _table(rows, "where") if rows else f'<p class="empty">{label("no_batch")}</p>'
    return f'<section class="batch"><h2>{label("batch")}</h2>{body}</section>'


def _overview(by_topic: dict, files: int, good: int, options: Options) -> str:
    rows = "".join(
        f"<tr><td>{clean(topic) if topic else label('no_topic')}</td><td>{ok + bad}</td><td>{ok}</td><td>{bad}</td></tr>"
        for topic, (ok, bad) in sorted(by_topic.items(), key=lambda item: (item[0] is None, item[0] or ""))
    )
    head = f'<tr><th>{label("topic")}</th><th>{label("bundles")}</th><th>{label("ok")}</th><th>{label("not_ok")}</th></tr>'
    total = f'<tr><th>{label("total")}</th><th>{files}</th><th>{good}</th><th>{files - good}</th></tr>'
    return (
        f'<section class="overview"><h1>{label("title")}</h1>'
        f'<p class="summary">{label("summary", files=files, ok=good, bad=files - good)}</p>'
        f"<table><thead>{head}</thead><tbody>{rows}</tbody><tfoot>{total}</tfoot></table></section>"
    )


def head(title: str, options: Options, policy: str, styles: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if options.lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{clean(policy)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">'
        f"<title>{clean(title)}</title>{styles}</head>\n"
    )


def write(batch, options: Options, out) -> None:
    """Write the HTML report of ``batch`` to ``out``, one bundle's checklist at a time."""
    style = css()
    policy = f"default-src 'none'; style-src 'sha256-{_sha256(style)}'; base-uri 'none'; form-action 'none'"
    out.write(head(LABELS["title"][options.lang == "en"], options, policy, f"<style>{style}</style>"))
    out.write(f"<body>{toolbar(options)}\n<main class=\"report\">\n")
    files_of = BundleFiles()
    by_topic: dict = {}
    files = good = 0
    for index, report in enumerate(batch.reports):
        files_of.seen(report)
        ok = report.strict_ok if options.strict else report.ok
        files += 1
        good += ok
        counts = by_topic.setdefault(report.topic, [0, 0])
        counts[0 if ok else 1] += 1
        out.write(bundle_section(report, index, options) + "\n")
    out.write(batch_section(batch.findings, files_of) + "\n")
    out.write(_overview(by_topic, files, good, options) + "\n")
    out.writelines(_provenance_parts(getattr(batch, "provenance", None)))
    out.write("</main></body></html>\n")


def provenance_section(provenance) -> str:
    """What the verdicts rest on (see :mod:`appcheck.provenance`), a line a row; ``""`` without it."""
    return "".join(_provenance_parts(provenance))


def _provenance_parts(provenance):
    """The text of :func:`provenance_section` in pieces, a row at a time (a bundle's as its row is read)."""
    if provenance is None:
        return
    import itertools

    from ..provenance import iter_lines

    yield f'<section class="provenance"><h2>{label("provenance")}</h2><table><tbody>'
    for line in itertools.islice(iter_lines(provenance, "en"), 1, None):
        yield f"<tr><td><code>{clean(line.strip())}</code></td></tr>"
    yield "</tbody></table></section>\n"


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
