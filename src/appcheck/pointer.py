"""JSON Pointers (RFC 6901).

Paths are kept as tuples of segments (``str`` keys, ``int`` indices) everywhere inside appcheck and
rendered as pointers only at the edge (reports, output formats).
"""

from __future__ import annotations

from collections.abc import Iterable

Segments = tuple  # tuple[str | int, ...]


def escape(segment: str | int) -> str:
    """Escape one reference token: ``~`` becomes ``~0`` and ``/`` becomes ``~1`` (in that order)."""
    return str(segment).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """Undo :func:`escape` (``~1`` first, then ``~0``, as RFC 6901 section 4 says)."""
    return token.replace("~1", "/").replace("~0", "~")


def render(segments: Iterable[str | int]) -> str:
    """Render path segments as a JSON Pointer: ``("a", 0, "b/c")`` -> ``"/a/0/b~1c"``; ``()`` -> ``""``."""
    return "".join("/" + escape(segment) for segment in segments)


def parse(pointer: str) -> tuple[str, ...]:
    """Split a JSON Pointer into its (unescaped, string) reference tokens.

    Raises ``ValueError`` for a non-empty pointer that does not start with ``/`` or holds a ``~`` not
    followed by ``0`` or ``1``.
    """
    if pointer == "":
        return ()
    if not pointer.startswith("/"):
        raise ValueError(f"a JSON Pointer starts with '/': {pointer!r}")
    tokens = pointer[1:].split("/")
    for token in tokens:
        rest = token
        while "~" in rest:
            index = rest.index("~")
            if rest[index + 1 : index + 2] not in ("0", "1"):
                raise ValueError(f"'~' must be followed by '0' or '1' in {pointer!r}")
            rest = rest[index + 2 :]
    return tuple(unescape(token) for token in tokens)
