"""``--format html``: one self-contained page, every bundle value and file name escaped, the checklist
with badges that carry a text label, the overview, the language switch, the filter and the print sheet."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from appcheck import cli
from appcheck.model import BatchReport, Finding, Report
from appcheck.reporters import Options, html

from ..conftest import EXAMPLES, ROOT
from .conftest import BATCHES, _validate

#: What a bundle value or a file name might try: every one must come out as text.
ATTACKS = ('<script>window.pwned=1</script>', '"onerror="window.pwned=1" x="', "</style><img src=x onerror=window.pwned=1>",
           "'><svg onload=window.pwned=1>", "<!-- -->", "]]>", "&amp;lt;")
EVIL_FILE = '<script>window.pwned=1</script> "onerror=x </style>.json'  # folders "<script>window.pwned=1<", "script> ..."

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "form", "span", "fieldset", "legend", "label", "input", "main",
                "section", "h1", "h2", "p", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "code", "div", "blockquote",
                "dl", "dt", "dd", "br"}


class Page(HTMLParser):
    """The tags, attributes and text of a page, as a browser's tokenizer reads them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag) -> None:
        self._in_style = False

    def handle_data(self, data) -> None:
        (self.styles if self._in_style else self.text).append(data)

    def all_text(self) -> str:
        return "".join(self.text)


def _assert_inert(page: Page) -> None:
    """Only the reporter's own tags and attributes: nothing a bundle could have added."""
    names = {tag for tag, _ in page.tags}
    assert names <= ALLOWED_TAGS, names - ALLOWED_TAGS
    assert [attr for _, attrs in page.tags for attr in attrs if attr.startswith("on") or attr in ("src", "href", "style")] == []
    assert len(page.styles) == 1 and page.styles[0] == html.css()


@pytest.mark.parametrize("name", BATCHES)
def test_every_batch_renders_to_an_inert_page(name, request) -> None:
    batch = request.getfixturevalue(name)
    for options in (Options(), Options(lang="en", strict=True)):
        _assert_inert(Page(html.render(batch, options)))


def test_values_and_file_names_come_out_as_text(tmp_path) -> None:
    bundle = json.loads((EXAMPLES / "gd-2022" / "training" / "GD22-TRN-APPLICANT.json").read_text(encoding="utf-8"))
    bundle["applicant"]["name"] = ATTACKS[0]  # quoted by a rule's message
    bundle["applicant"]["kind"] = ATTACKS[2]  # quoted by a schema finding
    bundle["applicant"]["country"] = ATTACKS[1]
    (tmp_path / EVIL_FILE).parent.mkdir(parents=True)
    (tmp_path / EVIL_FILE).write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"call": "gd-2022", "topic": "' + ATTACKS[3] + '" ', encoding="utf-8")
    batch = _validate([EVIL_FILE, "broken.json"], tmp_path)
    quoted = json.dumps(batch.to_dict(), ensure_ascii=False)
    assert all(json.dumps(attack)[1:-1] in quoted for attack in ATTACKS[:3])  # the attacks reach the report...
    out = html.render(batch, Options(lang="en"))
    page = Page(out)
    _assert_inert(page)  # ...and the page stays the reporter's own
    text = page.all_text()
    assert all(attack in text for attack in ATTACKS[:3]) and EVIL_FILE in text  # shown to the reader exactly as written
    assert "<script" not in out and "</style>" not in out.split("</style>", 1)[1]


def test_what_html_cannot_carry_becomes_a_replacement_character(nasty_batch) -> None:
    text = Page(html.render(nasty_batch, Options())).all_text()
    assert "\x00" not in text and "\ud800" not in text and "\uffff" not in text
    assert "控制字符\ufffd\ufffd\ufffd" in text
    html.render(nasty_batch, Options()).encode("utf-8")  # writable as UTF-8: no lone surrogate left


def test_the_style_sheet_is_allowed_by_its_hash_and_nothing_else(example_batch) -> None:
    out = html.render(example_batch, Options())
    policy = next(attrs["content"] for tag, attrs in Page(out).tags if attrs.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(html.css().encode("utf-8")).digest()).decode()
    assert policy == f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def _rows(out: str) -> list[dict]:
    return [attrs for tag, attrs in Page(out).tags if tag == "tr" and "finding" in attrs.get("class", "")]


def test_one_row_per_finding_with_a_badge_that_has_a_text_label(example_batch) -> None:
    out = html.render(example_batch, Options())
    findings = [f for report in example_batch.reports for f in report.findings] + list(example_batch.findings)
    rows = _rows(out)
    assert [row["data-requirement"] for row in rows] == [f.requirement for f in findings]
    assert [row["class"] for row in rows] == [f"finding st-{f.status.value} sev-{f.severity.value}" for f in findings]
    badges = re.findall(r'<span class="badge (\w+)">(.) <span class="l-zh" lang="zh-CN">([^<]+)</span><span class="l-en" lang="en">([^<]+)</span>', out)
    kinds = {"passed": ("✓", "通过", "passed"), "error": ("✗", "错误", "failed"), "warning": ("!", "警告", "warning"),
             "info": ("i", "提示", "info"), "review": ("?", "待评审", "to review")}
    shown = [b for b in badges if b[0] in kinds]
    assert [(kind, *kinds[kind]) for kind, *_ in shown] == shown  # colour and text always agree
    expected = ["review" if f.status.value == "needs_review" else "passed" if f.status.value == "passed" else f.severity.value for f in findings]
    assert [kind for kind, *_ in shown] == expected
    assert {"error", "warning", "review", "passed"} <= set(expected)


def test_a_row_shows_message_clause_pointer_position_and_value() -> None:
    finding = Finding("GD22-TRN-COUNTRIES", "failed", "error", ("trainees", 2, "country"), "国别不足", "too few countries", "“条款原文”",
                      expected=3, actual=["VN", "LA"], line=12, column=7)
    out = html.render(BatchReport((Report((finding,), call="gd-2022", topic_id="training", file="a.json"),)), Options(lang="en"))
    row = out[out.index('<tr class="finding'):]
    row = row[: row.index("</tr>")]
    assert '<div class="l-zh" lang="zh-CN">国别不足</div><div class="l-en" lang="en">too few countries</div>' in row
    assert '<blockquote class="clause">“条款原文”</blockquote>' in row
    assert '<code>/trainees/2/country</code> <span class="pos">12:7</span>' in row
    assert '<dd class="value">[&quot;VN&quot;, &quot;LA&quot;]</dd>' in row and '<dd class="value">3</dd>' in row


def test_a_finding_without_english_shows_its_chinese_in_both() -> None:
    row = html.finding_row(Finding("LOAD", "failed", "error", (), "只有中文", "", ""), "")
    assert '<div class="l-zh" lang="zh-CN">只有中文</div><div class="l-en" lang="en">只有中文</div>' in row


def test_the_overview_counts_bundles_by_topic_and_the_verdicts(example_batch, odd_batch) -> None:
    for batch in (example_batch, odd_batch):
        out = html.render(batch, Options(lang="en"))
        overview = out[out.index('<section class="overview">'):]
        counts: dict = {}
        for report in batch.reports:
            counts.setdefault(report.topic, [0, 0])[0 if report.ok else 1] += 1
        for topic, (ok, bad) in counts.items():
            name = topic if topic else '<span class="l-zh" lang="zh-CN">未知专题</span><span class="l-en" lang="en">unknown topic</span>'
            assert f"<tr><td>{name}</td><td>{ok + bad}</td><td>{ok}</td><td>{bad}</td></tr>" in overview
        good = sum(report.ok for report in batch.reports)
        assert f"{len(batch.reports)} bundle(s): {good} ok, {len(batch.reports) - good} not ok" in overview
        assert out.count('<section class="bundle ') == len(batch.reports)


def test_strict_judges_the_verdicts_by_strict_ok(example_batch) -> None:
    out = html.render(example_batch, Options(strict=True))
    good = sum(report.strict_ok for report in example_batch.reports)
    assert out.count('<section class="bundle ok') == good < sum(report.ok for report in example_batch.reports)


def test_batch_findings_name_their_bundles(example_batch) -> None:
    assert example_batch.findings
    out = html.render(example_batch, Options())
    section = out[out.index('<section class="batch">'): out.index('<section class="overview">')]
    for finding in example_batch.findings:
        for name in finding.bundles:
            assert f"<code>{name}</code>" in section


def test_language_switch_defaults_to_lang_and_filter_and_print_sheet_are_there(example_batch) -> None:
    for lang, other in (("zh", "en"), ("en", "zh")):
        out = html.render(example_batch, Options(lang=lang))
        inputs = {attrs["id"]: attrs for tag, attrs in Page(out).tags if tag == "input"}
        assert "checked" in inputs[f"lang-{lang}"] and "checked" not in inputs[f"lang-{other}"]
        assert inputs["failures-only"]["type"] == "checkbox" and "checked" not in inputs["failures-only"]
        assert out.startswith(f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">')
    css = html.css()
    assert "body:has(#failures-only:checked) tr.st-passed { display: none; }" in css
    assert "body:has(#lang-en:checked) .l-zh { display: none; }" in css and "@media print" in css


def test_html_from_the_command_line(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.chdir(ROOT)
    good, bad = "examples/gd-2022/training/valid.json", "examples/gd-2022/training/GD22-TRN-COUNTRIES.json"
    assert cli.main(["validate", "--format", "html", good]) == cli.EXIT_OK
    assert "gd-2022/training" in capsys.readouterr().out
    assert cli.main(["validate", "--format", "html", "--lang", "en", good, bad]) == cli.EXIT_FAILED
    out = capsys.readouterr().out
    assert Path(bad).name in out and 'id="lang-en" value="en" checked' in out


def test_a_waived_finding_has_its_badge_and_the_waiver(waived_batch) -> None:
    out = html.render(waived_batch, Options(lang="en"))
    waived = [f for report in waived_batch.reports for f in report.findings if f.status.value == "waived"]
    waived += [f for f in waived_batch.findings if f.status.value == "waived"]  # the batch section lists its own
    assert out.count('<span class="badge waived">≈ <span class="l-zh" lang="zh-CN">已豁免</span><span class="l-en" lang="en">waived</span></span>') == len(waived)
    assert len([row for row in _rows(out) if "st-waived" in row["class"]]) == len(waived)
    assert '<div class="waiver l-en" lang="en">waived: one person, two ids: accepted (approved by bureau, until 2099-12-31)</div>' in out
    assert "科技厅 &lt;b&gt;&amp;" in out and "<b>&" not in out
