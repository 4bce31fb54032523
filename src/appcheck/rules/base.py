"""What every rule is made of: the read-only :class:`Context` a rule looks at, the :class:`Outcome` it
returns, and the few combinators that compose rules (``AllOf``, ``PerTrack``).

A rule is a small frozen ``attrs`` class with a ``check(ctx) -> Outcome`` method and a
``describe() -> (zh, en)`` method, documented in a fixed shape (see :mod:`appcheck.rules.docs`).
Rules read the bundle only through the context, never change it, do no I/O and never see each
other's results. When an input they need is missing or malformed they raise :class:`MissingInput`
through the context's accessors; the engine turns that into a ``failed`` finding pointing at the
input, so a rule can never pass on input it could not read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, localcontext
from functools import cached_property, lru_cache
from typing import Any, Protocol

import attrs
from dateutil.relativedelta import relativedelta

from ..arithmetic import EXACT, said
from ..converters import to_tuple
from ..model import Status
from ..pointer import render

MISSING = object()
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


@lru_cache(maxsize=None)  # a bounded set: the patterns the rule modules name
def pattern(source: str) -> re.Pattern:
    """``re.compile(source)``, on first use: a process compiles only the patterns its checks use (a
    class of CJK ranges takes ~2 ms to compile, paid at import by every process otherwise)."""
    return re.compile(source)

#: 国外: outside China altogether. HK, MO and TW are not foreign (but are outside the mainland, 境外).
NOT_FOREIGN = frozenset({"CN", "HK", "MO", "TW"})


@attrs.frozen(slots=False)
class Outcome:
    """What a rule found: the status, where, and a message in Chinese and English with the numbers.

    An outcome is a value: its fields are compared, hashed, pickled, copied and written alike. Only
    the messages of an outcome of :func:`passed_saying` are formatted when first read (``message``
    or ``message_en``: both are set then, and the words are let go); till then the outcome keeps
    its words and what they read. Pickling (and copying) reads the messages first: the words never
    travel.
    """

    status: Status
    segments: tuple = attrs.field(converter=to_tuple, default=())
    message: str = ""
    message_en: str = ""
    expected: Any = None
    actual: Any = None

    def __getattr__(self, name: str) -> Any:
        # reached only for an attribute that is not set: the messages of an outcome of passed_saying, not yet read
        if name == "message" or name == "message_en":
            state = self.__dict__
            words = state.get("_words")
            if words is not None:
                message, message_en = said(words)  # in the decimal context of the check that gave them
                state["message"] = message
                state["message_en"] = message_en
                state.pop("_words", None)  # let go once both are set (another thread may have done it)
            try:
                return state[name]
            except KeyError:
                pass
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __reduce__(self) -> tuple:
        # pickled (and copied) as its fields, the messages formatted first: never its words
        return Outcome, (self.status, self.segments, self.message, self.message_en, self.expected, self.actual)


#: the statuses, read once (an enum member looked up on its class costs a Python-level __getattr__ in 3.11)
PASSED, FAILED, NEEDS_REVIEW = Status.PASSED, Status.FAILED, Status.NEEDS_REVIEW

_new_outcome = object.__new__


def passed(message: str, message_en: str, segments: Iterable = (), *, expected: Any = None, actual: Any = None) -> Outcome:
    return Outcome(PASSED, segments, message, message_en, expected, actual)


def passed_saying(words: Callable[[], tuple[str, str]], segments: Iterable = (), *, expected: Any = None, actual: Any = None) -> Outcome:
    """:func:`passed`, its message in Chinese and English given as ``words``: a function of no argument
    returning ``(message, message_en)``, as a rule writes ``lambda: (f"...", f"...")``.

    What a rule that passes says is read far less often than what it finds wrong (a report shows
    failures; most callers of :func:`~appcheck.validate` read no passed message), so ``words`` are
    called only when the outcome's ``message`` or ``message_en`` is first read (or a finding made of
    it is asked for its message, see :func:`words_of`), once: the outcome is then the one
    :func:`passed` makes of the same text, to every reader (compared, hashed, pickled, copied).

    Till then the outcome keeps ``words`` and everything they read. ``words`` must therefore read
    only values that do not change afterwards (the rule's fields and what it read, never a loop's
    variable: bind that as a default argument), and must not fail: whatever can fail on the
    bundle's values is worked out in ``check()``, before the outcome is made."""
    outcome = _new_outcome(Outcome)
    outcome.__dict__.update(
        status=PASSED, segments=segments if type(segments) is tuple else to_tuple(segments), expected=expected, actual=actual, _words=words,
    )
    return outcome


def words_of(outcome: Outcome) -> Callable[[], tuple[str, str]] | None:
    """The words of an outcome of :func:`passed_saying` whose messages were not yet read (None for any
    other): what a finding made of it keeps, to format its message when that is first read."""
    try:
        return outcome.__dict__.get("_words")
    except AttributeError:  # an outcome-like value without a __dict__ (a pack's own): its messages are given
        return None


def failed(message: str, message_en: str, segments: Iterable = (), *, expected: Any = None, actual: Any = None) -> Outcome:
    return Outcome(FAILED, segments, message, message_en, expected, actual)


def review(message: str, message_en: str, segments: Iterable = (), *, expected: Any = None, actual: Any = None) -> Outcome:
    return Outcome(NEEDS_REVIEW, segments, message, message_en, expected, actual)


class MissingInput(Exception):
    """An input a rule needs is absent or not of the expected type: the rule cannot check at all."""

    def __init__(self, segments: Sequence, expected: str, expected_en: str, found: Any = MISSING):
        super().__init__(render(segments))
        self.segments = tuple(segments)
        self.expected = expected
        self.expected_en = expected_en
        self.found = found

    def outcome(self) -> Outcome:
        where = render(self.segments) or "/"
        if self.found is MISSING or self.found is None:  # null, as a draft leaves a field, is not filled in either
            null_zh, null_en = ("", "") if self.found is MISSING else ("值为 null，", "null; ")
            return failed(
                f"无法检查：缺少 {where}（{null_zh}应为{self.expected}）",
                f"cannot check: {where} is missing ({null_en}expected {self.expected_en})",
                self.segments,
                expected=self.expected_en,
            )
        found = compact(self.found)  # strings quoted: where the text itself is the problem
        return failed(
            f"无法检查：{where} 的值 {found} 无效（应为{self.expected}）",
            f"cannot check: {where} is {found}, expected {self.expected_en}",
            self.segments,
            expected=self.expected_en,
            actual=found,
        )


def excerpt(text: str, limit: int = 80) -> str:
    """A short excerpt of a user-written string for a message: the start and the end, cut in the middle."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[-half:]


#: how a message names a value the bundle does not give (absent, or null as a draft leaves it)
NOT_GIVEN = ("未填写", "missing")


def shown(value: Any, lang: str = "zh", limit: int = 60) -> str:
    """A bundle value as a message writes it, in JSON's terms and never as Python writes it: a string as
    written, a number with the digits and exponent the bundle wrote (``1.10``, ``1E+1``),
    ``true``/``false``, an array or object as compact JSON; an absent value or ``null`` as
    :data:`NOT_GIVEN` (未填写 / missing). Cut to ``limit`` characters."""
    if isinstance(value, str):
        return excerpt(value, limit)
    if value is MISSING or value is None:
        return NOT_GIVEN[lang == "en"]
    return compact(value, limit)


def _tokens(value: Any, limit: int) -> Iterator[str]:
    """The JSON text of ``value`` in pieces, depth first (a reader that stops early reads no further)."""
    if isinstance(value, str):
        yield json.dumps(value[: limit + 1], ensure_ascii=False)  # enough to fill the limit
    elif value is None or value is MISSING:
        yield "null"
    elif isinstance(value, bool):
        yield "true" if value else "false"
    elif isinstance(value, (int, float, Decimal)):
        number = as_decimal(value)
        yield str(value) if number is None else str(number)
    elif isinstance(value, Mapping):
        yield "{"
        for index, (key, item) in enumerate(value.items()):
            yield (", " if index else "") + json.dumps(str(key)[: limit + 1], ensure_ascii=False) + ": "
            yield from _tokens(item, limit)
        yield "}"
    elif isinstance(value, (list, tuple)):
        yield "["
        for index, item in enumerate(value):
            if index:
                yield ", "
            yield from _tokens(item, limit)
        yield "]"
    elif isinstance(value, (dt.date, dt.datetime)):
        yield '"' + value.isoformat() + '"'
    else:
        yield json.dumps(str(value), ensure_ascii=False)


def compact(value: Any, limit: int = 60) -> str:
    """``value`` as one line of JSON (numbers as written, strings quoted and escaped), cut to ``limit``
    characters: only as much of a large or deep value is read as the limit shows."""
    pieces, size = [], 0
    tokens = _tokens(value, limit)
    for piece in tokens:
        pieces.append(piece)
        size += len(piece)
        if size > limit:
            tokens.close()
            return "".join(pieces)[: limit - 1] + "…"
    return "".join(pieces)


def shown_en(value: Any, limit: int = 60) -> str:
    """:func:`shown` in English."""
    return shown(value, "en", limit)


class Rule(Protocol):
    def check(self, ctx: Context) -> Outcome: ...

    def describe(self) -> tuple[str, str]: ...


# ----------------------------------------------------------------------------- values

def plural(count: Any, singular: str, plural_form: str | None = None) -> str:
    """``count`` with the noun that agrees with it, for English messages: ``plural(1, "academician")`` is
    ``"1 academician"``, ``plural(2, "academician")`` and ``plural(0, "academician")`` are ``"2 academicians"``
    and ``"0 academicians"``. An irregular plural is given: ``plural(3, "country", "countries")``."""
    return f"{count} {singular if count == 1 else (plural_form if plural_form is not None else singular + 's')}"


def a_or_an(word: Any) -> str:
    """``word`` after the indefinite article its first letter calls for: ``"an agreement"``, ``"a memorandum"``."""
    text = str(word)
    return ("an " if text[:1].lower() in ("a", "e", "i", "o", "u") else "a ") + text


def money(value: Decimal) -> str:
    """An amount in 万元 exactly as written: a bundle's ``1.10`` stays ``1.10`` and ``1E+1`` stays ``1E+1``
    (the Decimal keeps the digits and exponent the bundle wrote). Amounts worked out by a rule are
    made :func:`plain` first."""
    return str(value)


def plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros after the point or an exponent: ``Decimal("150.0")`` is
    ``150``, ``Decimal("1E+1")`` is ``10``, ``Decimal("0.2500")`` is ``0.25``. For amounts a rule works
    out (a share of an amount, an average), so that they read as a person writes them."""
    return Decimal(format(value.normalize(), "f")) if isinstance(value, Decimal) and value.is_finite() else value


def tenths_of_percent(part: int, whole: int) -> Decimal:
    """``part`` of ``whole`` (integers, ``whole`` > 0) as a percentage to one decimal place, rounded half
    to even, exactly and without a long division: ``tenths_of_percent(120, 165)`` is ``Decimal("72.7")``,
    ``tenths_of_percent(120, 150)`` is ``Decimal("80.0")``."""
    tenths, rest = divmod(part * 1000, whole)
    if 2 * rest > whole or (2 * rest == whole and tenths % 2):
        tenths += 1
    return Decimal(tenths).scaleb(-1)


@lru_cache(maxsize=64)  # a rule's share reads the same on every check
def percent(share: Decimal) -> str:
    """A positive share as a percentage, as a person writes it: ``Decimal("0.2")`` is ``"20"``."""
    with localcontext(EXACT):  # kept for every later check: exact, whoever asks first and in whatever context
        return money(plain(share * 100))


def as_decimal(value: Any) -> Decimal | None:
    """A JSON number as an exact Decimal (floats through their shortest repr), or None if not a number."""
    if type(value) is Decimal:  # the common case first: what the loader reads
        return value if value.is_finite() else None
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if value == value and abs(value) != float("inf") else None
    return None


def as_date(value: Any) -> dt.date | None:
    """An ISO 8601 calendar date (``YYYY-MM-DD``, ASCII digits) as a date, or None."""
    if isinstance(value, str):  # the common case first: the bundle's text
        if _DATE.match(value):  # date.fromisoformat alone is wider: 20220510, 2022-W19-2
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return None
        return None
    if isinstance(value, dt.datetime):
        return None
    return value if isinstance(value, dt.date) else None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus a whole number of calendar months (negative: minus), by ``dateutil.relativedelta``:
    the day of the month is kept, or clipped to the month's last day (31 March + 1 month is 30 April,
    29 February + 12 months is 28 February). A result outside the calendar raises ValueError."""
    return day + relativedelta(months=months)


@lru_cache(maxsize=1024)  # a rule's window is measured back from a few submission dates, and relativedelta costs ~8 us
def months_before(day: dt.date, months: int) -> dt.date | None:
    """``add_months(day, -months)``, or None when that falls before the calendar's first day
    (0001-01-01): no date of the calendar is that early."""
    try:
        return add_months(day, -months)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=1024)  # a call's applications share a few periods, and relativedelta costs ~8 us each time
def months_between(start: dt.date, end: dt.date) -> tuple[int, int]:
    """``(months, days)`` from ``start`` to ``end`` as ``dateutil.relativedelta(end, start)`` counts them
    (its years times 12 plus its months, and its days): whole calendar months, then the remaining days."""
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months, delta.days


@attrs.frozen(order=True)
class Duration:
    """An implementation period counted inclusively in whole calendar months plus remaining days."""

    months: int
    days: int

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Duration:
        if end < dt.date.max:
            return cls(*months_between(start, end + dt.timedelta(days=1)))
        # the day after the calendar's last day is not a date: count 400 years earlier (the Gregorian
        # calendar repeats every 400 years, so the months and days are the same) and add 4,800 months
        # when the start cannot move back with the end
        if start.year > 400:
            return cls(*months_between(start.replace(year=start.year - 400), end.replace(year=end.year - 400) + dt.timedelta(days=1)))
        months, days = months_between(start, end.replace(year=end.year - 400) + dt.timedelta(days=1))
        return cls(months + 4800, days)

    def __str__(self) -> str:
        return f"{self.months} 个月" + (f" {self.days} 天" if self.days else "")

    def en(self) -> str:
        return plural(self.months, "month") + (f" {plural(self.days, 'day')}" if self.days else "")


@lru_cache(maxsize=1024)  # a call's applications share a few periods: one Duration each
def _duration(start: dt.date, end: dt.date) -> Duration:
    return Duration.between(start, end)


# ----------------------------------------------------------------------------- organizations

@attrs.frozen(slots=False)
class Org:
    """A read-only view of one organization object of the bundle and where it sits."""

    data: Mapping
    segments: tuple

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def text(self, name: str) -> str | None:
        """A string field, or None when it is absent or not a string (malformed data never matches)."""
        value = self.data.get(name)
        return value if isinstance(value, str) else None

    # the common fields, read as :meth:`text` reads them (written out: rules ask for them on every check)
    @property
    def id(self) -> str | None:
        value = self.data.get("id")
        return value if type(value) is str or isinstance(value, str) else None

    @property
    def kind(self) -> str | None:
        value = self.data.get("kind")
        return value if type(value) is str or isinstance(value, str) else None

    @property
    def country(self) -> str | None:
        value = self.data.get("country")
        return value if type(value) is str or isinstance(value, str) else None

    @property
    def subdivision(self) -> str | None:
        value = self.data.get("subdivision")
        return value if type(value) is str or isinstance(value, str) else None

    @property
    def role(self) -> str | None:
        return "applicant" if self.segments == ("applicant",) else self.text("role")

    @property
    def label(self) -> str:
        """How messages name the organization: its name, else its id, else its place."""
        name = self.data.get("name")
        if isinstance(name, str) and name:
            return excerpt(name)
        return excerpt(str(self.data.get("id") or render(self.segments)))

    def at(self, name: str) -> tuple:
        return self.segments + (name,)


# ----------------------------------------------------------------------------- context

def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _non_empty_string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _array(value: Any) -> list | None:
    return value if isinstance(value, list) else None


def _mapping(value: Any) -> Mapping | None:
    return value if type(value) is dict or isinstance(value, Mapping) else None


def _integer(value: Any) -> int | None:
    if type(value) is Decimal:  # the common case first: what the loader reads
        if not value.is_finite():
            return None
        whole = int(value)
        return whole if whole == value else None
    number = as_decimal(value)
    return int(number) if number is not None and number == number.to_integral_value() else None


def _same(value: Any) -> Any:
    return value


def _converted(found: Any, segments: tuple, expected: str, expected_en: str, convert) -> Any:
    """``convert(found)``, or :class:`MissingInput` at ``segments`` when it is missing or does not convert."""
    if found is MISSING:
        raise MissingInput(segments, expected, expected_en)
    converted = convert(found)
    if converted is None:
        raise MissingInput(segments, expected, expected_en, found)
    return converted


@attrs.frozen(slots=False)
class _Kind:
    """What a typed accessor expects (in Chinese and English) and how it converts (None: not of the kind)."""

    expected: str
    expected_en: str
    convert: Any

    def of(self, found: Any, segments: tuple) -> Any:
        """``found`` converted, or :class:`MissingInput` at ``segments`` when it is missing or does not convert."""
        if found is not MISSING:
            converted = self.convert(found)
            if converted is not None:
                return converted
        return _converted(found, segments, self.expected, self.expected_en, self.convert)

    def optional(self, found: Any, segments: tuple) -> Any:
        """None when ``found`` is missing, else :meth:`of` it."""
        return None if found is MISSING else self.of(found, segments)

    def member(self, ctx: Context, node: Any, where: tuple, name: str) -> Any:
        """:meth:`of` the member ``name`` of ``node``, the value at ``where`` (its path is built only for
        :class:`MissingInput`)."""
        found = node.get(name, MISSING) if type(node) is dict else ctx._walk(where + (name,))
        if found is not MISSING:
            converted = self.convert(found)
            if converted is not None:
                return converted
        return _converted(found, where + (name,), self.expected, self.expected_en, self.convert)


def _reader(kind: _Kind):
    """The typed accessor ``x(*segments)`` of ``kind``: the value at the path, converted, or
    :class:`MissingInput` at the path when it is missing or does not convert."""
    convert, expected, expected_en = kind.convert, kind.expected, kind.expected_en

    def read(self: Context, *segments: str | int) -> Any:
        found = self._walk(segments)
        if found is not MISSING:
            converted = convert(found)
            if converted is not None:
                return converted
        return _converted(found, segments, expected, expected_en, convert)

    read.__doc__ = f"The value at the path as {expected_en}, or :class:`MissingInput` at the path."
    return read


def _member_reader(kind: _Kind):
    """The typed accessor ``x_in(node, where, name)`` of ``kind``: ``x(*where, name)`` where ``node`` is
    the value at ``where``, read without walking the bundle again (its path is built only for
    :class:`MissingInput`). One function per kind, so a read is one call: rules read members in loops."""
    convert, expected, expected_en = kind.convert, kind.expected, kind.expected_en

    def read_in(self: Context, node: Any, where: tuple, name: str) -> Any:
        found = node.get(name, MISSING) if type(node) is dict else self._walk(where + (name,))
        if found is not MISSING:
            converted = convert(found)
            if converted is not None:
                return converted
        return _converted(found, where + (name,), expected, expected_en, convert)

    read_in.__doc__ = f"The member ``name`` of ``node`` (the value at ``where``) as {expected_en}, or :class:`MissingInput` at it."
    return read_in


_NUMBER = _Kind("数字", "a number", as_decimal)
_INTEGER = _Kind("整数", "an integer", _integer)
_ISO_DATE = _Kind("YYYY-MM-DD 格式的日期", "a YYYY-MM-DD date", as_date)
_STRING = _Kind("非空字符串", "a non-empty string", _non_empty_string)
_BOOLEAN = _Kind("true 或 false", "true or false", _boolean)
_ARRAY = _Kind("数组", "an array", _array)
_MAPPING = _Kind("对象", "an object", _mapping)
_ORG_KIND = _Kind("单位类型", "an organization kind", _text)
_COUNTRY = _Kind("ISO 3166-1 国家代码", "an ISO 3166-1 country code", _text)


class Context:
    """The read-only view of one bundle that rules check, with typed accessors.

    Accessors named after a type (``number``, ``date``, ``array`` ...) raise :class:`MissingInput`
    when the value is absent or of another type; ``value`` returns :data:`MISSING` instead.
    """

    def __init__(
        self,
        bundle: Mapping,
        *,
        checked_on: dt.date,
        settings: Mapping[str, Any] | None = None,
        call: str | None = None,
        topic: str | None = None,
        track: str | None = None,
    ) -> None:
        self.bundle = bundle
        self.checked_on = checked_on
        self.settings = dict(settings or {})
        self.call = call
        self.topic = topic
        self.track = track

    # -- raw access
    def value(self, *segments: str | int) -> Any:
        return self._walk(segments)

    def _walk(self, segments: tuple) -> Any:
        """The value at ``segments``, or :data:`MISSING`; ints index lists, anything else keys mappings."""
        node: Any = self.bundle
        for segment in segments:
            if type(node) is dict and type(segment) is str:  # the common case: a plain object, a key
                node = node.get(segment, MISSING)
                if node is MISSING:
                    return MISSING
                continue
            if type(node) is list and type(segment) is int:  # the next common case: a plain array, an index
                if not 0 <= segment < len(node):
                    return MISSING
                node = node[segment]
                continue
            if isinstance(segment, int):
                if not isinstance(node, list) or not 0 <= segment < len(node):
                    return MISSING
            elif (type(node) is not dict and not isinstance(node, Mapping)) or segment not in node:
                return MISSING
            node = node[segment]
        return node

    # The typed accessors: the value at the path, converted, or MissingInput at the path
    number = _reader(_NUMBER)
    integer = _reader(_INTEGER)
    date = _reader(_ISO_DATE)

    def optional_date(self, *segments: str | int) -> dt.date | None:
        return _ISO_DATE.optional(self._walk(segments), segments)

    string = _reader(_STRING)
    boolean = _reader(_BOOLEAN)
    array = _reader(_ARRAY)

    def optional_array(self, *segments: str | int) -> list:
        found = self._walk(segments)
        if found is MISSING:
            return []
        if not isinstance(found, list):
            raise MissingInput(segments, "数组", "an array", found)
        return found

    mapping = _reader(_MAPPING)

    def objects(self, *segments: str | int, optional: bool = False) -> Iterator[tuple[tuple, Mapping]]:
        """Yield ``(segments, item)`` for each item of an array of objects; a non-object item is missing input."""
        items = self.optional_array(*segments) if optional else self.array(*segments)
        for index, item in enumerate(items):
            where = segments + (index,)
            if type(item) is not dict and not isinstance(item, Mapping):
                raise MissingInput(where, "对象", "an object", item)
            yield where, item

    # -- a member of an object already read (an item of :meth:`objects`, an organization's data):
    #    ``x_in(node, where, name)`` is ``x(*where, name)`` where ``node`` is the value at ``where`` (the
    #    same value, conversion and MissingInput), without walking the bundle again from its root
    def value_in(self, node: Any, where: tuple, name: str) -> Any:
        """``value(*where, name)`` where ``node`` is the value at ``where``."""
        return node.get(name, MISSING) if type(node) is dict else self._walk(where + (name,))

    number_in = _member_reader(_NUMBER)
    integer_in = _member_reader(_INTEGER)
    date_in = _member_reader(_ISO_DATE)

    def optional_date_in(self, node: Any, where: tuple, name: str) -> dt.date | None:
        found = self.value_in(node, where, name)
        return None if found is MISSING else _ISO_DATE.of(found, where + (name,))

    string_in = _member_reader(_STRING)
    boolean_in = _member_reader(_BOOLEAN)
    array_in = _member_reader(_ARRAY)

    @property
    def submitted_on(self) -> dt.date:
        """The date "before"/"within" rules are measured at: ``submitted_on``, else the caller's as-of date."""
        if self.checked_on is None:
            return self.date("submitted_on")
        return self.checked_on

    def setting(self, name: str, default: Any = None) -> Any:
        return self.settings.get(name, default)

    # -- organizations
    @cached_property
    def applicant(self) -> Org:
        return Org(self.mapping("applicant"), ("applicant",))

    @cached_property
    def partners(self) -> tuple[Org, ...]:
        return tuple([Org(item, where) for where, item in self.objects("partners", optional=True)])

    @cached_property
    def organizations(self) -> tuple[Org, ...]:
        """The applicant first, then every partner."""
        return (self.applicant,) + self.partners

    def org(self, org_id: Any) -> Org | None:
        for org in self.organizations:
            if org.id == org_id:
                return org
        return None

    def field(self, org: Org, name: str, expected: str, expected_en: str, convert=_same) -> Any:
        """A field of an organization, converted, or :class:`MissingInput` pointing at it."""
        return _converted(self.value_in(org.data, org.segments, name), org.at(name), expected, expected_en, convert)

    def kind_of(self, org: Org) -> str:
        return _ORG_KIND.member(self, org.data, org.segments, "kind")

    def country_of(self, org: Org) -> str:
        return _COUNTRY.member(self, org.data, org.segments, "country")

    # -- the implementation period
    @cached_property
    def duration(self) -> Duration:
        start = self.date("project", "start_date")
        end = self.date("project", "end_date")
        if end < start:
            raise MissingInput(("project", "end_date"), f"不早于开始日期 {start} 的日期", f"a date not before the start date {start}", end.isoformat())
        return _duration(start, end)


# ----------------------------------------------------------------------------- composition

_ORDER = {FAILED: 0, NEEDS_REVIEW: 1, PASSED: 2}


def _severity(outcome: Outcome) -> int:
    """How bad an outcome is, for picking the worst: failed (0), then needs review (1), then passed (2)."""
    return _ORDER[outcome.status]


def _joined(outcomes: list) -> tuple[str, str]:
    """The messages of several passed outcomes as one, in each language."""
    return "；".join([o.message for o in outcomes]), "; ".join([o.message_en for o in outcomes])


@attrs.frozen(slots=False)
class AllOf:
    """Passes when every rule passes; otherwise reports the first rule that did not, with the others' findings.

    Used where one catalog requirement names several conditions (a grant amount *and* a duration).
    A pass is placed where the first rule's pass is (the grant amount's field), so it has a line.
    """

    rules: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(1))

    def check(self, ctx: Context) -> Outcome:
        outcomes = [run(rule, ctx) for rule in self.rules]
        if all([o.status is PASSED for o in outcomes]):
            if any([words_of(o) is not None for o in outcomes]):  # their messages, joined when first read
                return passed_saying(
                    lambda: _joined(outcomes), outcomes[0].segments, expected=[o.expected for o in outcomes], actual=[o.actual for o in outcomes],
                )
            return Outcome(PASSED, outcomes[0].segments, *_joined(outcomes), [o.expected for o in outcomes], [o.actual for o in outcomes])
        worst = min(outcomes, key=_severity)
        others = [o for o in outcomes if o is not worst and o.status is not PASSED]
        return attrs.evolve(
            worst,
            message="；".join([worst.message] + [o.message for o in others]),
            message_en="; ".join([worst.message_en] + [o.message_en for o in others]),
        )

    def describe(self) -> tuple[str, str]:
        parts = [rule.describe() for rule in self.rules]
        return "；".join(p[0] for p in parts), "; ".join(p[1] for p in parts)


@attrs.frozen(slots=False)
class PerTrack:
    """Runs the rule given for the bundle's track (a track table, as the guidelines write them)."""

    rules: Mapping = attrs.field(converter=lambda m: dict(m), validator=attrs.validators.min_len(1))

    def check(self, ctx: Context) -> Outcome:
        rule = self.rules.get(ctx.track)
        if rule is None:
            raise MissingInput(("track",), "之一：" + "、".join(self.rules), "one of " + ", ".join(self.rules), MISSING if ctx.track is None else ctx.track)
        return run(rule, ctx)

    def describe(self) -> tuple[str, str]:
        parts = {track: rule.describe() for track, rule in self.rules.items()}
        return (
            "；".join(f"{track}：{zh}" for track, (zh, _) in parts.items()),
            "; ".join(f"{track}: {en}" for track, (_, en) in parts.items()),
        )

    def tracks(self) -> frozenset:
        return frozenset(self.rules)


#: what a rule may raise on data of an unexpected shape that no accessor caught
MALFORMED = (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError)


def malformed(error: Exception) -> Outcome:
    """The outcome of a rule that met data of an unexpected shape: failed, never passed, never a crash."""
    return failed(
        f"无法检查：本要求读取的数据格式有误（{type(error).__name__}），请先改正格式错误",
        f"cannot check: the data this requirement reads is malformed ({type(error).__name__}); fix the schema errors first",
        (), actual=type(error).__name__,
    )


def guarded(step, ctx: Context) -> Any:
    """``step(ctx)``; missing or malformed input becomes a failed outcome that points at it."""
    try:
        return step(ctx)
    except MissingInput as missing:
        return missing.outcome()
    except MALFORMED as error:
        return malformed(error)


def run(rule: Rule, ctx: Context) -> Outcome:
    """Check one rule; missing or malformed input becomes a failed outcome that points at it
    (:func:`guarded` of ``rule.check``, written out: it runs for every rule of every bundle)."""
    try:
        return rule.check(ctx)
    except MissingInput as missing:
        return missing.outcome()
    except MALFORMED as error:
        return malformed(error)


# ----------------------------------------------------------------------------- parameter validators

def _positive(instance, attribute, value) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value <= 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a positive number, got {value!r}")


def _non_negative(instance, attribute, value) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a non-negative number, got {value!r}")


def to_decimal(value: Any) -> Decimal:
    """Converter for money parameters: ints, Decimals and decimal strings, never floats."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"money parameters are exact: give an int, a Decimal or a string, not {value!r}")
    return value if isinstance(value, Decimal) else Decimal(value)


def optional_decimal(value: Any) -> Decimal | None:
    return None if value is None else to_decimal(value)


positive = _positive
non_negative = _non_negative


def subset_of(allowed):
    """A field validator: the value is ``None`` or a non-empty subset of ``allowed``."""
    allowed = frozenset(allowed)

    def validator(instance, attribute, value) -> None:
        if value is not None and (not value or not set(value) <= allowed):
            raise ValueError(f"{type(instance).__name__}.{attribute.name}: {sorted(value or ())} must be a non-empty subset of {sorted(allowed)}")

    return validator


def non_empty_strings(instance, attribute, value) -> None:
    if not value or not all(isinstance(item, str) and item for item in value):
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a non-empty collection of non-empty strings")
