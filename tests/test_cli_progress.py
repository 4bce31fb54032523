"""The progress line of ``appcheck validate``: on standard error, only when it is a terminal (a real
pseudo-terminal here), only for a batch that takes more than a moment, erased before the report,
never in standard output, and off with ``--no-progress``."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from appcheck import cli

from .conftest import EXAMPLES

pty = pytest.importorskip("pty")  # POSIX only

FOLDER = str(EXAMPLES / "gd-2022")


def _run_on_a_terminal(*argv: str, after: float | None = None) -> tuple[int, str, str]:
    """``appcheck validate`` in a fresh interpreter whose standard error is a pseudo-terminal and whose
    standard output is a pipe; ``after`` sets :data:`appcheck.cli.PROGRESS_AFTER` first."""
    leader, follower = os.openpty()
    code = "import sys; from appcheck import cli\n"
    if after is not None:
        code += f"cli.PROGRESS_AFTER = {after}\n"
    code += "sys.exit(cli.main(sys.argv[1:]))\n"
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    process = subprocess.Popen([sys.executable, "-c", code, "validate", *argv], stdout=subprocess.PIPE, stderr=follower,
                               stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: every writer is gone
            break
        if not chunk:
            break
        seen += chunk
    out = process.stdout.read()
    process.stdout.close()
    status = process.wait(timeout=120)
    os.close(leader)
    return status, out.decode("utf-8"), seen.decode("utf-8", "replace")


def test_a_batch_that_takes_a_moment_draws_a_progress_line_on_the_terminal_and_erases_it() -> None:
    status, out, err = _run_on_a_terminal(FOLDER, "--lang", "en", "--jobs", "1", after=0)
    total = out.strip().splitlines()[-1].split()[0]
    assert status == 1 and total.isdigit()
    assert f"\rappcheck: {total}/{total} files checked\x1b[K" in err
    assert err.endswith("\r\x1b[K")  # erased before the report is written
    assert "files checked" not in out and "\r" not in out and "\x1b" not in out


def test_the_progress_line_follows_lang() -> None:
    _, out, err = _run_on_a_terminal(FOLDER, "--jobs", "1", after=0)
    assert "appcheck：已检查 " in err and " 个文件\x1b[K" in err


def test_no_progress_turns_it_off() -> None:
    status, out, err = _run_on_a_terminal(FOLDER, "--no-progress", "--jobs", "1", after=0)
    assert status == 1 and err == "" and out


def test_a_quick_run_shows_no_progress_line() -> None:
    _, out, err = _run_on_a_terminal(str(EXAMPLES / "gd-2022" / "training" / "valid.json"))
    assert err == "" and out


def test_no_progress_line_when_standard_error_is_not_a_terminal() -> None:
    code = "import sys; from appcheck import cli\ncli.PROGRESS_AFTER = 0\nsys.exit(cli.main(sys.argv[1:]))\n"
    done = subprocess.run([sys.executable, "-c", code, "validate", FOLDER, "--jobs", "1"], capture_output=True, timeout=120)
    assert done.returncode == 1 and done.stderr == b"" and b"\x1b" not in done.stdout


def test_progress_is_counted_by_the_library_and_drawn_by_the_command_line(tmp_path) -> None:
    from appcheck import engine

    calls = []
    files = sorted(str(p) for p in (EXAMPLES / "gd-2022" / "training").glob("*.json"))
    with engine.check_batch(files, progress=lambda done, total: calls.append((done, total))) as batch:
        assert len(batch.reports) == len(files)
    assert calls == [(n, len(files)) for n in range(1, len(files) + 1)]
    with pytest.raises(TypeError):
        engine.check_batch(files, progress="yes")
    assert cli.PROGRESS_AFTER > 0  # a quick run stays quiet
