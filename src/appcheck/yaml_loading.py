"""Load YAML application drafts as strictly as JSON ones, and find where things are in them.

The text is parsed by PyYAML (its C parser when available) into *events* only; none of its
resolvers or constructors run, so nothing is ever turned into an object from a tag and nothing is
guessed.  Where libyaml gives up on deep nesting (it stops at 1,000 levels since PyYAML 6.0.2), the
text is read again by PyYAML's pure-Python parser, so the depth limit is appcheck's own and its
finding the same as for JSON, whatever the PyYAML version.  The data is built here with the YAML 1.2 JSON-compatible rules:

* plain ``null``, ``Null``, ``NULL``, ``~`` and the empty value are ``None``; ``true``/``True``/``TRUE``
  and ``false``/``False``/``FALSE`` are booleans; numbers written as JSON writes them are
  :class:`~decimal.Decimal` (``1.10`` stays ``Decimal("1.10")``);
* everything else is a string exactly as written: ``NO``, ``yes``, ``on``, ``010``, ``0x1F``,
  ``0o17``, ``1_000``, ``+1``, ``2022-05-10`` (dates are strings in bundles); quoted and block
  scalars are always strings;
* mapping keys are strings as written (``1:`` gives the key ``"1"``, ``true:`` the key ``"true"``);
  a key that is a mapping or a sequence, or a missing key, is refused;
* ``.nan``, ``.inf`` and ``-.inf`` are refused (``constant``), as NaN and Infinity are in JSON.

Refused with a ``LOAD`` problem giving the line and column: any explicit tag, even ``!!str``
(``tag``: a bundle needs none, and refusing all of them is the simple safe rule); any anchor or alias
(``alias``: bundles never need them, and without them no expansion bomb can be written); duplicate
keys at any depth (``duplicate-key``); more than one document (``syntax``: one bundle per file); no
document (``empty``); nesting deeper than the limit (``depth``); characters YAML does not allow
(``control-character``); U+0085, U+2028 and U+2029 written as such (``line-break``: line breaks to
PyYAML's YAML 1.1, which would change the text, ordinary characters in YAML 1.2; their escapes ``\\N``,
``\\L``, ``\\P`` in a double-quoted string are fine) and everything the parser rejects (``syntax``).

Positions are those an editor shows: 1-based lines ending at CR, LF or CRLF (not at U+0085, U+2028
or U+2029, which PyYAML also counts as line breaks) and 1-based columns in code points; they are
computed from the character index of the parser's marks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from .loading import Limits, Loaded, LoadProblem, _depth_problem, _number_problem, _problem, _quote, _safe
from .locate import line_col

__all__ = ["load_yaml_text", "locate_yaml"]

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_CONSTANT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
# What YAML 1.1/1.2 does not allow in a stream (PyYAML's and libyaml's readers refuse it too).
_NOT_ALLOWED = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Line breaks in YAML 1.1 (PyYAML) but ordinary characters in YAML 1.2: refused (_check_line_breaks).
_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_TAG = re.compile(r"![^ \t\r\n]{0,60}")


class _Stop(Exception):
    """A problem was found; carries it."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message_en)
        self.problem = problem


class _NestingLimit(Exception):
    """libyaml stopped at a nesting limit of its own (1,000 levels in the libyaml that PyYAML 6.0.2 and
    later bundle), before appcheck's limit could be applied."""


def _events(text: str, pure: bool = False):
    """The parser's events for ``text``: libyaml's when PyYAML has it (and not ``pure``), else PyYAML's
    pure-Python parser.  Raises :class:`_NestingLimit` where libyaml gives up on deep nesting, so that
    the caller can read the text again with the pure-Python parser, which has no such limit: how deep
    a bundle may nest is appcheck's own limit (:attr:`Limits.max_depth`), whatever the YAML library."""
    import yaml

    loader = None if pure else getattr(yaml, "CBaseLoader", None)
    if loader is None:
        yield from yaml.parse(text, Loader=yaml.BaseLoader)
        return
    try:
        yield from yaml.parse(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem or ""):
            raise _NestingLimit from None
        raise


# --------------------------------------------------------------------------------------------
# Messages


def _kind(event: Any) -> tuple[str, str]:
    import yaml

    if isinstance(event, yaml.MappingStartEvent):
        return "映射（对象）", "a mapping"
    if isinstance(event, yaml.SequenceStartEvent):
        return "序列（数组）", "a sequence"
    if isinstance(event, yaml.AliasEvent):
        return "别名", "an alias"
    return "标量", "a scalar"


_SYNTAX_HINTS = (
    ("found character '\\t' that cannot start any token",
     "制表符不能用来缩进或开始一个值；YAML 只能用空格缩进"),
    ("mapping values are not allowed",
     "此处不能出现键值对：值中含有“: ”时请给值加引号，或检查缩进"),
    ("could not find expected ':'", "找不到应有的冒号“:”（键和值之间要用半角冒号加空格分隔）"),
    ("did not find expected key", "缩进不一致，或此处应为一个键"),
    ("expected <block end>", "缩进不一致：这一行与同级的行没有对齐"),
    ("did not find expected ',' or ']'", "序列 [...] 没有闭合：应为逗号“,”或“]”"),
    ("did not find expected ',' or '}'", "映射 {...} 没有闭合：应为逗号“,”或“}”"),
    ("expected ',' or ']'", "序列 [...] 没有闭合：应为逗号“,”或“]”"),
    ("expected ',' or '}'", "映射 {...} 没有闭合：应为逗号“,”或“}”"),
    ("found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("found invalid Unicode character escape code", "无效的 Unicode 转义"),
    ("found unknown escape character", "未知的转义字符"),
    ("did not find expected node content", "此处应为一个值"),
    ("did not find expected '-' indicator", "缩进不一致：此处应为以“-”开始的序列项"),
)


def _syntax(text: str, error: Exception) -> LoadProblem:
    problem = _safe(str(getattr(error, "problem", None) or error))
    context = getattr(error, "context", None)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    index = None if mark is None else min(max(mark.index, 0), len(text))
    zh = next((hint for needle, hint in _SYNTAX_HINTS if needle in problem), "")
    if index is not None and text.startswith("\t", index):
        zh = _SYNTAX_HINTS[0][1]
        problem += " (a tab: YAML indents with spaces only)"
    en = problem
    if context:
        context_mark = getattr(error, "context_mark", None)
        where = ""
        if context_mark is not None and context_mark is not mark:
            line, column = line_col(text, min(max(context_mark.index, 0), len(text)))
            where = f" (started at line {line}, column {column})"
        en = f"{_safe(str(context))}{where}: {problem}"
    if index is not None:
        start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
        previous = max(text.rfind("\n", 0, max(start - 1, 0)), text.rfind("\r", 0, max(start - 1, 0))) + 1
        end = min((i for i in (text.find("\n", index), text.find("\r", index)) if i >= 0), default=len(text))
        if "：" in text[previous:end]:
            zh = (zh + "；" if zh else "") + "注意：全角冒号“：”不是 YAML 的分隔符，键和值之间请用半角冒号加空格“: ”"
            en += "; note: the full-width colon '：' does not separate a key from its value in YAML, use ': '"
    zh = f"YAML 语法错误：{zh}（{problem}）" if zh else f"YAML 语法错误：{problem}"
    return _problem("syntax", zh, f"YAML syntax error: {en}", text, index)


_LINE_BREAK_NAMES = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
_ESCAPES = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _check_characters(text: str) -> None:
    match = _NOT_ALLOWED.search(text)
    if match is None:
        _check_line_breaks(text)
        return
    char = match.group()
    code = f"U+{ord(char):04X}"
    if _SURROGATE.fullmatch(char):
        raise _Stop(_problem(
            "encoding", f"文本中有不成对的代理字符 {code}，不是有效的 Unicode",
            f"the text holds the unpaired surrogate {code}, which is not valid Unicode",
            text, match.start(),
        ))
    raise _Stop(_problem(
        "control-character",
        f"YAML 文本中不能出现控制字符 {code}；请删除它，或在双引号字符串中写成转义 \\x{ord(char):02x}",
        f"the control character {code} is not allowed in YAML; remove it, or write it as the escape "
        f"\\x{ord(char):02x} inside a double-quoted string",
        text, match.start(),
    ))


def _check_line_breaks(text: str) -> None:
    """Refuse U+0085, U+2028 and U+2029 written as such: YAML 1.2 reads them as ordinary characters,
    but PyYAML (YAML 1.1) as line breaks, which would fold ``"a<NEL>b"`` into ``"a b"``, end a comment
    early or break a plain value.  Rather than a value changed behind the user's back, a finding."""
    match = _LINE_BREAK.search(text)
    if match is None:
        return
    char = match.group()
    code, name, escape = f"U+{ord(char):04X}", _LINE_BREAK_NAMES[char], _ESCAPES[char]
    raise _Stop(_problem(
        "line-break",
        f"YAML 文本中不能直接出现字符 {code}（{name}）：YAML 1.1 把它当作换行，会改变内容；"
        f"请删除它，或在双引号字符串中写成转义 {escape}",
        f"the character {code} ({name}) is not allowed as such in YAML: YAML 1.1 reads it as a line break, "
        f"which would change the text; remove it, or write it as the escape {escape} inside a double-quoted string",
        text, match.start(),
    ))


# --------------------------------------------------------------------------------------------
# Building the data


def _resolve(text: str, event: Any, path: tuple) -> Any:
    """The value of a scalar event (not a key), by the YAML 1.2 JSON-compatible rules."""
    value = event.value
    if event.style not in (None, ""):  # quoted or block: a string
        return _string(text, event, value, path)
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _NUMBER.fullmatch(value):
        why = _number_problem(value)
        if why is not None:
            raise _Stop(_problem("number", why[0], why[1], text, event.start_mark.index, path))
        return Decimal(value)
    if _CONSTANT.fullmatch(value):
        raise _Stop(_problem(
            "constant",
            f"不允许 {value}（非数字或无穷大）；应为有限的数字，缺少的值请用 null",
            f"{value} (not-a-number or infinity) is not allowed; expected a finite number, or null for a missing value",
            text, event.start_mark.index, path,
        ))
    return _string(text, event, value, path)


def _string(text: str, event: Any, value: str, path: tuple) -> str:
    surrogate = _SURROGATE.search(value)
    if surrogate is not None:  # only the pure-Python parser lets "\uD800" escapes through
        code = f"U+{ord(surrogate.group()):04X}"
        raise _Stop(_problem(
            "encoding", f"字符串中的转义得到不成对的 UTF-16 代理项 {code}，不表示任何字符",
            f"an escape in the string gives the unpaired UTF-16 surrogate {code}; it is not a character",
            text, event.start_mark.index, path,
        ))
    return value


class _Frame:
    __slots__ = ("container", "path", "key", "key_index", "seen")

    def __init__(self, container: Any, path: tuple) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None  # the key waiting for its value (mappings)
        self.key_index = 0
        self.seen: dict[str, int] = {}


def _build(text: str, limits: Limits, pure: bool = False) -> Any:
    import yaml

    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    for event in _events(text, pure):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Stop(_problem(
                    "syntax",
                    "文件中有第二个 YAML 文档（“---”）；一个文件只能有一份申报书",
                    "a second YAML document ('---') starts here; a file holds one bundle",
                    text, event.start_mark.index,
                ))
            continue
        if not isinstance(event, yaml.NodeEvent):
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
            continue
        index = event.start_mark.index
        top = stack[-1] if stack else None
        is_key = top is not None and isinstance(top.container, dict) and top.key is None
        if top is None:
            path: tuple = ()
        elif is_key:
            path = top.path
        elif isinstance(top.container, dict):
            path = top.path + (top.key,)
        else:
            path = top.path + (len(top.container),)
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            alias = isinstance(event, yaml.AliasEvent)
            shown = _safe(("*" if alias else "&") + event.anchor)
            zh_what, en_what = ("别名", "the alias") if alias else ("锚点", "the anchor")
            raise _Stop(_problem(
                "alias",
                f"此处有{zh_what} {shown}；申报书中不允许锚点（&）和别名（*），请把内容直接写出",
                f"{en_what} {shown} is here; anchors (&) and aliases (*) are not allowed in a bundle, "
                "write the content out",
                text, index, path,
            ))
        if event.tag is not None:
            written = _TAG.match(text, index)
            shown = _safe(written.group() if written else event.tag)
            raise _Stop(_problem(
                "tag",
                f"此处有标签 {shown}；申报书中不允许任何标签（包括 !!str），请去掉它，需要字符串时用引号",
                f"the tag {shown} is here; no tag (not even !!str) is allowed in a bundle, "
                "remove it and quote the value if it is a string",
                text, index, path,
            ))
        if is_key:
            if not isinstance(event, yaml.ScalarEvent):
                zh_what, en_what = _kind(event)
                raise _Stop(_problem(
                    "key", f"映射的键是一个{zh_what}；键应为文本", f"a mapping key is {en_what}; keys are text",
                    text, index, path,
                ))
            key = event.value
            if key == "" and event.style in (None, ""):
                raise _Stop(_problem(
                    "key", "缺少键：冒号“:”前应为键名", "a key is missing: expected a key before ':'",
                    text, index, path,
                ))
            key = _string(text, event, key, path)
            if key in top.seen:
                first_line, first_column = line_col(text, top.seen[key])
                shown = _quote(key)
                raise _Stop(_problem(
                    "duplicate-key",
                    f"映射中键 {shown} 重复（首次出现于第 {first_line} 行第 {first_column} 列）",
                    f"duplicate key {shown} in mapping (first seen at line {first_line}, column {first_column})",
                    text, index, path + (key,),
                ))
            top.seen[key] = index
            top.key = key
            continue
        if isinstance(event, yaml.ScalarEvent):
            if top is None and event.value == "" and event.style in (None, ""):
                raise _Stop(_empty())
            value = _resolve(text, event, path)
        else:
            if len(stack) >= limits.max_depth:
                raise _Stop(_depth_problem(limits.max_depth, text, index, path))
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if top is None:
            root = value
        elif isinstance(top.container, dict):
            top.container[top.key] = value
            top.key = None
        else:
            top.container.append(value)
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Frame(value, path))
    if documents == 0:
        raise _Stop(_empty())
    return root


def _empty() -> LoadProblem:
    return LoadProblem(
        "empty",
        "内容为空：应为一份 YAML 申报书（以“format: appcheck/1”这样的键值对开始的映射）",
        "the input is empty: expected a YAML bundle (a mapping of keys such as 'format: appcheck/1')",
    )


def parse_yaml_text(text: str, limits: Limits = Limits()) -> tuple[Any, LoadProblem | None]:
    """Parse YAML ``text`` (no BOM); ``(data, None)`` or ``(None, problem)``, never raising for content."""
    import yaml

    try:
        _check_characters(text)
        try:
            return _build(text, limits), None
        except _NestingLimit:
            return _build(text, limits, pure=True), None
    except _Stop as stop:
        return None, stop.problem
    except yaml.MarkedYAMLError as error:
        return None, _syntax(text, error)
    except yaml.YAMLError as error:  # a reader error, which the character check should prevent
        return None, _problem("syntax", f"YAML 错误：{_safe(str(error))}", f"YAML error: {_safe(str(error))}")


def load_yaml_text(text: str, limits: Limits = Limits()) -> Loaded:
    """Load already decoded YAML ``text`` (a leading BOM is removed); never raises for bad content.

    ``Loaded.format`` is ``"yaml"``; offsets in problems are UTF-8 byte offsets into the text with its
    BOM, as they are in the file.
    """
    from .loading import text_prologue

    text, base, problem = text_prologue(text, limits)
    if problem is not None:
        return Loaded(None, text, problem, format="yaml")
    return _loaded(text, limits, base)


def _loaded(text: str, limits: Limits, base: int) -> Loaded:
    data, problem = parse_yaml_text(text, limits)
    if problem is not None:
        if base and problem.offset is not None:
            problem = LoadProblem(problem.code, problem.message, problem.message_en, problem.line,
                                  problem.column, problem.offset + base, problem.path)
        return Loaded(None, text, problem, format="yaml")
    return Loaded(data, text, None, format="yaml")


# --------------------------------------------------------------------------------------------
# Positions


@functools.lru_cache(maxsize=4)
def _positions(text: str) -> dict[tuple, tuple[int, str]]:
    """Every value node of YAML ``text``: path -> (character index, kind), first occurrence wins.

    Paths hold ``str`` keys and ``int`` indices; kind is ``map``, ``seq`` or ``node``.  Parsing stops
    quietly where the text stops being YAML, with what was found so far.
    """
    try:
        return _positions_read(text, False)
    except _NestingLimit:
        return _positions_read(text, True)


def _positions_read(text: str, pure: bool) -> dict[tuple, tuple[int, str]]:
    import yaml

    found: dict[tuple, tuple[int, str]] = {}
    # frames: [kind, path, key (None: waiting for one), count, skipping]
    stack: list[list] = []
    skip = 0  # depth inside a key that is a collection
    try:
        for event in _events(text, pure):
            if isinstance(event, yaml.DocumentStartEvent) and (found or stack):
                break  # only the first document
            if isinstance(event, yaml.CollectionEndEvent):
                if skip:
                    skip -= 1
                    if skip == 0 and stack:
                        stack[-1][2] = _NO_MATCH  # the complex key's value matches nothing
                    continue
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            starts = isinstance(event, yaml.CollectionStartEvent)
            if skip:
                if starts:
                    skip += 1
                continue
            top = stack[-1] if stack else None
            if top is not None and top[0] == "map" and top[2] is None:  # a key
                if starts:
                    skip = 1
                else:
                    top[2] = event.value if isinstance(event, yaml.ScalarEvent) else _NO_MATCH
                continue
            if top is None:
                path: tuple = ()
            elif top[0] == "map":
                path = top[1] + (top[2],) if top[2] is not _NO_MATCH else None
                top[2] = None
            else:
                path = top[1] + (top[3],)
                top[3] += 1
            kind = "node"
            if isinstance(event, yaml.MappingStartEvent):
                kind = "map"
            elif isinstance(event, yaml.SequenceStartEvent):
                kind = "seq"
            if path is not None and path not in found:
                found[path] = (event.start_mark.index, kind)
            if starts:
                stack.append([kind, path if path is not None else _NO_MATCH_PATH, None, 0])
    except yaml.YAMLError:
        pass
    return found


_NO_MATCH = object()
_NO_MATCH_PATH = (_NO_MATCH,)  # a path no lookup builds: values under a complex key
_INDEX = re.compile(r"0|[1-9][0-9]*")


def locate_yaml(text: str, segments: Sequence[str | int]) -> tuple[int, int] | None:
    """Return the 1-based ``(line, column)`` where the value at path ``segments`` starts in YAML ``text``.

    As :func:`appcheck.locate.locate` does for JSON: for a mapping member the value's position (not
    the key's); ``()`` is the root; indices as ``int`` or decimal strings; keys as ``str`` (an ``int``
    is looked up as its decimal string); the first of duplicate keys wins; the deepest existing
    ancestor when the path does not exist; ``None`` when the text holds no value.  A leading BOM is
    ignored.  For a block mapping or sequence the position is that of its first key or ``-``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if _NOT_ALLOWED.search(text):  # the parser refuses such text outright
        return None
    found = _positions(text)
    if () not in found:
        return None
    path: tuple = ()
    index, kind = found[()]
    for segment in segments:
        if isinstance(segment, bool):
            break
        if kind == "map" and isinstance(segment, (str, int)):
            child = path + (str(segment),)
        elif kind == "seq":
            if isinstance(segment, int) and segment >= 0:
                child = path + (segment,)
            elif isinstance(segment, str) and _INDEX.fullmatch(segment):
                child = path + (int(segment),)
            else:
                break
        else:
            break
        if child not in found:
            break
        path = child
        index, kind = found[child]
    return line_col(text, index)
