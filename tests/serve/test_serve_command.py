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


def test_serve_answers_on_loopback_with_its_configuration_and_flags(loopback, tmp_path) -> None:
    """Address, limits and settings from appcheck.toml; a flag wins over the file."""
    import httpx2

    from appcheck import engine

    port = _free_port()
    (tmp_path / "appcheck.toml").write_text(f'[settings]\n"gd-2022.published_on" = 2022-04-15\n\n[serve]\nport = {port}\nmax_bytes = 5000\n',
                                            encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "appcheck", "serve", "--max-bytes", "7000"], cwd=tmp_path,
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
        checked = httpx2.post(url + "/v1/validate", content=VALID.read_bytes(), headers={"content-type": "application/json"})
        source = engine.Source("-", VALID.read_bytes())
        assert checked.json() == engine.validate(source, settings={"gd-2022.published_on": "2022-04-15"}).to_dict() != engine.validate(source).to_dict()
        too_big = httpx2.post(url + "/v1/validate", content=b" " * 7001, headers={"content-type": "application/json"})
        assert too_big.status_code == 413 and too_big.json()["findings"][0]["expected"] == {"max_bytes": 7000}
        assert httpx2.post(url + "/v1/validate", content=b" " * 6000 + b"{}", headers={"content-type": "application/json"}).status_code == 200
    finally:
        process.terminate()
        _, err = process.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}" in err.decode()  # uvicorn says where it listens, on standard error


@pytest.mark.parametrize("table, message", [
    ("[serve]\nport = \"x\"\n", "appcheck.toml:2: serve.port is a whole number, 1 or more, not the text \"x\""),
    ("[serve]\nmax_bytes = 0\n", "appcheck.toml:2: serve.max_bytes is a whole number, 1 or more, not a whole number"),
    ("[serve]\nhost = 1\n", "appcheck.toml:2: serve.host is an address"),
    ("[serve]\nthreads = 4\n", "appcheck.toml:2: serve: unknown key 'threads'"),
    ("serve = 3\n", "appcheck.toml:1: serve is a table"),
])
def test_a_bad_serve_table_is_a_usage_error_naming_file_and_line(table, message, tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "appcheck.toml").write_text(table, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["serve"]) == cli.EXIT_USAGE
    assert message in capsys.readouterr().err


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
