"""Rules about a cooperation's schedule besides its period: the partner side's deadline at its agency and
the days on site in each project year (the zj calls)."""

from __future__ import annotations

import datetime as dt

import attrs

from .base import Context, MissingInput, Outcome, add_months, failed, months_between, passed_saying, plural, review

# ----------------------------------------------------------------------------- deadlines (zj-2022, zj-2025, zj-2026)

FOREIGN_SUBMITTED = ("foreign_submission", "submitted_on")
DEADLINE_KINDS = ("exact", "mid", "tbd")


def _month(instance, attribute, value) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12):
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a month 1-12, got {value!r}")


@attrs.frozen(slots=False)
class ForeignDeadline:
    """The partner side applied to its agency by the guideline's foreign deadline (外方截止时间).

    What it checks:
        Reads ``foreign_submission.submitted_on`` and compares it with the deadline the guideline
        prints as ``wording``. ``kind`` ``exact``: on or before ``month``/``day`` passes, later fails.
        ``kind`` ``mid`` (中旬, the 11th to the 20th of ``month``): on or before the 10th passes, the
        11th-20th needs review (the exact day is not printed), later fails. ``kind`` ``tbd`` (待定 /
        待双方商定): a declared date needs review. The year is ``year`` when given, else the setting
        ``year_setting`` (its value, else ``default_year``), plus ``year_offset`` (次年: 1). With
        ``domestic_setting``, when that setting is set the bundle's own ``submitted_on`` must also be on
        or before it (unset: not checked, and the message says so). A missing date fails.

    Why:
        外方截止时间为10月中旬 / 8月9日 / 次年3月中旬 / 待定: the partner's application is half of a dual
        submission, and an application after the foreign deadline is not evaluated by the partner agency.

    Failing example:
        ``ForeignDeadline("8月9日", "exact", month=8, day=9, year=2021)`` with
        ``{"foreign_submission": {"submitted_on": "2021-08-10"}}``.

    Passing example:
        The same rule with ``"submitted_on": "2021-08-09"``; ``ForeignDeadline("10月中旬", "mid", month=10,
        year=2021)`` with 2021-10-10 passes and with 2021-10-15 needs review.
    """

    wording: str = attrs.field(validator=attrs.validators.min_len(1))
    kind: str = attrs.field(validator=attrs.validators.in_(DEADLINE_KINDS))
    month: int | None = attrs.field(default=None, validator=_month)
    day: int | None = None
    year: int | None = None
    year_setting: str | None = None
    default_year: int | None = None
    year_offset: int = 0
    domestic_setting: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind == "tbd":
            return
        if self.month is None:
            raise ValueError(f"ForeignDeadline({self.wording!r}): a deadline of kind {self.kind!r} needs a month")
        if self.kind == "exact" and self.day is None:
            raise ValueError(f"ForeignDeadline({self.wording!r}): an exact deadline needs a day")
        if self.year is None and self.year_setting is None:
            raise ValueError(f"ForeignDeadline({self.wording!r}): give a year or a year setting")
        if self.year_setting is not None and self.default_year is None:
            raise ValueError(f"ForeignDeadline({self.wording!r}): a year setting needs a default year")
        dt.date(2000, self.month, self.day or 1)  # raises ValueError for an impossible day

    def _year(self, ctx: Context) -> tuple[int, str, str]:
        if self.year is not None:
            return self.year + self.year_offset, "", ""
        given = ctx.setting(self.year_setting, None)
        year = int(given if given is not None else self.default_year)
        if year == self.default_year:  # not given, or given as the default: either way the default is in effect
            return year + self.year_offset, f"（年份取默认值 {year}，设置 {self.year_setting} 未改）", f" (year: the default {year}; setting {self.year_setting} not changed)"
        return year + self.year_offset, f"（年份取设置 {self.year_setting}={year}，默认 {self.default_year}）", f" (year from the setting {self.year_setting}={year}; default {self.default_year})"

    def deadline(self, ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        """(last day that passes, last day that needs review, note zh, note en); None for tbd."""
        if self.kind == "tbd":
            return None
        year, note_zh, note_en = self._year(ctx)
        if self.kind == "exact":
            due = dt.date(year, self.month, self.day)
            return due, due, note_zh, note_en
        return dt.date(year, self.month, 10), dt.date(year, self.month, 20), note_zh, note_en

    def _domestic(self, ctx: Context) -> Outcome | None:
        if self.domestic_setting is None:
            return None
        limit = ctx.setting(self.domestic_setting, None)
        if limit is None:
            return None
        if isinstance(limit, str):
            limit = dt.date.fromisoformat(limit)
        day = ctx.submitted_on
        if day > limit:
            return failed(
                f"浙方申报日期 {day} 晚于省内截止日期 {limit}（设置 {self.domestic_setting}）",
                f"the domestic submission on {day} is after the domestic deadline {limit} (setting {self.domestic_setting})",
                ("submitted_on",), expected=f"on or before {limit}", actual=day,
            )
        return None

    def check(self, ctx: Context) -> Outcome:
        submitted = ctx.date(*FOREIGN_SUBMITTED)
        domestic = self._domestic(ctx)
        if domestic is not None:
            return domestic
        unchecked = self.domestic_setting is not None and ctx.setting(self.domestic_setting, None) is None
        bounds = self.deadline(ctx)
        if bounds is None:
            dom_zh, dom_en = self._unchecked(unchecked)
            return review(
                f"外方于 {submitted} 申报；外方截止时间{self.wording}，需核实是否在双方商定的截止时间前{dom_zh}",
                f"the partner side applied on {submitted}; the foreign deadline is not fixed ({self.wording}): check it against the agreed deadline{dom_en}",
                FOREIGN_SUBMITTED, expected=self.wording, actual=submitted,
            )
        passes, reviewed, note_zh, note_en = bounds
        if submitted <= passes:

            def words() -> tuple[str, str]:
                dom_zh, dom_en = self._unchecked(unchecked)
                return (
                    f"外方于 {submitted} 申报，不晚于外方截止时间{self.wording}（{passes}）{note_zh}{dom_zh}",
                    f"the partner side applied on {submitted}, by the foreign deadline {self.wording} ({passes}){note_en}{dom_en}",
                )

            return passed_saying(words, FOREIGN_SUBMITTED, expected=f"on or before {passes}", actual=submitted)
        if submitted <= reviewed:
            dom_zh, dom_en = self._unchecked(unchecked)
            return review(
                f"外方于 {submitted} 申报；外方截止时间为{self.wording}（{passes + dt.timedelta(days=1)} 至 {reviewed}），具体日期未印明，需核实{note_zh}{dom_zh}",
                f"the partner side applied on {submitted}, within {self.wording} ({passes + dt.timedelta(days=1)} to {reviewed}); the exact deadline is not printed and must be checked{note_en}{dom_en}",
                FOREIGN_SUBMITTED, expected=f"on or before {reviewed}", actual=submitted,
            )
        return failed(
            f"外方于 {submitted} 申报，晚于外方截止时间{self.wording}（{reviewed}）{note_zh}",
            f"the partner side applied on {submitted}, after the foreign deadline {self.wording} ({reviewed}){note_en}",
            FOREIGN_SUBMITTED, expected=f"on or before {reviewed}", actual=submitted,
        )

    def _unchecked(self, unchecked: bool) -> tuple[str, str]:
        """What messages add when the domestic deadline is ``unchecked`` (its setting is not set)."""
        if not unchecked:
            return "", ""
        return f"；省内截止日期未设置（{self.domestic_setting}），未检查", f"; the domestic deadline ({self.domestic_setting}) is not set and not checked"

    def describe(self) -> tuple[str, str]:
        if self.kind == "tbd":
            zh, en = f"外方截止时间{self.wording}（需核实）", f"the foreign deadline is {self.wording} (checked by a reviewer)"
        else:
            year = str(self.year + self.year_offset) if self.year is not None else f"{self.year_setting}（默认 {self.default_year}）" + (f"+{self.year_offset}" if self.year_offset else "")
            year_en = str(self.year + self.year_offset) if self.year is not None else f"{self.year_setting} (default {self.default_year})" + (f" + {self.year_offset}" if self.year_offset else "")
            mid = ("；中旬：10日前通过，11–20日需核实", "; mid-month: by the 10th passes, the 11th-20th needs review") if self.kind == "mid" else ("", "")
            zh = f"外方不晚于{self.wording}（年份 {year}）申报{mid[0]}"
            en = f"the partner side applies by {self.wording} (year {year_en}){mid[1]}"
        if self.domestic_setting:
            zh += f"；设置 {self.domestic_setting} 时浙方申报日期不晚于该日期"
            en += f"; when {self.domestic_setting} is set, the domestic submitted_on is on or before it"
        return zh, en


# ----------------------------------------------------------------------------- on-site years (counterpart support)

@attrs.frozen(slots=False)
class OnsiteEveryYear:
    """The principal investigator plans enough days on site in every project year.

    What it checks:
        Splits the implementation period into project years: year ``n`` starts on ``start_date`` plus
        ``n - 1`` years (``dateutil.relativedelta``, so 29 February falls back to 28 February) and a
        last partial year counts as a year; 2026-01-01 to 2028-12-31 has 3 years, to 2029-01-01 has 4.
        For each year, the ``onsite_plan`` entries with that ``project_year`` add up to at least
        ``min_days``. The first year short or absent fails, naming it; entries for years after the
        period are ignored.

    Why:
        项目负责人在项目实施期内每年赴帮扶地开展工作时间累计不少于15天.

    Failing example:
        ``OnsiteEveryYear(15)`` with 2026-01-01 to 2028-12-31 and ``onsite_plan`` for years 1 and 2 only.

    Passing example:
        The same rule with ``[{"project_year": 1, "days": 15}, {"project_year": 2, "days": 20},
        {"project_year": 3, "days": 15}]``.
    """

    min_days: int = attrs.field(validator=attrs.validators.and_(attrs.validators.instance_of(int), attrs.validators.ge(1)))

    @staticmethod
    def project_years(start: dt.date, end: dt.date) -> int:
        """Year n starts on start + (n - 1) years; every year that starts on or before ``end`` counts."""
        return months_between(start, end)[0] // 12 + 1 if end >= start else 0

    def check(self, ctx: Context) -> Outcome:
        start = ctx.date("project", "start_date")
        end = ctx.date("project", "end_date")
        if end < start:
            raise MissingInput(("project", "end_date"), f"不早于开始日期 {start} 的日期", f"a date not before the start date {start}", end.isoformat())
        years = self.project_years(start, end)
        days: dict[int, int] = {}
        for where, entry in ctx.objects("onsite_plan"):
            year = ctx.integer_in(entry, where, "project_year")
            days[year] = days.get(year, 0) + ctx.integer_in(entry, where, "days")
        found = {year: days.get(year, 0) for year in range(1, years + 1)}
        actual = [{"project_year": year, "days": total} for year, total in list(found.items())[:50]]
        for year, total in found.items():
            if total < self.min_days:
                begins = add_months(start, 12 * (year - 1))
                try:
                    ends = min(end, add_months(start, 12 * year) - dt.timedelta(days=1))
                except (ValueError, OverflowError):  # beyond the calendar's last year
                    ends = end
                return failed(
                    f"第 {year} 个项目年度（{begins} 至 {ends}）计划赴帮扶地 {total} 天，要求不少于 {self.min_days} 天（实施期共 {years} 个年度）",
                    f"project year {year} ({begins} to {ends}) plans {plural(total, 'day')} on site, at least {self.min_days} required ({plural(years, 'project year')} in all)",
                    ("onsite_plan",), expected={"years": years, "min_days": self.min_days}, actual=actual,
                )
        return passed_saying(lambda: self._planned(years, found), ("onsite_plan",), expected={"years": years, "min_days": self.min_days}, actual=actual)

    def _planned(self, years: int, found: dict) -> tuple[str, str]:
        """What a plan with enough days in each of its ``years`` says (``found``: the days of each year)."""
        shown = list(found.items())[:10]
        more_zh, more_en = ("……", ", …") if len(found) > len(shown) else ("", "")
        return (
            f"实施期 {years} 个项目年度每年赴帮扶地均不少于 {self.min_days} 天：" + "、".join(f"第{y}年 {d} 天" for y, d in shown) + more_zh,
            (f"the {years} project year plans" if years == 1 else f"each of the {years} project years plans") + f" at least {plural(self.min_days, 'day')} on site: " + ", ".join(f"year {y}: {plural(d, 'day')}" for y, d in shown) + more_en,
        )

    def describe(self) -> tuple[str, str]:
        return f"项目负责人在每个项目年度赴帮扶地累计不少于 {self.min_days} 天", f"the principal investigator spends at least {plural(self.min_days, 'day')} on site in every project year"
