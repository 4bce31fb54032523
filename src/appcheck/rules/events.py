"""Rules about events: training classes (trainees, scale, venue, content) and academic exchanges
(attendance, title, track record)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext
from functools import lru_cache

import attrs

from .. import reference
from ..arithmetic import EXACT
from ..converters import to_frozenset, to_tuple
from .base import (
    NOT_FOREIGN, Context, Outcome, excerpt, failed, months_before, optional_decimal, passed_saying, plural, review, shown, shown_en,
    tenths_of_percent,
)

CONTENT_AREAS = {
    "innovation_policy_management": ("科技创新政策与管理", "S&T innovation policy and management"),
    "incubation_system": ("孵化育成体系建设", "incubation system building"),
}


@attrs.frozen(slots=False)
class TrainingContent:
    """The training's content areas are all within the allowed ones.

    What it checks:
        ``training.content_areas`` is a non-empty array whose every value is one of ``allowed``.

    Why:
        培训内容围绕科技创新政策与管理、孵化育成体系建设两个领域开展.

    Failing example:
        ``{"training": {"content_areas": ["digital_economy"]}}`` or an empty array.

    Passing example:
        ``{"training": {"content_areas": ["incubation_system"]}}``.
    """

    allowed: frozenset = attrs.field(converter=to_frozenset, validator=attrs.validators.min_len(1))

    def check(self, ctx: Context) -> Outcome:
        areas = ctx.array("training", "content_areas")
        allowed = "、".join(CONTENT_AREAS.get(a, (a,))[0] for a in sorted(self.allowed))
        if not areas:
            return failed(f"未填写培训内容领域，应为：{allowed}", f"no content area given; expected: {', '.join(sorted(self.allowed))}", ("training", "content_areas"), expected=sorted(self.allowed), actual=[])
        for index, area in enumerate(areas):
            if area not in self.allowed:
                return failed(
                    f"培训内容 {shown(area)} 不在允许的领域内：{allowed}",
                    f"content area {shown_en(area)} is not allowed; expected: {', '.join(sorted(self.allowed))}",
                    ("training", "content_areas", index), expected=sorted(self.allowed), actual=area,
                )
        return passed_saying(
            lambda: (f"培训内容领域：{'、'.join(CONTENT_AREAS.get(a, (a,))[0] for a in areas)}", f"content areas: {', '.join(areas)}"),
            ("training", "content_areas"), actual=list(areas),
        )

    def describe(self) -> tuple[str, str]:
        return f"培训内容限于：{'、'.join(CONTENT_AREAS.get(a, (a,))[0] for a in sorted(self.allowed))}", f"content areas within: {', '.join(CONTENT_AREAS.get(a, (a, a))[1] for a in sorted(self.allowed))}"


@attrs.frozen(slots=False)
class TraineeCountries:
    """Trainees come from at least ``minimum`` distinct eligible countries.

    What it checks:
        Counts the distinct ``training.trainees[].country`` values other than ``excluded`` with a
        positive ``count``; fewer than ``minimum`` fails. ``excluded`` is by default CN, HK, MO and TW:
        trainees are foreign (国外), and Hong Kong, Macao and Taiwan are not countries here even where
        a shipped list names them. A country in none of the shipped ``lists`` (the clause names groups
        of countries and ends in 等) gives needs review, naming it.

    Why:
        学员所属国别数量应不少于 3 个国家; 学员须为来自联合国《2030 年可持续发展议程》发展中国家、
        "一带一路"沿线国家、东盟成员国等国家的科研人员.

    Failing example:
        Trainees from ``VN`` and ``TH`` only (2 countries), or ``VN``, ``TH`` and ``CN``, or ``VN``,
        ``TH``, ``HK`` and ``MO``.

    Passing example:
        Trainees from ``VN``, ``TH`` and ``KE``.
    """

    minimum: int = attrs.field(validator=attrs.validators.ge(1))
    lists: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(1))
    excluded: frozenset = attrs.field(default=NOT_FOREIGN, converter=to_frozenset)

    def __attrs_post_init__(self) -> None:
        for list_id in self.lists:
            reference.country_list(list_id)  # a missing list fails when the topic is built

    def check(self, ctx: Context) -> Outcome:
        countries: dict[str, int] = {}
        left_out: set[str] = set()
        for where, row in ctx.objects("training", "trainees"):
            country = ctx.string_in(row, where, "country")
            count = ctx.integer_in(row, where, "count")
            if country in self.excluded:
                if count > 0:
                    left_out.add(country)
            elif count > 0:
                countries[country] = countries.get(country, 0) + count
        distinct = sorted(countries)
        if len(distinct) < self.minimum:
            note_zh = f"；{'、'.join(sorted(left_out))} 不计为学员国别" if left_out else ""
            note_en = f"; {', '.join(sorted(left_out))} {'does' if len(left_out) == 1 else 'do'} not count as {'a trainee country' if len(left_out) == 1 else 'trainee countries'}" if left_out else ""
            return failed(
                f"学员来自 {len(distinct)} 个国家（{'、'.join(distinct) or '无'}），要求不少于 {self.minimum} 个{note_zh}",
                f"trainees come from {plural(len(distinct), 'country', 'countries')} ({', '.join(distinct) or 'none'}); at least {self.minimum} required{note_en}",
                ("training", "trainees"), expected=self.minimum, actual=len(distinct),
            )
        eligible = frozenset().union(*(reference.country_list(list_id).countries for list_id in self.lists))
        unlisted = [country for country in distinct if country not in eligible]
        if unlisted:
            return review(
                f"学员来自 {len(distinct)} 个国家；{'、'.join(unlisted)} 不在所附名单（{'、'.join(self.lists)}）中，需评审确认是否属于指南所列国家",
                f"trainees come from {plural(len(distinct), 'country', 'countries')}; {', '.join(unlisted)} {'is' if len(unlisted) == 1 else 'are'} in none of the shipped lists ({', '.join(self.lists)}): a reviewer must confirm eligibility",
                ("training", "trainees"), expected=self.minimum, actual=distinct,
            )
        return passed_saying(
            lambda: (
                f"学员来自 {len(distinct)} 个国家（{'、'.join(distinct)}），不少于 {self.minimum} 个",
                f"trainees come from {plural(len(distinct), 'country', 'countries')} ({', '.join(distinct)}), at least {self.minimum}",
            ),
            ("training", "trainees"), expected=self.minimum, actual=len(distinct),
        )

    def describe(self) -> tuple[str, str]:
        titles = [reference.country_list(name) for name in self.lists]
        return (f"学员来自不少于 {self.minimum} 个国家（名单：{'、'.join(t.title for t in titles)}）",
                f"trainees from at least {plural(self.minimum, 'country', 'countries')} (lists: {'; '.join(t.title_en for t in titles)})")


def _baselines(instance, attribute, value) -> None:
    if not value or not all(len(pair) == 2 and all(isinstance(n, int) and n > 0 for n in pair) for pair in value):
        raise ValueError("TrainingScale.baselines is a non-empty sequence of (trainees, days) positive integer pairs")


@attrs.frozen(slots=False)
class TrainingScale:
    """The class meets one of the baseline scales (trainees and days).

    What it checks:
        The total of ``training.trainees[].count`` over the rows whose ``country`` is not in
        ``excluded`` (by default CN, HK, MO and TW: only foreign trainees count) and ``training.days``
        reach at least one ``(trainees, days)`` baseline, both inclusive.

    Why:
        办班规模以 20 人及以上 20 天、30 人及以上 15 天为基准: a baseline, so a shortfall is a warning;
        学员须为来自发展中国家的科研人员, so trainees from China, Hong Kong, Macao or Taiwan do not make
        up the class.

    Failing example:
        29 trainees for 19 days; or 30 trainees for 15 days, 5 of them from HK.

    Passing example:
        30 trainees for 15 days, or 20 trainees for 20 days.
    """

    baselines: tuple = attrs.field(converter=lambda v: tuple(tuple(p) for p in v), validator=_baselines)
    excluded: frozenset = attrs.field(default=NOT_FOREIGN, converter=to_frozenset)

    def check(self, ctx: Context) -> Outcome:
        total = left_out = 0
        for where, row in ctx.objects("training", "trainees"):
            country = ctx.string_in(row, where, "country")
            count = ctx.integer_in(row, where, "count")
            if country in self.excluded:
                left_out += count
            else:
                total += count
        days = ctx.integer("training", "days")
        actual = {"trainees": total, "days": days}
        if left_out:
            actual["not_counted"] = left_out
        expected = [list(p) for p in self.baselines]
        if any(total >= n and days >= d for n, d in self.baselines):
            return passed_saying(lambda: self._scale(total, days, left_out, ("达到基准", "meets the baseline")), ("training",), expected=expected, actual=actual)
        return failed(*self._scale(total, days, left_out, ("低于基准", "is below the baseline")), ("training", "days"), expected=expected, actual=actual)

    def _scale(self, total: int, days: int, left_out: int, verdict: tuple[str, str]) -> tuple[str, str]:
        """The message: the class's scale (and the trainees not counted), ``verdict``, the baselines."""
        options_zh = " 或 ".join(f"{n} 人及以上 {d} 天" for n, d in self.baselines)
        options_en = " or ".join(f"{n}+ trainees for {d}+ days" for n, d in self.baselines)
        note_zh = note_en = ""
        if left_out:
            note_zh = f"（另有 {left_out} 名来自 {'/'.join(sorted(self.excluded))} 的学员不计）"
            note_en = f" ({plural(left_out, 'trainee')} from {'/'.join(sorted(self.excluded))} not counted)"
        return (
            f"办班规模 {total} 人 {days} 天{note_zh}，{verdict[0]}（{options_zh}）",
            f"{plural(total, 'trainee')} for {plural(days, 'day')}{note_en} {verdict[1]} ({options_en})",
        )

    def describe(self) -> tuple[str, str]:
        return "办班规模达到基准：" + " 或 ".join(f"{n} 人 {d} 天" for n, d in self.baselines), "class scale at a baseline: " + " or ".join(f"{plural(n, 'trainee')} / {plural(d, 'day')}" for n, d in self.baselines)


@attrs.frozen(slots=False)
class VenueIn:
    """The event takes place in the required country and subdivision.

    What it checks:
        The object at ``path`` has ``country`` in ``countries`` and, when ``subdivisions`` is given,
        ``subdivision`` in ``subdivisions``.

    Why:
        在广东省内举办科技创新能力提升培训班.

    Failing example:
        ``{"training": {"venue": {"country": "CN", "subdivision": "CN-FJ"}}}``.

    Passing example:
        ``{"training": {"venue": {"country": "CN", "subdivision": "CN-GD"}}}``.
    """

    path: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(1))
    countries: frozenset = attrs.field(converter=to_frozenset, validator=attrs.validators.min_len(1))
    subdivisions: frozenset | None = attrs.field(default=None, converter=attrs.converters.optional(to_frozenset))

    def check(self, ctx: Context) -> Outcome:
        country = ctx.string(*self.path, "country")
        subdivision = ctx.string(*self.path, "subdivision") if self.subdivisions is not None else None
        actual = {"country": country, "subdivision": subdivision}
        venue = f"{country} {subdivision}" if subdivision else country
        if country not in self.countries or (self.subdivisions is not None and subdivision not in self.subdivisions):
            want_zh, want_en = self.describe()
            return failed(f"举办地为 {venue}，{want_zh}", f"the venue is {venue}; {want_en}", self.path, expected=want_en, actual=actual)
        return passed_saying(lambda: (f"举办地为 {venue}，符合要求", f"the venue is {venue}, as required"), self.path, actual=actual)

    def describe(self) -> tuple[str, str]:
        place = "/".join(sorted(self.subdivisions)) if self.subdivisions else "/".join(sorted(self.countries))
        return f"应在 {place} 举办", f"must take place in {place}"


@attrs.frozen(slots=False)
class Attendance:
    """An exchange reaches its attendance, academician and external-share targets.

    What it checks:
        From ``exchange.attendance`` (a row per unit: ``unit``, ``count``, ``organizer``), rows of the
        same unit (trimmed name) merged first: the total of ``count`` >= ``min_total``;
        ``exchange.academicians`` >= ``min_academicians``; and the external share >= ``min_share``,
        where each non-organizer unit counts at most ``per_unit_cap`` people, organizer units count
        fully, and share = capped external / (capped external + organizer people), exactly. With
        ``organizers_by_name``, a row whose ``unit`` is the ``name`` or ``name_en`` of the applicant or
        of a partner (compared without case and whitespace) is an organizer row whatever its
        ``organizer`` flag says: the organizers' own people never count as external. Rows are merged
        by the same folded name.

    Why:
        交流项目总参与人数不少于 150 人，参会院士不少于 2 人；其他单位参加的人员占比不少于 80%，且每
        单位最多选派 3 名参加人员（多于 3 名按 3 名计）.

    Failing example:
        149 attendees; or 32 organizer people with 120 external attendees from 40 units (share
        120/152 < 80 %); or a 4th person from one unit counted towards the share; or the applicant's
        own 30 people in a row marked ``"organizer": false``.

    Passing example:
        150 attendees: 30 from the organizers, 120 from 40 other units of 3 (share 120/150 = 80 %).
    """

    min_total: int = attrs.field(validator=attrs.validators.ge(1))
    min_academicians: int = attrs.field(validator=attrs.validators.ge(0))
    min_share: Decimal = attrs.field(converter=optional_decimal)
    per_unit_cap: int = attrs.field(validator=attrs.validators.ge(1))
    #: a row named like the applicant or a partner is an organizer row, whatever its flag
    organizers_by_name: bool = False

    @min_share.validator
    def _share(self, attribute, value) -> None:
        if not Decimal(0) < value <= Decimal(1):
            raise ValueError(f"Attendance.min_share must be in (0, 1], got {value}")

    def _organizer_names(self, ctx: Context) -> frozenset:
        if not self.organizers_by_name:
            return frozenset()
        names = set()
        for org in ctx.organizations:
            for key in ("name", "name_en"):
                value = org.get(key)
                if isinstance(value, str) and value.strip():
                    names.add(_fold_unit(value))
        return frozenset(names)

    def check(self, ctx: Context) -> Outcome:
        units: dict[str, tuple[int, bool]] = {}
        organizer_names = self._organizer_names(ctx)
        renamed: list[str] = []
        for where, row in ctx.objects("exchange", "attendance"):
            text = ctx.string_in(row, where, "unit").strip()
            unit = _fold_unit(text) if self.organizers_by_name else text
            count = ctx.integer_in(row, where, "count")
            organizer = ctx.boolean_in(row, where, "organizer")
            if not organizer and unit in organizer_names:
                organizer = True
                renamed.append(text)
            before, was_organizer = units.get(unit, (0, organizer))
            units[unit] = (before + count, was_organizer or organizer)
        academicians = ctx.integer("exchange", "academicians")
        total = sum(count for count, _ in units.values())
        organizer_people = sum(count for count, organizer in units.values() if organizer)
        external = sum(min(count, self.per_unit_cap) for count, organizer in units.values() if not organizer)
        counted = external + organizer_people
        share_ok = counted > 0 and Decimal(external) >= self.min_share * Decimal(counted)
        share_text = f"{external}/{counted}" if counted else "0/0"
        percent = tenths_of_percent(external, counted) if counted else Decimal(0)
        actual = {"total": total, "academicians": academicians, "external_capped": external, "organizer": organizer_people, "share": share_text}
        if renamed:
            actual["organizer_by_name"] = renamed
        expected = {"min_total": self.min_total, "min_academicians": self.min_academicians, "min_share": self.min_share, "per_unit_cap": self.per_unit_cap}
        problems_zh, problems_en, where = [], [], ("exchange", "attendance")
        if total < self.min_total:
            problems_zh.append(f"总参与人数 {total} 人，要求不少于 {self.min_total} 人")
            problems_en.append(f"{plural(total, 'attendee')} in total, at least {self.min_total} required")
        if academicians < self.min_academicians:
            problems_zh.append(f"参会院士 {academicians} 人，要求不少于 {self.min_academicians} 人")
            problems_en.append(f"{plural(academicians, 'academician')}, at least {self.min_academicians} required")
            if not problems_zh[:-1]:
                where = ("exchange", "academicians")
        if not share_ok:
            named_zh = f"；{'、'.join(renamed)} 为申报单位或合作单位，按主办方人员计" if renamed else ""
            named_en = f"; {', '.join(renamed)} {'is' if len(renamed) == 1 else 'are'} the applicant or a partner, counted as organizer" if renamed else ""
            problems_zh.append(f"其他单位人员占比 {share_text}（{percent}%，每单位最多计 {self.per_unit_cap} 人），要求不少于 {self.min_share * 100:.0f}%{named_zh}")
            problems_en.append(f"external share {share_text} ({percent}%, at most {self.per_unit_cap} counted per unit), at least {self.min_share * 100:.0f}% required{named_en}")
        if problems_zh:
            return failed("；".join(problems_zh), "; ".join(problems_en), where, expected=expected, actual=actual)
        return passed_saying(
            lambda: (
                f"总参与人数 {total} 人，院士 {academicians} 人，其他单位人员占比 {share_text}（{percent}%）",
                f"{plural(total, 'attendee')}, {plural(academicians, 'academician')}, external share {share_text} ({percent}%)",
            ),
            where, expected=expected, actual=actual,
        )

    def describe(self) -> tuple[str, str]:
        with localcontext(EXACT):  # as check() writes it, in whatever context explain or a reporter asks
            share = f"{self.min_share * 100:.0f}"
        zh = f"总参与人数不少于 {self.min_total} 人，院士不少于 {self.min_academicians} 人，其他单位人员占比不少于 {share}%（每单位最多计 {self.per_unit_cap} 人）"
        en = f"at least {plural(self.min_total, 'attendee')}, {plural(self.min_academicians, 'academician')}, {share}% external (at most {self.per_unit_cap} counted per unit)"
        if self.organizers_by_name:
            zh += "；名称为申报单位或合作单位的行按主办方计"
            en += "; a row named like the applicant or a partner counts as organizer"
        return zh, en


@lru_cache(maxsize=4096)  # the units' names are folded for every row of every check
def _fold_unit(name: str) -> str:
    """A unit's name compared without case and whitespace."""
    return "".join(name.split()).casefold()


@attrs.frozen(slots=False)
class TitleFormat:
    """The project title follows the required "XXX<suffix>" format.

    What it checks:
        ``project.title``, trimmed, ends with ``suffix`` and has a non-empty name before it (a space
        before the suffix is allowed).

    Why:
        申报项目名称应统一按照"XXX 学术交流项目"的格式填写.

    Failing example:
        ``"2023 脑科学国际研讨会"`` or ``"学术交流项目"`` (no name).

    Passing example:
        ``"2023 脑科学与类脑研究国际学术交流项目"``.
    """

    suffix: str = attrs.field(validator=attrs.validators.min_len(1))

    def check(self, ctx: Context) -> Outcome:
        full = ctx.string("project", "title").strip()
        name = full[: -len(self.suffix)].strip() if full.endswith(self.suffix) else None
        title = excerpt(full)
        if not name:
            return failed(
                f"项目名称 “{title}” 不符合 “XXX{self.suffix}” 格式",
                f"the title “{title}” does not follow the format “XXX{self.suffix}”",
                ("project", "title"), expected=f"XXX{self.suffix}", actual=title,
            )
        return passed_saying(
            lambda: (f"项目名称 “{title}” 符合格式", f"the title “{title}” follows the format"), ("project", "title"), expected=f"XXX{self.suffix}", actual=title,
        )

    def describe(self) -> tuple[str, str]:
        return f"项目名称为 “XXX{self.suffix}”", f"the title reads “XXX{self.suffix}”"


@attrs.frozen(slots=False)
class TrackRecord:
    """The applicant has the required recent track record in the field.

    What it checks:
        ``exchange.track_record.projects`` holds at least ``min_projects`` projects of a level in
        ``levels``, whose ``field`` is one of ``project.fields``, that ran within the ``months`` before
        the submission date (``started_on`` <= ``submitted_on`` and no ``ended_on`` or ``ended_on`` >=
        ``submitted_on`` - ``months``); or ``exchange.track_record.events`` holds at least one event held
        before the submission date with ``met_targets`` true.

    Why:
        申报单位应在过去2年内承担过不少于2项所申报领域的省级（含）以上科技计划项目，或在所申报领域成
        功组织过 1 次不低于本专题考核指标的高水平国际学术交流项目.

    Failing example:
        One provincial project in the field, and no event.

    Passing example:
        Two provincial projects in the field ending within the last 24 months.
    """

    min_projects: int = attrs.field(validator=attrs.validators.ge(1))
    months: int = attrs.field(validator=attrs.validators.ge(1))
    levels: frozenset = attrs.field(converter=to_frozenset, validator=attrs.validators.min_len(1))

    def check(self, ctx: Context) -> Outcome:
        day = ctx.submitted_on
        since = months_before(day, self.months) or dt.date.min  # a window opening before the calendar: all of it
        fields = {f.strip() for f in ctx.array("project", "fields") if isinstance(f, str)}
        ctx.mapping("exchange", "track_record")
        counted = []
        for where, project in ctx.objects("exchange", "track_record", "projects", optional=True):
            started = ctx.date_in(project, where, "started_on")
            ended = ctx.optional_date_in(project, where, "ended_on")
            in_field = isinstance(project.get("field"), str) and project["field"].strip() in fields
            if project.get("level") in self.levels and in_field and started <= day and (ended is None or ended >= since):
                counted.append(project.get("title", where[-1]))
        events = [
            event.get("name", where[-1])
            for where, event in ctx.objects("exchange", "track_record", "events", optional=True)
            if event.get("met_targets") is True and ctx.date_in(event, where, "held_on") < day
        ]
        actual = {"projects": len(counted), "events": len(events)}
        if len(counted) >= self.min_projects:
            return passed_saying(
                lambda: (
                    f"过去 {self.months} 个月内承担所申报领域省级及以上项目 {len(counted)} 项（{'、'.join(map(shown, counted))}）",
                    f"{plural(len(counted), 'provincial-or-higher project')} in the field within the last {plural(self.months, 'month')}",
                ),
                ("exchange", "track_record", "projects"), expected=self.min_projects, actual=actual,
            )
        if events:
            return passed_saying(
                lambda: (
                    f"曾成功组织达到考核指标的国际学术交流项目：{'、'.join(map(shown, events))}",
                    f"the applicant has organized an exchange that met the targets: {', '.join(map(shown_en, events))}",
                ),
                ("exchange", "track_record", "events"), expected=self.min_projects, actual=actual,
            )
        return failed(
            f"过去 {self.months} 个月（{since} 起）内所申报领域的省级及以上项目 {len(counted)} 项，要求不少于 {self.min_projects} 项；且无达到考核指标的交流项目",
            f"{plural(len(counted), 'provincial-or-higher project')} in the field since {since}, at least {self.min_projects} required; and no exchange that met the targets",
            ("exchange", "track_record"), expected=self.min_projects, actual=actual,
        )

    def describe(self) -> tuple[str, str]:
        return (
            f"过去 {self.months} 个月内承担不少于 {self.min_projects} 项所申报领域省级及以上项目，或成功组织过 1 次达标的交流项目",
            f"at least {plural(self.min_projects, 'provincial-or-higher project')} in the field within {plural(self.months, 'month')}, or one exchange that met the targets",
        )
