"""Rules about who takes part: the applicant, the partners, the team and the principal investigator."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

import attrs

from ..converters import to_frozenset, to_tuple
from .base import MISSING, NOT_FOREIGN, Context, MissingInput, Org, Outcome, failed, passed, pattern, plural, review, shown, shown_en

_fs = attrs.converters.optional(to_frozenset)

KIND_NAMES = {
    "enterprise": ("企业", "an enterprise"),
    "university": ("高校", "a university"),
    "research_institute": ("科研院所", "a research institute"),
    "medical_institution": ("医疗卫生机构", "a medical institution"),
    "government_agency": ("政府机构", "a government agency"),
    "international_organization": ("国际组织", "an international organization"),
    "other": ("其他单位", "another kind of organization"),
}
ROLE_NAMES = {
    "applicant": ("申报单位", "the applicant"),
    "domestic_partner": ("国内参与单位", "a domestic partner"),
    "foreign_partner": ("外方合作单位", "a foreign partner"),
    "local_partner": ("当地合作单位", "a local partner"),
}


def _join(items: Iterable[str], sep: str) -> str:
    return sep.join(sorted(items))


@attrs.frozen(slots=False)
class Orgs:
    """A filter over organizations: every given constraint must hold (``None`` = any).

    ``not_countries`` excludes countries (``NOT_FOREIGN`` selects 国外 partners). ``or_kinds`` lets an
    organization of those kinds match whatever its country (an international organization counts
    as outside the mainland wherever its headquarters are).
    """

    roles: frozenset | None = attrs.field(default=None, converter=_fs)
    kinds: frozenset | None = attrs.field(default=None, converter=_fs)
    countries: frozenset | None = attrs.field(default=None, converter=_fs)
    not_countries: frozenset | None = attrs.field(default=None, converter=_fs)
    subdivisions: frozenset | None = attrs.field(default=None, converter=_fs)
    or_kinds: frozenset | None = attrs.field(default=None, converter=_fs)
    #: True: only partners with a ``foreign_rd_center`` block (外资研发机构); False: only those without
    rd_center: bool | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("roles", "kinds", "countries", "not_countries", "subdivisions", "or_kinds"):
            value = getattr(self, name)
            if value is not None and (not value or not all(isinstance(v, str) and v for v in value)):
                raise ValueError(f"Orgs.{name} must be a non-empty set of strings")
        unknown = (self.roles or frozenset()) - set(ROLE_NAMES)
        unknown |= ((self.kinds or frozenset()) | (self.or_kinds or frozenset())) - set(KIND_NAMES)
        if unknown:
            raise ValueError(f"Orgs: unknown roles or kinds {sorted(unknown)}")

    def matches(self, ctx: Context, org: Org) -> bool:
        """Whether ``org`` passes the filter; a field the filter needs that is missing raises MissingInput."""
        if self.roles is not None:
            role = org.role
            if role is None:
                raise MissingInput(org.at("role"), "合作单位角色", "a partner role", org.data.get("role", MISSING))
            if role not in self.roles:
                return False
        if self.rd_center is not None and isinstance(org.get("foreign_rd_center"), dict) is not self.rd_center:
            return False
        if self.or_kinds is not None and ctx.kind_of(org) in self.or_kinds:
            return True
        if self.kinds is not None and ctx.kind_of(org) not in self.kinds:
            return False
        if self.countries is not None or self.not_countries is not None:
            country = ctx.country_of(org)
            if self.countries is not None and country not in self.countries:
                return False
            if self.not_countries is not None and country in self.not_countries:
                return False
        if self.subdivisions is not None:
            subdivision = ctx.field(org, "subdivision", "ISO 3166-2 地区代码", "an ISO 3166-2 subdivision code", lambda v: v if isinstance(v, str) else None)
            if subdivision not in self.subdivisions:
                return False
        return True

    def describe(self) -> tuple[str, str]:
        """A noun phrase: ``("CN-GD的企业", "an enterprise in CN-GD")``; roles lead: ``"a foreign partner (…)"``.

        Worked out once per filter: equal filters read the same, and rules ask on every check."""
        return _phrase_of(self)

    def _phrase(self) -> tuple[str, str]:
        if attrs.asdict(self, recurse=False) == attrs.asdict(Orgs(), recurse=False):
            return "任意单位", "any organization"
        places_zh, places_en = [], []
        if self.subdivisions:
            places_zh.append(_join(self.subdivisions, "/"))
            places_en.append(f"in {_join(self.subdivisions, '/')}")
        elif self.countries:
            places_zh.append(_join(self.countries, "/"))
            places_en.append(f"in {_join(self.countries, '/')}")
        if self.not_countries == NOT_FOREIGN:
            places_zh.append("国外（不含港澳台）")
            places_en.append("outside China (not CN, HK, MO, TW)")
        elif self.not_countries:
            places_zh.append(f"{_join(self.not_countries, '/')} 以外")
            places_en.append(f"outside {_join(self.not_countries, '/')}")
        kind_zh = "或".join(KIND_NAMES[k][0] for k in sorted(self.kinds)) if self.kinds else "单位"
        kind_en = " or ".join(KIND_NAMES[k][1] for k in sorted(self.kinds)) if self.kinds else "an organization"
        if self.rd_center is not None:
            kind_zh = ("外资研发机构" if self.rd_center else "非外资研发机构") + ("" if kind_zh == "单位" else f"（{kind_zh}）")
            kind_en = ("a foreign R&D centre" if self.rd_center else "an organization other than a foreign R&D centre") + ("" if kind_en == "an organization" else f" ({kind_en})")
        text_zh = "".join(f"{place}的" for place in places_zh) + kind_zh
        text_en = " ".join([kind_en] + places_en)
        if self.roles:
            text_zh = "/".join(ROLE_NAMES[r][0] for r in sorted(self.roles)) + ("" if text_zh == "单位" else f"（{text_zh}）")
            text_en = " or ".join(ROLE_NAMES[r][1] for r in sorted(self.roles)) + ("" if text_en == "an organization" else f" ({text_en})")
        if self.or_kinds:
            text_zh += "，或" + "/".join(KIND_NAMES[k][0] for k in sorted(self.or_kinds))
            text_en += ", or " + " or ".join(KIND_NAMES[k][1] for k in sorted(self.or_kinds))
        return text_zh, text_en


@cache  # filters are frozen values, and a program builds a bounded set of them
def _phrase_of(orgs: Orgs) -> tuple[str, str]:
    return orgs._phrase()


def _org_summary(ctx: Context, org: Org) -> dict:
    return {key: org.get(key) for key in ("id", "kind", "country", "subdivision") if org.get(key) is not None}


@attrs.frozen(slots=False)
class ApplicantIs:
    """The applicant (lead unit, 牵头单位) is of the required kind and place.

    What it checks:
        ``applicant`` matches the filter (kinds, country, subdivision), and with ``legal_entity`` its
        ``independent_legal_entity`` is true.

    Why:
        Calls are provincial: only a unit registered in the province (and sometimes only an enterprise)
        may lead an application.

    Failing example:
        ``ApplicantIs(Orgs(countries={"CN"}, subdivisions={"CN-GD"}))`` with
        ``{"applicant": {"country": "CN", "subdivision": "CN-ZJ"}}``: the lead is in Zhejiang.

    Passing example:
        The same rule with ``{"applicant": {"country": "CN", "subdivision": "CN-GD"}}``.
    """

    orgs: Orgs
    legal_entity: bool = False

    def check(self, ctx: Context) -> Outcome:
        applicant = ctx.applicant
        summary = _org_summary(ctx, applicant)
        want_zh, want_en = self.describe()
        if not self.orgs.matches(ctx, applicant):
            return failed(
                f"申报单位 {applicant.label}（{_fmt(summary)}）不符合要求：应为{want_zh}",
                f"the applicant {applicant.label} ({_fmt(summary)}) does not qualify: expected {want_en}",
                ("applicant",), expected=want_en, actual=summary,
            )
        if self.legal_entity and ctx.field(applicant, "independent_legal_entity", "true 或 false", "true or false", lambda v: v if isinstance(v, bool) else None) is not True:
            return failed(
                f"申报单位 {applicant.label} 未声明具备独立法人资格（independent_legal_entity 为 false）",
                f"the applicant {applicant.label} is not an independent legal entity (independent_legal_entity is false)",
                applicant.at("independent_legal_entity"), expected=True, actual=False,
            )
        return passed(f"申报单位 {applicant.label} 符合要求：{want_zh}", f"the applicant {applicant.label} qualifies: {want_en}", ("applicant",), actual=summary)

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        if self.legal_entity:
            zh, en = zh + "，具备独立法人资格", en + ", an independent legal entity"
        return zh, en


def _fmt(summary: dict) -> str:
    return ", ".join(f"{key}={shown_en(value)}" for key, value in summary.items())


@attrs.frozen(slots=False)
class HasParty:
    """At least ``minimum`` of the project's organizations match a filter.

    What it checks:
        Counts the partners (and the applicant, with ``include_applicant``) that match the filter;
        passes when there are at least ``minimum``.

    Why:
        Many clauses ask for at least one unit of a kind or place: a foreign (国外) partner, a
        Guangdong enterprise, a co-organizer outside the mainland.

    Failing example:
        ``HasParty(Orgs(not_countries=NOT_FOREIGN))`` with partners only in ``HK`` and ``CN``: Hong Kong
        is not foreign (国外).

    Passing example:
        The same rule with a partner whose ``country`` is ``DE``.
    """

    orgs: Orgs
    include_applicant: bool = False
    minimum: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    def check(self, ctx: Context) -> Outcome:
        pool = ctx.organizations if self.include_applicant else ctx.partners
        matching = [org for org in pool if self.orgs.matches(ctx, org)]
        want_zh, want_en = self.orgs.describe()
        names = [org.label for org in matching]
        where = ("partners",) if not self.include_applicant or not matching else matching[0].segments
        if len(matching) >= self.minimum:
            return passed(
                f"有 {len(matching)} 家符合要求的单位（{want_zh}）：{'、'.join(names)}",
                f"{plural(len(matching), 'organization')} {'matches' if len(matching) == 1 else 'match'} ({want_en}): {', '.join(names)}",
                matching[0].segments, expected=self.minimum, actual=len(matching),
            )
        scope_zh = "申报单位及合作单位" if self.include_applicant else "合作单位"
        scope_en = "the applicant and partners" if self.include_applicant else "the partners"
        return failed(
            f"{scope_zh}中符合要求的单位（{want_zh}）有 {len(matching)} 家，要求不少于 {self.minimum} 家",
            f"{len(matching)} of {scope_en} {'matches' if len(matching) == 1 else 'match'} ({want_en}); at least {self.minimum} required",
            where, expected=self.minimum, actual=len(matching),
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        scope = ("申报单位或合作单位中", "the applicant or partners include") if self.include_applicant else ("合作单位中", "the partners include")
        return f"{scope[0]}至少 {self.minimum} 家{zh}", f"{scope[1]} at least {self.minimum}: {en}"


@attrs.frozen(slots=False)
class TeamCoversParties:
    """The team has at least one member from the applicant and from every partner.

    What it checks:
        For the applicant and each partner, some ``team`` member's ``organization`` is its id.
        Team members naming an organization that is not in the bundle fail too.

    Why:
        项目组成员必须包括参与各方单位 1 名及以上成员: every party must really take part.

    Failing example:
        Partners ``lead`` and ``tum`` but ``team`` lists only members of ``lead``.

    Passing example:
        ``team`` has a member with ``"organization": "tum"`` as well.
    """

    def check(self, ctx: Context) -> Outcome:
        members = list(ctx.objects("team"))
        ids = {org.id for org in ctx.organizations}
        covered = {}
        for where, member in members:
            org_id = member.get("organization")
            if org_id not in ids:
                return failed(
                    f"项目组成员 {shown(member.get('name', where[-1]))} 所属单位 {shown(org_id)} 不是本申报书中的单位",
                    f"team member {shown_en(member.get('name', where[-1]))} belongs to {shown_en(org_id)}, which is not an organization of this bundle",
                    where + ("organization",), expected=sorted(map(shown_en, ids)), actual=org_id,
                )
            covered[org_id] = covered.get(org_id, 0) + 1
        missing = [org for org in ctx.organizations if org.id not in covered]
        if missing:
            return failed(
                f"项目组中没有以下单位的成员：{'、'.join(org.label for org in missing)}；要求各方单位至少 1 名成员",
                f"the team has no member from: {', '.join(org.label for org in missing)}; every party needs at least 1",
                ("team",), expected=1, actual={shown_en(org.id): 0 for org in missing},
            )
        return passed(
            f"项目组覆盖全部 {len(ids)} 家单位（{len(members)} 名成员）",
            f"the team covers {'the' if len(ids) == 1 else 'all'} {plural(len(ids), 'organization')} ({plural(len(members), 'member')})",
            ("team",), actual={shown_en(key): value for key, value in covered.items()},
        )

    def describe(self) -> tuple[str, str]:
        return "项目组包括申报单位和每家合作单位至少 1 名成员", "the team has at least one member from the applicant and from every partner"


@attrs.frozen(slots=False)
class PIEmployed:
    """The principal investigator is employed by the applicant.

    What it checks:
        ``principal_investigator.organization`` is the applicant's id and ``employed_by_applicant`` is true.

    Why:
        项目申报人应当为项目申报单位的在职人员.

    Failing example:
        ``{"principal_investigator": {"organization": "partner-1", "employed_by_applicant": true}}``.

    Passing example:
        ``{"principal_investigator": {"organization": "lead", "employed_by_applicant": true}}`` where
        the applicant's id is ``lead``.
    """

    def check(self, ctx: Context) -> Outcome:
        applicant_id = ctx.applicant.id
        organization = ctx.value("principal_investigator", "organization")
        if organization != applicant_id:
            if not isinstance(organization, str):
                ctx.string("principal_investigator", "organization")
            return failed(
                f"项目申报人所属单位为 {organization}，应为申报单位 {shown(applicant_id)}",
                f"the principal investigator belongs to {organization}, expected the applicant {shown_en(applicant_id)}",
                ("principal_investigator", "organization"), expected=applicant_id, actual=organization,
            )
        if not ctx.boolean("principal_investigator", "employed_by_applicant"):
            return failed(
                "项目申报人不是申报单位的在职人员（employed_by_applicant 为 false）",
                "the principal investigator is not employed by the applicant (employed_by_applicant is false)",
                ("principal_investigator", "employed_by_applicant"), expected=True, actual=False,
            )
        return passed(f"项目申报人为申报单位 {applicant_id} 的在职人员", f"the principal investigator is employed by the applicant {applicant_id}", ("principal_investigator",))

    def describe(self) -> tuple[str, str]:
        return "项目申报人为申报单位在职人员", "the principal investigator is employed by the applicant"


_DEGREES = {"doctorate": "博士学位", "master": "硕士学位", "bachelor": "学士学位", "other": "其他学位"}
_TITLES = {"senior": "正高级职称", "associate_senior": "副高级职称", "intermediate": "中级职称", "junior": "初级职称", "none": "无职称"}
#: the same in English, for what a rule says it checks (the bundle's values stay as written in findings)
_DEGREES_EN = {"doctorate": "a doctorate", "master": "a master's degree", "bachelor": "a bachelor's degree", "other": "another degree"}
_TITLES_EN = {"senior": "a senior title", "associate_senior": "an associate senior title", "intermediate": "an intermediate title",
              "junior": "a junior title", "none": "no title"}
_LEVELS = {"national": ("国家级", "national"), "provincial": ("省级", "provincial"), "municipal": ("市级", "municipal"), "other": ("其他级别", "other-level")}
_CATEGORIES = {"gd_hk_mo_joint": ("粤港澳联合", "Guangdong–Hong Kong–Macao joint"), "international_cooperation": ("国际合作", "international cooperation"),
               "other": ("其他", "other")}


@attrs.frozen(slots=False)
class PIQualification:
    """The principal investigator held a qualifying degree, title or enterprise post before a date.

    What it checks:
        One of: ``degree`` in ``degrees`` awarded (``degree_awarded_on``) strictly before the reference
        date; ``title`` in ``titles`` obtained (``title_awarded_on``) strictly before it; with
        ``enterprise_post``, ``enterprise_senior_position`` true since (``enterprise_senior_position_since``)
        strictly before it. The reference date is the setting ``date_setting`` (the guideline's
        publication date) when set. While it is unset and ``published_from`` (the first day the
        guideline can have been published: 2022-01-01 for a 2022 guideline) is given: a qualification
        dated before ``published_from`` passes, one dated from ``published_from`` to the day before
        ``submitted_on`` needs review (the unknown publication date decides), and one dated on or after
        ``submitted_on`` fails (a guideline is published before anyone applies under it; a bundle
        submitted before ``published_from`` is measured at ``submitted_on``). Without a setting the
        reference date is ``submitted_on``. Every message names the date it compared with
        and where it came from; a qualification without its date fails.

    Why:
        项目申报人应在指南发布之日前获得相关专业博士学位或副高及以上职称. The publication date is not
        printed in the guideline, so it is a setting; without it, only the dates that cannot depend on
        it are decided.

    Failing example:
        ``{"principal_investigator": {"degree": "master", "title": "intermediate"}}``; or, with the
        setting unset, a title obtained on ``submitted_on``.

    Passing example:
        ``{"principal_investigator": {"title": "associate_senior", "title_awarded_on": "2015-12-01"}}``
        with ``submitted_on`` 2022-05-10. Needs review with the setting unset: a title obtained on
        2022-03-01 (before ``submitted_on``, but perhaps not before the publication).
    """

    degrees: frozenset = attrs.field(converter=to_frozenset, default=frozenset({"doctorate"}))
    titles: frozenset = attrs.field(converter=to_frozenset, default=frozenset({"senior", "associate_senior"}))
    enterprise_post: bool = False
    date_setting: str | None = None
    #: the first day the guideline can have been published, read while ``date_setting`` is unset
    published_from: dt.date | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.date)))

    def __attrs_post_init__(self) -> None:
        if not self.degrees <= set(_DEGREES) or not self.titles <= set(_TITLES):
            raise ValueError("PIQualification: unknown degree or title")
        if self.published_from is not None and not self.date_setting:
            raise ValueError("PIQualification: published_from is read only while date_setting is unset; give date_setting")

    def _held(self, ctx: Context) -> tuple[list, Any, Any]:
        held = []
        degree = ctx.value("principal_investigator", "degree")
        if degree in self.degrees:
            when = ctx.optional_date("principal_investigator", "degree_awarded_on")
            held.append(("degree", "degree_awarded_on", _DEGREES[degree], f"the degree {degree}", when))
        title = ctx.value("principal_investigator", "title")
        if title in self.titles:
            when = ctx.optional_date("principal_investigator", "title_awarded_on")
            held.append(("title", "title_awarded_on", _TITLES[title], f"the title {title}", when))
        if self.enterprise_post and ctx.value("principal_investigator", "enterprise_senior_position") is True:
            when = ctx.optional_date("principal_investigator", "enterprise_senior_position_since")
            held.append(("enterprise_senior_position", "enterprise_senior_position_since", "企业高级职务", "a senior enterprise post", when))
        return held, degree, title

    def check(self, ctx: Context) -> Outcome:
        ctx.mapping("principal_investigator")
        configured = ctx.setting(self.date_setting) if self.date_setting else None
        day = ctx.submitted_on
        held, degree, title = self._held(ctx)
        if configured is not None:
            limit, used_zh, used_en = configured, f"指南发布日期 {configured}（设置 {self.date_setting}）", f"the guideline's publication date {configured} (setting {self.date_setting})"
        elif not self.date_setting:
            limit, used_zh, used_en = day, f"申报日期 {day}", f"the submission date {day}"
        elif self.published_from is None or day <= self.published_from:  # a submission before the earliest publication: the submission date bounds
            limit = day
            used_zh = f"申报日期 {day}（未设置指南发布日期 {self.date_setting}）"
            used_en = f"the submission date {day} (setting {self.date_setting} not set)"
        else:
            limit = self.published_from
            used_zh = f"{self.published_from}（未设置指南发布日期 {self.date_setting}，指南最早于该日发布）"
            used_en = f"{self.published_from} (setting {self.date_setting} not set: the earliest the guideline can have been published)"
        dated = [entry for entry in held if entry[-1] is not None]
        for field, _, zh, en, when in dated:
            if when < limit:
                return passed(
                    f"项目申报人于 {when} 取得{zh}，早于{used_zh}",
                    f"the principal investigator obtained {en} on {when}, before {used_en}",
                    ("principal_investigator", field), expected=f"before {limit}", actual=when,
                )
        if configured is None and self.published_from is not None and limit < day:
            for field, _, zh, en, when in dated:
                if when < day:
                    return review(
                        f"项目申报人于 {when} 取得{zh}，早于申报日期 {day}，但未设置指南发布日期 {self.date_setting}，"
                        f"无法判断是否早于指南发布之日：需核实发布日期（或设置 {self.date_setting}）",
                        f"the principal investigator obtained {en} on {when}, before the submission date {day}; the guideline's "
                        f"publication date (setting {self.date_setting}) is not set, so whether it came before the publication "
                        f"cannot be told: a reviewer must check the publication date (or set {self.date_setting})",
                        ("principal_investigator", field), expected=f"before the publication date, between {self.published_from} and {day}", actual=when,
                    )
            used_zh, used_en = f"申报日期 {day}（未设置指南发布日期 {self.date_setting}；指南在申报前发布）", f"the submission date {day} (setting {self.date_setting} not set; the guideline is published before any submission)"
            limit = day
        want_zh, want_en = self.describe()
        if held:
            _, field, zh, en, when = held[0]
            if when is None:
                return failed(
                    f"项目申报人有{zh}，但未填写取得日期 {field}，无法确认早于{used_zh}",
                    f"the principal investigator has {en} but no {field}: cannot tell it came before {used_en}",
                    ("principal_investigator", field), expected=f"before {limit}",
                )
            return failed(
                f"项目申报人于 {when} 取得{zh}，不早于{used_zh}；要求在此之前取得",
                f"the principal investigator obtained {en} on {when}, not before {used_en}",
                ("principal_investigator", field), expected=f"before {limit}", actual=when,
            )
        return failed(
            f"项目申报人学位为 {shown(degree)}、职称为 {shown(title)}，不符合要求：{want_zh}",
            f"the principal investigator's degree is {shown_en(degree)} and title is {shown_en(title)}; expected {want_en}",
            ("principal_investigator",), expected=want_en, actual={name: value for name, value in (("degree", degree), ("title", title)) if value is not MISSING},
        )

    def describe(self) -> tuple[str, str]:
        zh = "或".join([_DEGREES[d] for d in sorted(self.degrees)] + [_TITLES[t] for t in sorted(self.titles)])
        en = " or ".join([_DEGREES_EN[d] for d in sorted(self.degrees)] + [_TITLES_EN[t] for t in sorted(self.titles)])
        if self.enterprise_post:
            zh += "或企业高级职务"
            en += " or a senior enterprise post"
        if not self.date_setting:
            return f"项目申报人在申报日期前具有{zh}", f"the principal investigator held {en} before the submission date"
        if self.published_from is None:
            return (
                f"项目申报人在指南发布日期前具有{zh}（未设置 {self.date_setting} 时以申报日期计）",
                f"the principal investigator held {en} before the guideline's publication (the submission date while {self.date_setting} is unset)",
            )
        return (
            f"项目申报人在指南发布日期前具有{zh}（未设置 {self.date_setting} 时：{self.published_from} 前取得通过，"
            f"此后至申报日期前取得需核实，申报日期及以后取得不通过）",
            f"the principal investigator held {en} before the guideline's publication (while {self.date_setting} is unset: "
            f"obtained before {self.published_from} passes, from then to the day before submission needs review, "
            f"on or after the submission date fails)",
        )


@attrs.frozen(slots=False)
class NoOngoingProjects:
    """The principal investigator has no ongoing project of the excluded programmes.

    What it checks:
        No entry of ``principal_investigator.ongoing_projects`` has a ``level`` in ``levels`` and a
        ``category`` in ``categories`` and ends (``ends_on``) on or after the submission date. An entry
        without ``ends_on`` is taken as still running.

    Why:
        项目申报人应无在研的省级粤港/粤澳联合创新领域或国际科技合作领域项目: one such grant at a time.

    Failing example:
        An ongoing project ``{"level": "provincial", "category": "international_cooperation",
        "ends_on": "2023-12-31"}`` with ``submitted_on`` 2022-05-10.

    Passing example:
        The same project with ``"ends_on": "2022-05-09"``, or ``"level": "national"``.
    """

    levels: frozenset = attrs.field(converter=to_frozenset, validator=attrs.validators.min_len(1))
    categories: frozenset = attrs.field(converter=to_frozenset, validator=attrs.validators.min_len(1))

    def check(self, ctx: Context) -> Outcome:
        day = ctx.submitted_on
        ctx.mapping("principal_investigator")
        projects = list(ctx.objects("principal_investigator", "ongoing_projects", optional=True))
        for where, project in projects:
            if project.get("level") in self.levels and project.get("category") in self.categories:
                ends = ctx.optional_date_in(project, where, "ends_on")
                if ends is None or ends >= day:
                    name = project.get("program", where[-1])
                    name_zh, name_en = (name, name) if isinstance(name, (str, int)) else (shown(name), shown_en(name))
                    until = f"至 {ends}" if ends else "（未填写结束日期）"
                    return failed(
                        f"项目申报人有在研项目 {name_zh}（{project.get('level')}、{project.get('category')}）{until}，申报日期 {day} 时仍在研",
                        f"the principal investigator has an ongoing project {name_en} ({project.get('level')}, {project.get('category')}) {f'until {ends}' if ends else 'with no end date'}, still running on {day}",
                        where, expected="none running", actual={"program": name, "ends_on": ends},
                    )
        return passed(
            f"项目申报人无在研的{'/'.join(sorted(self.levels))}级{'/'.join(sorted(self.categories))}类项目（已列 {len(projects)} 项）",
            f"no ongoing {'/'.join(sorted(self.levels))} {'/'.join(sorted(self.categories))} project ({len(projects)} listed)",
            ("principal_investigator",), actual=len(projects),
        )

    def describe(self) -> tuple[str, str]:
        levels, categories = sorted(self.levels), sorted(self.categories)
        return (
            f"项目申报人无在研的{'或'.join(_LEVELS.get(v, (v, v))[0] for v in levels)}{'或'.join(_CATEGORIES.get(v, (v, v))[0] for v in categories)}项目",
            f"the principal investigator has no ongoing {' or '.join(_LEVELS.get(v, (v, v))[1] for v in levels)} "
            f"{' or '.join(_CATEGORIES.get(v, (v, v))[1] for v in categories)} project",
        )


@attrs.frozen(slots=False)
class PriorCooperation:
    """Earlier cooperation with a partner is declared; a reviewer judges whether it is solid.

    What it checks:
        ``prior_cooperation`` has an entry whose ``partner`` is a partner matching the filter, with a
        ``since`` date before the submission date. Declared: needs review (stable? solid?). None: failed.

    Why:
        项目合作各方应具有良好的互信关系和坚实的合作基础: a judgement only a reviewer can make, on
        evidence the applicant must give.

    Failing example:
        No ``prior_cooperation`` block, or one naming only a domestic partner.

    Passing example:
        Needs review: ``{"prior_cooperation": [{"partner": "tum", "since": "2018-03-01", "description": "…"}]}`` where
        ``tum`` is the foreign partner.
    """

    orgs: Orgs

    def check(self, ctx: Context) -> Outcome:
        day = ctx.submitted_on
        eligible = {org.id: org for org in ctx.partners if self.orgs.matches(ctx, org)}
        entries = list(ctx.objects("prior_cooperation", optional=True))
        want_zh, want_en = self.orgs.describe()
        for where, entry in entries:
            if entry.get("partner") in eligible:
                since = ctx.date_in(entry, where, "since")
                if since >= day:
                    continue
                org = eligible[entry["partner"]]
                return review(
                    f"已声明自 {since} 起与 {org.label} 的合作基础，需评审专家判断是否稳定、坚实",
                    f"prior cooperation with {org.label} since {since} is declared; a reviewer must judge whether it is stable and solid",
                    where, actual={"partner": entry["partner"], "since": since},
                )
        return failed(
            f"未声明与合作方（{want_zh}）在申报日期前已有的合作基础（prior_cooperation，已列 {len(entries)} 项）",
            f"no earlier cooperation with a partner ({want_en}) before the submission date is declared in prior_cooperation ({plural(len(entries), 'entry', 'entries')})",
            ("prior_cooperation",) if entries else (), expected=want_en, actual=len(entries),
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        return f"已与合作方（{zh}）建立合作基础（需评审）", f"earlier cooperation with a partner ({en}) is declared (reviewed)"


__all__ = ["Orgs", "ApplicantIs", "HasParty", "TeamCoversParties", "PIEmployed", "PIQualification", "NoOngoingProjects", "PriorCooperation", "MissingInput"]


# ----------------------------------------------------------------------------- places and country lists (zj calls)

_PLACE_PUNCTUATION = r"[\s\-‐‑–—_.,;:·'\"“”‘’()（）\[\]【】/&]+"


@lru_cache(maxsize=4096)  # the places' names are folded on every check
def fold_place(name: str) -> str:
    """A place name folded for comparison: NFKC, case-folded, without spaces and punctuation."""
    return pattern(_PLACE_PUNCTUATION).sub("", unicodedata.normalize("NFKC", name).casefold())


def _codes(instance, attribute, value) -> None:
    if not all(isinstance(code, str) and code for code in value):
        raise ValueError(f"Region.{attribute.name} must hold non-empty strings")


#: what separates the place names of a locality: commas and 、 first; spaces where there are none
#: (the patterns of this module are compiled on first use: :func:`appcheck.rules.base.pattern`)
_MAJOR_SEPARATORS = r"[,，、]"
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HAN_ONLY = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"

#: the suffixes of China's administrative divisions, county level and above: a place name written with
#: one of them, or without it, is the same place (阿克苏地区 and 阿克苏, 库车县 and 库车市)
COUNTY_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
    "省", "市", "州", "盟", "县", "区", "旗",
)
#: the suffixes of townships and subdistricts: they end a place name in a run of text, but a town is
#: its own place (a town named like a county may lie anywhere)
TOWN_SUFFIXES = ("街道", "镇", "乡")
_SUFFIXES = tuple(sorted(COUNTY_SUFFIXES + TOWN_SUFFIXES, key=len, reverse=True))
#: words that make the name before them a street's, a square's or a building's (阿克苏路, 涪陵饭店,
#: 阿克苏市场): no place name ends before them
_STREET_WORDS = ("路", "大街", "街", "大道", "道", "巷", "弄", "胡同", "广场", "场", "大厦", "大楼", "饭店", "宾馆", "酒店", "公园")
#: what may stand between a name and a street word (西藏中路, 阿克苏东路, 四川北路, 北京一路)
_STREET_PREFIXES = tuple("东西南北中一二三四五六七八九十")
#: characters that are part of the name when a county-level suffix follows them (泸州市, 万州区, 红旗区, 萍乡市)
_NAME_CHARACTERS = ("州", "旗", "乡", "镇")
#: China, its provinces and provincial-level divisions, by full and short name: read as whole place
#: names at the start of a run of text, so ``新疆阿克苏地区`` is 新疆 and 阿克苏地区
PROVINCES = (
    "中华人民共和国", "中国",
    "北京市", "北京", "天津市", "天津", "上海市", "上海", "重庆市", "重庆",
    "河北省", "河北", "山西省", "山西", "辽宁省", "辽宁", "吉林省", "吉林", "黑龙江省", "黑龙江",
    "江苏省", "江苏", "浙江省", "浙江", "安徽省", "安徽", "福建省", "福建", "江西省", "江西", "山东省", "山东",
    "河南省", "河南", "湖北省", "湖北", "湖南省", "湖南", "广东省", "广东", "海南省", "海南",
    "四川省", "四川", "贵州省", "贵州", "云南省", "云南", "陕西省", "陕西", "甘肃省", "甘肃", "青海省", "青海",
    "台湾省", "台湾", "内蒙古自治区", "内蒙古", "广西壮族自治区", "广西", "西藏自治区", "西藏",
    "宁夏回族自治区", "宁夏", "新疆维吾尔自治区", "新疆", "香港特别行政区", "香港", "澳门特别行政区", "澳门",
)


def _may_end(run: str, end: int) -> bool:
    """Whether a place name may end at ``end`` of ``run``: not before a street or building word, and
    not between a name character and the county-level suffix that completes it (泸州|市)."""
    if end >= len(run):
        return True
    if _names_a_street(run[end:]):
        return False
    return not (run[end - 1] in _NAME_CHARACTERS and run[end] in "市区县")


def _names_a_street(rest: str) -> bool:
    """Whether ``rest`` begins with a street or building word, maybe after one direction or number."""
    if rest.startswith(_STREET_PREFIXES):
        rest = rest[1:] if rest[1:].startswith(_STREET_WORDS) else rest
    return rest.startswith(_STREET_WORDS) and not rest.startswith("街道")


def _suffix_at(run: str, start: int) -> str:
    """The longest division suffix that ``run`` has at ``start`` (or "")."""
    return next((suffix for suffix in _SUFFIXES if run.startswith(suffix, start)), "")


def _known_at(run: str, start: int, known: tuple[str, ...]) -> int | None:
    """The end of the longest known name at ``start`` that is a whole place name there: a name with a
    division suffix (阿克苏地区, 万州), or a bare one (阿克苏, 新疆) followed by the end, by a division
    suffix (阿克苏 + 地区), by another known name (新疆 + 阿克苏地区) or by a division name whose stem
    names no street (广西 + 梧州市, not 阿克苏 + 东路街道); never before a street word."""
    for name in known:
        if not run.startswith(name, start):
            continue
        end = start + len(name)
        if name.endswith(_SUFFIXES) or end == len(run):
            if _may_end(run, end):
                return end
            continue
        suffix = _suffix_at(run, end)
        if suffix and _may_end(run, end + len(suffix)):
            return end + len(suffix)
        if not suffix and (any(run.startswith(other, end) for other in known) or _division_follows(run, end)):
            return end
    return None


def _division_at(run: str, start: int) -> int | None:
    """The end of the shortest division name at ``start``: a stem of one character or more and a
    division suffix (乌鲁木齐市, 温宿县, 市中区), where a name may end."""
    for end in range(start + 2, len(run) + 1):
        if any(run.endswith(suffix, start, end) and end - len(suffix) > start for suffix in _SUFFIXES) and _may_end(run, end):
            return end
    return None


def _division_follows(run: str, start: int) -> bool:
    """Whether a division name whose stem holds no street word begins at ``start``."""
    end = _division_at(run, start)
    if end is None:
        return False
    name = run[start:end]
    stem = name[: -len(next(suffix for suffix in _SUFFIXES if name.endswith(suffix)))]
    return not any(word in stem for word in _STREET_WORDS)


@lru_cache(maxsize=256)
def _known_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The Chinese names of ``names`` and the provinces, folded, longest first."""
    folded = {fold_place(name) for name in (*names, *PROVINCES)}
    return tuple(sorted((name for name in folded if pattern(_HAN_ONLY).fullmatch(name)), key=lambda name: (-len(name), name)))


@lru_cache(maxsize=1024)  # an organization's locality is read by every region rule, on every check
def _segments(run: str, names: tuple[str, ...]) -> tuple[str, ...]:
    run = fold_place(run)
    known = _known_names(names)
    segments, start = [], 0
    while start < len(run):
        end = _known_at(run, start, known) or _division_at(run, start) or len(run)
        segments.append(run[start:end])
        start = end
    return tuple(segments)


def segment_run(run: str, names: Iterable[str] = ()) -> tuple[str, ...]:
    """A run of Chinese text read as the administrative place names it is made of, in order.

    At each place, the longest known name (one of ``names``, or a province) that is a whole place name
    there comes first; otherwise the shortest division name (a stem and a suffix of :data:`COUNTY_SUFFIXES`
    or :data:`TOWN_SUFFIXES`); otherwise the rest is one name (a street, a building). No name ends before
    a street or building word. ``"阿克苏地区温宿县"`` is ``阿克苏地区`` and ``温宿县``; ``"乌鲁木齐市阿克苏路"``
    is ``乌鲁木齐市`` and ``阿克苏路``."""
    return _segments(run, tuple(names))


def _stem(name: str) -> str | None:
    """A division name without its county-level suffix (阿克苏地区 → 阿克苏), or None."""
    suffix = next((suffix for suffix in COUNTY_SUFFIXES if name.endswith(suffix) and len(name) > len(suffix)), None)
    return name[: -len(suffix)] if suffix else None


def place_names(locality: str, names: Iterable[str] = ()) -> tuple[str, ...]:
    """The whole place names a locality is read as: the whole locality, its parts, and the place names
    each part of Chinese text is made of.

    A locality with commas or 、 is split there only (``"Leicester Square, London"`` is ``Leicester
    Square`` and ``London``, and ``Leicester Square`` stays one name); one without is split at spaces
    (``"阿克苏地区 温宿县"``, ``"Wanzhou District"``). A part in Chinese is read further as the sequence of
    administrative place names it is written as (:func:`segment_run`, knowing ``names``), each also
    without its county-level suffix: ``"新疆阿克苏地区温宿县"`` is ``新疆``, ``阿克苏地区`` (and ``阿克苏``)
    and ``温宿县`` (and ``温宿``), while ``"乌鲁木齐市阿克苏路"`` is ``乌鲁木齐市`` and ``阿克苏路``, never
    ``阿克苏``. Latin-script parts are never split inside."""
    major = [part for part in pattern(_MAJOR_SEPARATORS).split(locality) if part.strip()]
    parts = major if len(major) > 1 else locality.split()
    read = [locality, *parts]
    for part in parts:
        if pattern(_HAN).search(part):
            for segment in segment_run(part, names):
                stem = _stem(segment) if pattern(_HAN).search(segment) else None
                read.extend((segment, stem) if stem else (segment,))
    return tuple(read)


@attrs.frozen(slots=False)
class Region:
    """A region the guideline names: by ISO 3166-2 codes that place an organization there by
    themselves, and by locality names (Chinese, English, pinyin) read from ``locality``.

    A given ``subdivision`` decides: one of ``codes`` places the organization in the region; any other
    code places it outside, whatever ``locality`` says, unless it is one of ``within``, the codes that
    enclose the region (CN-XJ for Aksu, GB-ENG for the Midlands): there, and where no subdivision is
    given, the locality decides. Locality names match as whole place names (:func:`place_names`,
    which reads run-together Chinese addresses as their administrative place names), folded for case,
    width, spaces and punctuation, never as part of a longer name.
    """

    name: str
    name_en: str
    country: str
    codes: frozenset = attrs.field(default=frozenset(), converter=to_frozenset, validator=_codes)
    names: tuple = attrs.field(default=(), converter=to_tuple, validator=_codes)
    within: frozenset | None = attrs.field(default=None, converter=_fs)

    def __attrs_post_init__(self) -> None:
        if not self.codes and not self.names:
            raise ValueError(f"Region {self.name_en}: give codes, names or both")
        if any(not fold_place(name) for name in self.names):
            raise ValueError(f"Region {self.name_en}: a name folds to nothing")

    def locate(self, org: Org) -> str | None:
        """How ``org`` is placed in the region (the code or name that matched), or None."""
        if org.country != self.country:
            return None
        subdivision = org.get("subdivision", MISSING)
        if isinstance(subdivision, str) and subdivision in self.codes:
            return subdivision
        if self.code_decides(org):
            return None
        locality = org.get("locality")
        if not isinstance(locality, str):
            return None
        parts = {fold_place(part) for part in place_names(locality, self.names)}
        return next((name for name in self.names if fold_place(name) in parts), None)

    def code_decides(self, org: Org) -> bool:
        """Whether ``org``'s subdivision alone places it outside the region (its locality unread); one
        that is not a code (null, a number, a list) places it nowhere."""
        subdivision = org.get("subdivision", MISSING)
        if subdivision is MISSING:
            return False
        return not isinstance(subdivision, str) or (subdivision not in self.codes and subdivision not in (self.within or ()))

    def inside_a_longer_name(self, org: Org) -> str | None:
        """A listed name that the locality holds only inside a longer name (for the failure's hint)."""
        locality = org.get("locality")
        if org.country != self.country or not isinstance(locality, str) or self.code_decides(org):
            return None
        folded = fold_place(locality)
        return next((name for name in self.names if fold_place(name) in folded), None)


@attrs.frozen(slots=False)
class PartnerInRegion:
    """A partner (of the roles and kinds given) is located in a named region.

    What it checks:
        Among the partners matching ``orgs``, at least one has ``country`` equal to the region's
        country and either a ``subdivision`` among the region's codes, or a ``locality`` one of whose
        whole place names is one of the region's names (compared case-, width-, space- and
        punctuation-insensitively). A given subdivision decides: a code outside the region fails
        whatever the locality says, unless it is a code that encloses the region (``within``: CN-XJ
        for Aksu, GB-ENG for the Midlands), where the locality decides. Whole place names: the whole
        locality, or its parts separated by commas or 、 (by spaces where there are none), so
        ``"North Northamptonshire"``, ``"Rocester, Staffordshire"``, ``"阿克苏地区 温宿县"`` and
        ``"Aksu Prefecture"`` match, while ``"Leicester Square, London"`` is not Leicester. A part in
        Chinese, written run-together as Chinese addresses are, is read as the administrative place
        names it is made of: the longest of the region's names or a province that is a whole name at
        that point first, otherwise up to the next division suffix (省, 自治区, 特别行政区, 市, 地区,
        自治州, 州, 盟, 县, 自治县, 区, 旗, 自治旗, 林区, 特区, 新区, 镇, 乡, 街道; 州/旗/乡/镇 right
        before 市/区/县 belong to the name, as in 泸州市 and 万州区), and never ending before a street or
        building word (路, 街, 大道, 巷, 广场, 大厦, 饭店…, maybe after 东/西/南/北/中 or a number).
        Each name also counts without a county-level suffix (阿克苏地区 is 阿克苏, 库车县 is 库车; not a
        town's 镇/乡/街道, towns named like a county lie anywhere). So ``"阿克苏地区温宿县"``,
        ``"新疆阿克苏地区库车市"`` and ``"青海省海西州格尔木市"`` match, while ``"乌鲁木齐市阿克苏路"``
        (乌鲁木齐市 and a street, 阿克苏路), ``"阿克苏路"``, ``"那曲大道"`` and ``"涪陵饭店"`` do not. A bare
        name (阿克苏, 新疆) followed by text is a place name only when a division suffix, another known
        name or a division name follows it. A name found only inside a longer name is pointed out in
        the failure. A partner without ``country`` fails as missing input.

    Why:
        英国中部引擎地区……共11个郡 / 帮扶地包括新疆阿克苏地区（含新疆建设兵团农一师）……: the call is
        bound to a region, which ISO codes alone do not always name (prefectures and districts of China
        have no ISO 3166-2 code).

    Failing example:
        ``PartnerInRegion(Orgs(roles={"foreign_partner"}), MIDLANDS)`` with a partner in ``GB-MAN``
        (Manchester), whatever its locality, or in ``GB-ENG`` with the locality ``"Leicester Square, London"``;
        ``PartnerInRegion(Orgs(roles={"local_partner"}), AKSU)`` with ``{"country": "CN", "subdivision":
        "CN-XJ", "locality": "乌鲁木齐市阿克苏路"}`` (a street of Ürümqi).

    Passing example:
        The same rule with ``{"country": "GB", "subdivision": "GB-DER"}`` (Derby) or
        ``{"country": "GB", "subdivision": "GB-ENG", "locality": "West Northamptonshire"}``; the Aksu
        rule with ``{"country": "CN", "subdivision": "CN-XJ", "locality": "新疆阿克苏地区库车市"}``.
    """

    orgs: Orgs
    region: Region

    def check(self, ctx: Context) -> Outcome:
        candidates = [org for org in ctx.partners if self.orgs.matches(ctx, org)]
        want_zh, want_en = self.orgs.describe()
        places = []
        for org in candidates:
            ctx.country_of(org)
            match = self.region.locate(org)
            if match is not None:
                return passed(
                    f"合作单位 {org.label} 位于{self.region.name}（{match}）",
                    f"the partner {org.label} is in {self.region.name_en} ({match})",
                    org.segments, expected=self.region.name_en, actual=match,
                )
            places.append({"id": org.id, "country": org.country, "subdivision": org.subdivision, "locality": org.get("locality")})
        found = [(shown(p["id"]), " ".join(shown(p[key]) for key in ("country", "subdivision", "locality") if p[key])) for p in places]
        hint_zh = hint_en = ""
        for org in candidates:
            inner = self.region.inside_a_longer_name(org)
            if inner is not None:
                hint_zh = f"（{org.label} 的所在地“{org.get('locality')}”只在更长的地名中含有“{inner}”，不作为该地名；多个地名请以逗号、空格或顿号分隔）"
                hint_en = f" ({org.label}'s locality \"{org.get('locality')}\" holds \"{inner}\" only inside a longer name, which is not that place; separate place names with commas, spaces or 、)"
                break
            if org.country == self.region.country and self.region.code_decides(org) and isinstance(org.get("locality"), str):
                hint_zh = f"（{org.label} 的地区代码 {shown(org.subdivision)} 在该地区以外，所在地名称不再判断）"
                hint_en = f" ({org.label}'s subdivision {shown_en(org.subdivision)} is outside the region, so its locality is not read)"
                break
        return failed(
            f"没有位于{self.region.name}的合作单位（{want_zh}）；已列：{'；'.join(f'{i}：{where}' for i, where in found) or '无'}{hint_zh}",
            f"no partner ({want_en}) is in {self.region.name_en}; found: {'; '.join(f'{i}: {where}' for i, where in found) or 'none'}{hint_en}",
            candidates[0].segments if candidates else ("partners",), expected=self.region.name_en, actual=places,
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        codes = "/".join(sorted(self.region.codes))
        return (
            f"至少一家合作单位（{zh}）位于{self.region.name}" + (f"（{codes} 或完整地名）" if codes else "（按完整地名）"),
            f"at least one partner ({en}) is in {self.region.name_en}" + (f" ({codes} or by whole place name)" if codes else " (by whole place name)"),
        )


@attrs.frozen(slots=False)
class PartnerInCountries:
    """A partner is in one of the named countries or shipped country lists.

    What it checks:
        Among the partners matching ``orgs``, at least one has a ``country`` in ``countries`` or in one
        of the shipped lists ``lists`` (``appcheck.reference.country_list``, latest membership), minus
        ``exclude``: passed. Otherwise, when one is in ``review_countries`` (membership disputed) or,
        with ``review_others``, in any other country outside ``exclude`` (a clause ending in 等):
        needs review. Otherwise failed, naming the countries found.

    Why:
        与"一带一路"共建国家…… / 与美国、欧洲等国家…… / 开展与金砖国家、阿拉伯国家相关创新主体的合作研究:
        the guidelines name partner countries by group; the lists ship with their source and date.

    Failing example:
        ``PartnerInCountries(Orgs(roles={"foreign_partner"}), lists=("belt_and_road",))`` with the only
        foreign partner in ``JP``.

    Passing example:
        The same rule with a foreign partner in ``KZ``.
    """

    orgs: Orgs
    countries: frozenset = attrs.field(default=frozenset(), converter=to_frozenset)
    lists: tuple = attrs.field(default=(), converter=to_tuple)
    exclude: frozenset = attrs.field(default=frozenset(), converter=to_frozenset)
    review_countries: frozenset = attrs.field(default=frozenset(), converter=to_frozenset)
    review_others: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.countries and not self.lists:
            raise ValueError("PartnerInCountries needs countries, lists or both")
        for list_id in self.lists:
            _country_list(list_id)  # an unknown list fails when the topic is built

    def allowed(self) -> frozenset:
        return _countries_of(self.countries, self.lists, self.exclude)[0]

    def _wanted(self) -> tuple[str, str]:
        return _countries_of(self.countries, self.lists, self.exclude)[2]

    def check(self, ctx: Context) -> Outcome:
        allowed, ordered, (want_zh, want_en) = _countries_of(self.countries, self.lists, self.exclude)
        candidates = [org for org in ctx.partners if self.orgs.matches(ctx, org)]
        who_zh, who_en = self.orgs.describe()
        unclear = []
        for org in candidates:
            country = ctx.country_of(org)
            if country in allowed:
                return passed(
                    f"合作单位 {org.label} 位于 {country}，属于{want_zh}",
                    f"the partner {org.label} is in {country}, one of {want_en}",
                    org.at("country"), expected=list(ordered), actual=country,
                )
            if country in self.review_countries or (self.review_others and country not in self.exclude):
                unclear.append(org)
        if unclear:
            org = unclear[0]
            return review(
                f"合作单位 {org.label} 位于 {shown(org.country)}，不在所附名单（{want_zh}）中，但条款未穷尽列举或该国成员身份未定，需核实",
                f"the partner {org.label} is in {shown_en(org.country)}, not on the shipped list ({want_en}), but the clause is open or its membership is unsettled: a reviewer must judge",
                org.at("country"), expected=list(ordered), actual=org.country,
            )
        found = sorted({str(org.country) for org in candidates})
        return failed(
            f"没有位于{want_zh}的合作单位（{who_zh}）；所列合作单位国家：{'、'.join(found) or '无'}",
            f"no partner ({who_en}) is in {want_en}; partner countries: {', '.join(found) or 'none'}",
            candidates[0].at("country") if candidates else ("partners",), expected=list(ordered), actual=found,
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self._wanted()
        who_zh, who_en = self.orgs.describe()
        extra_zh = "；其他国家需核实" if self.review_others else (f"；{'/'.join(sorted(self.review_countries))} 需核实" if self.review_countries else "")
        extra_en = "; other countries need review" if self.review_others else (f"; {'/'.join(sorted(self.review_countries))} {'needs' if len(self.review_countries) == 1 else 'need'} review" if self.review_countries else "")
        return f"至少一家合作单位（{who_zh}）位于{zh}{extra_zh}", f"at least one partner ({who_en}) is in {en}{extra_en}"


def _country_list(list_id: str):
    from ..reference import country_list

    return country_list(list_id)


@cache  # a rule's countries read the same on every check (the shipped lists are read once)
def _countries_of(countries: frozenset, lists: tuple, exclude: frozenset) -> tuple[frozenset, tuple, tuple[str, str]]:
    """What :class:`PartnerInCountries` accepts: the allowed countries, the same sorted, and how
    messages name them (Chinese, English)."""
    found = set(countries)
    for list_id in lists:
        found |= _country_list(list_id).countries
    allowed = frozenset(found - exclude)
    zh = [*sorted(countries), *(_country_list(i).title for i in lists)]
    en = [*sorted(countries), *(_country_list(i).title_en for i in lists)]
    zh_text, en_text = "、".join(zh), ", ".join(en)
    if exclude:
        zh_text += f"（不含 {'/'.join(sorted(exclude))}）"
        en_text += f" (not {'/'.join(sorted(exclude))})"
    return allowed, tuple(sorted(allowed)), (zh_text, en_text)


@attrs.frozen(slots=False)
class ForeignRDCenter:
    """A partner is an R&D institution set up in China by a foreign Fortune Global 500 company.

    What it checks:
        Some partner has a ``foreign_rd_center`` block, its ``country`` is CN (legally established in
        China), its ``parent_in_global_500`` is true and its ``parent_country`` is not CN (外资: a
        foreign-invested company; HK/MO/TW parents count as outside the mainland). The first partner
        with the block that falls short is named with what it lacks.

    Why:
        与世界500强外资企业在华依法设立的研发机构开展项目研发合作.

    Failing example:
        A partner with ``"foreign_rd_center": {"parent_company": "…", "parent_country": "DE",
        "parent_in_global_500": false}``.

    Passing example:
        The same partner with ``"parent_in_global_500": true`` and ``"country": "CN"``.
    """

    def check(self, ctx: Context) -> Outcome:
        centers = [org for org in ctx.partners if isinstance(org.get("foreign_rd_center"), dict)]
        if not centers:
            return failed(
                "没有外资研发机构合作单位（缺少 foreign_rd_center）",
                "no partner is a foreign R&D centre (no foreign_rd_center block)",
                ("partners",), expected="a partner with foreign_rd_center", actual=0,
            )
        first_lack = None
        for org in centers:
            country = ctx.country_of(org)
            global_500 = ctx.boolean(*org.at("foreign_rd_center"), "parent_in_global_500")
            parent = ctx.string(*org.at("foreign_rd_center"), "parent_company")
            parent_country = ctx.string(*org.at("foreign_rd_center"), "parent_country")
            if country != "CN":
                lack = (f"{org.label} 注册于 {country}，应为在华依法设立（CN）", f"{org.label} is registered in {country}, not in China", org.at("country"), country)
            elif not global_500:
                lack = (f"{org.label} 的母公司 {parent} 不是世界500强", f"the parent {parent} of {org.label} is not in the Fortune Global 500", org.at("foreign_rd_center") + ("parent_in_global_500",), False)
            elif parent_country == "CN":
                lack = (f"{org.label} 的母公司 {parent} 为中国内地企业，不是外资企业", f"the parent {parent} of {org.label} is a mainland Chinese company, not foreign", org.at("foreign_rd_center") + ("parent_country",), parent_country)
            else:
                return passed(
                    f"合作单位 {org.label} 是世界500强外资企业 {parent}（{parent_country}）在华设立的研发机构",
                    f"the partner {org.label} is the China R&D centre of the Fortune Global 500 company {parent} ({parent_country})",
                    org.segments, actual={"parent_company": parent, "parent_country": parent_country},
                )
            first_lack = first_lack or lack
        zh, en, where, actual = first_lack
        return failed(f"外资研发机构不符合要求：{zh}", f"the foreign R&D centre does not qualify: {en}", where, expected="a China-registered R&D centre of a foreign Fortune Global 500 company", actual=actual)

    def describe(self) -> tuple[str, str]:
        return "至少一家合作单位是世界500强外资企业在华依法设立的研发机构", "a partner is the China-registered R&D centre of a foreign Fortune Global 500 company"


# ----------------------------------------------------------------------------- every partner of a group; partner countries

from .base import months_before as _months_before  # noqa: E402  (appended section)

#: a registration date that would have to fall before the calendar's first day
_BEFORE_CALENDAR = object()
from .base import as_date as _as_date  # noqa: E402


@attrs.frozen(slots=False)
class PartnersAre:
    """Every partner of a group (the French partners, the foreign partners) is of the required kind, status and age.

    What it checks:
        The partners matching ``select`` number at least ``minimum``; each of them matches ``require``;
        with ``legal_entity`` its ``independent_legal_entity`` is true; with ``registered_years`` its
        ``registered_on`` is on or before ``submitted_on`` minus that many calendar years
        (``relativedelta``: registered 2019-05-10 is 3 years before 2022-05-10 and passes;
        2019-05-11 fails). The first partner that does not qualify is named with the reason.

    Why:
        法方合作单位应为在法国注册 3 年以上的科研院所或高校，具有独立法人资格 / 日方合作单位仅限在日本
        境内注册的企业: the clause restricts who may be a partner of that side, not just one of them.

    Failing example:
        ``PartnersAre(Orgs(roles={"foreign_partner"}), Orgs(kinds={"enterprise"}, countries={"JP"}))``
        with a Japanese foreign partner of kind ``university``.

    Passing example:
        The same rule where every foreign partner is a Japanese ``enterprise``.
    """

    select: Orgs
    require: Orgs
    legal_entity: bool = False
    registered_years: int | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.ge(1)))
    minimum: int = attrs.field(default=1, validator=attrs.validators.ge(0))

    def check(self, ctx: Context) -> Outcome:
        group = [org for org in ctx.partners if self.select.matches(ctx, org)]
        sel_zh, sel_en = self.select.describe()
        want_zh, want_en = self.describe()
        if len(group) < self.minimum:
            return failed(
                f"没有{sel_zh}（{len(group)} 家），要求至少 {self.minimum} 家且{want_zh}",
                f"{plural(len(group), 'partner')} {'is' if len(group) == 1 else 'are'} {sel_en}; at least {self.minimum} required, and {want_en}",
                ("partners",), expected=self.minimum, actual=len(group),
            )
        req_zh, req_en = self.require.describe()
        latest = (_months_before(ctx.submitted_on, 12 * self.registered_years) or _BEFORE_CALENDAR) if self.registered_years else None
        for org in group:
            if not self.require.matches(ctx, org):
                summary = _org_summary(ctx, org)
                return failed(
                    f"{org.label}（{_fmt(summary)}）不符合要求：应为{req_zh}",
                    f"{org.label} ({_fmt(summary)}) does not qualify: expected {req_en}",
                    org.segments, expected=req_en, actual=summary,
                )
            if self.legal_entity and ctx.field(org, "independent_legal_entity", "true 或 false", "true or false", lambda v: v if isinstance(v, bool) else None) is not True:
                return failed(
                    f"{org.label} 未声明具备独立法人资格（independent_legal_entity 为 false）",
                    f"{org.label} is not an independent legal entity (independent_legal_entity is false)",
                    org.at("independent_legal_entity"), expected=True, actual=False,
                )
            if latest is not None:
                registered = ctx.field(org, "registered_on", "YYYY-MM-DD 格式的注册日期", "a YYYY-MM-DD registration date", _as_date)
                if latest is _BEFORE_CALENDAR or registered > latest:
                    latest_zh, latest_en = ("日历首日 0001-01-01 之前的日期", "a date before the calendar's first day, 0001-01-01") if latest is _BEFORE_CALENDAR else (latest, latest)
                    return failed(
                        f"{org.label} 注册于 {registered}，至申报日期 {ctx.submitted_on} 不满 {self.registered_years} 年（应不晚于 {latest_zh}）",
                        f"{org.label} was registered on {registered}, less than {plural(self.registered_years, 'year')} before the submission date {ctx.submitted_on} (registered on or before {latest_en} required)",
                        org.at("registered_on"), expected=f"on or before {latest_en}", actual=registered,
                    )
        names = "、".join(org.label for org in group)
        return passed(f"{sel_zh}（{names}）均符合要求：{want_zh}", f"every partner that is {sel_en} ({', '.join(org.label for org in group)}) qualifies: {want_en}", ("partners",), actual=len(group))

    def describe(self) -> tuple[str, str]:
        sel_zh, sel_en = self.select.describe()
        zh, en = self.require.describe()
        extra_zh, extra_en = [], []
        if self.legal_entity:
            extra_zh.append("具备独立法人资格")
            extra_en.append("an independent legal entity")
        if self.registered_years:
            extra_zh.append(f"注册满 {self.registered_years} 年（注册日期不晚于申报日期前推 {self.registered_years} 个日历年的同一日）")
            extra_en.append(f"registered at least {plural(self.registered_years, 'year')} before the submission date (on or before the same day {plural(self.registered_years, 'calendar year')} earlier)")
        return (
            f"每家{sel_zh}均为{zh}" + ("，" + "，".join(extra_zh) if extra_zh else ""),
            f"every partner that is {sel_en} is {en}" + (", " + ", ".join(extra_en) if extra_en else ""),
        )


@attrs.frozen(slots=False)
class PartnerCountries:
    """The partners of a kind come from at least ``minimum`` of the listed countries.

    What it checks:
        Among the partners matching ``orgs``, the distinct ``country`` values that are in ``countries``
        number at least ``minimum``. Partners from other countries neither count nor fail.

    Why:
        合作方应包括来自其余金砖四国（巴西、俄罗斯、印度、南非）中的至少两国: a multilateral project
        needs several of the member countries.

    Failing example:
        ``PartnerCountries(Orgs(roles={"foreign_partner"}), {"BR", "RU", "IN", "ZA"}, 2)`` with two
        foreign partners, both in ``BR``.

    Passing example:
        The same rule with one partner in ``BR`` and one in ``ZA``.
    """

    orgs: Orgs
    countries: frozenset = attrs.field(converter=to_frozenset, validator=attrs.validators.min_len(1))
    minimum: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    def __attrs_post_init__(self) -> None:
        if self.minimum > len(self.countries):
            raise ValueError(f"PartnerCountries: minimum {self.minimum} exceeds the {len(self.countries)} countries listed")

    def check(self, ctx: Context) -> Outcome:
        found = sorted({ctx.country_of(org) for org in ctx.partners if self.orgs.matches(ctx, org)} & self.countries)
        want = "/".join(sorted(self.countries))
        who_zh, who_en = self.orgs.describe()
        if len(found) < self.minimum:
            return failed(
                f"{who_zh}来自 {want} 中的 {len(found)} 国（{'、'.join(found) or '无'}），要求至少 {self.minimum} 国",
                f"the matching partners ({who_en}) come from {len(found)} of {want} ({', '.join(found) or 'none'}); at least {self.minimum} required",
                ("partners",), expected=self.minimum, actual=found,
            )
        return passed(
            f"{who_zh}来自 {want} 中的 {len(found)} 国：{'、'.join(found)}",
            f"the matching partners ({who_en}) come from {len(found)} of {want}: {', '.join(found)}",
            ("partners",), expected=self.minimum, actual=found,
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        want = "/".join(sorted(self.countries))
        return f"{zh}来自 {want} 中至少 {self.minimum} 国", f"the matching partners ({en}) come from at least {self.minimum} of {want}"
