"""Rules about who takes part: the applicant, the partners, the team and the principal investigator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from .base import NOT_FOREIGN, Context, MissingInput, Org, Outcome, failed, passed, review

_fs = attrs.converters.optional(frozenset)

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


@attrs.frozen
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
        if self.roles is not None and org.role not in self.roles:
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
        zh, en = [], []
        if self.roles:
            zh.append("/".join(ROLE_NAMES[r][0] for r in sorted(self.roles)))
            en.append(" or ".join(ROLE_NAMES[r][1] for r in sorted(self.roles)))
        if self.countries:
            zh.append(f"国家为 {_join(self.countries, '/')}")
            en.append(f"in {_join(self.countries, '/')}")
        if self.not_countries == NOT_FOREIGN:
            zh.append("国外（不含港澳台）")
            en.append("foreign (not CN, HK, MO, TW)")
        elif self.not_countries:
            zh.append(f"国家不为 {_join(self.not_countries, '/')}")
            en.append(f"not in {_join(self.not_countries, '/')}")
        if self.subdivisions:
            zh.append(f"地区为 {_join(self.subdivisions, '/')}")
            en.append(f"in {_join(self.subdivisions, '/')}")
        if self.kinds:
            zh.append("/".join(KIND_NAMES[k][0] for k in sorted(self.kinds)))
            en.append(" or ".join(KIND_NAMES[k][1] for k in sorted(self.kinds)))
        text_zh, text_en = "、".join(zh) or "任意单位", ", ".join(en) or "any organization"
        if self.or_kinds:
            text_zh += "，或" + "/".join(KIND_NAMES[k][0] for k in sorted(self.or_kinds))
            text_en += ", or " + " or ".join(KIND_NAMES[k][1] for k in sorted(self.or_kinds))
        return text_zh, text_en


def _org_summary(ctx: Context, org: Org) -> dict:
    return {key: org.get(key) for key in ("id", "kind", "country", "subdivision") if org.get(key) is not None}


@attrs.frozen
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
    return ", ".join(f"{key}={value}" for key, value in summary.items())


@attrs.frozen
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
                f"{len(matching)} organization(s) match ({want_en}): {', '.join(names)}",
                matching[0].segments, expected=self.minimum, actual=len(matching),
            )
        scope_zh = "申报单位及合作单位" if self.include_applicant else "合作单位"
        scope_en = "the applicant and partners" if self.include_applicant else "the partners"
        return failed(
            f"{scope_zh}中符合要求的单位（{want_zh}）有 {len(matching)} 家，要求不少于 {self.minimum} 家",
            f"{len(matching)} of {scope_en} match ({want_en}); at least {self.minimum} required",
            where, expected=self.minimum, actual=len(matching),
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        scope = ("申报单位或合作单位中", "the applicant or partners include") if self.include_applicant else ("合作单位中", "the partners include")
        return f"{scope[0]}至少 {self.minimum} 家{zh}", f"{scope[1]} at least {self.minimum}: {en}"


@attrs.frozen
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
                    f"项目组成员 {member.get('name', where[-1])} 所属单位 {org_id!r} 不是本申报书中的单位",
                    f"team member {member.get('name', where[-1])} belongs to {org_id!r}, which is not an organization of this bundle",
                    where + ("organization",), expected=sorted(map(str, ids)), actual=org_id,
                )
            covered[org_id] = covered.get(org_id, 0) + 1
        missing = [org for org in ctx.organizations if org.id not in covered]
        if missing:
            return failed(
                f"项目组中没有以下单位的成员：{'、'.join(org.label for org in missing)}；要求各方单位至少 1 名成员",
                f"the team has no member from: {', '.join(org.label for org in missing)}; every party needs at least 1",
                ("team",), expected=1, actual={str(org.id): 0 for org in missing},
            )
        return passed(
            f"项目组覆盖全部 {len(ids)} 家单位（{len(members)} 名成员）",
            f"the team covers all {len(ids)} organizations ({len(members)} members)",
            ("team",), actual={str(key): value for key, value in covered.items()},
        )

    def describe(self) -> tuple[str, str]:
        return "项目组包括申报单位和每家合作单位至少 1 名成员", "the team has at least one member from the applicant and from every partner"


@attrs.frozen
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
                f"项目申报人所属单位为 {organization}，应为申报单位 {applicant_id}",
                f"the principal investigator belongs to {organization}, expected the applicant {applicant_id}",
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


@attrs.frozen
class PIQualification:
    """The principal investigator held a qualifying degree, title or enterprise post before a date.

    What it checks:
        One of: ``degree`` in ``degrees`` awarded (``degree_awarded_on``) strictly before the reference
        date; ``title`` in ``titles`` obtained (``title_awarded_on``) strictly before it; with
        ``enterprise_post``, ``enterprise_senior_position`` true since (``enterprise_senior_position_since``)
        strictly before it. The reference date is the setting ``date_setting`` (the guideline's
        publication date) when set, else the bundle's ``submitted_on``; the message says which.

    Why:
        项目申报人应在指南发布之日前获得相关专业博士学位或副高及以上职称. The publication date is not
        printed in the guideline, so it is a setting; without it the submission date is the latest
        date the qualification could be checked against.

    Failing example:
        ``{"principal_investigator": {"degree": "master", "title": "intermediate"}}``.

    Passing example:
        ``{"principal_investigator": {"title": "associate_senior", "title_awarded_on": "2015-12-01"}}``
        with ``submitted_on`` 2022-05-10.
    """

    degrees: frozenset = attrs.field(converter=frozenset, default=frozenset({"doctorate"}))
    titles: frozenset = attrs.field(converter=frozenset, default=frozenset({"senior", "associate_senior"}))
    enterprise_post: bool = False
    date_setting: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.degrees <= set(_DEGREES) or not self.titles <= set(_TITLES):
            raise ValueError("PIQualification: unknown degree or title")

    def _reference(self, ctx: Context) -> tuple[dt.date, str, str]:
        configured = ctx.setting(self.date_setting) if self.date_setting else None
        if configured is not None:
            return configured, f"指南发布日期 {configured}（设置 {self.date_setting}）", f"the guideline's publication date {configured} (setting {self.date_setting})"
        day = ctx.submitted_on
        return day, f"申报日期 {day}（未设置指南发布日期 {self.date_setting}）", f"the submission date {day} (setting {self.date_setting} not set)"

    def check(self, ctx: Context) -> Outcome:
        ctx.mapping("principal_investigator")
        day, used_zh, used_en = self._reference(ctx)
        held = []
        degree = ctx.value("principal_investigator", "degree")
        if degree in self.degrees:
            when = ctx.optional_date("principal_investigator", "degree_awarded_on")
            held.append(("degree", _DEGREES[degree], degree, when))
        title = ctx.value("principal_investigator", "title")
        if title in self.titles:
            when = ctx.optional_date("principal_investigator", "title_awarded_on")
            held.append(("title", _TITLES[title], title, when))
        if self.enterprise_post and ctx.value("principal_investigator", "enterprise_senior_position") is True:
            when = ctx.optional_date("principal_investigator", "enterprise_senior_position_since")
            held.append(("enterprise_senior_position", "企业高级职务", "a senior enterprise post", when))
        for field, zh, en, when in held:
            if when is not None and when < day:
                return passed(
                    f"项目申报人于 {when} 取得{zh}，早于{used_zh}",
                    f"the principal investigator obtained {en} on {when}, before {used_en}",
                    ("principal_investigator", field), expected=f"before {day}", actual=when,
                )
        want_zh, want_en = self.describe()
        if held:
            field, zh, en, when = held[0]
            date_field = {"degree": "degree_awarded_on", "title": "title_awarded_on"}.get(field, "enterprise_senior_position_since")
            if when is None:
                return failed(
                    f"项目申报人有{zh}，但未填写取得日期 {date_field}，无法确认早于{used_zh}",
                    f"the principal investigator has {en} but no {date_field}: cannot tell it came before {used_en}",
                    ("principal_investigator", date_field), expected=f"before {day}",
                )
            return failed(
                f"项目申报人于 {when} 取得{zh}，不早于{used_zh}；要求在此之前取得",
                f"the principal investigator obtained {en} on {when}, not before {used_en}",
                ("principal_investigator", date_field), expected=f"before {day}", actual=when,
            )
        return failed(
            f"项目申报人学位为 {degree}、职称为 {title}，不符合要求：{want_zh}",
            f"the principal investigator has degree {degree} and title {title}; expected {want_en}",
            ("principal_investigator",), expected=want_en, actual={"degree": degree, "title": title},
        )

    def describe(self) -> tuple[str, str]:
        zh = "或".join([_DEGREES[d] for d in sorted(self.degrees)] + [_TITLES[t] for t in sorted(self.titles)])
        en = " or ".join(sorted(self.degrees) + [f"title {t}" for t in sorted(self.titles)])
        if self.enterprise_post:
            zh += "或企业高级职务"
            en += " or a senior enterprise post"
        return f"项目申报人在指南发布日期前具有{zh}", f"the principal investigator held {en} before the guideline's publication"


@attrs.frozen
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

    levels: frozenset = attrs.field(converter=frozenset, validator=attrs.validators.min_len(1))
    categories: frozenset = attrs.field(converter=frozenset, validator=attrs.validators.min_len(1))

    def check(self, ctx: Context) -> Outcome:
        day = ctx.submitted_on
        ctx.mapping("principal_investigator")
        projects = list(ctx.objects("principal_investigator", "ongoing_projects", optional=True))
        for where, project in projects:
            if project.get("level") in self.levels and project.get("category") in self.categories:
                ends = ctx.optional_date(*where, "ends_on")
                if ends is None or ends >= day:
                    name = project.get("program", where[-1])
                    until = f"至 {ends}" if ends else "（未填写结束日期）"
                    return failed(
                        f"项目申报人有在研项目 {name}（{project.get('level')}、{project.get('category')}）{until}，申报日期 {day} 时仍在研",
                        f"the principal investigator has an ongoing project {name} ({project.get('level')}, {project.get('category')}) until {ends or '(no end date)'}, still running on {day}",
                        where, expected="none running", actual={"program": name, "ends_on": ends},
                    )
        return passed(
            f"项目申报人无在研的{'/'.join(sorted(self.levels))}级{'/'.join(sorted(self.categories))}类项目（已列 {len(projects)} 项）",
            f"no ongoing {'/'.join(sorted(self.levels))} {'/'.join(sorted(self.categories))} project ({len(projects)} listed)",
            ("principal_investigator",), actual=len(projects),
        )

    def describe(self) -> tuple[str, str]:
        return (
            f"项目申报人无在研的 {'/'.join(sorted(self.levels))} 级 {'/'.join(sorted(self.categories))} 项目",
            f"the principal investigator has no ongoing {'/'.join(sorted(self.levels))} {'/'.join(sorted(self.categories))} project",
        )


@attrs.frozen
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
                since = ctx.date(*where, "since")
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
            f"no earlier cooperation with a partner ({want_en}) before the submission date is declared in prior_cooperation ({len(entries)} entries)",
            ("prior_cooperation",) if entries else (), expected=want_en, actual=len(entries),
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        return f"已与合作方（{zh}）建立合作基础（需评审）", f"earlier cooperation with a partner ({en}) is declared (reviewed)"


__all__ = ["Orgs", "ApplicantIs", "HasParty", "TeamCoversParties", "PIEmployed", "PIQualification", "NoOngoingProjects", "PriorCooperation", "MissingInput"]
