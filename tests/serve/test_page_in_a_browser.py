"""The applicant's page and the HTML report in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) driven by Selenium, the service on 127.0.0.1.

Drop a valid and paste an invalid example, check the badges and messages shown, switch the language
and the filter, try markup in values, then open an HTML report file and check the same. Skipped, with
the reason, when no Chromium or ChromeDriver is installed (``.ci/run`` installs them with apt-get)."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from appcheck import engine
from appcheck.model import Report
from appcheck.reporters import Options, html

from .conftest import INVALID, VALID, Server

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra has it)")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ATTACK = '<script>window.pwned=1</script>'
ATTACK_2 = '</style><img src=x onerror="window.pwned=2">'


@pytest.fixture(scope="module")
def browser(loopback):
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("no headless browser: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a driver or a browser
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_script_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def served(loopback):
    with Server() as running:
        yield running


def _wait(driver, condition, what: str, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(condition)
        if value:
            return value
        time.sleep(0.05)
    state = driver.execute_script("return document.getElementById('state')?.textContent")
    raise AssertionError(f"the page never showed {what}; state: {state}")


def _rows(driver) -> list[dict]:
    """Each checklist row as shown: requirement, class, and the visible badge and message text."""
    return driver.execute_script("""
        return [...document.querySelectorAll('tr.finding')].filter(row => row.offsetParent !== null).map(row => ({
            requirement: row.dataset.requirement, cls: row.className,
            badge: row.querySelector('.badge').innerText.trim(), message: row.querySelector('.message > div:not([hidden])') &&
            [...row.querySelectorAll('.message > div')].filter(d => d.offsetParent !== null).map(d => d.innerText).join('')}));""")


def _expected(report, lang: str) -> list[dict]:
    labels = {"zh": {"passed": "✓ 通过", "error": "✗ 错误", "warning": "! 警告", "info": "i 提示", "review": "? 待评审"},
              "en": {"passed": "✓ passed", "error": "✗ failed", "warning": "! warning", "info": "i info", "review": "? to review"}}[lang]
    rows = []
    for f in report.findings:
        kind = "passed" if f.status.value == "passed" else "review" if f.status.value == "needs_review" else f.severity.value
        message = f.message_en if lang == "en" and f.message_en else f.message
        rows.append({"requirement": f.requirement, "cls": f"finding st-{f.status.value} sev-{f.severity.value}", "badge": labels[kind],
                     "message": " ".join(message.split())})
    return rows


def _shown(driver) -> list[dict]:
    return [dict(row, message=" ".join(row["message"].split())) for row in _rows(driver)]


def _drop(driver, text: str, name: str) -> None:
    driver.execute_script("""
        const [text, name] = arguments;
        const data = new DataTransfer();
        data.items.add(new File([text], name, {type: 'application/json'}));
        const zone = document.getElementById('drop');
        zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));""", text, name)


def _paste(driver, text: str) -> None:
    driver.execute_script("""
        const area = document.getElementById('draft');
        area.focus(); area.select();
        const data = new DataTransfer(); data.setData('text/plain', arguments[0]);
        if (area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}))) {
            area.setRangeText(arguments[0], 0, area.value.length, 'end');
        }
        area.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));""", text)


def _verdict(driver) -> str:
    return driver.execute_script("const s = document.querySelector('#result section.bundle'); return s ? s.className : ''")


def _click(driver, element_id: str) -> None:
    driver.find_element("css selector", f"label:has(#{element_id})").click()


def test_the_page_checks_a_dropped_and_a_pasted_draft(browser, served) -> None:
    browser.get(served.url + "/")
    assert browser.execute_script("return document.documentElement.lang") == "zh-CN"
    valid = engine.validate(engine.Source("-", VALID.read_bytes()))
    invalid = engine.validate(engine.Source("-", INVALID.read_bytes()))

    _drop(browser, VALID.read_text(encoding="utf-8"), VALID.name)
    _wait(browser, "return document.querySelector('#result section.bundle.ok')", "the valid draft's checklist")
    assert _shown(browser) == _expected(valid, "zh")
    assert browser.find_element("css selector", "#result h2 .badge").text == "✓ 通过"
    assert browser.find_element("css selector", "#result h2 code.file").text == VALID.name  # the file dropped

    _paste(browser, INVALID.read_text(encoding="utf-8"))
    _wait(browser, "return document.querySelector('#result section.bundle.not-ok')", "the invalid draft's checklist")
    assert _shown(browser) == _expected(invalid, "zh")
    assert browser.find_element("css selector", "#result h2 code.file").text == "draft"  # pasted: a draft, not that file
    failed = [row for row in _shown(browser) if row["badge"] == "✗ 错误"]
    assert [row["requirement"] for row in failed] == ["GD22-TRN-COUNTRIES"]

    _click(browser, "lang-en")
    assert _shown(browser) == _expected(invalid, "en")
    assert browser.find_element("css selector", "#result h2 .badge").text == "✗ not ok"

    _click(browser, "failures-only")
    assert [row["requirement"] for row in _shown(browser)] == [f.requirement for f in invalid.findings if f.status.value != "passed"]
    _click(browser, "failures-only")

    # as the applicant edits, the checklist follows: fix the countries by pasting the valid draft again
    _paste(browser, VALID.read_text(encoding="utf-8"))
    _wait(browser, "return document.querySelector('#result section.bundle.ok')", "the checklist after the edit")
    assert _shown(browser) == _expected(valid, "en")


def test_a_topic_picked_starts_a_blank_draft(browser, served) -> None:
    browser.get(served.url + "/?lang=en")
    browser.execute_script("const s = document.getElementById('topic'); s.value = 'gd-2022/training'; s.dispatchEvent(new Event('change'));")
    _wait(browser, "return document.querySelector('#result section.bundle.not-ok')", "the blank draft's checklist")
    draft = json.loads(browser.execute_script("return document.getElementById('draft').value"))
    assert (draft["call"], draft["topic"]) == ("gd-2022", "training")
    assert _shown(browser) == _expected(engine.validate(engine.Source("-", json.dumps(draft, ensure_ascii=False, indent=2).encode() + b"\n")), "en")


def test_markup_in_a_draft_is_shown_as_text_and_never_runs(browser, served) -> None:
    browser.get(served.url + "/?lang=en")
    bundle = json.loads(VALID.read_text(encoding="utf-8"))
    bundle["applicant"]["name"] = ATTACK
    bundle["applicant"]["kind"] = ATTACK_2
    bundle["applicant"]["independent_legal_entity"] = False
    _paste(browser, json.dumps(bundle, ensure_ascii=False))
    _wait(browser, "return document.querySelector('#result section.bundle.not-ok')", "the checklist of the draft with markup")
    text = browser.find_element("id", "result").text
    assert ATTACK in text and ATTACK_2 in text
    assert browser.execute_script("return [window.pwned, document.querySelectorAll('#result script, #result img').length]") == [None, 0]


def test_a_draft_the_service_refuses_says_why(browser, served) -> None:
    browser.get(served.url + "/?lang=en")
    _paste(browser, "x" * (11 * 1024 * 1024))
    message = _wait(browser, "const s = document.getElementById('state'); return s.classList.contains('error') && s.textContent",
                    "the refusal", timeout=60)
    assert "more than the limit of 10485760" in message


def test_the_html_report_file_shows_the_same(browser, tmp_path) -> None:
    bundle = json.loads(VALID.read_text(encoding="utf-8"))
    bundle["applicant"]["name"] = ATTACK
    bundle["applicant"]["kind"] = ATTACK_2
    (tmp_path / "markup.json").write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    paths = [str(VALID), str(INVALID), str(tmp_path / "markup.json")]
    batch = engine.validate_batch(paths)
    report_file = tmp_path / "report.html"
    report_file.write_text(html.render(batch, Options()), encoding="utf-8")
    browser.get(report_file.as_uri())
    sections = browser.find_elements("css selector", "section.bundle")
    assert [s.get_attribute("class").split()[1] for s in sections] == ["ok" if r.ok else "not-ok" for r in batch.reports]
    tops = browser.execute_script("return [...document.querySelectorAll('main > section')].map(s => [s.className, s.getBoundingClientRect().top])")
    assert min(tops, key=lambda item: item[1])[0] == "overview"  # written last, shown first
    expected = [row for report in batch.reports for row in _expected(report, "zh")] + [
        row for row in _expected(Report(batch.findings), "zh")]
    assert _shown(browser) == expected
    body = browser.find_element("tag name", "body").text
    assert ATTACK in body and ATTACK_2 in body and str(tmp_path / "markup.json") in body
    _click(browser, "lang-en")
    assert _shown(browser) == [row for report in batch.reports for row in _expected(report, "en")] + _expected(Report(batch.findings), "en")
    _click(browser, "failures-only")
    assert all("st-passed" not in row["cls"] for row in _shown(browser)) and _shown(browser)
    assert browser.execute_script("return [window.pwned, document.scripts.length, document.images.length]") == [None, 0, 0]
    # printed (or saved as PDF): the controls are left out, the chosen language and filter stay
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.execute_script("return getComputedStyle(document.querySelector('.toolbar')).display") == "none"
        assert _shown(browser) and all("st-passed" not in row["cls"] for row in _shown(browser))
        assert {row["badge"] for row in _shown(browser)} <= {"✗ failed", "! warning", "i info", "? to review", "≈ waived"}
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
