"""Load a bundle given as a Python mapping with the checks its file would get.

A portal hands ``validate()`` a mapping instead of a file; it gets the same verdict as the file
would: the data as the JSON loader produces it (numbers as :class:`~decimal.Decimal`, objects as
``dict``, arrays as ``list``; the caller's objects are never changed), or a ``LoadProblem`` naming
the place (a JSON Pointer; a mapping has no lines):

* nesting deeper than :attr:`Limits.max_depth` (``depth``, the wording of the file's finding);
* a reference cycle, a container holding itself (``cycle``): no file can hold one;
* more data than a file within :attr:`Limits.max_bytes` can hold (``too-large``): the JSON text of the
  mapping, counted without writing it, would be longer; shared sub-objects count each time, as
  their file would write them out, so a few shared lists cannot stand for billions of values;
* a number a file may not hold (``number``): more than 4,300 digits written out in full (so its
  absolute value is below 10^4300), the file's limit for a literal without exponent;
* a surrogate code point in a string or key (``encoding``), lone or one half of a pair: not a character,
  and no UTF-8 file holds one (a file's escaped pair ``"\\ud83d\\ude00"`` is one character, a Python
  string's two halves are not);
* a value JSON has no form for (``type``): a set, a date, bytes, a non-string key, NaN, infinity.

The walk is iterative, so no depth and no cycle can exhaust Python's stack.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .loading import (
    MAX_NUMBER_DIGITS,
    Limits,
    Loaded,
    LoadProblem,
    _depth_problem,
    _number_problem,
    _quote,
    _safe,
)
from .pointer import render
from .rules.base import a_or_an

__all__ = ["load_mapping"]


class _Stop(Exception):
    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message_en)
        self.problem = problem


def _at(path: tuple, code: str, zh: str, en: str) -> _Stop:
    """A problem at ``path``, its messages prefixed with the pointer (``/`` for the root; a long one
    shortened in the message, the finding carries it whole)."""
    where = _safe(render(path)) or "/"
    if len(where) > 80:
        where = where[:40] + "…" + where[-30:]
    return _Stop(LoadProblem(code, f"{where}：{zh}", f"{where}: {en}", path=path))


def _shown(value: Any) -> str:
    """A short printable repr of a caller's value (whose repr may fail: an int of 5,000 digits)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - any object's __repr__ may fail; the message does without it
        return f"<{type(value).__name__}>"
    return _safe(text if len(text) <= 60 else text[:60] + "…")


def _unsupported(path: tuple, value: Any) -> _Stop:
    kind = type(value).__name__
    shown = _shown(value)
    return _at(
        path, "type",
        f"{kind} 类型的值 {shown} 不能出现在申报书中（只允许 JSON 值）",
        f"{a_or_an(kind)} value {shown} cannot be part of a bundle (JSON values only)",
    )


def _text(value: str, path: tuple, what_zh: str, what_en: str) -> str:
    """``value`` itself, or a problem when it holds a surrogate code point (which no UTF-8 file can)."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            code = f"U+{ord(value[error.start]):04X}"
            raise _at(
                path, "encoding",
                f"{what_zh}中有代理码位 {code}（第 {error.start + 1} 个字符），不是 Unicode 字符",
                f"{what_en} holds the surrogate code point {code} (character {error.start + 1}), which is not a Unicode character",
            ) from None
    return value


# Python's own limit for turning an int into digits (sys.int_info.default_max_str_digits) is 4300 too;
# an int with more bits than this has more digits than any number a file may hold.
_MAX_BITS = 4300 * 10 // 3 + 10


def _number(value: Decimal, path: tuple) -> Decimal:
    """``value``, or a problem when its file could not hold it: written out in full (``format(value,
    "f")``, how a file can always write it), it has more than MAX_NUMBER_DIGITS digits."""
    if -MAX_NUMBER_DIGITS <= value.adjusted() < MAX_NUMBER_DIGITS:
        why = _number_problem(format(value, "f"))
    else:  # too many digits written out: do not write them out to count them
        shown = _safe(str(value))
        shown = shown if len(shown) <= 24 else shown[:20] + "…"
        why = (
            f"数字 {shown} 完整写出超过 {MAX_NUMBER_DIGITS} 位，超过上限 {MAX_NUMBER_DIGITS} 位",
            f"the number {shown} has more than {MAX_NUMBER_DIGITS} digits written out in full, more than the "
            f"limit of {MAX_NUMBER_DIGITS}",
        )
    if why is not None:
        raise _at(path, "number", why[0], why[1])
    return value


def _scalar(value: Any, path: tuple) -> Any:
    """The value as the loader makes it, or a problem at ``path``."""
    if value is None or value is True or value is False:
        return value
    if isinstance(value, str):
        return _text(value, path, "文本", "the text")
    if isinstance(value, int):
        if value.bit_length() > _MAX_BITS:
            raise _at(
                path, "number",
                f"整数的位数超过上限 {MAX_NUMBER_DIGITS} 位",
                f"the integer has more digits than the limit of {MAX_NUMBER_DIGITS}",
            )
        return _number(Decimal(value), path)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _unsupported(path, value)
        return _number(Decimal(repr(value)), path)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _unsupported(path, value)
        return _number(value, path)
    raise _unsupported(path, value)


def _container(value: Any) -> tuple[Any, Any] | None:
    """``(an empty copy, the (segment, item) pairs)`` for a mapping or a list/tuple; else None."""
    if isinstance(value, Mapping):
        return {}, iter(value.items())
    if isinstance(value, (list, tuple)):
        return [], enumerate(value)
    return None


def _too_large(root: Mapping, limit: int) -> bool:
    """Whether the JSON text of ``root`` would take more than ``limit`` bytes, counted low (as
    :func:`_quick` counts): a string its characters and quotes, a number 1, ``null``, ``true`` and
    ``false`` 4, a container its brackets, its children (a key and a value are two) and one separator
    between each two.  Each container's size is worked out once, so shared containers cost nothing
    more to count however often they are written out; a cycle is left to :func:`_walk` (False)."""
    sizes: dict[int, int] = {}
    on_path = {id(root)}
    # frames: [id, the children, 1 + the children's sizes and separators so far]
    stack: list[list] = [[id(root), iter(_children(root)), 1]]
    while stack:
        frame = stack[-1]
        child = next(frame[1], _END)
        if child is _END:
            stack.pop()
            on_path.discard(frame[0])
            size = sizes[frame[0]] = max(frame[2], 2)  # n children: n - 1 separators and 2 brackets
            if not stack:
                return size > limit
            stack[-1][2] += size + 1
        elif isinstance(child, (Mapping, list, tuple)):
            if id(child) in sizes:
                frame[2] += sizes[id(child)] + 1
            elif id(child) in on_path:
                return False
            else:
                on_path.add(id(child))
                stack.append([id(child), iter(_children(child)), 1])
        else:
            frame[2] += 1 + (len(child) + 2 if isinstance(child, str) else 4 if child is None or isinstance(child, bool) else 1)
        if frame[2] > limit:
            return True
    return False  # pragma: no cover - the loop returns when the root is done


_END = object()


def _children(value: Any) -> Any:
    """The keys and values of a mapping, the items of a list or tuple (what takes room in its text)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield key
            yield item
    else:
        yield from value


def _walk(root: Mapping, limits: Limits) -> dict:
    """The careful walk: every check, the place of the first problem (iterative: any depth)."""
    if _too_large(root, limits.max_bytes):  # as a file's size is checked before it is read
        raise _Stop(LoadProblem(
            "too-large",
            f"这个映射写成 JSON 会超过上限 {limits.max_bytes} 字节",
            f"the mapping, written as JSON, would have more than the limit of {limits.max_bytes} bytes",
        ))
    result, items = _container(root)
    # one frame per open container: [its pairs, its copy, the segment being read, its id]
    stack: list[list] = [[items, result, None, id(root)]]
    open_ids = {id(root)}  # the containers on the way down: reaching one again is a cycle

    def path_to(segment: Any) -> tuple:  # the path of the member being read
        return tuple(frame[2] for frame in stack[:-1]) + (segment,)

    while stack:
        frame = stack[-1]
        pair = next(frame[0], None)
        if pair is None:
            open_ids.discard(frame[3])
            stack.pop()
            continue
        segment, item = pair
        target = frame[1]
        is_object = type(target) is dict
        if is_object:  # a bad key is reported at its object: the key is no place to point at
            if not isinstance(segment, str):
                shown = _shown(segment)
                kind = type(segment).__name__
                raise _at(
                    path_to(segment)[:-1], "type",
                    f"对象的键 {shown} 是 {kind} 类型；键应为文本",
                    f"the key {shown} of this object is {a_or_an(kind)}; keys are text",
                )
            _text(segment, path_to(segment)[:-1], f"对象的键 {_quote(segment)} ", f"the key {_quote(segment)} of this object")
        frame[2] = segment
        nested = _container(item)
        if nested is None:
            value = _scalar(item, path_to(segment))
        else:
            if id(item) in open_ids:
                kind_zh, kind_en = ("对象", "object") if isinstance(item, Mapping) else ("数组", "array")
                raise _at(
                    path_to(segment), "cycle",
                    f"此处的{kind_zh}包含它自己（循环引用）；申报书是 JSON 值构成的树，不能有循环",
                    f"this {kind_en} contains itself (a reference cycle); a bundle is a tree of JSON values",
                )
            if len(stack) >= limits.max_depth:
                depth = _depth_problem(limits.max_depth, None, None, path_to(segment))
                raise _at(depth.path, "depth", depth.message, depth.message_en)
            value, items = nested
        if is_object:
            target[segment] = value
        else:
            target.append(value)
        if nested is not None:
            stack.append([items, value, None, id(item)])
            open_ids.add(id(item))
    return result


class _Irregular(Exception):
    """Something the quick copy leaves to the careful walk."""


_QUICK_BITS = 13_000  # an int with at most this many bits has at most 3,914 digits: always acceptable
_QUICK_PLACES, _QUICK_DIGITS = 1_000, 3_000


class _Quick:
    """The common case quickly: plain dicts, lists, str, int, float, Decimal, bool and None, each
    container met once, within every limit.  :meth:`copy` raises :class:`_Irregular` (or
    ``RecursionError``, ``UnicodeEncodeError``) for anything else, which :func:`_walk` then looks at
    carefully.  (A class rather than a closure: a recursive closure is a reference cycle.)"""

    def __init__(self, limits: Limits) -> None:
        self.max_depth = limits.max_depth
        self.seen: set[int] = set()
        self.size = 0

    def copy(self, value: Any, depth: int) -> Any:
        kind = type(value)
        if kind is str:
            self.size += len(value) + 2
            if not value.isascii():
                value.encode("utf-8")  # a lone surrogate: UnicodeEncodeError
            return value
        if kind is dict or kind is list:
            if depth >= self.max_depth or id(value) in self.seen:
                raise _Irregular
            self.seen.add(id(value))
            # brackets and one separator between each two children (a key and a value are two)
            self.size += (1 + len(value) if kind is list else 1 + 2 * len(value)) if value else 2
            if kind is list:
                return [self.copy(item, depth + 1) for item in value]
            result = {}
            for key, item in value.items():
                if type(key) is not str:
                    raise _Irregular
                self.size += len(key) + 2
                if not key.isascii():
                    key.encode("utf-8")
                result[key] = self.copy(item, depth + 1)
            return result
        if kind is int and value.bit_length() <= _QUICK_BITS:
            self.size += 1
            return Decimal(value)
        if value is None or kind is bool:
            self.size += 4
            return value
        if kind is float and value - value == 0:  # finite; repr has at most 17 digits, exponent 308
            self.size += 1
            return Decimal(repr(value))
        # at most 3,000 digits and 1,000 places either side of the point: at most 4,001 digits written out
        if kind is Decimal and value.is_finite() and -_QUICK_PLACES < value.adjusted() < _QUICK_PLACES \
                and len(value.as_tuple().digits) <= _QUICK_DIGITS:
            self.size += 1
            return value
        raise _Irregular


def _quick(root: dict, limits: Limits) -> dict:
    """:class:`_Quick`'s copy of ``root``, within the size limit."""
    quick = _Quick(limits)
    result = quick.copy(root, 0)
    if quick.size > limits.max_bytes:
        raise _Irregular
    return result


def load_mapping(value: Mapping, limits: Limits = Limits()) -> Loaded:
    """A caller's mapping as the loader would have produced it from its file; never raises for content.

    ``Loaded.text`` is ``None`` (there is no text) and ``format`` is ``"json"``.
    """
    if not isinstance(value, Mapping):
        raise TypeError(f"value must be a mapping, not {type(value).__name__}")
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be Limits, not {type(limits).__name__}")
    if type(value) is dict:
        try:
            return Loaded(_quick(value, limits), None, None)
        except (_Irregular, RecursionError, UnicodeEncodeError):
            pass
    try:
        return Loaded(_walk(value, limits), None, None)
    except _Stop as stop:
        return Loaded(None, None, stop.problem)
