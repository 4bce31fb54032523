"""Rules about the signed agreements between the parties (合作协议)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

import attrs

from .base import Context, Outcome, a_or_an, failed, passed, plural, subset_of
from .parties import Orgs

COVER_NAMES = {
    "task_division": ("任务分工", "task division"),
    "research_tasks": ("各方研发任务", "research tasks"),
    "ip_ownership": ("知识产权归属", "IP ownership"),
    "commercialization": ("商业化", "commercialization"),
    "benefit_sharing": ("利益分配", "benefit sharing"),
    "dispute_resolution": ("纠纷处置", "dispute resolution"),
    "contributions": ("各方贡献", "contributions"),
    "confidentiality": ("保密", "confidentiality"),
}
PURPOSES = {"project_cooperation", "joint_lab", "ip", "other"}
KINDS = {"agreement": ("协议", "an agreement"), "letter_of_intent": ("意向书", "a letter of intent"), "memorandum": ("备忘录", "a memorandum")}


@lru_cache(maxsize=1024)  # a rule's required points read the same on every check
def _covers(items: frozenset) -> tuple[str, str]:
    ordered = [name for name in COVER_NAMES if name in items]
    return "、".join(COVER_NAMES[n][0] for n in ordered), ", ".join(COVER_NAMES[n][1] for n in ordered)


@attrs.frozen
class SignedAgreement:
    """A signed agreement binds the applicant and the partners and covers the required points.

    What it checks:
        Agreements count when their ``purpose`` is one of ``purposes`` (``None``: any), their ``kind``
        one of ``kinds``, ``legally_binding`` is true (with ``legally_binding``), ``signed_on`` is on or
        before ``submitted_on`` (and strictly before ``signed_before`` when given), and, with
        ``valid_on_submission``, ``valid_from`` <= ``submitted_on`` <= ``valid_until`` where given.
        With ``each_partner`` (the default) every partner selected by ``parties`` (``None``: all) must
        sign such an agreement with the applicant, and those agreements together cover ``covers``;
        otherwise one agreement must bind the applicant and every selected partner and cover it all.
        A rejected agreement is named with the reason. Optional: ``covers_any`` (at least one of these
        is covered too) and ``by_foreign_submission`` (signed on or before
        ``foreign_submission.submitted_on`` as well: "before applying" when both sides apply).

    Why:
        The guidelines make the agreement the proof of cooperation: 未签署相应合作文件的单位不得列为
        项目的参与单位; its content must settle tasks, IP and commercialization before the money flows.

    Failing example:
        The only agreement is ``{"kind": "letter_of_intent", ...}``, or it was signed after
        ``submitted_on``, or it omits ``ip_ownership`` from ``covers``.

    Passing example:
        ``{"purpose": "project_cooperation", "kind": "agreement", "legally_binding": true,
        "signed_on": "2022-03-01", "parties": ["lead", "tum"], "covers": ["research_tasks",
        "task_division", "ip_ownership"]}`` with ``submitted_on`` 2022-05-10.
    """

    covers: frozenset = attrs.field(converter=frozenset, validator=subset_of(set(COVER_NAMES)))
    parties: Orgs | None = None
    purposes: frozenset | None = attrs.field(default=frozenset({"project_cooperation"}), converter=attrs.converters.optional(frozenset), validator=subset_of(PURPOSES))
    kinds: frozenset = attrs.field(default=frozenset({"agreement"}), converter=frozenset, validator=subset_of(set(KINDS)))
    legally_binding: bool = False
    each_partner: bool = True
    signed_before: dt.date | None = None
    valid_on_submission: bool = False
    #: at least one of these must be covered too (成果转化收益归属: commercialization or benefit_sharing)
    covers_any: frozenset = attrs.field(default=frozenset(), converter=frozenset, validator=lambda i, a, v: subset_of(set(COVER_NAMES))(i, a, v) if v else None)
    #: signed on or before the partner side's own submission too (``foreign_submission.submitted_on``)
    by_foreign_submission: bool = False

    # -- one agreement: None when it counts, else why not
    def _rejection(self, ctx: Context, where: tuple, agreement: Mapping, day: dt.date) -> tuple[str, str] | None:
        purpose = agreement.get("purpose")
        if self.purposes is not None and purpose not in self.purposes:
            return f"用途为 {purpose}，应为 {'/'.join(sorted(self.purposes))}", f"its purpose is {purpose}, expected {'/'.join(sorted(self.purposes))}"
        kind = agreement.get("kind")
        if kind not in self.kinds:
            return f"类型为 {kind}，应为{'或'.join(KINDS[k][0] for k in sorted(self.kinds))}", f"it is {a_or_an(kind)}, expected {' or '.join(KINDS[k][1] for k in sorted(self.kinds))}"
        if self.legally_binding and agreement.get("legally_binding") is not True:
            return "未声明具有法律效力（legally_binding）", "it is not declared legally binding"
        signed = ctx.optional_date_in(agreement, where, "signed_on")
        if signed is None:
            return "未签署（缺少 signed_on）", "it is not signed (no signed_on)"
        if signed > day:
            return f"签署日期 {signed} 晚于申报日期 {day}", f"it was signed on {signed}, after the submission date {day}"
        if self.by_foreign_submission:
            foreign_day = ctx.date("foreign_submission", "submitted_on")
            if signed > foreign_day:
                return f"签署日期 {signed} 晚于外方申报日期 {foreign_day}", f"it was signed on {signed}, after the partner side's submission date {foreign_day}"
        if self.signed_before is not None and signed >= self.signed_before:
            return f"签署日期 {signed} 不早于 {self.signed_before}", f"it was signed on {signed}, not before {self.signed_before}"
        if self.valid_on_submission:
            start = ctx.optional_date_in(agreement, where, "valid_from")
            end = ctx.optional_date_in(agreement, where, "valid_until")
            if (start is not None and start > day) or (end is not None and end < day):
                return f"有效期 {start or '…'} 至 {end or '…'} 不含申报日期 {day}", f"its validity {start or '…'} to {end or '…'} does not include the submission date {day}"
        return None

    def check(self, ctx: Context) -> Outcome:
        day = ctx.submitted_on
        applicant = ctx.applicant
        required = [org for org in ctx.partners if self.parties is None or self.parties.matches(ctx, org)]
        if not required:
            scope_zh, scope_en = self.parties.describe() if self.parties else ("合作单位", "partner")
            return failed(
                f"没有须签署协议的合作单位（{scope_zh}），无法确认协议",
                f"there is no partner ({scope_en}) to have signed the agreement with",
                ("partners",), expected=f"at least one {scope_en}", actual=0,
            )
        counted, rejected = [], []
        for where, agreement in ctx.objects("agreements", optional=True):
            reason = self._rejection(ctx, where, agreement, day)
            parties = agreement.get("parties")
            if not isinstance(parties, list):
                parties = ctx.array_in(agreement, where, "parties")
            if reason is None and applicant.id not in parties:
                reason = (f"签署方不包括申报单位 {applicant.id}", f"the applicant {applicant.id} is not a party")
            if reason is None:
                counted.append((where, agreement, set(parties), frozenset(c for c in agreement.get("covers", ()) if isinstance(c, str))))
            else:
                rejected.append((where, reason))
        if rejected:
            note_zh = "；".join(f"协议 {w[-1]} 不计入：{r[0]}" for w, r in rejected)
            note_en = "; ".join(f"agreement {w[-1]} does not count: {r[1]}" for w, r in rejected)
            first_rejected = rejected[0][0]
        else:
            note_zh = note_en = ""
            first_rejected = ("agreements",)
        if self.each_partner:
            return self._each_partner(ctx, required, counted, note_zh, note_en, first_rejected)
        return self._one_agreement(ctx, required, counted, note_zh, note_en, first_rejected)

    def _each_partner(self, ctx, required, counted, note_zh, note_en, first_rejected) -> Outcome:
        signed = set().union(*[parties for _, _, parties, _ in counted])  # an org in any of them signed
        unsigned = [org for org in required if org.id not in signed]
        if unsigned:
            names = "、".join(org.label for org in unsigned)
            return failed(
                f"以下合作单位未与申报单位签署符合要求的协议：{names}" + (f"（{note_zh}）" if note_zh else ""),
                f"{'this partner has' if len(unsigned) == 1 else 'these partners have'} no qualifying agreement with the applicant: {', '.join(org.label for org in unsigned)}" + (f" ({note_en})" if note_en else ""),
                first_rejected if note_zh else unsigned[0].segments,
                expected="an agreement per partner", actual=[str(org.id) for org in unsigned],
            )
        covered = frozenset().union(*(covers for _, _, _, covers in counted))
        missing = self.covers - covered
        if missing:
            zh, en = _covers(missing)
            return failed(
                f"协议未明确：{zh}（已涵盖：{_covers(covered & frozenset(COVER_NAMES))[0] or '无'}）",
                f"the agreements do not cover: {en} (covered: {_covers(covered & frozenset(COVER_NAMES))[1] or 'nothing'})",
                counted[0][0] + ("covers",), expected=sorted(self.covers), actual=sorted(covered),
            )
        if self.covers_any and not self.covers_any & covered:
            zh, en = _covers(self.covers_any)
            return failed(
                f"协议未明确以下任一项：{zh.replace('、', '或')}（已涵盖：{_covers(covered & frozenset(COVER_NAMES))[0] or '无'}）",
                f"the agreements cover none of: {en.replace(', ', ' or ')} (covered: {_covers(covered & frozenset(COVER_NAMES))[1] or 'nothing'})",
                counted[0][0] + ("covers",), expected={"all": sorted(self.covers), "any": sorted(self.covers_any)}, actual=sorted(covered),
            )
        zh, en = _covers(self.covers)
        return passed(
            f"{len(required)} 家合作单位均已与申报单位签署协议（{len(counted)} 份），涵盖{zh}",
            f"{'the' if len(required) == 1 else 'all'} {plural(len(required), 'partner')} signed with the applicant ({plural(len(counted), 'agreement')}), covering {en}",
            counted[0][0], expected=sorted(self.covers), actual=sorted(covered),
        )

    def _one_agreement(self, ctx, required, counted, note_zh, note_en, first_rejected) -> Outcome:
        needed = {org.id for org in required}
        best = None
        for where, agreement, parties, covers in counted:
            missing_parties = needed - parties
            missing_covers = self.covers - covers
            if self.covers_any and not self.covers_any & covers:
                missing_covers = missing_covers | self.covers_any
            if not missing_parties and not missing_covers:
                zh, en = _covers(self.covers)
                return passed(
                    f"协议 {where[-1]} 由申报单位与 {len(needed)} 家合作单位签署，涵盖{zh}",
                    f"agreement {where[-1]} binds the applicant and {'the' if len(needed) == 1 else 'all'} {plural(len(needed), 'partner')}, covering {en}",
                    where, expected=sorted(self.covers), actual=sorted(covers),
                )
            score = len(missing_parties) + len(missing_covers)
            if best is None or score < best[0]:
                best = (score, where, missing_parties, missing_covers, parties, covers)
        if best is None:
            return failed(
                "没有符合要求的已签署协议" + (f"（{note_zh}）" if note_zh else ""),
                "no qualifying signed agreement" + (f" ({note_en})" if note_en else ""),
                first_rejected, expected=sorted(self.covers), actual=None,
            )
        _, where, missing_parties, missing_covers, parties, covers = best
        if missing_parties:
            return failed(
                f"协议 {where[-1]} 的签署方缺少：{'、'.join(sorted(map(str, missing_parties)))}",
                f"agreement {where[-1]} lacks the parties: {', '.join(sorted(map(str, missing_parties)))}",
                where + ("parties",), expected=sorted(map(str, needed)), actual=sorted(map(str, parties)),
            )
        zh, en = _covers(missing_covers)
        return failed(
            f"协议 {where[-1]} 未明确：{zh}", f"agreement {where[-1]} does not cover: {en}",
            where + ("covers",), expected=sorted(self.covers), actual=sorted(covers),
        )

    def describe(self) -> tuple[str, str]:
        zh, en = _covers(self.covers)
        kinds_zh = "或".join(KINDS[k][0] for k in sorted(self.kinds))
        who_zh, who_en = self.parties.describe() if self.parties else ("每家合作单位", "every partner")
        binding = ("具有法律效力的", "legally binding ") if self.legally_binding else ("", "")
        if self.each_partner:
            every_en = f"every partner that is {who_en}" if self.parties else who_en
            text = (
                f"{who_zh}均与申报单位签署{binding[0]}{kinds_zh}，共同明确{zh}",
                f"{every_en} signed {a_or_an(binding[1] + ' or '.join(sorted(self.kinds)))} with the applicant, together covering {en}",
            )
        else:
            text = (
                f"申报单位与{who_zh}签署{binding[0]}{kinds_zh}，明确{zh}",
                f"one {binding[1]}{' or '.join(sorted(self.kinds))} binds the applicant and {who_en}, covering {en}",
            )
        return self._extras(*text)

    def _extras(self, zh: str, en: str) -> tuple[str, str]:
        """The optional conditions (new parameters) appended to the description; none by default."""
        if self.covers_any:
            any_zh, any_en = _covers(self.covers_any)
            zh += f"，并明确{any_zh.replace('、', '或')}"
            en += f", and {any_en.replace(', ', ' or ')}"
        if self.by_foreign_submission:
            zh += "，签署日期不晚于中方和外方的申报日期"
            en += ", signed on or before both sides' submission dates"
        return zh, en


@attrs.frozen
class JointLabAgreement:
    """A joint laboratory established, and its agreement signed by both host institutions, before a date.

    What it checks:
        ``joint_lab.established_on`` is strictly before ``before``, and an agreement with ``purpose``
        ``joint_lab``, ``kind`` ``agreement``, ``signed_on`` strictly before ``before`` (and on or before
        ``submitted_on``) has among its ``parties`` the applicant and a partner matching ``hosts`` (the
        partner side's host institution). A rejected agreement is named with the reason.

    Why:
        该项目面向 2021 年 1 月 1 日前已建立的中法联合实验室 / 提供双方实验室依托单位签署的关于共建联合
        实验室合作协议（协议签署日期须早于 2021 年 1 月 1 日）.

    Failing example:
        ``JointLabAgreement(date(2021, 1, 1), Orgs(roles={"foreign_partner"}, countries={"FR"}))`` with
        ``{"joint_lab": {"established_on": "2021-01-01"}}``, or a joint-lab agreement signed 2021-01-01.

    Passing example:
        The lab established 2018-06-01 and its agreement signed 2020-12-31 by the applicant and the
        French partner.
    """

    before: dt.date
    hosts: Orgs

    def check(self, ctx: Context) -> Outcome:
        day = ctx.submitted_on
        established = ctx.date("joint_lab", "established_on")
        if established >= self.before:
            return failed(
                f"联合实验室建立于 {established}，不早于 {self.before}",
                f"the joint laboratory was established on {established}, not before {self.before}",
                ("joint_lab", "established_on"), expected=f"before {self.before}", actual=established,
            )
        applicant = ctx.applicant.id
        hosts = {org.id for org in ctx.partners if self.hosts.matches(ctx, org) and isinstance(org.id, str)}
        host_zh, host_en = self.hosts.describe()
        if not hosts:
            return failed(
                f"没有外方依托单位（{host_zh}），无法确认共建联合实验室协议",
                f"there is no partner host institution ({host_en}) to have signed the joint-lab agreement",
                ("partners",), expected=host_en, actual=0,
            )
        rejected = []
        for where, agreement in ctx.objects("agreements", optional=True):
            if agreement.get("purpose") != "joint_lab":
                continue
            parties = agreement.get("parties")
            if not isinstance(parties, list):
                parties = ctx.array_in(agreement, where, "parties")
            signed = ctx.optional_date_in(agreement, where, "signed_on")
            if agreement.get("kind") != "agreement":
                reason = (f"类型为 {agreement.get('kind')}，应为协议", f"it is {a_or_an(agreement.get('kind'))}, not an agreement")
            elif signed is None:
                reason = ("未签署（缺少 signed_on）", "it is not signed (no signed_on)")
            elif signed >= self.before:
                reason = (f"签署日期 {signed} 不早于 {self.before}", f"it was signed on {signed}, not before {self.before}")
            elif signed > day:
                reason = (f"签署日期 {signed} 晚于申报日期 {day}", f"it was signed on {signed}, after the submission date {day}")
            elif applicant not in parties or not hosts & {p for p in parties if isinstance(p, str)}:
                reason = (f"签署方 {parties} 未同时包括申报单位 {applicant} 和外方依托单位", f"its parties {parties} do not include both the applicant {applicant} and a partner host")
            else:
                return passed(
                    f"联合实验室建立于 {established}；共建协议 {where[-1]} 于 {signed} 签署，均早于 {self.before}",
                    f"the joint laboratory was established on {established}; its agreement {where[-1]} was signed on {signed}, both before {self.before}",
                    where, expected=f"before {self.before}", actual={"established_on": established, "signed_on": signed},
                )
            rejected.append((where, reason))
        if rejected:
            where, (zh, en) = rejected[0]
            return failed(
                f"共建联合实验室协议不符合要求：协议 {where[-1]} {zh}",
                f"no qualifying joint-lab agreement: agreement {where[-1]}: {en}",
                where, expected=f"an agreement signed before {self.before} by the applicant and a partner host", actual=len(rejected),
            )
        return failed(
            "未提供共建联合实验室协议（agreements 中没有 purpose 为 joint_lab 的协议）",
            "no joint-lab agreement (no agreement with purpose joint_lab)",
            ("agreements",), expected=f"an agreement signed before {self.before} by the applicant and a partner host", actual=0,
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.hosts.describe()
        return (
            f"联合实验室于 {self.before} 前建立，且申报单位与外方依托单位（{zh}）于 {self.before} 前签署共建协议",
            f"the joint laboratory was established, and its agreement signed by the applicant and a partner host ({en}), before {self.before}",
        )
