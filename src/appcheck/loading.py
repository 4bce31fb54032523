"""Load JSON application bundles strictly, turning every problem into a :class:`LoadProblem`.

Nothing is ever silently changed: numbers become :class:`decimal.Decimal`, duplicate keys,
``NaN``/``Infinity``, absurd numbers, raw control characters, lone surrogates, deep nesting and
wrong encodings are all reported with the place they occur (line and column as an editor shows
them, byte offset, JSON path).  The ``load_*`` functions never raise for bad content; only
:func:`parse_json` raises (:class:`JSONLoadError`).

The common case is fast: the C JSON parser does all the work, with hooks that merely detect
problems.  Only when a problem is detected does a slower position-aware scan find where it is.
"""

from __future__ import annotations

import errno
import json
import json.decoder
import os
import re
import stat
from collections.abc import Iterator
from typing import BinaryIO
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, Rounded
from itertools import accumulate

import attrs

from .locate import line_col

__all__ = [
    "JSONLoadError",
    "Limits",
    "LoadProblem",
    "Loaded",
    "load_bytes",
    "load_path",
    "load_text",
    "load_yaml_bytes",
    "parse_json",
    "read_stream",
]

MAX_NUMBER_DIGITS = 4300
"""Most digits a number literal may have (as Python's default limit for ``int`` from ``str``)."""
MAX_EXPONENT = 1000
"""Largest absolute value allowed for the exponent written in a number literal."""


@attrs.frozen
class LoadProblem:
    """Why a bundle could not be loaded, and where.

    ``code`` is one of ``not-found``, ``not-a-file``, ``unreadable``, ``too-large``, ``encoding``,
    ``syntax``, ``duplicate-key``, ``constant``, ``number``, ``depth``, ``control-character``,
    ``empty``, for YAML also ``tag``, ``alias`` and ``key``, and for a mapping (no file) also
    ``cycle`` and ``type``.  ``line``/``column`` are 1-based
    (columns in code points; CR, LF and CRLF end lines),
    ``offset`` is the 0-based byte offset in the file, ``path`` the JSON path segments of the place.
    """

    code: str
    message: str
    message_en: str
    line: int | None = None
    column: int | None = None
    offset: int | None = None
    path: tuple = ()


@attrs.frozen
class Loaded:
    """The result of loading: ``data`` (``None`` on a problem), the decoded ``text`` (BOM removed;
    ``None`` when it could not be decoded), the ``problem`` if any and the ``format`` of the text
    (``"json"`` or ``"yaml"``: which locator finds positions in it)."""

    data: object
    text: str | None
    problem: LoadProblem | None
    format: str = "json"
    #: ``(size, SHA-256 hex)`` of the bytes read from a file (what a report's provenance records)
    digest: tuple | None = None

    @property
    def ok(self) -> bool:
        """True when there is no problem."""
        return self.problem is None


def _positive_int(instance: object, attribute: attrs.Attribute, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be an int, not {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{attribute.name} must be positive, not {value}")


@attrs.frozen
class Limits:
    """Bounds on what is loaded: file size in bytes and nesting depth of arrays/objects."""

    max_bytes: int = attrs.field(default=10 * 1024 * 1024, validator=_positive_int)
    max_depth: int = attrs.field(default=200, validator=_positive_int)


class JSONLoadError(ValueError):
    """Raised by :func:`parse_json`; ``problem`` holds the :class:`LoadProblem`."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message_en)
        self.problem = problem


# --------------------------------------------------------------------------------------------
# Helpers for messages

def _where(line: int | None, column: int | None) -> tuple[str, str]:
    """Message prefixes naming a position (Chinese, English)."""
    if line is None:
        return "", ""
    return f"第 {line} 行第 {column} 列：", f"line {line}, column {column}: "


def _safe(text: str) -> str:
    """``text`` with anything unprintable in UTF-8 (lone surrogates) shown as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _quote(text: str, limit: int = 60) -> str:
    """A JSON-quoted, printable, shortened rendering of a key or literal."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return _safe(json.dumps(text, ensure_ascii=False))


_FULL_WIDTH = set("，：；“”‘’｛｝［］　")


def _found(text: str, index: int) -> tuple[str, str]:
    """Describe the character at ``index`` (Chinese, English)."""
    if index >= len(text):
        return "文件结尾", "the end of the input"
    char = text[index]
    code = f"U+{ord(char):04X}"
    if char.isprintable() and not char.isspace():
        zh, en = f"“{_safe(char)}”（{code}）", f"'{_safe(char)}' ({code})"
    else:
        zh, en = code, code
    if char in _FULL_WIDTH:
        zh += "，这是全角符号，JSON 只接受半角（英文）标点"
        en += ", a full-width character; JSON needs ASCII punctuation"
    return zh, en


_EXPECTED = {
    "Expecting value": (
        "一个值（字符串、数字、对象、数组、true、false 或 null）",
        "a value (string, number, object, array, true, false or null)",
    ),
    "Expecting property name enclosed in double quotes": ("用双引号括起的键名", "a key in double quotes"),
    "Expecting ':' delimiter": ("冒号 “:”", "':'"),
    "Expecting ',' delimiter": ("逗号 “,” 或结束的括号", "',' or a closing bracket"),
}

_CONTROL_NAMES = {
    "\t": ("制表符", "tab", "\\t"),
    "\n": ("换行符", "line feed", "\\n"),
    "\r": ("回车符", "carriage return", "\\r"),
}


# --------------------------------------------------------------------------------------------
# The strict parser

class _Duplicate(Exception):
    pass


class _Constant(Exception):
    pass


class _BadNumber(Exception):
    pass


def _number_problem(literal: str) -> tuple[str, str] | None:
    """Why a number literal is refused (Chinese, English), or None when it is acceptable."""
    if len(literal) <= MAX_NUMBER_DIGITS and "e" not in literal and "E" not in literal:
        return None  # fast path: the common case
    mantissa, _, exponent = literal.lower().partition("e")
    digits = len(mantissa) - mantissa.count(".") - mantissa.count("-")
    shown = _safe(literal if len(literal) <= 24 else literal[:20] + "…")
    if digits > MAX_NUMBER_DIGITS:
        return (
            f"数字 {shown} 有 {digits} 位，超过上限 {MAX_NUMBER_DIGITS} 位",
            f"the number {shown} has {digits} digits, more than the limit of {MAX_NUMBER_DIGITS}",
        )
    significant = exponent.lstrip("+-").lstrip("0")
    if len(significant) > 4 or (significant and int(significant) > MAX_EXPONENT):
        shown_exp = exponent if len(exponent) <= 12 else exponent[:12] + "…"
        return (
            f"数字 {shown} 的指数 {shown_exp} 超出范围（绝对值不能超过 {MAX_EXPONENT}）",
            f"the exponent {shown_exp} of the number {shown} is out of range "
            f"(at most {MAX_EXPONENT} in absolute value)",
        )
    value = Decimal(literal)  # small enough now: at most MAX_NUMBER_DIGITS digits, a 4-digit exponent
    if value and value.adjusted() >= MAX_NUMBER_DIGITS:
        whole = value.adjusted() + 1
        return (
            f"数字 {shown} 写出来整数部分有 {whole} 位，超过上限 {MAX_NUMBER_DIGITS} 位"
            f"（绝对值应小于 10^{MAX_NUMBER_DIGITS}）",
            f"the number {shown} has {whole} digits before the decimal point when written out, more than "
            f"the limit of {MAX_NUMBER_DIGITS} (its absolute value must be less than 10^{MAX_NUMBER_DIGITS})",
        )
    return None


def _parse_number(literal: str) -> Decimal:
    if _number_problem(literal) is not None:
        raise _BadNumber
    return Decimal(literal)


def _parse_constant(literal: str) -> object:
    raise _Constant


def _pairs(pairs: list) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Duplicate
    return result


def _decoder(parse_number) -> json.JSONDecoder:
    return json.JSONDecoder(
        parse_int=parse_number,
        parse_float=parse_number,
        parse_constant=_parse_constant,
        object_pairs_hook=_pairs,
        strict=True,
    )


_DECODER = _decoder(_parse_number)
"""Checks every number against the limits as it is read (a hook per number costs less than a pre-scan)."""

# Integers, the common numbers, are made in C: an integer literal (``-?(0|[1-9][0-9]*)``) has as many
# coefficient digits as it has digits, so this context makes exactly ``Decimal(literal)`` when it has at
# most MAX_NUMBER_DIGITS digits and signals Rounded, trapped, exactly when _number_problem refuses it.
_INTEGERS = Context(prec=MAX_NUMBER_DIGITS, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[Rounded])
_FAST_DECODER = json.JSONDecoder(
    parse_int=_INTEGERS.create_decimal,
    parse_float=_parse_number,
    parse_constant=_parse_constant,
    object_pairs_hook=_pairs,
    strict=True,
)
""":data:`_DECODER` with the integers made in C; where it fails, :data:`_DECODER` finds out why."""

_STRING_TO_DROP = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{},]', re.S)  # closing quote optional
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_WS = re.compile(r"[ \t\n\r]*")
_BLANK = re.compile(r"[ \t\n\r]*\Z")
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_COLON = re.compile(r"[ \t\n\r]*:[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LOW_SURROGATE_ESCAPE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")
# A C scanner that accepts everything and builds next to nothing: used to skip values quickly.
_SKIP = json.JSONDecoder(
    parse_int=len, parse_float=len, parse_constant=len, object_pairs_hook=len, strict=False,
).scan_once
_FAILURES = (_Duplicate, _Constant, _BadNumber)


def _problem(code: str, zh: str, en: str, text: str | None = None, index: int | None = None,
             path: tuple = ()) -> LoadProblem:
    """Build a problem; with ``text`` and ``index`` the position is computed and prefixed."""
    if text is None or index is None:
        return LoadProblem(code, zh, en, path=tuple(path))
    line, column = line_col(text, index)
    prefix_zh, prefix_en = _where(line, column)
    offset = len(text[:index].encode("utf-8", "surrogatepass"))
    return LoadProblem(code, prefix_zh + zh, prefix_en + en, line, column, offset, tuple(path))


def _skip(text: str, index: int) -> int:
    """End of the value at ``index``; where the text breaks off, the place it does."""
    try:
        return _SKIP(text, index)[1]
    except json.JSONDecodeError as error:
        return max(error.pos, index + 1)


def _members(text: str, position: int, end_of) -> Iterator[tuple[str | int, int | None, int, int | None]]:
    """Yield ``(segment, key_start, value_start, value_end)`` for the members of the container at
    ``position``; ``end_of(text, index)`` gives a value's end (``None`` stops after that member)."""
    is_object = text[position] == "{"
    position = _WS.match(text, position + 1).end()
    if text[position] in "]}":
        return
    count = 0
    while True:
        key_start = None
        segment: str | int = count
        if is_object:
            key_start = position
            segment, position = json.decoder.scanstring(text, position + 1, False)
            position = _COLON.match(text, position).end()
        end = end_of(text, position)
        yield segment, key_start, position, end
        if end is None:
            return
        comma = _COMMA.match(text, end)
        if comma is None:
            return
        position = comma.end()
        count += 1


def _path_at(text: str, index: int) -> tuple:
    """Path of the innermost value of JSON ``text`` that contains ``index`` (a key counts as its
    member's).  Descends from the root, skipping siblings with the C scanner."""
    path: tuple = ()
    position = _WS.match(text, 0).end()
    try:
        while text[position] in "[{":
            for segment, key_start, start, end in _members(text, position, _skip):
                if index < (start if key_start is None else key_start):
                    return path  # between members
                if index < end:
                    path, position = path + (segment,), start
                    break
            else:
                return path
    except (IndexError, ValueError, StopIteration, RecursionError):
        pass
    return path


def _find_failure(text: str, decoder: json.JSONDecoder) -> tuple[tuple, int, int | None]:
    """Find the first place where the strict parser fails in JSON ``text``.

    Returns ``(path, index, first)``: for a duplicate key ``index`` is the second occurrence of the key
    and ``first`` the first one; otherwise ``index`` is the start of the innermost value the strict
    parser (``decoder``) fails in and ``first`` is None.  Each level is checked by the C scanner,
    so only the members of the containers on the way down are visited in Python.
    """

    def check(text: str, index: int) -> int | None:
        try:
            return decoder.scan_once(text, index)[1]
        except _FAILURES:
            return None

    path: tuple = ()
    position = _WS.match(text, 0).end()
    try:
        while text[position] in "[{":
            seen: dict[str | int, int] = {}
            for segment, key_start, start, end in _members(text, position, check):
                if key_start is not None:
                    if segment in seen:
                        return path + (segment,), key_start, seen[segment]
                    seen[segment] = key_start
                if end is None:
                    path, position = path + (segment,), start
                    break
            else:
                break
    except (IndexError, ValueError, StopIteration, RecursionError):
        pass
    return path, position, None


def _find_duplicate(text: str, decoder: json.JSONDecoder) -> LoadProblem:
    path, index, first = _find_failure(text, decoder)
    if first is None:
        return _problem("duplicate-key", "对象中有重复的键", "an object has a duplicate key", text, index, path)
    first_line, first_column = line_col(text, first)
    key = _quote(path[-1])
    return _problem(
        "duplicate-key",
        f"对象中键 {key} 重复（首次出现于第 {first_line} 行第 {first_column} 列）",
        f"duplicate key {key} in object (first seen at line {first_line}, column {first_column})",
        text, index, path,
    )


def _find_constant(text: str, decoder: json.JSONDecoder) -> LoadProblem:
    path, index, _first = _find_failure(text, decoder)
    literal = next((name for name in ("NaN", "Infinity", "-Infinity") if text.startswith(name, index)), None)
    if literal is None:
        return _problem("constant", "JSON 不允许 NaN 或 Infinity", "NaN and Infinity are not allowed in JSON",
                        text, index, path)
    return _problem(
        "constant",
        f"JSON 不允许 {literal}；应为有限的数字，缺少的值请用 null",
        f"{literal} is not allowed in JSON; expected a finite number, or null for a missing value",
        text, index, path,
    )


def _find_bad_number(text: str) -> LoadProblem:
    path, index, _first = _find_failure(text, _DECODER)
    number = _NUMBER.match(text, index)
    why = _number_problem(number.group()) if number else None
    if why is None:
        why = ("数字超出范围", "a number is out of range")
    return _problem("number", *why, text, index, path)


def _lone_surrogate_escape(text: str) -> tuple[int, str] | None:
    """Index and text of the first ``\\uXXXX`` escape in JSON ``text`` that is an unpaired surrogate.

    Backslashes occur only inside strings in valid JSON, and a run of them starts at an escape
    boundary, so ``\\u`` after an even run of backslashes is exactly an escape the parser saw.
    """
    position = 0
    while True:
        match = _SURROGATE_ESCAPE.search(text, position)
        if match is None:
            return None
        start = position = match.end()
        before = match.start()
        while before > 0 and text[before - 1] == "\\":
            before -= 1
        if (match.start() - before) % 2:
            continue  # this backslash is escaped itself, so no \\u escape starts here
        if int(match.group()[2:], 16) <= 0xDBFF:  # a high surrogate: a low one must follow at once
            low = _LOW_SURROGATE_ESCAPE.match(text, start)
            if low is not None:
                position = low.end()
                continue
        return match.start(), match.group()


def _find_lone_surrogate(text: str) -> LoadProblem | None:
    """The first unpaired surrogate escape in (parsed, hence valid) JSON ``text``, or None."""
    found = _lone_surrogate_escape(text)
    if found is None:
        return None
    index, escape = found
    path = _path_at(text, index)
    if path and isinstance(path[-1], str) and _has_surrogate(path[-1]):
        path = path[:-1]  # in a key: the key is no place to point at (nor printable), its object is
    return _problem(
        "encoding",
        f"字符串中的转义 {escape} 是不成对的 UTF-16 代理项（\\uD800–\\uDBFF 后必须紧跟 "
        f"\\uDC00–\\uDFFF），不表示任何字符",
        f"the escape {escape} is an unpaired UTF-16 surrogate (\\uD800-\\uDBFF must be "
        f"followed by \\uDC00-\\uDFFF); it is not a character",
        text, index, path,
    )


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and any("\ud800" <= char <= "\udfff" for char in text)


def _check_depth(text: str, max_depth: int) -> LoadProblem | None:
    """Find where arrays/objects nest deeper than ``max_depth``, by counting brackets outside strings."""
    if text.count("[") + text.count("{") <= max_depth:
        return None
    # Fast bound in C: drop strings, keep brackets, take the deepest running sum.  Unmatched closing
    # brackets make it smaller than the exact count, but the parser stops at the first of them.
    brackets = _NOT_BRACKET.sub("", _STRING_TO_DROP.sub("", text))
    if max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) <= max_depth:
        return None
    # The slow walk, only for text that is too deep: track the path too (a frame per open container:
    # [is an object, the member's segment, a key comes next]).
    stack: list[list] = []
    for match in _DEPTH_TOKEN.finditer(text):
        token = match.group()
        top = stack[-1] if stack else None
        if token in ("[", "{"):
            if len(stack) >= max_depth:
                return _depth_problem(max_depth, text, match.start(), tuple(frame[1] for frame in stack))
            stack.append([token == "{", None if token == "{" else 0, token == "{"])
        elif token in ("]", "}"):
            if stack:
                stack.pop()
        elif token == ",":
            if top is not None:
                if top[0]:
                    top[2] = True
                else:
                    top[1] += 1
        elif top is not None and top[0] and top[2]:  # a string where a key is expected
            try:
                top[1] = json.decoder.scanstring(text, match.start() + 1, False)[0]
            except ValueError:
                top[1] = token[1:]
            top[2] = False
    return None


def _depth_problem(max_depth: int, text: str, index: int, path: tuple) -> LoadProblem:
    """Nesting deeper than ``max_depth``, found at ``index`` of ``text`` (the same for JSON and YAML)."""
    return _problem(
        "depth",
        f"数组和对象嵌套超过 {max_depth} 层",
        f"arrays and objects are nested deeper than {max_depth} levels",
        text, index, path,
    )


def _syntax_problem(text: str, error: json.JSONDecodeError) -> LoadProblem:
    message, index = error.msg, error.pos
    if message.startswith("Invalid control character"):
        char = text[index] if index < len(text) else "\x00"
        name_zh, name_en, escape = _CONTROL_NAMES.get(
            char, ("控制字符", "control character", f"\\u{ord(char):04x}")
        )
        return _problem(
            "control-character",
            f"字符串中不能直接出现{name_zh}（U+{ord(char):04X}），请写成转义 {escape}",
            f"a raw {name_en} (U+{ord(char):04X}) is not allowed inside a string; write it as {escape}",
            text, index,
        )
    if message.startswith("Unterminated string"):
        return _problem(
            "syntax", "字符串没有结束：从这里开始的字符串缺少结束的双引号",
            "unterminated string: the string starting here has no closing double quote", text, index,
        )
    if message.startswith("Invalid \\uXXXX"):
        return _problem(
            "syntax", "无效的 \\u 转义：\\u 后应为 4 个十六进制数字",
            "invalid \\u escape: expected 4 hexadecimal digits after \\u", text, index,
        )
    if message.startswith("Invalid \\escape"):
        shown = _safe(text[index:index + 2])
        return _problem(
            "syntax", f"无效的转义 {shown}；只允许 \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
            f"invalid escape {shown}; only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are allowed", text, index,
        )
    found_zh, found_en = _found(text, index)
    if message.startswith("Extra data"):
        return _problem(
            "syntax", f"JSON 值已在此之前结束，但后面还有内容：{found_zh}；应为文件结尾",
            f"the JSON value ended before this but more follows: {found_en}; expected the end of the input",
            text, index,
        )
    before = text[:index].rstrip(" \t\r\n")
    if message.startswith("Illegal trailing comma") or (
        before.endswith(",") and index < len(text) and text[index] in "]}"
    ):
        comma = index if text.startswith(",", index) else len(before) - 1
        return _problem(
            "syntax", "最后一个元素后面多了逗号：JSON 不允许结尾的逗号",
            "trailing comma after the last element: JSON does not allow it", text, comma,
        )
    expected_zh, expected_en = _EXPECTED.get(message, (_safe(message), _safe(message)))
    return _problem(
        "syntax", f"应为{expected_zh}，实际为{found_zh}", f"expected {expected_en}, found {found_en}",
        text, index,
    )


def parse_json(text: str, max_depth: int = 200) -> object:
    """Parse JSON ``text`` strictly; raise :class:`JSONLoadError` for any problem.

    Numbers come back as :class:`~decimal.Decimal`, objects as ``dict``, arrays as ``list``.
    Positions in the problem are relative to ``text`` (offsets are UTF-8 byte offsets into it).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if isinstance(max_depth, bool) or not isinstance(max_depth, int):
        raise TypeError(f"max_depth must be an int, not {type(max_depth).__name__}")
    return _parse_json(text, max_depth, False)


def _parse_json(text: str, max_depth: int, decoded: bool) -> object:
    """:func:`parse_json` without the argument checks; ``decoded``: ``text`` was decoded from UTF-8, so
    it holds no lone surrogate (the UTF-8 decoder refuses them)."""
    if _BLANK.match(text):
        raise JSONLoadError(_problem(
            "empty", "内容为空：应为一个 JSON 值（通常是以 “{” 开始的对象）",
            "the input is empty: expected a JSON value (usually an object starting with '{')",
        ))
    if not decoded and not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # only lone surrogates cannot be encoded
            code = f"U+{ord(text[error.start]):04X}"
            raise JSONLoadError(_problem(
                "encoding", f"文本中有不成对的代理字符 {code}，不是有效的 Unicode",
                f"the text holds the unpaired surrogate {code}, which is not valid Unicode",
                text, error.start,
            )) from None
    problem = _check_depth(text, max_depth)
    if problem is not None:
        raise JSONLoadError(problem)
    decoder = _DECODER  # what the problems are looked for with
    try:
        try:
            data = _FAST_DECODER.decode(text)
        except Rounded:  # an integer with too many digits: the same place, as _DECODER fails
            raise _BadNumber from None
    except json.JSONDecodeError as error:
        problem = _syntax_problem(text, error)
    except _Duplicate:
        problem = _find_duplicate(text, decoder)
    except _Constant:
        problem = _find_constant(text, decoder)
    except _BadNumber:
        problem = _find_bad_number(text)
    except RecursionError:
        problem = _problem(
            "depth", "数组和对象嵌套太深，无法处理", "arrays and objects are nested too deeply to process",
        )
    else:
        if "\\" not in text:  # no escape at all, so no surrogate escape
            return data
        problem = _find_lone_surrogate(text)
        if problem is None:
            return data
    raise JSONLoadError(problem)


# --------------------------------------------------------------------------------------------
# Text, bytes and files

def text_prologue(text: str, limits: Limits) -> tuple[str, int, LoadProblem | None]:
    """What every text loader does first: check the arguments, drop a BOM, check the size.

    Returns the text without BOM, the byte length of the BOM (offsets count it, as the file does),
    and a ``too-large`` problem or None.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be Limits, not {type(limits).__name__}")
    base = 0
    if text.startswith("\ufeff"):
        text, base = text[1:], 3
    size = len(text.encode("utf-8", "surrogatepass")) + base
    return text, base, (_too_large(size, limits) if size > limits.max_bytes else None)


def load_text(text: str, limits: Limits = Limits()) -> Loaded:
    """Parse already decoded JSON ``text`` (a leading BOM is removed); never raises for bad content."""
    text, base, problem = text_prologue(text, limits)
    if problem is not None:
        return Loaded(None, text, problem)
    return _parse(text, limits, base)


def _parse(text: str, limits: Limits, base: int, decoded: bool = False) -> Loaded:
    try:
        return Loaded(_parse_json(text, limits.max_depth, decoded), text, None)
    except JSONLoadError as error:
        problem = error.problem
        if base and problem.offset is not None:
            problem = attrs.evolve(problem, offset=problem.offset + base)
        return Loaded(None, text, problem)


def _too_large(size: int, limits: Limits, name: str | None = None, at_least: bool = False) -> LoadProblem:
    what_zh = f"文件“{name}”" if name is not None else "内容"
    what_en = f"the file '{name}'" if name is not None else "the content"
    more_zh, more_en = ("至少", "at least ") if at_least else ("", "")
    return LoadProblem(
        "too-large",
        f"{what_zh}{more_zh}有 {size} 字节，超过上限 {limits.max_bytes} 字节",
        f"{what_en} has {more_en}{size} bytes, more than the limit of {limits.max_bytes}",
    )


_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\xfe\xff", "UTF-16BE"),
    (b"\xff\xfe", "UTF-16LE"),
)


def _wide_encoding(raw: bytes) -> tuple[str, bool] | None:
    """Name a UTF-16/UTF-32 encoding recognised by its BOM or (RFC 4627) by its NUL bytes.

    Returns ``(name, has_bom)``; ``None`` if the bytes do not look like UTF-16 or UTF-32.
    """
    if len(raw) < 2 or (raw[0] not in (0x00, 0xFE, 0xFF) and raw[1] != 0x00):
        return None  # no BOM here starts so, and each NUL pattern has a NUL in the first two bytes
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, True
    head = raw[:4]
    if len(head) == 4:
        nul = tuple(byte == 0 for byte in head)
        patterns = {
            (True, True, True, False): "UTF-32BE",
            (False, True, True, True): "UTF-32LE",
            (True, False, True, False): "UTF-16BE",
            (False, True, False, True): "UTF-16LE",
        }
        if nul in patterns:
            return patterns[nul], False
    elif len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return ("UTF-16BE" if head[0] == 0 else "UTF-16LE"), False
    return None


_UTF8_REASONS = {
    "invalid start byte": ("无效的起始字节", "invalid start byte"),
    "invalid continuation byte": ("无效的后续字节", "invalid continuation byte"),
    "unexpected end of data": ("多字节字符不完整", "incomplete multi-byte character"),
}


def _decode_problem(raw: bytes, error: UnicodeDecodeError, base: int) -> LoadProblem:
    """Describe bytes that are not UTF-8: GBK/GB18030 when they decode as that, else the bad byte."""
    start = error.start
    prefix = raw[:start].decode("utf-8")  # valid: the error is the first problem
    line, column = line_col(prefix, len(prefix))
    offset = base + start
    where_zh = f"第 {line} 行第 {column} 列（字节偏移 {offset}）："
    where_en = f"line {line}, column {column} (byte offset {offset}): "
    # Judge GBK by the line holding the bad byte: lines start and end on ASCII bytes in GBK too.
    line_start = max(raw.rfind(b"\n", 0, start), raw.rfind(b"\r", 0, start)) + 1
    line_end = min((i for i in (raw.find(b"\n", start), raw.find(b"\r", start)) if i >= 0), default=len(raw))
    truncated = error.reason == "unexpected end of data" and error.end == len(raw)
    try:
        raw[line_start:line_end].decode("gb18030")
        looks_gbk = not truncated
    except UnicodeDecodeError:
        looks_gbk = False
    if looks_gbk:
        zh = "不是有效的 UTF-8；内容看起来是 GBK/GB18030 编码（中文 Windows 的常见默认编码），请另存为 UTF-8 编码"
        en = ("not valid UTF-8; the content looks like GBK/GB18030 (the usual default on Chinese "
              "Windows); save the file as UTF-8")
    else:
        reason_zh, reason_en = _UTF8_REASONS.get(error.reason, (error.reason, error.reason))
        byte = raw[start]
        zh = f"字节 0x{byte:02X} 不是有效的 UTF-8（{reason_zh}），请将文件另存为 UTF-8 编码"
        en = f"byte 0x{byte:02X} is not valid UTF-8 ({reason_en}); save the file as UTF-8"
    return LoadProblem("encoding", where_zh + zh, where_en + en, line, column, offset)


def load_bytes(raw: bytes, limits: Limits = Limits()) -> Loaded:
    """Decode ``raw`` as UTF-8 (optional BOM) and parse it; never raises for bad content."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"raw must be bytes, not {type(raw).__name__}")
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be Limits, not {type(limits).__name__}")
    decoded = _decode(bytes(raw), limits)
    if isinstance(decoded, Loaded):
        return decoded
    text, base = decoded
    return _parse(text, limits, base, True)


def load_yaml_bytes(raw: bytes, limits: Limits = Limits()) -> Loaded:
    """Decode ``raw`` as UTF-8 (optional BOM) and load it as YAML (see :mod:`appcheck.yaml_loading`);
    the same encoding checks as for JSON.  Never raises for bad content."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"raw must be bytes, not {type(raw).__name__}")
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be Limits, not {type(limits).__name__}")
    decoded = _decode(bytes(raw), limits)
    if isinstance(decoded, Loaded):
        return attrs.evolve(decoded, format="yaml")
    from .yaml_loading import _loaded

    text, base = decoded
    return _loaded(text, limits, base)


def _decode(raw: bytes, limits: Limits) -> tuple[str, int] | Loaded:
    """``(text, length of the BOM removed)``, or a :class:`Loaded` with the size or encoding problem."""
    if len(raw) > limits.max_bytes:
        return Loaded(None, None, _too_large(len(raw), limits))
    wide = _wide_encoding(raw)
    if wide is not None:
        name, has_bom = wide
        if has_bom:
            zh = f"字节偏移 0：文件是 {name} 编码（以字节顺序标记开头），请另存为 UTF-8 编码"
            en = f"byte offset 0: the file is encoded as {name} (it starts with a byte order mark); save it as UTF-8"
        else:
            zh = f"字节偏移 0：文件看起来是 {name} 编码（字节中夹有 0x00），请另存为 UTF-8 编码"
            en = f"byte offset 0: the file looks like {name} (its bytes are interleaved with 0x00); save it as UTF-8"
        return Loaded(None, None, LoadProblem("encoding", zh, en, offset=0))
    base = 0
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, base = raw[3:], 3
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Loaded(None, None, _decode_problem(raw, error, base))
    return text, base


def _display_name(path: str | bytes | os.PathLike) -> str:
    """The file name as printable text (undecodable bytes shown as backslash escapes)."""
    name = os.fspath(path)
    if isinstance(name, bytes):
        return name.decode("utf-8", "backslashreplace")
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return _safe(name)


_KINDS = (
    (stat.S_ISDIR, "目录", "a directory"),
    (stat.S_ISFIFO, "命名管道（FIFO）", "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "套接字", "a socket"),
    (stat.S_ISCHR, "字符设备", "a character device"),
    (stat.S_ISBLK, "块设备", "a block device"),
)


def _not_a_file(name: str, mode: int) -> LoadProblem:
    kind_zh, kind_en = "特殊文件", "a special file"
    for test, zh, en in _KINDS:
        if test(mode):
            kind_zh, kind_en = zh, en
            break
    return LoadProblem(
        "not-a-file",
        f"“{name}”是{kind_zh}，不是普通文件；应为申报书文件（JSON 或 YAML）",
        f"'{name}' is {kind_en}, not a regular file; expected a bundle file (JSON or YAML)",
    )


def _os_problem(name: str, error: OSError, is_link: bool = False) -> LoadProblem:
    """Turn an ``OSError`` from stat/open/read into a problem."""
    reason = _safe(error.strerror or str(error))
    if isinstance(error, (FileNotFoundError, NotADirectoryError)):
        if is_link:
            return LoadProblem(
                "not-found",
                f"“{name}”是损坏的符号链接：它指向的文件不存在",
                f"'{name}' is a broken symbolic link: the file it points to does not exist",
            )
        return LoadProblem("not-found", f"文件“{name}”不存在", f"the file '{name}' does not exist ({reason})")
    if error.errno == errno.ELOOP:
        return LoadProblem(
            "unreadable",
            f"无法读取“{name}”：符号链接形成了循环",
            f"cannot read '{name}': its symbolic links form a loop",
        )
    if isinstance(error, PermissionError):
        return LoadProblem(
            "unreadable",
            f"无法读取文件“{name}”：没有读取权限（{reason}）",
            f"cannot read the file '{name}': permission denied ({reason})",
        )
    return LoadProblem("unreadable", f"无法读取文件“{name}”：{reason}", f"cannot read the file '{name}': {reason}")


def _is_link(path: str | bytes | os.PathLike) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_stream(stream: BinaryIO, limits: Limits = Limits(), name: str = "-") -> tuple[bytes, LoadProblem | None]:
    """Read a binary stream (standard input, an upload) within the size limit, for :func:`load_bytes`.

    Reads at most ``limits.max_bytes + 1`` bytes, so that an endless or huge stream (``/dev/zero``,
    ``/dev/urandom``) stops as soon as it is known to be too large.  Returns ``(data, None)``, or
    ``(b"", problem)``: ``too-large`` past the limit, ``unreadable`` for an error of the system
    (``name`` is what the problem calls the stream).  Never raises for what the stream holds.
    """
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be Limits, not {type(limits).__name__}")
    wanted = limits.max_bytes + 1
    chunks: list[bytes] = []
    size = 0
    try:
        while size < wanted:
            chunk = stream.read(wanted - size)
            if not chunk:  # end of the stream (None: a non-blocking stream with nothing yet)
                break
            chunks.append(bytes(chunk))
            size += len(chunk)
    except OSError as error:
        return b"", _os_problem(_safe(name), error)
    if size > limits.max_bytes:
        return b"", _too_large(size, limits, _safe(name), at_least=True)
    return b"".join(chunks), None


def _load_yaml_bytes(raw: bytes, limits: Limits) -> Loaded:
    """How :func:`load_path` loads ``.yaml``/``.yml`` files: :func:`load_yaml_bytes`."""
    return load_yaml_bytes(raw, limits)


def load_path(path: str | os.PathLike, limits: Limits = Limits()) -> Loaded:
    """Read a regular file (symbolic links to one are fine) and load it; never raises for bad files.

    Directories, FIFOs, sockets and devices are refused before anything is opened, so this never
    blocks.  ``.yaml``/``.yml`` files go to :func:`_load_yaml_bytes`, everything else is JSON.
    """
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise TypeError(f"path must be str, bytes or os.PathLike, not {type(path).__name__}")
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be Limits, not {type(limits).__name__}")
    name = _display_name(path)
    try:
        info = os.stat(path)
    except OSError as error:
        return Loaded(None, None, _os_problem(name, error, is_link=_is_link(path)))
    except ValueError as error:  # embedded NUL, unencodable name
        return Loaded(None, None, LoadProblem(
            "unreadable", f"文件名“{name}”无效：{_safe(str(error))}", f"invalid file name '{name}': {_safe(str(error))}",
        ))
    if not stat.S_ISREG(info.st_mode):
        return Loaded(None, None, _not_a_file(name, info.st_mode))
    if info.st_size > limits.max_bytes:
        return Loaded(None, None, _too_large(info.st_size, limits, name))
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return Loaded(None, None, _os_problem(name, error))
    try:
        file = os.fdopen(descriptor, "rb")
    except OSError as error:  # pragma: no cover - fdopen of a fresh descriptor does not fail
        os.close(descriptor)
        return Loaded(None, None, _os_problem(name, error))
    try:
        with file:
            mode = os.fstat(file.fileno()).st_mode
            if not stat.S_ISREG(mode):
                return Loaded(None, None, _not_a_file(name, mode))
            raw = file.read(limits.max_bytes + 1)
    except OSError as error:
        return Loaded(None, None, _os_problem(name, error))
    if len(raw) > limits.max_bytes:
        return Loaded(None, None, _too_large(len(raw), limits, name, at_least=True))
    if name.lower().endswith((".yaml", ".yml")):
        loaded = _load_yaml_bytes(raw, limits)
    else:
        loaded = load_bytes(raw, limits)
    return attrs.evolve(loaded, digest=digest(raw))


def digest(raw: bytes) -> tuple[int, str]:
    """``(size, SHA-256 hex)`` of ``raw``."""
    import hashlib

    return len(raw), hashlib.sha256(raw).hexdigest()
