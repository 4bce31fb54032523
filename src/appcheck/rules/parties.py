"""Rules about who takes part: the applicant, the partners, the team and the principal investigator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Any

import attrs

from ..converters import to_frozenset
from .base import MISSING, NOT_FOREIGN, Context, MissingInput, Org, Outcome, failed, passed_saying, plural, review, shown, shown_en

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
        if not self.orgs.matches(ctx, applicant):
            want_zh, want_en = self.describe()
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
        label = applicant.label  # the words keep the label, never an Org

        def words() -> tuple[str, str]:
            want_zh, want_en = self.describe()
            return f"申报单位 {label} 符合要求：{want_zh}", f"the applicant {label} qualifies: {want_en}"

        return passed_saying(words, ("applicant",), actual=summary)

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
        if len(matching) >= self.minimum:
            names = [org.label for org in matching]  # the words keep names, never an Org

            def words() -> tuple[str, str]:
                want_zh, want_en = self.orgs.describe()
                return (
                    f"有 {len(names)} 家符合要求的单位（{want_zh}）：{'、'.join(names)}",
                    f"{plural(len(names), 'organization')} {'matches' if len(names) == 1 else 'match'} ({want_en}): {', '.join(names)}",
                )

            return passed_saying(words, matching[0].segments, expected=self.minimum, actual=len(matching))
        want_zh, want_en = self.orgs.describe()
        where = ("partners",) if not self.include_applicant or not matching else matching[0].segments
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
        organizations, people = len(ids), len(members)
        return passed_saying(
            lambda: (
                f"项目组覆盖全部 {organizations} 家单位（{people} 名成员）",
                f"the team covers {'the' if organizations == 1 else 'all'} {plural(organizations, 'organization')} ({plural(people, 'member')})",
            ),
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
        return passed_saying(
            lambda: (f"项目申报人为申报单位 {applicant_id} 的在职人员", f"the principal investigator is employed by the applicant {applicant_id}"),
            ("principal_investigator",),
        )

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
        # the date compared with, and which of the reference dates it is (how messages name it: _reference)
        if configured is not None:
            limit, reference = configured, "setting"
        elif not self.date_setting:
            limit, reference = day, "submitted"
        elif self.published_from is None or day <= self.published_from:  # a submission before the earliest publication: the submission date bounds
            limit, reference = day, "submitted, unset"
        else:
            limit, reference = self.published_from, "earliest publication"
        dated = [entry for entry in held if entry[-1] is not None]
        for field, _, zh, en, when in dated:
            if when < limit:  # returned at once: the words read this entry, never a later one

                def words() -> tuple[str, str]:
                    used_zh, used_en = self._reference(reference, configured, day)
                    return f"项目申报人于 {when} 取得{zh}，早于{used_zh}", f"the principal investigator obtained {en} on {when}, before {used_en}"

                return passed_saying(words, ("principal_investigator", field), expected=f"before {limit}", actual=when)
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
            limit, reference = day, "submitted, published before"
        if held:
            _, field, zh, en, when = held[0]
            used_zh, used_en = self._reference(reference, configured, day)
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
        want_zh, want_en = self.describe()
        return failed(
            f"项目申报人学位为 {shown(degree)}、职称为 {shown(title)}，不符合要求：{want_zh}",
            f"the principal investigator's degree is {shown_en(degree)} and title is {shown_en(title)}; expected {want_en}",
            ("principal_investigator",), expected=want_en, actual={name: value for name, value in (("degree", degree), ("title", title)) if value is not MISSING},
        )

    def _reference(self, reference: str, configured: Any, day: dt.date) -> tuple[str, str]:
        """How messages name the date a qualification is compared with (``reference``, from :meth:`check`)."""
        if reference == "setting":
            return f"指南发布日期 {configured}（设置 {self.date_setting}）", f"the guideline's publication date {configured} (setting {self.date_setting})"
        if reference == "submitted":
            return f"申报日期 {day}", f"the submission date {day}"
        if reference == "submitted, unset":
            return f"申报日期 {day}（未设置指南发布日期 {self.date_setting}）", f"the submission date {day} (setting {self.date_setting} not set)"
        if reference == "earliest publication":
            return (
                f"{self.published_from}（未设置指南发布日期 {self.date_setting}，指南最早于该日发布）",
                f"{self.published_from} (setting {self.date_setting} not set: the earliest the guideline can have been published)",
            )
        return (  # "submitted, published before": the qualification came after published_from, not before submitted_on
            f"申报日期 {day}（未设置指南发布日期 {self.date_setting}；指南在申报前发布）",
            f"the submission date {day} (setting {self.date_setting} not set; the guideline is published before any submission)",
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
        listed = len(projects)
        return passed_saying(
            lambda: (
                f"项目申报人无在研的{'/'.join(sorted(self.levels))}级{'/'.join(sorted(self.categories))}类项目（已列 {listed} 项）",
                f"no ongoing {'/'.join(sorted(self.levels))} {'/'.join(sorted(self.categories))} project ({listed} listed)",
            ),
            ("principal_investigator",), actual=listed,
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
