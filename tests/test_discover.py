"""Finding the bundle files a command line names: each file once, whichever way it is named."""

from __future__ import annotations

import os
from pathlib import Path

from appcheck import discover


def _tree(root: Path) -> None:
    (root / "calls" / "deep").mkdir(parents=True)
    for name in ("a.json", "b.yaml", "notes.txt", ".hidden.json"):
        (root / "calls" / name).write_text("{}", encoding="utf-8")
    (root / "calls" / "deep" / "c.YML").write_text("{}", encoding="utf-8")
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "d.json").write_text("{}", encoding="utf-8")
    (root / "calls" / "linked").symlink_to(root / "elsewhere")  # a link to a folder
    (root / "calls" / "same.json").symlink_to(root / "calls" / "a.json")  # a link to a file
    (root / "calls" / "deep" / "loop").symlink_to(root / "calls")  # a cycle
    (root / "calls" / "dangling.json").symlink_to(root / "nowhere.json")


def test_the_walk_gives_each_file_s_real_path_as_realpath_does(tmp_path: Path) -> None:
    _tree(tmp_path)
    for start in (str(tmp_path / "calls"), os.path.relpath(tmp_path / "calls"), str(tmp_path / "calls" / "linked")):
        found = discover._walk(start, set())
        assert found and all(real == os.path.realpath(path) for path, real in found), found
    names = [Path(path).relative_to(tmp_path / "calls").as_posix() for path, _ in discover._walk(str(tmp_path / "calls"), set())]
    assert names == ["a.json", "b.yaml", "dangling.json", "deep/c.YML", "linked/d.json", "same.json"]


def test_each_file_once_however_it_is_named(tmp_path: Path) -> None:
    _tree(tmp_path)
    calls = tmp_path / "calls"
    found = discover.collect([str(calls), str(calls / "a.json"), str(tmp_path / "elsewhere"), "-", str(calls / "deep" / "loop" / "b.yaml"), "-"])
    assert [Path(f).relative_to(calls).as_posix() if isinstance(f, str) else f for f in found] == [
        "a.json", "b.yaml", "dangling.json", "deep/c.YML", "linked/d.json", discover.Stdin(),
    ]
