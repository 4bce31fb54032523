"""Where a batch keeps what it has checked, so that a batch of any size takes flat memory.

- :class:`SpillStore`: the checked bundles, in order: the first ``hold`` in a list, and past that
  all of them pickled to a temporary file.
- :class:`KeyStore`: what the batch checks compare (each bundle's key for each batch check, see
  :mod:`appcheck.rules.batch`), and once the batch is judged, each group's verdict: in memory for up
  to ``hold`` bundles, past that in a temporary SQLite database (the standard library's ``sqlite3``),
  grouped and read back by the database, so that neither the keys nor the verdicts of a large batch
  are held in memory.

Both keep the same order and give back the same values whichever way they hold them; the engine
(:func:`appcheck.engine.check_batch`) writes its logic once against them.

- :class:`Names`: the bundles a batch finding names, read back from a :class:`KeyStore` on disk as
  they are written, so that a breach naming thousands of bundles is not held in memory either.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

#: pickle's highest protocol (5 since Python 3.8), named here so that pickle is imported only by a
#: batch that spills (a one-file run does not)
_PROTOCOL = 5


class SpillStore:
    """The checked bundles of a batch, in order: the first ``hold`` in a list, and past that all of
    them pickled to a temporary file, so that a batch of any size takes flat memory."""

    def __init__(self, hold: int | None) -> None:
        self._hold = hold
        self._items: list = []
        self._file = None
        self._count = 0

    def append(self, item: Any) -> None:
        self._count += 1
        if self._file is None:
            self._items.append(item)
            if self._hold is None or len(self._items) <= self._hold:
                return
            import tempfile

            self._file = tempfile.TemporaryFile()
            items, self._items = self._items, []
        else:
            items = [item]
        import pickle

        for each in items:
            pickle.dump(each, self._file, protocol=_PROTOCOL)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        if self._file is None:
            yield from self._items
            return
        import pickle

        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class KeyStore:
    """What the batch checks of a batch compare, and their verdicts.

    Each *member* is one bundle's read for one batch check: ``(index, position, rank, group, info)``,
    where ``index`` is the bundle's place in the batch, ``position`` the check's place in its topic's
    checks, ``rank`` the order in which the batch met the check's requirement, ``group`` the group the
    key belongs to (``rule.group_of(key)``; None for a read that is the bundle's own outcome or a
    bundle the check does not count), and ``info`` anything else (the read itself, the bundle's name,
    ...), given back as it was. Members are added in batch order.

    Up to ``hold`` members (None: any number) stay in memory; past that every member goes to a
    temporary SQLite database, and the groups are formed and read back by it.
    """

    def __init__(self, hold: int | None) -> None:
        self._hold = hold
        self._members: list = []  # in memory: (index, position, rank, group, info)
        self._verdicts: dict = {}  # in memory: (rank, group) -> (first index, verdict, breached)
        self._grouped: dict = {}  # in memory, once judged: (rank, group) -> the members' infos
        self._db = None
        self._path = None
        self._cached: tuple = (None, None)  # the last verdict read from the database, unpickled

    @property
    def on_disk(self) -> bool:
        return self._db is not None

    # -- adding, in batch order

    def add(self, index: int, position: int, rank: int, group: str | None, info: Any) -> None:
        if self._db is not None:
            self._insert([(index, position, rank, group, info)])
            return
        self._members.append((index, position, rank, group, info))
        if self._hold is not None and len(self._members) > self._hold:
            self._open()
            members, self._members = self._members, []
            self._insert(members)

    def _open(self) -> None:
        import os
        import sqlite3
        import tempfile

        # a file of its own, removed at once: the database lives as long as the connection
        handle, path = tempfile.mkstemp(prefix="appcheck-keys-", suffix=".sqlite")
        os.close(handle)
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
        finally:
            try:
                os.unlink(path)
            except OSError:  # a system that keeps an open file: removed at close
                self._path = path
        self._db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE; PRAGMA cache_size = -512;"
            "CREATE TABLE members (idx INTEGER, position INTEGER, rank INTEGER, grp BLOB, info BLOB);"
            "CREATE TABLE verdicts (rank INTEGER, grp BLOB, first INTEGER, verdict BLOB, breached INTEGER,"
            " PRIMARY KEY (rank, grp)) WITHOUT ROWID;"
            "BEGIN;"
        )

    @staticmethod
    def _group(group: str | None) -> bytes | None:
        # bytes, so that any text a bundle holds (even a lone surrogate) is stored and compared as it is
        return None if group is None else group.encode("utf-8", "surrogatepass")

    def _insert(self, members: list) -> None:
        import pickle

        self._db.executemany(
            "INSERT INTO members VALUES (?, ?, ?, ?, ?)",
            [(index, position, rank, self._group(group), pickle.dumps(info, _PROTOCOL)) for index, position, rank, group, info in members],
        )

    # -- judging

    def groups(self, rank: int) -> Iterator[tuple[str, int, Iterator[Any]]]:
        """``(group, first index, infos)`` of every group of requirement ``rank``: each group once, its
        members' infos in batch order (an iterator, to read before the next group is asked for)."""
        if self._db is None:
            found: dict[str, list] = {}
            for index, _, member_rank, group, info in self._members:
                if member_rank == rank and group is not None:
                    found.setdefault(group, [index, []])[1].append(info)
            for group, (first, infos) in found.items():
                self._grouped[(rank, group)] = infos
                yield group, first, iter(infos)
            return
        import itertools
        import pickle

        self._db.execute("CREATE INDEX IF NOT EXISTS by_group ON members (rank, grp, idx)")
        rows = self._db.execute("SELECT grp, idx, info FROM members WHERE rank = ? AND grp IS NOT NULL ORDER BY grp, idx", (rank,))
        for group, members in itertools.groupby(rows, key=lambda row: row[0]):
            first = next(members)
            infos = itertools.chain([first[2]], (row[2] for row in members))
            yield group.decode("utf-8", "surrogatepass"), first[1], map(pickle.loads, infos)

    def set_verdict(self, rank: int, group: str, first: int, verdict: Any, breached: bool) -> None:
        if self._db is None:
            self._verdicts[(rank, group)] = (first, verdict, breached)
        else:
            import pickle

            self._db.execute("INSERT INTO verdicts VALUES (?, ?, ?, ?, ?)",
                             (rank, self._group(group), first, pickle.dumps(verdict, _PROTOCOL), int(breached)))

    def breaches(self) -> Iterator[tuple[int, str, Any]]:
        """``(rank, group, verdict)`` of every group judged a breach: by requirement, then by the group's first bundle."""
        if self._db is None:
            found = [((rank, first), group, verdict) for (rank, group), (first, verdict, breached) in self._verdicts.items() if breached]
            for (rank, _), group, verdict in sorted(found, key=lambda breach: breach[0]):
                yield rank, group, verdict
            return
        import pickle

        for rank, group, verdict in self._db.execute("SELECT rank, grp, verdict FROM verdicts WHERE breached ORDER BY rank, first").fetchall():
            yield rank, group.decode("utf-8", "surrogatepass"), pickle.loads(verdict)

    def size(self, rank: int, group: str) -> int:
        """How many members the group has."""
        if self._db is None:
            return len(self._grouped[(rank, group)])
        return self._db.execute("SELECT COUNT(*) FROM members WHERE rank = ? AND grp = ?", (rank, self._group(group))).fetchone()[0]

    def infos(self, rank: int, group: str) -> Iterator[Any]:
        """The infos of one group's members, in batch order."""
        if self._db is None:
            return iter(self._grouped[(rank, group)])
        import pickle

        rows = self._db.execute("SELECT info FROM members WHERE rank = ? AND grp = ? ORDER BY idx", (rank, self._group(group)))
        return (pickle.loads(row[0]) for row in rows)

    # -- reading back, in batch order

    def members(self) -> Iterator[tuple[int, int, int, Any, Any]]:
        """``(index, position, rank, info, verdict)`` of every member, in batch order (verdict: its
        group's, or None for a member outside the groups)."""
        if self._db is None:
            for index, position, rank, group, info in self._members:
                yield index, position, rank, info, None if group is None else self._verdicts[(rank, group)][1]
            return
        import pickle

        self._db.execute("CREATE INDEX IF NOT EXISTS by_index ON members (idx, position)")
        rows = self._db.execute(
            "SELECT m.idx, m.position, m.rank, m.info, v.grp, v.verdict FROM members m"
            " LEFT JOIN verdicts v ON v.rank = m.rank AND v.grp = m.grp ORDER BY m.idx, m.position"
        )
        for index, position, rank, info, group, verdict in rows:
            yield index, position, rank, pickle.loads(info), None if group is None else self._verdict(rank, group, verdict)

    def _verdict(self, rank: int, group: bytes, data: bytes) -> Any:
        key, value = self._cached
        if key != (rank, group):  # a group's members often come one after another: unpickled once for them
            import pickle

            value = pickle.loads(data)
            self._cached = ((rank, group), value)
        return value

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._path is not None:
            import os

            try:
                os.unlink(self._path)
            except OSError:
                pass
            self._path = None
        self._members = []
        self._verdicts = {}
        self._grouped = {}


class Names:
    """The bundles a batch finding names (each member's ``info[1]``, in batch order), read from the
    :class:`KeyStore` that keeps the group's members each time they are iterated: sized, iterable
    more than once, equal to (and hashed, shown and pickled as) the tuple of the names. Valid while
    the store is open; what :attr:`appcheck.model.Finding.bundles` holds for a batch whose keys went
    to disk (a tuple everywhere else)."""

    __slots__ = ("_keys", "_rank", "_group", "_size")

    def __init__(self, keys: KeyStore, rank: int, group: str) -> None:
        self._keys = keys
        self._rank = rank
        self._group = group
        self._size = keys.size(rank, group)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        return (info[1] for info in self._keys.infos(self._rank, self._group))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, Names)):
            return len(self) == len(other) and tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple:
        return tuple, (tuple(self),)
