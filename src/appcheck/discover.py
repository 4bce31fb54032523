"""Finding the bundle files a command line names: files, directories (walked) and ``-``."""

from __future__ import annotations

import os

import attrs

SUFFIXES = (".json", ".yaml", ".yml")


class UsageError(ValueError):
    """The command line names something that cannot be checked (a missing path, no bundle files)."""


@attrs.frozen
class Stdin:
    """``-``: the bundle is read from standard input."""

    name: str = "-"


def _walk(folder: str, seen_dirs: set, real: str | None = None) -> list[tuple[str, str]]:
    """Bundle files under ``folder``, sorted, following links to folders but never twice into one:
    each as ``(path, real path)``. ``real`` is the folder's real path when known (the path of a file
    that is not a link is its folder's real path and its name: one ``realpath`` a folder, not a file)."""
    found: list[tuple[str, str]] = []
    try:
        stat = os.stat(folder)
    except OSError:
        return found
    key = (stat.st_dev, stat.st_ino)
    if key in seen_dirs:
        return found  # a link back to a folder already walked: a cycle, or the same folder twice
    seen_dirs.add(key)
    entries = []  # (name, is a folder, is a link): what the walk needs of each entry, not the entries themselves
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir or entry.name.lower().endswith(SUFFIXES):
                    try:
                        is_link = entry.is_symlink()
                    except OSError:
                        is_link = True  # unknown: resolved the long way
                    entries.append((entry.name, is_dir, is_link))
    except OSError:
        return found
    entries.sort()
    if real is None:
        real = os.path.realpath(folder)
    for name, is_dir, is_link in entries:
        path = os.path.join(folder, name)
        if is_dir:
            found.extend(_walk(path, seen_dirs, None if is_link else os.path.join(real, name)))
        else:
            found.append((path, os.path.realpath(path) if is_link else os.path.join(real, name)))
    return found


def collect(paths: list[str]) -> list:
    """The files (and :class:`Stdin`) to check, in command-line order, each file once.

    Raises :class:`UsageError` for a path that does not exist, a directory with no bundle file, or no
    path at all. A named file is taken whatever its suffix (the user chose it); a dangling link or a
    special file is kept so that checking it reports the problem with its name.
    """
    if not paths:
        raise UsageError("no path given: name bundle files, directories, or - for standard input")
    result: list = []
    seen_files: set[str] = set()
    seen_dirs: set = set()
    stdin_used = False
    for path in paths:
        if path == "-":
            if not stdin_used:
                result.append(Stdin())
                stdin_used = True
            continue
        if os.path.isdir(path):
            files = _walk(path, seen_dirs)
            if not files and not any(f for f in files):
                if not _has_bundles(path):
                    raise UsageError(f"{path}: no .json, .yaml or .yml file in this directory")
            for file, real in files:
                if real not in seen_files:
                    seen_files.add(real)
                    result.append(file)
            continue
        if not os.path.lexists(path):
            raise UsageError(f"{path}: no such file or directory")
        real = os.path.realpath(path)
        if real not in seen_files:
            seen_files.add(real)
            result.append(path)
    return result


def _has_bundles(folder: str) -> bool:
    return bool(_walk(folder, set()))
