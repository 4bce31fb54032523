"""Worker processes: the first pass of a batch (:func:`check_one` of each bundle) in one process or
several, and how many ``--jobs auto`` uses."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .single import Checked, check_one

def _check_chunk(items: list) -> list[Checked]:
    """:func:`check_one` of each item, in a worker process: packed, for the trip back and the store."""
    return [check_one(item).packed() for item in items]


def first_pass(items: Iterable[tuple], jobs: int, total: int | None = None) -> Iterator[Checked]:
    """:func:`check_one` of each item, in order, taken from ``items`` as they are needed (an iterator
    holds no more than that). In ``jobs`` processes, the items after the first go out in chunks and
    at most two chunks a process are in flight, so that only those wait in memory whatever the size
    of the batch, and no process waits for the others."""
    items = iter(items)
    if jobs == 1:
        yield from map(check_one, items)
        return
    import itertools
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # the first bundle here, before the processes start: they inherit what it loaded (its call's
    # module, its topic's compiled schema) instead of each loading it again
    first = next(items, None)
    if first is None:
        return
    yield check_one(first)
    second = next(items, None)
    if second is None:
        return
    items = itertools.chain([second], items)
    rest = None if total is None else total - 1
    size = 8 if rest is None else max(1, min(32, rest // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs if rest is None else min(jobs, rest)) as pool:
        pending: deque = deque()
        while chunk := list(itertools.islice(items, size)):
            pending.append(pool.submit(_check_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


#: ``--jobs auto``: one process below this many files (starting processes would cost more than it saves)
AUTO_JOBS_FROM = 200

#: ``--jobs auto``: at most this many processes
AUTO_JOBS_MAX = 8


def auto_jobs(files: int) -> int:
    """The processes ``--jobs auto`` uses for ``files`` files: one for a few files, else one per
    available CPU (at most :data:`AUTO_JOBS_MAX`)."""
    if files < AUTO_JOBS_FROM:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))  # the CPUs this process may run on (a container's share)
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, AUTO_JOBS_MAX))
