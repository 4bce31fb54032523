"""Batches of any size: ``engine.check_batch`` checks each bundle on its own, keeps only what the batch
checks compare, and builds the reports again as they are read (from a list, or from a temporary file past ``hold`` bundles).

Whatever the store and the number of processes, the reports are those of ``validate_batch``. Also: the
arguments checked, batch findings naming their bundles, quotas leaving out bundles that cannot go forward.
"""

from __future__ import annotations

import pytest

import appcheck
from appcheck import engine

from ..conftest import EXAMPLES

AS_OF = "2022-05-10"


def _files(folder) -> list[str]:
    return sorted(str(path) for path in folder.rglob("*") if path.suffix in (".json", ".yaml", ".yml"))


#: every batch example, each call's examples as one batch, and all of them (files and one mapping)
BATCHES = {
    **{f"{folder.parent.parent.name}/{folder.name}": _files(folder) for folder in sorted(EXAMPLES.glob("*/batches/*"))},
    **{call.name: [f for f in _files(call) if "/batches/" not in f] for call in sorted(EXAMPLES.iterdir())},
    "everything": _files(EXAMPLES) + [{"format": "appcheck/1", "call": "gd-2022"}],
}


@pytest.fixture(scope="module", params=sorted(BATCHES))
def batch(request):
    bundles = BATCHES[request.param]
    return bundles, appcheck.validate_batch(bundles, as_of=AS_OF)


@pytest.mark.parametrize("hold", [None, 0, 1, engine.HOLD])
def test_any_store_gives_the_reports_of_validate_batch(batch, hold) -> None:
    bundles, expected = batch
    with engine.check_batch(bundles, as_of=AS_OF, hold=hold) as checked:
        assert checked.report() == expected
        assert (checked.ok, checked.strict_ok, checked.findings) == (expected.ok, expected.strict_ok, expected.findings)
        assert checked.ok_count == sum(report.ok for report in expected.reports)
        assert checked.strict_ok_count == sum(report.strict_ok for report in expected.reports)
        assert checked.latest_checked_on == expected.latest_checked_on


def test_reports_are_sized_and_can_be_read_again(batch) -> None:
    bundles, expected = batch
    with engine.check_batch(bundles, as_of=AS_OF, hold=0) as checked:
        assert len(checked.reports) == len(expected.reports)
        assert list(checked.reports) == list(checked.reports) == list(expected.reports)


def test_processes_give_the_same_reports() -> None:
    bundles = BATCHES["everything"]
    with engine.check_batch(bundles, as_of=AS_OF, jobs=2, hold=0) as checked:
        assert checked.report() == appcheck.validate_batch(bundles, as_of=AS_OF)


def test_with_processes_large_blocks_come_from_the_system_while_the_batch_is_checked(monkeypatch) -> None:
    """glibc's heap would keep growing under the blocks that pass between the processes: while they
    run, blocks of DIRECT_BLOCKS bytes or more are the system's (mmap), and glibc's threshold is set
    back once the batch is checked, even when checking fails; one process changes nothing."""
    import sys

    from appcheck.engine import batch

    calls = []
    direct = batch._direct_blocks
    monkeypatch.setattr(batch, "_direct_blocks", lambda size: calls.append(size) or direct(size))
    bundles = BATCHES["zj-2026/ZJ26-PLT-QUOTA"]
    expected = appcheck.validate_batch(bundles, as_of=AS_OF)
    with engine.check_batch(bundles, as_of=AS_OF, jobs=2, hold=0) as checked:
        assert checked.report() == expected
    assert calls == [batch.DIRECT_BLOCKS, batch.GLIBC_MMAP_THRESHOLD]
    glibc = sys.platform.startswith("linux") and __import__("platform").libc_ver()[0] == "glibc"
    assert direct(batch.GLIBC_MMAP_THRESHOLD) is glibc  # mallopt answers 1 for a setting it took
    calls.clear()
    with engine.check_batch(bundles, as_of=AS_OF, jobs=1, hold=0) as checked:
        assert checked.report() == expected
    assert calls == []

    def failing(*args, **kwargs):
        raise RuntimeError("checking failed")

    monkeypatch.setattr(batch, "_collect", failing)
    with pytest.raises(RuntimeError):
        engine.check_batch(bundles, as_of=AS_OF, jobs=2)
    assert calls == [batch.DIRECT_BLOCKS, batch.GLIBC_MMAP_THRESHOLD]


def test_a_batch_goes_to_a_file_past_its_hold_and_frees_it() -> None:
    bundles = BATCHES["gd-2022"]
    assert engine.check_batch(bundles[:3], as_of=AS_OF, hold=3)._store._file is None  # within the hold: in memory
    checked = engine.check_batch(bundles, as_of=AS_OF, hold=3)
    spool = checked._store._file
    assert spool is not None and not checked._store._items  # past it: every bundle in the file, none in memory
    assert len(list(checked.reports)) == len(bundles)
    checked.close()
    assert spool.closed


def test_a_batch_finding_is_placed_before_its_bundle_is_let_go() -> None:
    folder = EXAMPLES / "zj-2026" / "batches" / "ZJ26-PLT-QUOTA"
    with engine.check_batch(_files(folder), as_of=AS_OF, hold=0) as checked:
        quotas = [f for report in checked.reports for f in report.findings if f.requirement == "ZJ26-PLT-QUOTA"]
    assert quotas and all(f.status.value == "failed" and f.line is not None for f in quotas)


def test_arguments_are_checked() -> None:
    with pytest.raises(TypeError):
        engine.check_batch("one.json")
    with pytest.raises(ValueError):
        engine.check_batch([], hold=-1)
    with pytest.raises(ValueError):
        engine.check_batch([], jobs=0)
    with engine.check_batch([]) as empty:
        assert empty.ok and empty.strict_ok and len(empty.reports) == 0 and empty.latest_checked_on is None


def test_checking_leaves_no_reference_cycles_behind() -> None:
    """Whatever a check builds is freed as soon as it is let go, not at the next garbage collection."""
    import gc

    bundles = BATCHES["everything"]
    appcheck.validate_batch(bundles, as_of=AS_OF)  # caches filled first
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for bundle in bundles:
            appcheck.validate(bundle, as_of=AS_OF)
        with engine.check_batch(bundles, as_of=AS_OF, hold=3) as checked:
            list(checked.reports)
        gc.collect()
        assert gc.garbage == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def test_wrong_argument_types_raise() -> None:
    with pytest.raises(TypeError):
        appcheck.validate(42)
    with pytest.raises(TypeError):
        appcheck.validate_batch("examples")
    with pytest.raises(ValueError):
        appcheck.validate({}, settings={"nope": 1})
    with pytest.raises(TypeError):
        appcheck.validate({}, as_of=20220510)


def test_batch_finding_names_the_bundles() -> None:
    import glob

    batch = appcheck.validate_batch(sorted(glob.glob("examples/gd-2022/batches/GD22-PI-IDENTITY/*.json")))
    assert not batch.ok and len(batch.findings) == 1
    assert all(name.endswith(".json") for name in batch.findings[0].bundles)


def test_a_bundle_left_out_of_a_quota_says_how_many_checks_it_fails() -> None:
    from appcheck.engine.single import _not_counted

    from ..conftest import example

    one = example("most-2022", "usa")
    one["project"]["title"] = ""  # fails the schema: one required check
    many = example("most-2022", "usa")
    for block in ("project", "budget", "partners"):
        many[block] = 7  # fails the schema and the rules reading them
    batch = appcheck.validate_batch([one, many], as_of="2022-01-01")
    quota = [next(f for f in r.findings if f.requirement == "MOST22-US-QUOTA") for r in batch.reports]
    assert [f.actual["counted"] for f in quota] == [False, False]
    assert "already fails a required check (SCHEMA), so" in quota[0].message_en
    assert len(quota[1].actual["blocking"]) > 1 and "already fails required checks (MOST22-" in quota[1].message_en
    six = [f"X-{n}" for n in range(6)]
    assert "(X-0, X-1, X-2, X-3, X-4…), so" in _not_counted(six).message_en
    assert "X-0、X-1、X-2、X-3、X-4…）" in _not_counted(six).message
    assert "…" not in _not_counted(six[:5]).message_en
