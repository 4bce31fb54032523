"""Take the screenshots the README shows: the page of ``appcheck serve`` with an invalid draft, and an HTML report.

Needs the test extra and Debian's ``chromium`` and ``chromium-driver``; serves on 127.0.0.1 only::

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/page.png and report.png
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from selenium import webdriver

from appcheck import engine
from appcheck.reporters import Options, html
from appcheck.serve import create_app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
EXAMPLE = ROOT / "examples" / "gd-2022" / "training" / "GD22-TRN-COUNTRIES.json"
REPORTED = ["valid.json", "GD22-TRN-COUNTRIES.json", "GD22-TRN-GRANT.json"]


def _driver() -> webdriver.Chrome:
    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or sys.exit("install chromium and chromium-driver (apt-get)")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,800", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    driver = _driver()
    try:
        driver.get(f"http://127.0.0.1:{sock.getsockname()[1]}/?lang=en")
        driver.execute_script("const a = document.getElementById('draft'); a.value = arguments[0]; a.dispatchEvent(new Event('input'));",
                              EXAMPLE.read_text(encoding="utf-8"))
        for _ in range(200):
            if driver.execute_script("return document.querySelector('#result section.bundle')"):
                break
            time.sleep(0.05)
        driver.find_element("css selector", "label:has(#failures-only)").click()
        driver.save_screenshot(str(OUT / "page.png"))
        folder = EXAMPLE.parent
        os.chdir(ROOT)
        batch = engine.validate_batch([str((folder / name).relative_to(ROOT)) for name in REPORTED])
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "report.html"
            report.write_text(html.render(batch, Options(lang="zh")), encoding="utf-8")
            driver.get(report.as_uri())
            driver.save_screenshot(str(OUT / "report.png"))
    finally:
        driver.quit()
        server.should_exit = True
        thread.join(10)
    for name in ("page.png", "report.png"):
        print(OUT / name, (OUT / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
