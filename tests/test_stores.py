"""Where a batch keeps what it has checked: the same values, in the same order, in memory or on disk.

The engine's side (every report of a batch the same whatever the store) is in engine/test_batch.py.
"""

from __future__ import annotations

import pytest

from appcheck import engine
from appcheck.engine import workers
from appcheck.stores import KeyStore, SpillStore

from .conftest import EXAMPLES

AS_OF = "2022-05-10"

#: (index, position, rank, group, info): two checks, groups met out of their sorted order, a lone
#: surrogate and text SQLite would otherwise compare by another rule, a member outside the groups
MEMBERS = [
    (0, 3, 0, "id:p-2", ("a", 0)),
    (0, 5, 1, "name:深海", ("b", 0)),
    (1, 3, 0, "id:p-1", ("c", 1)),
    (2, 3, 0, None, ("own", 2)),
    (2, 5, 1, "name:\ud800", ("d", 2)),
    (3, 3, 0, "id:p-2", ("e", 3)),
    (4, 5, 1, "name:深海", ("f", 4)),
    (5, 3, 0, "id:P-2", ("g", 5)),
]


def _judged(store: KeyStore) -> tuple:
    seen = []
    for rank in (0, 1):
        for group, first, infos in store.groups(rank):
            infos = list(infos)
            seen.append((rank, group, first, infos))
            store.set_verdict(rank, group, first, f"{group}×{len(infos)}", len(infos) > 1)
    breaches = [(rank, group, verdict, list(store.infos(rank, group))) for rank, group, verdict in store.breaches()]
    return sorted(seen), breaches, list(store.members()), list(store.members())


@pytest.mark.parametrize("hold", [0, 3])
def test_keys_on_disk_are_grouped_and_read_back_as_in_memory(hold) -> None:
    memory, disk = KeyStore(None), KeyStore(hold)
    for member in MEMBERS:
        memory.add(*member)
        disk.add(*member)
    assert not memory.on_disk and disk.on_disk
    judged = _judged(memory)
    assert _judged(disk) == judged
    seen, breaches, members, again = judged
    assert members == again  # read back as often as asked
    assert [(rank, group) for rank, group, _, _ in breaches] == [(0, "id:p-2"), (1, "name:深海")]  # by check, then first bundle
    assert breaches[0][3] == [("a", 0), ("e", 3)]
    assert [member[:2] for member in members] == [(0, 3), (0, 5), (1, 3), (2, 3), (2, 5), (3, 3), (4, 5), (5, 3)]
    assert members[3][4] is None and members[0][4] == "id:p-2×2" and members[4][4] == "name:\ud800×1"
    disk.close()
    memory.close()


def _filled(hold) -> KeyStore:
    store = KeyStore(hold)
    for member in MEMBERS:
        store.add(*member)
    return store


def test_a_key_store_stays_in_memory_within_its_hold_and_closes() -> None:
    store = _filled(len(MEMBERS))
    assert not store.on_disk
    store = _filled(len(MEMBERS) - 1)
    assert store.on_disk
    store.close()
    assert not store.on_disk
    store.close()  # twice: nothing to do


def test_the_spill_store_keeps_order_past_its_hold() -> None:
    store = SpillStore(2)
    for item in range(5):
        store.append({"item": item})
    assert store._file is not None and not store._items
    assert len(store) == 5 and list(store) == list(store) == [{"item": item} for item in range(5)]
    store.close()


def test_a_batch_keeps_its_keys_on_disk_past_its_hold_and_frees_them() -> None:
    folder = EXAMPLES / "zj-2026" / "batches" / "ZJ26-PLT-QUOTA"
    files = sorted(str(path) for path in folder.glob("*.json"))
    expected = engine.validate_batch(files, as_of=AS_OF)
    with engine.check_batch(files, as_of=AS_OF, hold=len(files)) as checked:
        assert not checked._keys.on_disk
    checked = engine.check_batch(files, as_of=AS_OF, hold=1)
    assert checked._keys.on_disk
    assert checked.report() == expected and expected.findings  # the quota's breach, found from the keys on disk
    checked.close()
    assert not checked._keys.on_disk


def test_a_generated_batch_is_read_as_it_goes(monkeypatch) -> None:
    """A generator is taken one bundle at a time (one chunk at a time with processes), never made into
    a list first: a batch of any length made on the fly takes flat memory."""
    files = sorted(str(path) for path in (EXAMPLES / "gd-2022" / "research").glob("*.json"))
    expected = engine.validate_batch(files, as_of=AS_OF)
    events = []

    def bundles():
        for file in files:
            events.append(("taken", file))
            yield file

    check_one = engine.check_one

    def checking(item):
        events.append(("checked", item[0]))
        return check_one(item)

    monkeypatch.setattr(workers, "check_one", checking)
    with engine.check_batch(bundles(), as_of=AS_OF, hold=0) as checked:
        assert checked.report() == expected
    assert events == [(event, file) for file in files for event in ("taken", "checked")]
    monkeypatch.undo()
    with engine.check_batch(bundles(), as_of=AS_OF, jobs=2, hold=0) as checked:
        assert checked.report() == expected


FORMATS = ("json", "sarif", "junit", "text", "github", "html")


def _crowded(tmp_path) -> list[str]:
    """Every example batch, and 30 more bundles naming the platform of ZJ26-PLT-QUOTA: breaches naming many bundles."""
    files = sorted(str(path) for path in EXAMPLES.glob("*/batches/*/*.json"))
    text = (EXAMPLES / "zj-2026" / "batches" / "ZJ26-PLT-QUOTA" / "bundle-1.json").read_text(encoding="utf-8")
    for number in range(30):
        (tmp_path / f"copy-{number:02d}.json").write_text(text, encoding="utf-8")
    return files + sorted(str(path) for path in tmp_path.glob("copy-*.json"))


def test_the_bundles_a_batch_finding_names_are_read_from_disk_past_the_hold(tmp_path) -> None:
    """Past its hold a batch keeps the bundles a breach names on disk (a view read as it is written):
    the same names, in the same order, equal, hashed, shown and pickled as the tuple a batch in memory holds."""
    import pickle

    from appcheck.stores import Names

    files = _crowded(tmp_path)
    expected = engine.validate_batch(files, as_of=AS_OF)
    assert max(len(finding.bundles) for finding in expected.findings) > 30
    with engine.check_batch(files, as_of=AS_OF, hold=1) as checked:
        assert len(checked.findings) == len(expected.findings)
        for finding, wanted in zip(checked.findings, expected.findings):
            names = finding.bundles
            assert type(names) is Names and type(wanted.bundles) is tuple
            assert len(names) == len(wanted.bundles) and tuple(names) == tuple(names) == wanted.bundles  # read again, the same
            assert names == wanted.bundles and wanted.bundles == names and hash(names) == hash(wanted.bundles)
            assert finding == wanted and repr(finding) == repr(wanted)
            assert pickle.loads(pickle.dumps(finding)) == wanted and type(pickle.loads(pickle.dumps(names))) is tuple
            assert finding.to_dict() == wanted.to_dict() and list(finding.to_dict(lazy=True)["bundles"]) == list(wanted.bundles)
        report = checked.report()
        assert report == expected and all(type(finding.bundles) is tuple for finding in report.findings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_a_batch_findings_bundles_the_same_from_disk(fmt, tmp_path) -> None:
    from appcheck.reporters import Options, reporter

    files = _crowded(tmp_path)
    found = set()
    for hold in (None, 1):
        with engine.check_batch(files, as_of=AS_OF, hold=hold) as checked:
            run_at = checked.provenance.run_at
            for lang in ("zh", "en"):
                for each in (checked, checked.report()):
                    found.add((lang, reporter(fmt).render(each, Options(lang=lang, verbose=True)).replace(run_at, "RUN_AT")))
    assert len(found) == 2
    assert all(f"copy-{number:02d}.json" in text for _, text in found for number in range(30))
