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
from functools import lru_cache

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
# A scalar value, ending exactly where _skip_value ends it: a string (the C scanner and the loose scan
# end it at the same quote), a number as the C scanner reads it, a literal.
_NUMBER_OR_LITERAL = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|NaN|Infinity|-Infinity"


def _fast_patterns(string: str, key: str) -> tuple[re.Pattern, re.Pattern]:
    """The common member and the common element, each in one match.

    A member: the key (no escapes), the colon, then either a scalar value and the delimiter after it
    (group 3) or, only looked at, the bracket a container value starts with; the empty group 2 is
    where the value starts.  An element: a scalar value, the delimiter after it (group 1) and the
    blanks after that.  Anything else is scanned step by step (_MEMBER, _skip_value).
    """
    scalar = f"(?:{string}|{_NUMBER_OR_LITERAL})"
    member = rf'[ \t\n\r]*"({key})"[ \t\n\r]*:[ \t\n\r]*()(?:{scalar}[ \t\n\r]*([,}}])|(?=[\[{{]))'
    element = rf"{scalar}[ \t\n\r]*([,\]])[ \t\n\r]*"
    return re.compile(member, re.S), re.compile(element, re.S)


@lru_cache(maxsize=2)
def _fast(plain: bool) -> tuple[re.Pattern, re.Pattern]:
    """The fast patterns, compiled when first needed (a text needs one of the two pairs): where the text
    holds no backslash at all (``plain``), a string is simply up to the next quote, much faster to match."""
    return _fast_patterns(r'"[^"]*"', r'[^"]*') if plain else _fast_patterns(r'"[^"\\]*(?:\\.[^"\\]*)*"', r'[^"\\]*')


class _Scanned:
    """One container's children, scanned as far as the paths need: object keys (first wins) or array
    element starts.

    Scanning stops at the child asked for and resumes there for the next one, so the members after
    the last one any path needs are never read.  ``position`` is where scanning resumes (-1 once the
    container is scanned to its end or to where it breaks); with ``pending`` it is the start of a
    value still to be skipped.  ``broken`` is set when the text stops being JSON inside the container
    after ``children``: a child not found before that point is a scan error, exactly as
    :func:`_member`/:func:`_element` would have met it.  ``end`` is the index after the closing bracket
    once the scan has reached it.

    ``scanned``, passed to the scanning methods (not kept: a container is one of its entries, and
    keeping it would make a reference cycle), holds every container scanned for the same text, by
    index: a value that is one of them, scanned to its end, is not read again (the C scanner or the
    loose scan would end the value there too: the members or elements, each skipped by
    :func:`_skip_value`, and the delimiters are exactly what they step over).
    """

    __slots__ = ("text", "kind", "children", "broken", "position", "pending", "end", "fast")

    def __init__(self, text: str, index: int, fast: tuple[re.Pattern, re.Pattern]) -> None:
        self.text = text
        self.fast = fast
        self.kind = text[index]
        self.broken = False
        self.pending = False
        self.position = self.end = -1
        self.children: dict[str, int] | list[int] = {} if self.kind == "{" else []
        position = _skip_ws(text, index + 1)
        if position >= len(text):
            self.broken = True
        elif text[position] == ("}" if self.kind == "{" else "]"):
            self.end = position + 1
        else:
            self.position = position

    def _after(self, value: int, closing: str, scanned: dict[int, _Scanned]) -> int:
        """Skip the value at ``value`` and the delimiter after it: where the next member or element
        starts (blanks before it are skipped in arrays only), or -1 after the ``closing`` bracket.

        The value is skipped as :func:`_skip_value` does (inlined: this is the hot loop), or where it
        is a container scanned to its end, that end is taken.
        """
        text = self.text
        inner = scanned.get(value)
        if inner is not None and inner.end >= 0:
            end = inner.end
        else:
            try:
                end = _SCAN(text, value)[1]
            except (ValueError, StopIteration, RecursionError):
                end = _skip_loosely(text, value)
        after = _AFTER.match(text, end)
        if after is None:
            raise _ScanError
        delimiter = after[1]
        if delimiter == ",":
            return after.end() if closing == "}" else _WS.match(text, after.end()).end()
        if delimiter != closing:
            raise _ScanError
        self.end = after.end()
        return -1

    def _object(self, key: str | None, scanned: dict[int, _Scanned]) -> None:
        """Scan members until one named ``key`` is found, or (``None``) to the end."""
        text, children = self.text, self.children
        fast_member = self.fast[0].match
        position = self.position
        try:
            if self.pending:
                self.pending = False
                position = self._after(position, "}", scanned)
            while position >= 0:
                member = fast_member(text, position)
                if member is not None and member.lastindex == 3:  # a scalar value, and the "," or "}" after it
                    name = member[1]
                    if name not in children:
                        children[name] = member.end(2)
                    position = member.end()
                    if text[position - 1] == "}":
                        self.end, position = position, -1
                    if name == key:
                        break
                    continue
                if member is None:
                    member = _MEMBER.match(text, position)  # the key, the colon and the blanks around them
                    if member is None:
                        raise _ScanError
                    name = member[1]
                    if "\\" in name:  # escapes: decoded (or refused) as the JSON scanner does
                        try:
                            name = json.decoder.scanstring(text, member.start(1), False)[0]
                        except ValueError as error:
                            raise _ScanError from error
                else:
                    name = member[1]
                position = member.end()
                if name not in children:
                    children[name] = position
                if name == key:  # its value is skipped only if a later path needs a later member
                    self.pending = True
                    break
                position = self._after(position, "}", scanned)
        except (_ScanError, IndexError):
            self.broken = True
            position = -1
        self.position = position

    def _array(self, wanted: int, scanned: dict[int, _Scanned]) -> None:
        """Scan elements until element ``wanted`` is found, or (-1) to the end."""
        text, children = self.text, self.children
        fast_element = self.fast[1].match
        position = self.position
        try:
            if self.pending:
                self.pending = False
                position = self._after(position, "]", scanned)
            while position >= 0:
                if len(children) > wanted >= 0:
                    break
                children.append(position)
                element = fast_element(text, position)
                if element is not None:  # a scalar value, and what follows
                    if element[1] == "]":
                        self.end, position = element.end(1), -1
                    else:
                        position = element.end()
                elif len(children) > wanted >= 0:
                    self.pending = True
                    break
                else:
                    position = self._after(position, "]", scanned)
        except (_ScanError, IndexError):
            self.broken = True
            position = -1
        self.position = position

    def child(self, segment: str | int, scanned: dict[int, _Scanned]) -> int | None:
        children = self.children
        if self.kind == "{":
            if type(segment) is str:
                key = segment
            elif not isinstance(segment, (str, int)) or isinstance(segment, bool):
                return None
            else:
                key = str(segment)
            found = children.get(key)
            if found is None and self.position >= 0:
                self._object(key, scanned)
                found = children.get(key)
        else:
            wanted = _array_index(segment)
            if wanted is None:
                return None
            if wanted >= len(children) and self.position >= 0:
                self._array(wanted, scanned)
            found = children[wanted] if wanted < len(children) else None
        if found is None and self.broken:
            raise _ScanError
        return found


def locate_many(text: str, paths: Sequence[Sequence[str | int]]) -> list[tuple[int, int] | None]:
    """:func:`locate` for several paths of one text: the same answers, each container scanned at most
    once, and only as far as the paths need.

    A report's findings point into the same few objects; finding each from the root again would
    rescan them once a finding.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    root = _skip_ws(text, 0)
    size = len(text)
    if root >= size:
        return [None] * len(paths)
    fast = _fast("\\" not in text)
    scanned: dict[int, _Scanned] = {}
    found_at: list[int] = []
    for segments in paths:
        found = root
        try:
            for segment in segments:
                container = scanned.get(found)
                if container is None:
                    if text[found] not in "[{":
                        break
                    container = scanned[found] = _Scanned(text, found, fast)
                if type(segment) is str and container.kind == "{":  # the common case, inlined
                    child = container.children.get(segment)
                    if child is None:
                        child = container.child(segment, scanned)
                else:
                    child = container.child(segment, scanned)
                if child is None:
                    break
                if child >= size or text[child] in ",:]}":
                    raise _ScanError  # a member or element with no value
                found = child
        except (_ScanError, IndexError):
            pass
        found_at.append(found)
    return line_cols(text, found_at)


def line_cols(text: str, indices: Sequence[int]) -> list[tuple[int, int]]:
    """:func:`line_col` of each of ``indices``, counting line breaks in one pass over ``text``."""
    size = len(text)
    if "\r" not in text:  # LF line ends only: one count, and the line starts where the last LF is
        clamped = [index if 0 <= index <= size else (0 if index < 0 else size) for index in indices]
        lines: dict[int, int] = {}  # index -> its line
        line, previous = 1, 0
        for index in sorted(set(clamped)):
            line += text.count("\n", previous, index)
            lines[index] = line
            previous = index
        return [(lines[index], index - text.rfind("\n", 0, index)) for index in clamped]
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
