"""Find where things are in a JSON text.

Positions follow the conventions an editor shows: lines are 1-based and end at CR, LF or CRLF;
columns are 1-based and counted in Unicode code points.  The scanner here walks only the
containers on the path and skips every other value without building it (with the C JSON scanner,
or by matching brackets and strings where the text is not well-formed JSON), so locating a path in
a large document is fast and any depth is fine.
"""

from __future__ import annotations

import json.decoder
import re
from collections.abc import Sequence

__all__ = ["line_col", "line_cols", "locate", "locate_many"]

_WS = re.compile(r"[ \t\n\r]*")
# A string (its closing quote optional, so an unterminated string runs to the end) or a bracket.
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.S)
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# Numbers, true/false/null and (leniently) anything else up to the next delimiter.
_SCALAR = re.compile(r'[^ \t\n\r,:\[\]{}"]+')
_INDEX = re.compile(r"0|[1-9][0-9]*")


class _ScanError(Exception):
    """The text is not JSON at the place being scanned."""


def line_col(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based ``(line, column)`` of character ``index`` of ``text``.

    CR, LF and CRLF each end a line; columns count code points.  ``index`` is clamped to
    ``0..len(text)`` (``len(text)`` is the position just after the last character).  The LF of a CRLF
    belongs to the line the CR ends.
    """
    index = max(0, min(index, len(text)))
    if 0 < index < len(text) and text[index] == "\n" and text[index - 1] == "\r":
        line, column = line_col(text, index - 1)
        return line, column + 1
    breaks = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return breaks + 1, index - line_start + 1


def _skip_ws(text: str, index: int) -> int:
    return _WS.match(text, index).end()


# The C scanner, told to build next to nothing: the fast way to skip a well-formed value.
_SCAN = json.JSONDecoder(
    parse_int=len, parse_float=len, parse_constant=len, object_pairs_hook=len, strict=False,
).scan_once


def _skip_value(text: str, index: int) -> int:
    """Return the index just after the value starting at ``index``."""
    try:
        return _SCAN(text, index)[1]
    except (ValueError, StopIteration, RecursionError):
        return _skip_loosely(text, index)


def _skip_loosely(text: str, index: int) -> int:
    """:func:`_skip_value` for text the C scanner refuses: match brackets, skip strings."""
    char = text[index]
    if char == '"':
        match = _STRING.match(text, index)
        if match is None:
            raise _ScanError
        return match.end()
    if char in "[{":
        depth = 0
        position = index
        while True:
            match = _STRING_OR_BRACKET.search(text, position)
            if match is None:
                raise _ScanError
            token = match.group()
            if token in ("[", "{"):
                depth += 1
            elif token in ("]", "}"):
                depth -= 1
                if depth == 0:
                    return match.end()
            elif not token.endswith('"') or len(token) < 2:
                raise _ScanError  # unterminated string
            position = match.end()
    match = _SCALAR.match(text, index)
    if match is None:
        raise _ScanError
    return match.end()


def _array_index(segment: str | int) -> int | None:
    if isinstance(segment, bool):
        return None
    if isinstance(segment, int):
        return segment if segment >= 0 else None
    if isinstance(segment, str) and _INDEX.fullmatch(segment):
        return int(segment)
    return None


def _member(text: str, index: int, key: str) -> int | None:
    """Index of the value of member ``key`` of the object at ``index`` (first one), or None."""
    position = _skip_ws(text, index + 1)
    if text[position] == "}":
        return None
    while True:
        if text[position] != '"':
            raise _ScanError
        try:
            name, position = json.decoder.scanstring(text, position + 1, False)
        except ValueError as error:
            raise _ScanError from error
        position = _skip_ws(text, position)
        if text[position] != ":":
            raise _ScanError
        position = _skip_ws(text, position + 1)
        if name == key:
            return position
        position = _skip_ws(text, _skip_value(text, position))
        if text[position] == ",":
            position = _skip_ws(text, position + 1)
        elif text[position] == "}":
            return None
        else:
            raise _ScanError


def _element(text: str, index: int, wanted: int) -> int | None:
    """Index of element ``wanted`` of the array at ``index``, or None."""
    position = _skip_ws(text, index + 1)
    if text[position] == "]":
        return None
    count = 0
    while True:
        if count == wanted:
            return position
        position = _skip_ws(text, _skip_value(text, position))
        if text[position] == ",":
            position = _skip_ws(text, position + 1)
            count += 1
        elif text[position] == "]":
            return None
        else:
            raise _ScanError


def _child(text: str, index: int, segment: str | int) -> int | None:
    char = text[index]
    if char == "{" and isinstance(segment, (str, int)) and not isinstance(segment, bool):
        child = _member(text, index, str(segment))
    elif char == "[":
        wanted = _array_index(segment)
        child = None if wanted is None else _element(text, index, wanted)
    else:
        return None
    if child is not None and (child >= len(text) or text[child] in ",:]}"):
        raise _ScanError  # a member or element with no value
    return child


def locate(text: str, segments: Sequence[str | int]) -> tuple[int, int] | None:
    """Return the 1-based ``(line, column)`` where the value at path ``segments`` starts.

    For an object member this is the position of the value, not of the key; ``()`` names the root
    value.  Array indices may be given as ``int`` or as decimal strings (as JSON Pointers hold them);
    object keys as ``str`` (an ``int`` is looked up as its decimal string).  With duplicate keys the
    first member wins.  If the path does not exist (or the text stops being JSON on the way), the
    position of the deepest existing ancestor value is returned.  ``None`` is returned only when the
    text holds no value at all.  A leading BOM is ignored and not counted.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    found = _skip_ws(text, 0)
    if found >= len(text):
        return None
    try:
        for segment in segments:
            child = _child(text, found, segment)
            if child is None:
                break
            found = child
    except (_ScanError, IndexError):
        pass
    return line_col(text, found)


# ----------------------------------------------------------------------------- many paths, one pass

_MEMBER = re.compile(r'[ \t\n\r]*"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\n\r]*:[ \t\n\r]*', re.S)
_AFTER = re.compile(r"[ \t\n\r]*([,\]}])")


class _Scanned:
    """One container's children, scanned once: object keys (first wins) or array element starts.

    ``broken`` is set when the text stops being JSON inside the container after ``children``: a
    child not found before that point is a scan error, exactly as :func:`_member`/:func:`_element`
    would have met it.
    """

    __slots__ = ("kind", "children", "broken")

    def __init__(self, text: str, index: int) -> None:
        self.kind = text[index]
        self.broken = False
        self.children: dict[str, int] | list[int] = {} if self.kind == "{" else []
        try:
            if self.kind == "{":
                self._object(text, index)
            else:
                self._array(text, index)
        except (_ScanError, IndexError):
            self.broken = True

    def _object(self, text: str, index: int) -> None:
        children = self.children
        position = _skip_ws(text, index + 1)
        if text[position] == "}":
            return
        while True:
            member = _MEMBER.match(text, position)  # the key, the colon and the blanks around them
            if member is None:
                raise _ScanError
            name = member.group(1)
            if "\\" in name:  # escapes: decoded (or refused) as the JSON scanner does
                try:
                    name = json.decoder.scanstring(text, member.start(1), False)[0]
                except ValueError as error:
                    raise _ScanError from error
            position = member.end()
            if name not in children:
                children[name] = position
            after = _AFTER.match(text, _skip_value(text, position))
            if after is None or after.group(1) == "]":
                raise _ScanError
            if after.group(1) == "}":
                return
            position = after.end()

    def _array(self, text: str, index: int) -> None:
        children = self.children
        position = _skip_ws(text, index + 1)
        if text[position] == "]":
            return
        while True:
            children.append(position)
            after = _AFTER.match(text, _skip_value(text, position))
            if after is None or after.group(1) == "}":
                raise _ScanError
            if after.group(1) == "]":
                return
            position = _skip_ws(text, after.end())

    def child(self, segment: str | int) -> int | None:
        if self.kind == "{":
            if not isinstance(segment, (str, int)) or isinstance(segment, bool):
                return None
            found = self.children.get(str(segment))
        else:
            wanted = _array_index(segment)
            if wanted is None:
                return None
            found = self.children[wanted] if wanted < len(self.children) else None
        if found is None and self.broken:
            raise _ScanError
        return found


def locate_many(text: str, paths: Sequence[Sequence[str | int]]) -> list[tuple[int, int] | None]:
    """:func:`locate` for several paths of one text: the same answers, each container scanned once.

    A report's findings point into the same few objects; finding each from the root again would
    rescan them once a finding.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    root = _skip_ws(text, 0)
    if root >= len(text):
        return [None] * len(paths)
    scanned: dict[int, _Scanned] = {}
    found_at: list[int] = []
    for segments in paths:
        found = root
        try:
            for segment in segments:
                if text[found] not in "[{":
                    break
                container = scanned.get(found)
                if container is None:
                    container = scanned[found] = _Scanned(text, found)
                child = container.child(segment)
                if child is None:
                    break
                if child >= len(text) or text[child] in ",:]}":
                    raise _ScanError  # a member or element with no value
                found = child
        except (_ScanError, IndexError):
            pass
        found_at.append(found)
    return line_cols(text, found_at)


def line_cols(text: str, indices: Sequence[int]) -> list[tuple[int, int]]:
    """:func:`line_col` of each of ``indices``, counting line breaks in one pass over ``text``."""
    size = len(text)
    counts: dict[int, tuple[int, int, int]] = {}  # index -> LFs, CRs and CRLFs before it
    lf = cr = crlf = previous = 0
    for index in sorted({max(0, min(i, size)) for i in indices}):
        lf += text.count("\n", previous, index)
        cr += text.count("\r", previous, index)
        crlf += text.count("\r\n", previous, index)
        if 0 < previous < index and text[previous - 1] == "\r" and text[previous] == "\n":
            crlf += 1  # a CRLF across the two stretches
        counts[index] = (lf, cr, crlf)
        previous = index
    positions = []
    for index in indices:
        index = max(0, min(index, size))
        lf, cr, crlf = counts[index]
        shift = 0
        if 0 < index < size and text[index] == "\n" and text[index - 1] == "\r":
            index, cr, shift = index - 1, cr - 1, 1  # the LF of a CRLF belongs to the line the CR ends
        line_start = max(text.rfind("\n", 0, index) if lf else -1, text.rfind("\r", 0, index) if cr else -1) + 1
        positions.append((lf + cr - crlf + 1, index - line_start + 1 + shift))
    return positions
