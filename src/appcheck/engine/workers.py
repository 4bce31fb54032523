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
    with ProcessPoolExecutor(max_workers=jobs if rest is None else min(jobs, rest)) as pool:
        pending: deque = deque()
        for size in chunk_sizes(rest, jobs):
            chunk = list(itertools.islice(items, size))
            if not chunk:
                break
            pending.append(pool.submit(_check_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


#: the most bundles a chunk sent to a process holds
CHUNK_MAX = 32
#: the fewest, but for the last (a chunk's trip costs about as much as checking a few bundles)
CHUNK_MIN = 4


def chunk_sizes(total: int | None, jobs: int) -> Iterator[int]:
    """The sizes of the chunks that go out to ``jobs`` processes: with ``total`` known, a share of
    what is left (at most :data:`CHUNK_MAX`, at least :data:`CHUNK_MIN`), so that the last chunks are
    small and no process waits long for the others to finish theirs; 8 at a time otherwise."""
    if total is None:
        while True:
            yield 8
    left = total
    while left > 0:
        size = min(left, max(CHUNK_MIN, min(CHUNK_MAX, left // (jobs * 4))))
        yield size
        left -= size


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
