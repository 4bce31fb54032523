"""``appcheck serve`` from the command line: it serves on 127.0.0.1 with the limits given, and says what to
install when the extra is missing."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from appcheck import cli

from .conftest import VALID


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_on_loopback_with_its_limits(loopback) -> None:
    import httpx2

    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "appcheck", "serve", "--port", str(port), "--max-bytes", "5000"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                response = httpx2.get(url + "/v1/topics", timeout=5)
                break
            except httpx2.TransportError:
                if process.poll() is not None:
                    pytest.fail(process.stderr.read().decode())
                time.sleep(0.05)
        assert response.status_code == 200
        assert httpx2.post(url + "/v1/validate", content=VALID.read_bytes(), headers={"content-type": "application/json"}).status_code == 200
        too_big = httpx2.post(url + "/v1/validate", content=b" " * 5001, headers={"content-type": "application/json"})
        assert too_big.status_code == 413 and too_big.json()["findings"][0]["expected"] == {"max_bytes": 5000}
    finally:
        process.terminate()
        _, err = process.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}" in err.decode()  # uvicorn says where it listens, on standard error


def test_serve_without_the_extra_is_a_usage_error(monkeypatch, capsys) -> None:
    import appcheck

    monkeypatch.setitem(sys.modules, "appcheck.serve", None)  # as if starlette were not installed
    monkeypatch.delattr(appcheck, "serve", raising=False)
    assert cli.main(["serve"]) == cli.EXIT_USAGE
    assert "pip install 'appcheck[serve]'" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--port", "--max-bytes", "--max-depth", "--max-bundles", "--max-concurrent"])
def test_serve_options_take_positive_numbers(option, capsys) -> None:
    assert cli.main(["serve", option, "0"]) == cli.EXIT_USAGE
    assert option in capsys.readouterr().err
