"""Stage 5, the batch: every bundle's :class:`~.single.Checked` kept in flat memory (a spill store, on
disk past :data:`HOLD` bundles), the batch checks judged one group of keys at a time, and the reports
built as they are read (:class:`CheckedBatch`). :func:`validate` is a batch of one."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from typing import Any

import attrs

from .. import catalog, pointer, topics
from ..arithmetic import exactly
from ..model import BatchReport, Finding, Report, Severity, Status
from ..rules.base import Outcome
from ..stores import KeyStore, Names, SpillStore
from .findings import finding_at, finding_for
from .load import Source
from .single import Checked, check_one, judge, key_group, member_outcome, report_one
from .workers import first_pass

class _Reports:
    """The reports of a :class:`CheckedBatch`, built as they are read: sized, and iterable more than once."""

    def __init__(self, batch: CheckedBatch) -> None:
        self._batch = batch

    def __len__(self) -> int:
        return len(self._batch._store)

    def __iter__(self) -> Iterator[Report]:
        return self._batch._reports()


class CheckedBatch:
    """A checked batch whose reports are built one at a time as they are read (see :func:`check_batch`).

    ``reports`` (sized, iterable more than once), ``findings`` (the batch findings), ``ok``,
    ``strict_ok``, ``ok_count``, ``strict_ok_count`` and ``latest_checked_on`` are what a
    :class:`~appcheck.model.BatchReport` offers; the reports themselves are never all in memory at
    once, nor, past ``hold`` bundles, the bundles a batch finding names (its ``bundles`` is then a
    :class:`~appcheck.stores.Names` view, read while the batch is open). Close it (or use it as a
    context manager) to free its temporary files.
    """

    def __init__(self, store: SpillStore, keys: KeyStore, rules: list, findings: tuple, ok: bytearray, strict: bytearray, latest: dt.date | None,
                 waivers: Any = None, read: SpillStore | None = None) -> None:
        self._store = store
        self._keys = keys
        self._read = read
        self._rules = rules
        self._waivers = waivers
        #: what the verdicts rest on (:class:`appcheck.provenance.Provenance`), for a batch from :func:`check_batch`
        self.provenance = None
        self.findings = findings
        self.ok_count = sum(ok)
        self.strict_ok_count = sum(strict)
        self.latest_checked_on = latest
        self.ok = self.ok_count == len(store) and not any(f.blocking for f in findings)
        self.strict_ok = self.strict_ok_count == len(store) and all(f.clean() for f in findings)

    @property
    def reports(self) -> _Reports:
        return _Reports(self)  # made on each use: a batch that held its own view would be a reference cycle

    def _reports(self) -> Iterator[Report]:
        topics_of: dict[tuple, tuple] = {}
        members = self._keys.members()  # in batch order, as the store: read side by side
        pending = next(members, None)
        for index, item in enumerate(self._store):
            findings = item.own_findings()
            if item.reads:
                outcomes = {}
                while pending is not None and pending[0] == index:
                    _, position, rank, info, verdict = pending
                    outcomes[position] = member_outcome(self._rules[rank], info[0], info[3], verdict)
                    pending = next(members, None)
                key = (item.head.call, item.head.topic_id)
                if key not in topics_of:
                    call = topics.call(item.head.call)
                    topics_of[key] = (call, call.topic(item.head.topic_id))
                call, topic = topics_of[key]
                findings = tuple(
                    self._finding(topic.checks[found], outcomes[found], call, topic, item.positions, item.head.track)
                    if isinstance(found, int) else found
                    for found in findings
                )
                if self._waivers:  # the batch checks' findings of this bundle (its own are waived already)
                    findings = tuple(self._waivers.apply(found, item.name, item.head.file is not None)[0] for found in findings)
            yield attrs.evolve(item.head, findings=findings)

    @staticmethod
    def _finding(check: Any, outcome: Outcome, call: Any, topic: Any, positions: Mapping, track: str | None) -> Finding:
        return finding_at(check, outcome, call, topic, positions, track)

    def report(self) -> BatchReport:
        """Every report at once, as a :class:`~appcheck.model.BatchReport`."""
        provenance = None if self.provenance is None else self.provenance.materialized()
        findings = tuple(attrs.evolve(f, bundles=tuple(f.bundles)) if type(f.bundles) is Names else f for f in self.findings)
        return BatchReport(tuple(self.reports), findings, provenance)

    def close(self) -> None:
        self._store.close()
        self._keys.close()
        if self._read is not None:
            self._read.close()

    def __enter__(self) -> CheckedBatch:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


#: how many checked bundles (and batch checks' keys) a batch keeps in memory before it moves them to temporary files
HOLD = 100


def check_batch(bundles: Iterable[Any], as_of: Any = None, settings: Mapping[str, Any] | None = None, jobs: int = 1, limits: Any = None, hold: int | None = HOLD, waivers: Iterable[Any] = (),
                progress: Callable[[int, int], Any] | None = None) -> CheckedBatch:
    """Check several bundles as one batch in flat memory: the reports come back one at a time.

    ``bundles`` is read as the check goes (a generator of any length is held one chunk at a time).
    Each bundle is checked on its own first (in ``jobs`` processes). Its report and what the batch
    checks compare (a key or two a bundle) are kept in memory for batches of up to ``hold`` bundles,
    and go to temporary files for larger ones (None: never; see :mod:`appcheck.stores`). Once every
    bundle is read, the batch checks judge the keys one group at a time, and the reports are built
    as they are read back.

    ``waivers``: :class:`appcheck.waivers.Waiver` values; a failed finding one covers is waived, and
    the batch findings end with a ``WAIVER`` finding for each waiver expired on ``as_of`` or unused.
    ``progress(done, total)``, when given, is called after each bundle is checked (the command line
    draws its progress line with it).
    """
    if isinstance(bundles, (str, bytes, os.PathLike, Mapping)):
        raise TypeError("a batch is an iterable of bundles; use validate() for one")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress is a callable (done, total), not {type(progress).__name__}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs is a whole number of processes, 1 or more, not {jobs!r}")
    if hold is not None and (isinstance(hold, bool) or not isinstance(hold, int) or hold < 0):
        raise ValueError(f"hold is a number of bundles, 0 or more, or None, not {hold!r}")
    from .. import provenance

    run_at = provenance.now()
    total = len(bundles) if isinstance(bundles, Sized) else None
    if progress is not None and total is None:
        bundles = list(bundles)
        total = len(bundles)
    items, day, resolved, in_force = _items(bundles, as_of, settings, limits, waivers)
    run = {"run_at": run_at, "as_of": day, "given": settings, "resolved": resolved}
    checked = first_pass(items, jobs, total)
    if progress is not None:
        checked = _counted(checked, total, progress)
    direct = jobs > 1 and _direct_blocks(DIRECT_BLOCKS)
    try:
        return _collect(checked, hold, in_force, run)
    finally:
        if direct:
            _direct_blocks(GLIBC_MMAP_THRESHOLD)


#: while other processes check a batch's bundles, the blocks of this many bytes or more that pass
#: between them and this one (chunks of bundles and of checked reports, tens of kilobytes, allocated
#: and freed at once by the pipes and pickles) are taken from the system and given back when freed
#: (glibc's ``M_MMAP_THRESHOLD``). Left to glibc's heap, a few of them stay in use at each moment,
#: each a little higher than the last, and the heap below them cannot be given back: ~230 bytes
#: more a bundle, 23 MiB over 100,000 (benchmarks/run.py 3c), though what is in use stays flat.
DIRECT_BLOCKS = 16 * 1024
#: glibc's own threshold, set again once the batch is checked (glibc then keeps it fixed)
GLIBC_MMAP_THRESHOLD = 128 * 1024
_M_MMAP_THRESHOLD = -3  # mallopt's parameter, in glibc's malloc.h


def _direct_blocks(size: int) -> bool:
    """Ask glibc's ``malloc`` to take blocks of ``size`` bytes or more straight from the system (and
    give them back when they are freed); False where the C library is not glibc (nothing is changed)."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 (glibc only: musl's mallopt does nothing)
        return libc.mallopt(_M_MMAP_THRESHOLD, size) == 1
    except (OSError, AttributeError):
        return False


def _counted(checked: Iterable[Checked], total: int, progress: Callable[[int, int], Any]) -> Iterator[Checked]:
    for done, item in enumerate(checked, 1):
        yield item
        progress(done, total)


def _waivers(waivers: Iterable[Any], day: dt.date) -> Any:
    """The waivers in force on ``day`` (None when there are none)."""
    if isinstance(waivers, (str, bytes, Mapping)):
        raise TypeError("waivers is an iterable of appcheck.waivers.Waiver values")
    waivers = tuple(waivers or ())
    if not waivers:
        return None
    from ..waivers import Waivers

    return Waivers.of(waivers, day)


def _items(bundles: Iterable[Any], as_of: Any, settings: Mapping[str, Any] | None, limits: Any, waivers: Iterable[Any] = ()) -> tuple[Iterator[tuple], dt.date, Any, Any]:
    """What :func:`check_one` takes for each bundle, made as each is needed (once the arguments are
    checked); the day, the settings resolved and the waivers in force."""
    from ..loading import Limits

    if limits is not None and not isinstance(limits, Limits):
        raise TypeError(f"limits is an appcheck.loading.Limits, not {type(limits).__name__}")
    day = _as_of(as_of)
    # None: each call's defaults (an empty mapping too, without importing every call to check it)
    resolved = None if settings is None or (isinstance(settings, Mapping) and not settings) else topics.resolve_settings(settings)
    in_force = _waivers(waivers, day)
    return ((bundle, index, day, resolved, limits, in_force) for index, bundle in enumerate(bundles)), day, resolved, in_force


@exactly
def _collect(checked: Iterable[Checked], hold: int | None, waivers: Any = None, run: Mapping | None = None) -> CheckedBatch:
    """Keep the checked bundles (in a :class:`~appcheck.stores.SpillStore`) and what the batch checks
    compare (in a :class:`~appcheck.stores.KeyStore`: both on disk past ``hold`` bundles), then judge
    the batch, one group of keys at a time, in the exact decimal context (:mod:`appcheck.arithmetic`),
    as :func:`~appcheck.engine.validate` groups and judges them."""
    store = SpillStore(hold)
    keys = KeyStore(hold)
    ranks: dict[str, int] = {}  # each batch check's requirement, in the order the batch met them
    rules: list = []
    totals: list[int] = []  # the bundles each batch check judges
    ok, strict = bytearray(), bytearray()
    latest = None
    used: set = set()
    read = SpillStore(hold)  # for the provenance: each bundle's name, size and SHA-256
    calls: set = set()
    try:
        for index, item in enumerate(checked):
            store.append(item)
            read.append((item.name, item.head.size, item.head.sha256))
            calls.add(item.head.call)
            used.update(item.waived)
            ok.append(item.ok)
            strict.append(item.strict_ok)
            if item.head.checked_on is not None and (latest is None or item.head.checked_on > latest):
                latest = item.head.checked_on
            topic = None
            for position, requirement, found in item.reads:
                rank = ranks.get(requirement)
                if rank is None:
                    topic = topic or topics.call(item.head.call).topic(item.head.topic_id)
                    rank = ranks[requirement] = len(rules)
                    rules.append(topic.checks[position].rule)
                    totals.append(0)
                counted, group = key_group(rules[rank], found, item.blocking)
                totals[rank] += counted
                info = (found, item.name, item.head.file is not None, item.blocking, item.head.call, item.head.topic_id, item.head.track, position)
                keys.add(index, position, rank, group, info)
        for rank, rule in enumerate(rules):
            for group, first, infos in keys.groups(rank):
                verdict, breached = judge(rule, (info[0] for info in infos), totals[rank])
                keys.set_verdict(rank, group, first, verdict, breached)
        requirements = list(ranks)
        for index, position, rank, info, verdict in keys.members():
            outcome = member_outcome(rules[rank], info[0], info[3], verdict)
            if waivers:
                found = waivers.match(requirements[rank], outcome.status, pointer.render(outcome.segments), info[1], info[2])
                if found is not None:
                    used.add(found)
                    continue
            if outcome.status is Status.FAILED and catalog.requirement(requirements[rank]).severity is Severity.ERROR:
                ok[index] = False
            if outcome.status is not Status.PASSED:
                strict[index] = False
        batch_findings = []
        for rank, group, verdict in keys.breaches():
            members = keys.infos(rank, group)
            first = next(members)
            # the names: read from disk as they are written, for a batch whose keys went there (a
            # breach may name thousands of bundles); else at once
            names = Names(keys, rank, group) if keys.on_disk else (first[1], *(info[1] for info in members))
            del members
            call = topics.call(first[4])
            topic = call.topic(first[5])
            finding = finding_for(topic.checks[first[7]], verdict, call, topic, bundles=names, track=first[6])
            if waivers:
                finding, found = waivers.apply_batch(finding)
                if found is not None:
                    used.add(found)
            batch_findings.append(finding)
    except BaseException:
        store.close()
        keys.close()
        read.close()
        raise
    if waivers:
        batch_findings.extend(waivers.findings(used))
    checked_batch = CheckedBatch(store, keys, rules, tuple(batch_findings), ok, strict, latest, waivers, read)
    if run is not None:
        from .. import provenance

        checked_batch.provenance = provenance.build(
            run_at=run["run_at"], as_of=run["as_of"], given=run["given"], resolved=run["resolved"],
            calls=calls, waivers=waivers, used=used, bundles=provenance.Bundles(read),
        )
    return checked_batch


def validate_batch(bundles: Iterable[Any], as_of: Any = None, settings: Mapping[str, Any] | None = None, jobs: int = 1, limits: Any = None, waivers: Iterable[Any] = ()) -> BatchReport:
    """Check several bundles as one batch: one report each, plus the batch findings (quotas, identities)."""
    if isinstance(bundles, (str, bytes, os.PathLike, Mapping)):
        raise TypeError("validate_batch takes an iterable of bundles; use validate() for one")
    with check_batch(bundles, as_of=as_of, settings=settings, jobs=jobs, limits=limits, hold=None, waivers=waivers) as batch:
        return batch.report()


def validate(bundle: Any, as_of: Any = None, settings: Mapping[str, Any] | None = None, limits: Any = None) -> Report:
    """Check one bundle (a mapping or a path); the report lists one finding per applicable requirement."""
    if not isinstance(bundle, (Mapping, str, os.PathLike, Source)):
        raise TypeError(f"a bundle is a mapping or a path, not {type(bundle).__name__}")
    from ..loading import Limits

    if limits is not None and not isinstance(limits, Limits):
        raise TypeError(f"limits is an appcheck.loading.Limits, not {type(limits).__name__}")
    # None: each call's defaults (an empty mapping too, without importing every call to check it)
    resolved = None if settings is None or (isinstance(settings, Mapping) and not settings) else topics.resolve_settings(settings)
    return report_one(bundle, _as_of(as_of), resolved, limits)


def _today() -> dt.date:
    return dt.date.today()


def _as_of(as_of: Any) -> dt.date:
    if as_of is None:
        return _today()
    if isinstance(as_of, str):
        return dt.date.fromisoformat(as_of)
    if isinstance(as_of, dt.datetime) or not isinstance(as_of, dt.date):
        raise TypeError(f"as_of is a datetime.date or an ISO date string, not {type(as_of).__name__}")
    return as_of
