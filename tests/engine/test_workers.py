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


def test_chunks_cover_the_batch_and_shrink_towards_its_end() -> None:
    for total in (1, 3, 4, 5, 31, 199, 999, 10_000):
        for jobs in (2, 3, 8):
            sizes = list(workers.chunk_sizes(total, jobs))
            assert sum(sizes) == total and all(0 < size <= workers.CHUNK_MAX for size in sizes), (total, jobs)
            assert sizes == sorted(sizes, reverse=True) and all(size >= workers.CHUNK_MIN for size in sizes[:-1]), (total, jobs, sizes)
    sizes = list(workers.chunk_sizes(999, 2))
    assert sizes[:3] == [workers.CHUNK_MAX] * 3 and sizes[-1] <= workers.CHUNK_MIN
    unknown = workers.chunk_sizes(None, 2)
    assert [next(unknown) for _ in range(3)] == [8, 8, 8]

