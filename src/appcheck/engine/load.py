"""Stage 1, loading: a bundle (a path, a :class:`Source` of bytes, or a mapping) read strictly into
plain data, or the ``LOAD`` finding that says why it cannot be."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..model import LOAD, Finding, Severity, Status

#: loader problem codes whose messages already name the file
FILE_LEVEL = frozenset({"not-found", "not-a-file", "unreadable", "too-large"})


def normalize(value: Mapping) -> Any:
    """A caller's mapping as the loader would have produced it: numbers as Decimal, lists, dicts.

    Returns a copy (the caller's object is never changed); raises ``ValueError`` for what its file
    could not hold (see :func:`appcheck.mapping_loading.load_mapping`, which ``validate`` uses).
    """
    from ..mapping_loading import load_mapping

    loaded = load_mapping(value)
    if loaded.problem is not None:
        raise ValueError(loaded.problem.message_en)
    return loaded.data


def _load_finding(message: str, message_en: str, segments: tuple = (), line: int | None = None, column: int | None = None, **values: Any) -> Finding:
    return Finding(LOAD, Status.FAILED, Severity.ERROR, segments, message, message_en, "", line=line, column=column, **values)


@attrs.frozen
class Source:
    """A bundle given as bytes (standard input, a portal's upload) with the name to report it under.

    ``format`` is ``"json"``, ``"yaml"`` or ``"auto"``: JSON when the first character that is not
    white space (after a BOM) is ``{`` or ``[``, YAML otherwise.
    """

    name: str
    data: bytes
    format: str = attrs.field(default="auto", validator=attrs.validators.in_(("auto", "json", "yaml")))
    #: why the bytes could not be read (set by :meth:`read`); the bundle's only finding then
    problem: Any = None

    @classmethod
    def read(cls, name: str, stream: Any, limits: Any = None, format: str = "auto") -> Source:
        """The bundle in a binary ``stream`` (standard input): at most the size limit plus one byte is
        read, so an endless stream stops at once with a ``LOAD`` finding (``too-large``)."""
        from .. import loading

        data, problem = loading.read_stream(stream, limits or loading.Limits(), name)
        return cls(name, data, format, problem)

    def resolved_format(self) -> str:
        """``"json"`` or ``"yaml"``: the format given, or the one the bytes look like."""
        if self.format != "auto":
            return self.format
        first = bytes(self.data).removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1]
        return "json" if first in (b"{", b"[") else "yaml"


def load(bundle: Any, name: str, limits: Any = None) -> tuple[Any, str | None, Finding | None, str, tuple | None]:
    """``(data, text, load finding, format of text, (size, SHA-256) of the bytes read or None)``."""
    from .. import loading

    if isinstance(bundle, Mapping):
        from ..mapping_loading import load_mapping

        loaded = load_mapping(bundle, limits or loading.Limits())
        if loaded.problem is not None:  # its message starts with the place (a pointer): no file to name
            problem = loaded.problem
            return None, None, _load_finding(
                problem.message, problem.message_en, problem.path, actual={"code": problem.code, "offset": None},
            ), "json", None
        return loaded.data, None, None, "json", None
    if isinstance(bundle, Source):
        if bundle.problem is not None:
            loaded = loading.Loaded(None, None, bundle.problem)
        elif bundle.resolved_format() == "yaml":
            loaded = loading.load_yaml_bytes(bundle.data, limits or loading.Limits())
        else:
            loaded = loading.load_bytes(bundle.data, limits or loading.Limits())
        if bundle.problem is None:
            loaded = attrs.evolve(loaded, digest=loading.digest(bundle.data))
    else:
        loaded = loading.load_path(bundle, limits or loading.Limits())
    if loaded.problem is not None:
        problem = loaded.problem
        named = problem.code in FILE_LEVEL  # the loader already names the file in these
        return None, loaded.text, _load_finding(
            problem.message if named else f"{name}：{problem.message}",
            problem.message_en if named else f"{name}: {problem.message_en}",
            problem.path, problem.line, problem.column,
            actual={"code": problem.code, "offset": problem.offset},
        ), loaded.format, loaded.digest
    return loaded.data, loaded.text, None, loaded.format, loaded.digest
