"""Rules about the cooperation platform a project is carried by (zj-2026 重大科技合作平台, zj-2022 载体)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ..converters import to_frozenset, to_tuple
from .base import MISSING, Context, Outcome, a_or_an, failed, passed_saying, review, run, shown, shown_en
from .places import fold_place

PLATFORM = ("platform",)
TYPE_NAMES = {
    "head_of_state_center": ("服务“元首外交”的国际科技合作中心", "a head-of-state diplomacy centre"),
    "belt_and_road_lab": ("国家“一带一路”联合实验室", "a national Belt and Road joint lab"),
    "most_base": ("科技部国际科技合作基地", "a MOST international cooperation base"),
    "provincial_joint_lab": ("省级国际联合实验室", "a provincial international joint lab"),
    "provincial_base": ("省科技厅国际科技合作基地", "a provincial international cooperation base"),
    "other_base": ("其他载体", "another carrier"),
}
GRADES = {"excellent": "优秀", "good": "良好", "pass": "合格", "fail": "不合格"}


def same_name(a: str, b: str) -> bool:
    """Platform names compared folded (case, spaces, punctuation and quotes such as “一带一路” ignored)."""
    return fold_place(a) == fold_place(b)


@attrs.frozen(slots=False)
class Carrier:
    """A kind of carrier the guideline accepts: its ``platform.type`` and, where required, the year and grade of its evaluation."""

    type: str = attrs.field(validator=attrs.validators.in_(TYPE_NAMES))
    year: int | None = None
    grade: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.in_(GRADES)))

    def text(self) -> tuple[str, str]:
        zh, en = TYPE_NAMES[self.type]
        if self.year is not None:
            zh += f"（{self.year}年度绩效评价{GRADES[self.grade]}）"
            en += f" (graded {self.grade} in its {self.year} evaluation)"
        return zh, en

    def accepts(self, platform: Mapping) -> bool:
        if platform.get("type") != self.type:
            return False
        if self.year is None:
            return True
        evaluation = platform.get("evaluation")
        return isinstance(evaluation, Mapping) and evaluation.get("year") == self.year and evaluation.get("grade") == self.grade


@attrs.frozen(slots=False)
class PlatformHost:
    """The applicant is the Zhejiang host of an eligible platform.

    What it checks:
        ``platform`` is present; ``platform.host`` is the applicant's id; the applicant is in
        ``country``/``subdivision`` (CN-ZJ); and the platform is eligible: with ``names``, its ``name``
        is one of them (compared ignoring case, spaces, punctuation and quotes); with ``carriers``, its
        ``type`` is one of the carriers and, where the carrier names an evaluation year and grade,
        ``platform.evaluation`` has exactly that year and grade.

    Why:
        申报主体：各合作平台的省内依托单位 / 支持在浙的科技部国际科技合作基地、2024年度绩效评价结果为
        “优秀”的省级国际联合实验室、2023年度绩效评价结果为“优秀”的省科技厅国际科技合作基地的依托单位.

    Failing example:
        ``PlatformHost(carriers=(Carrier("provincial_joint_lab", 2024, "excellent"),))`` with a joint lab
        graded ``good`` in 2024, or a platform whose ``host`` is a partner.

    Passing example:
        The same rule with ``{"platform": {"name": "…", "type": "provincial_joint_lab", "host": "lead",
        "evaluation": {"year": 2024, "grade": "excellent"}}}`` and a Zhejiang applicant ``lead``.
    """

    names: tuple = attrs.field(default=(), converter=to_tuple)
    carriers: tuple = attrs.field(default=(), converter=to_tuple)
    country: str = "CN"
    subdivision: str = "CN-ZJ"

    def __attrs_post_init__(self) -> None:
        if bool(self.names) == bool(self.carriers):
            raise ValueError("PlatformHost needs either names or carriers")
        if not all(isinstance(n, str) and fold_place(n) for n in self.names) or not all(isinstance(c, Carrier) for c in self.carriers):
            raise ValueError("PlatformHost: names must be non-empty strings, carriers Carrier values")

    def check(self, ctx: Context) -> Outcome:
        platform = ctx.mapping(*PLATFORM)
        name = ctx.string(*PLATFORM, "name")
        host = ctx.string(*PLATFORM, "host")
        applicant = ctx.applicant
        if host != applicant.id:
            return failed(
                f"平台 {name} 的依托单位为 {host}，不是申报单位 {shown(applicant.id)}；应由平台的省内依托单位申报",
                f"the host of {name} is {host}, not the applicant {shown_en(applicant.id)}; the platform's Zhejiang host applies",
                PLATFORM + ("host",), expected=applicant.id, actual=host,
            )
        country = ctx.country_of(applicant)
        subdivision = applicant.subdivision
        if country != self.country or subdivision != self.subdivision:
            place = f"{country} {subdivision}" if subdivision else country
            return failed(
                f"依托单位 {applicant.label} 位于 {place}，应为省内（{self.subdivision}）单位",
                f"the host {applicant.label} is in {place}, not in {self.subdivision}",
                ("applicant",), expected=self.subdivision, actual=subdivision,
            )
        if self.names:
            if not any(same_name(name, known) for known in self.names):
                return failed(
                    f"平台 {name} 不在指南所列平台中：{'、'.join(self.names)}",
                    f"the platform {name} is not one the guideline names: {', '.join(self.names)}",
                    PLATFORM + ("name",), expected=list(self.names), actual=name,
                )
            return passed_saying(
                lambda: (f"申报单位为 {name} 的省内依托单位", f"the applicant is the Zhejiang host of {name}"),
                PLATFORM, expected=list(self.names), actual=name,
            )
        kind = ctx.string(*PLATFORM, "type")
        accepted = next((carrier for carrier in self.carriers if carrier.accepts(platform)), None)
        if accepted is None:
            wanted_zh = "、".join(c.text()[0] for c in self.carriers)
            wanted_en = "; ".join(c.text()[1] for c in self.carriers)
            evaluation = platform.get("evaluation")
            found = f"{kind}" + (f"，{shown(evaluation.get('year'))}年度评价 {shown(evaluation.get('grade'))}" if isinstance(evaluation, Mapping) else "，无评价")
            found_en = f"{kind}" + (f", evaluated {shown_en(evaluation.get('grade'))} in {shown_en(evaluation.get('year'))}" if isinstance(evaluation, Mapping) else ", no evaluation")
            return failed(
                f"载体 {name}（{found}）不符合要求：应为{wanted_zh}",
                f"the carrier {name} ({found_en}) does not qualify: expected {wanted_en}",
                PLATFORM + (("evaluation",) if any(c.type == kind for c in self.carriers) else ("type",)),
                expected=[attrs.asdict(c) for c in self.carriers], actual={"type": kind, "evaluation": evaluation if isinstance(evaluation, Mapping) else None},
            )

        def words() -> tuple[str, str]:
            zh, en = accepted.text()
            return f"申报单位为{zh} {name} 的省内依托单位", f"the applicant is the Zhejiang host of {name}, {en}"

        return passed_saying(words, PLATFORM, expected=attrs.asdict(accepted), actual=kind)

    def describe(self) -> tuple[str, str]:
        if self.names:
            what_zh, what_en = "、".join(self.names), ", ".join(self.names)
        else:
            what_zh = "、".join(c.text()[0] for c in self.carriers)
            what_en = "; ".join(c.text()[1] for c in self.carriers)
        return f"申报单位为平台（{what_zh}）的省内依托单位（{self.subdivision}）", f"the applicant is the {self.subdivision} host of a platform: {what_en}"


@attrs.frozen(slots=False)
class OverseasCoBuilder:
    """The project is carried out with the platform's overseas co-builder, in the lab's country.

    What it checks:
        When ``platform.type`` is one of ``types`` (``None``: any type), ``platform.overseas_co_builder``
        names a ``foreign_partner`` of the bundle outside the mainland (country not CN); with
        ``countries`` (lab name -> country), that partner is in the country of the named lab. A
        platform of another type passes, saying the rule does not apply; a lab name missing from
        ``countries`` needs review (its country cannot be told; the name itself is another
        requirement's concern).

    Why:
        与联合实验室共建单位合作开展科学研究 / 省级国际联合实验室须与联合实验室的海外共建单位合作申报.

    Failing example:
        ``{"platform": {"name": "中国-葡萄牙先进材料“一带一路”联合实验室", "overseas_co_builder": "ulisboa"}}``
        where ``ulisboa`` is a foreign partner in ES, or no ``overseas_co_builder`` at all.

    Passing example:
        The same with ``ulisboa`` in PT.
    """

    types: frozenset | None = attrs.field(default=None, converter=attrs.converters.optional(to_frozenset))
    countries: tuple = attrs.field(default=(), converter=lambda m: tuple(dict(m).items()))

    def check(self, ctx: Context) -> Outcome:
        ctx.mapping(*PLATFORM)
        kind = ctx.string(*PLATFORM, "type")
        if self.types is not None and kind not in self.types:
            return passed_saying(
                lambda: (f"载体类型为 {kind}，不要求与海外共建单位合作申报", f"the carrier is {a_or_an(kind)}: no overseas co-builder is required"),
                PLATFORM + ("type",), expected=sorted(self.types), actual=kind,
            )
        builder = ctx.string(*PLATFORM, "overseas_co_builder")
        org = ctx.org(builder)
        if org is None or org.role != "foreign_partner" or ctx.country_of(org) == "CN":
            return failed(
                f"海外共建单位 {builder} 不是本申报书中的境外合作单位（foreign_partner）",
                f"the overseas co-builder {builder} is not a foreign partner (outside the mainland) of this bundle",
                PLATFORM + ("overseas_co_builder",), expected="the id of a foreign_partner", actual=builder,
            )
        if self.countries:
            name = ctx.string(*PLATFORM, "name")
            expected = next((country for lab, country in self.countries if same_name(lab, name)), None)
            if expected is None:
                return review(
                    f"联合实验室 {name} 不在所列实验室中，无法确定其合作国；海外共建单位 {org.label} 位于 {shown(org.country)}，需核实",
                    f"{name} is not one of the listed labs, so its partner country is unknown; the co-builder {org.label} is in {shown_en(org.country)}: a reviewer must check",
                    PLATFORM + ("name",), actual=org.country,
                )
            if org.country != expected:
                return failed(
                    f"海外共建单位 {org.label} 位于 {shown(org.country)}，{name} 的共建国为 {expected}",
                    f"the co-builder {org.label} is in {shown_en(org.country)}; {name} is built with {expected}",
                    org.at("country"), expected=expected, actual=org.country,
                )
        label, country = org.label, org.country  # the words keep these, never an Org
        return passed_saying(
            lambda: (
                f"与平台的海外共建单位 {label}（{shown(country)}）合作申报",
                f"the project is carried out with the platform's overseas co-builder {label} ({shown_en(country)})",
            ),
            PLATFORM + ("overseas_co_builder",), actual=builder,
        )

    def describe(self) -> tuple[str, str]:
        scope_zh = f"载体为{'或'.join(TYPE_NAMES.get(t, (t, t))[0] for t in sorted(self.types))}时，" if self.types else ""
        scope_en = f"when the carrier is {' or '.join(TYPE_NAMES.get(t, (t, a_or_an(t)))[1] for t in sorted(self.types))}, " if self.types else ""
        country_zh = "，且位于实验室的共建国" if self.countries else ""
        country_en = ", in the lab's partner country" if self.countries else ""
        return f"{scope_zh}与平台的海外共建单位（外方合作单位）合作申报{country_zh}", f"{scope_en}the overseas co-builder is a foreign partner{country_en}"


@attrs.frozen(slots=False)
class ByPlatformName:
    """Runs the rule given for the bundle's platform (by ``platform.name``), else ``otherwise``.

    What it checks:
        Reads ``platform.name`` and runs the rule listed for it (names compared ignoring case, spaces,
        punctuation and quotes); a name not listed runs ``otherwise``. A missing ``platform`` or name
        fails as missing input.

    Why:
        开展与金砖国家、阿拉伯国家相关创新主体的合作研究: each centre has its own partner countries.

    Failing example:
        ``ByPlatformName({"金砖国家深海资源国际研究中心": PartnerInCountries(…, lists=("brics",))}, …)``
        with the deep-sea centre and only a Japanese partner.

    Passing example:
        The same with a Brazilian partner.
    """

    rules: Mapping = attrs.field(converter=lambda m: dict(m), validator=attrs.validators.min_len(1))
    otherwise: object = None

    def check(self, ctx: Context) -> Outcome:
        name = ctx.string(*PLATFORM, "name")
        rule = next((rule for known, rule in self.rules.items() if same_name(known, name)), self.otherwise)
        if rule is None:
            return failed(
                f"平台 {name} 不在所列平台中：{'、'.join(self.rules)}",
                f"the platform {name} is not listed: {', '.join(self.rules)}",
                PLATFORM + ("name",), expected=list(self.rules), actual=name,
            )
        return run(rule, ctx)

    def describe(self) -> tuple[str, str]:
        parts = [(name, rule.describe()) for name, rule in self.rules.items()]
        zh = "；".join(f"{name}：{d[0]}" for name, d in parts)
        en = "; ".join(f"{name}: {d[1]}" for name, d in parts)
        if self.otherwise is not None:
            other_zh, other_en = self.otherwise.describe()
            zh += f"；其他平台：{other_zh}"
            en += f"; other platforms: {other_en}"
        return zh, en


@attrs.frozen(slots=False)
class CarriedByPlatform:
    """The project is carried by a cooperation base or joint lab (a priority, not a condition).

    What it checks:
        ``platform`` is present with a ``name`` and a ``type``: passed, naming it. Absent: failed (an
        info-level requirement, so only a note).

    Why:
        优先支持：依托已建国家和省级国际科技合作基地、联合实验室等载体开展的合作.

    Failing example:
        A bundle without ``platform``.

    Passing example:
        ``{"platform": {"name": "浙江省某国际联合实验室", "type": "provincial_joint_lab", "host": "lead"}}``.
    """

    def check(self, ctx: Context) -> Outcome:
        if ctx.value(*PLATFORM) is MISSING:
            return failed(
                "项目未依托国际科技合作基地或联合实验室等载体（无 platform）",
                "the project is not carried by an international cooperation base or joint lab (no platform)",
                (), expected="a platform", actual=None,
            )
        name = ctx.string(*PLATFORM, "name")
        kind = ctx.string(*PLATFORM, "type")

        def words() -> tuple[str, str]:
            zh, en = TYPE_NAMES.get(kind, (kind, kind))
            return f"项目依托载体 {name}（{zh}）", f"the project is carried by {name} ({en})"

        return passed_saying(words, PLATFORM, actual={"name": name, "type": kind})

    def describe(self) -> tuple[str, str]:
        return "项目依托国家或省级国际科技合作基地、联合实验室等载体（优先）", "the project is carried by a national or provincial cooperation base or joint lab (a priority)"
