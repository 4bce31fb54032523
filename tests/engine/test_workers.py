"""Worker processes: how many ``--jobs auto`` uses (the reports of several processes are pinned in test_batch.py)."""

from __future__ import annotations

from appcheck.engine import workers


def test_auto_jobs_uses_the_cpus_only_for_many_files(monkeypatch) -> None:
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert workers.auto_jobs(1) == workers.auto_jobs(workers.AUTO_JOBS_FROM - 1) == 1
    assert workers.auto_jobs(workers.AUTO_JOBS_FROM) == workers.auto_jobs(10**6) == 3
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert workers.auto_jobs(10**6) == workers.AUTO_JOBS_MAX

    def unsupported(pid):
        raise AttributeError("sched_getaffinity")

    monkeypatch.setattr(workers.os, "sched_getaffinity", unsupported, raising=False)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: None)
    assert workers.auto_jobs(10**6) == 1
