"""Rules about dates: implementation periods (deadlines and on-site years: :mod:`appcheck.rules.schedule`)."""

from __future__ import annotations

from functools import lru_cache

import attrs
from .base import Context, Duration, Outcome, failed, passed_saying, plural

PERIOD = ("project", "start_date")


@lru_cache(maxsize=256)  # a rule's bounds read the same on every check
def _months_text(minimum: int | None, maximum: int | None) -> tuple[str, str]:
    if minimum is not None and minimum == maximum:
        return f"恰为 {minimum} 个月", f"exactly {plural(minimum, 'month')}"
    if minimum is not None and maximum is not None:
        return f"为 {minimum}–{maximum} 个月", f"between {minimum} and {maximum} months"
    if maximum is not None:
        return f"不超过 {maximum} 个月", f"at most {plural(maximum, 'month')}"
    return f"不少于 {minimum} 个月", f"at least {plural(minimum, 'month')}"


_END = ("project", "end_date")


@lru_cache(maxsize=1024)  # a batch's periods repeat
def _duration_text(months: int, days: int) -> tuple[str, str]:
    duration = Duration(months, days)
    return f"{duration}", duration.en()


def _months(instance, attribute, value) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a positive whole number of months, got {value!r}")


@attrs.frozen(slots=False)
class DurationMonths:
    """The implementation period lasts a number of calendar months within bounds.

    What it checks:
        From ``project.start_date`` to ``project.end_date`` inclusive, counted in whole calendar months
        with ``dateutil.relativedelta`` plus remaining days (2026-01-01 to 2028-12-31 is 36 months;
        2026-01-01 to 2029-01-01 is 36 months 1 day). Passes when ``minimum`` <= duration <=
        ``maximum`` months, remaining days counting as more than the whole months.

    Why:
        项目实施周期为 2 年 / 攻关时限：3年内: the period is part of what is funded.

    Failing example:
        ``DurationMonths(24, 24)`` with 2022-07-01 to 2024-07-01 (24 months 1 day).

    Passing example:
        The same rule with 2022-07-01 to 2024-06-30.
    """

    minimum: int | None = attrs.field(default=None, validator=_months)
    maximum: int | None = attrs.field(default=None, validator=_months)

    def __attrs_post_init__(self) -> None:
        if self.minimum is None and self.maximum is None:
            raise ValueError("DurationMonths needs a minimum, a maximum or both")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"DurationMonths: minimum {self.minimum} exceeds maximum {self.maximum}")

    def check(self, ctx: Context) -> Outcome:
        duration = ctx.duration
        months, days = duration.months, duration.days
        measured = (months, days)  # compared as Durations are: months, then days
        minimum, maximum = self.minimum, self.maximum
        too_short = minimum is not None and measured < (minimum, 0)
        too_long = maximum is not None and measured > (maximum, 0)
        start, end = ctx.value("project", "start_date"), ctx.value("project", "end_date")
        actual = {"months": months, "days": days}
        expected = {"minimum_months": minimum, "maximum_months": maximum}
        if too_short or too_long:
            want_zh, want_en = _months_text(minimum, maximum)
            is_zh, is_en = _duration_text(months, days)
            return failed(
                f"实施周期 {start} 至 {end} 为 {is_zh}，应{want_zh}",
                f"the implementation period {start} to {end} is {is_en}, expected {want_en}",
                _END, expected=expected, actual=actual,
            )

        def words() -> tuple[str, str]:
            (want_zh, want_en), (is_zh, is_en) = _months_text(minimum, maximum), _duration_text(months, days)
            return f"实施周期 {start} 至 {end} 为 {is_zh}，{want_zh}", f"the implementation period {start} to {end} is {is_en}, {want_en}"

        return passed_saying(words, _END, expected=expected, actual=actual)

    def describe(self) -> tuple[str, str]:
        zh, en = _months_text(self.minimum, self.maximum)
        return f"实施周期{zh}", f"the implementation period is {en}"
