"""Rules about the signed agreements between the parties (合作协议)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

import attrs

from ..converters import to_frozenset
from .base import MISSING, Context, Outcome, a_or_an, failed, passed_saying, plural, shown, shown_en, subset_of
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


@attrs.frozen(slots=False)
class SignedAgreement:
    """Every partner the rule names is bound to the applicant by signed documents that cover the required points.

    What it checks:
        Judged partner by partner. A document counts when its ``purpose`` is one of ``purposes``
        (``None``: any), its ``kind`` one of ``kinds``, ``legally_binding`` is true (with
        ``legally_binding``), ``signed_on`` is on or before ``submitted_on`` (and strictly before
        ``signed_before`` when given), with ``valid_on_submission`` ``valid_from`` <= ``submitted_on``
        <= ``valid_until`` where given, and its ``parties`` include the applicant. It counts towards
        a partner only when its ``parties`` also include that partner: one side's own memo, or an
        agreement among the Chinese partners only, never counts towards any partner. Every partner
        selected by ``parties`` (``None``: every partner) must have at least one such document, and
        what that partner's documents cover, pooled, must include ``covers`` (and, with
        ``covers_any``, at least one of those points). One document signed by the applicant and all
        the partners, or a separate one with each partner, both pass. A partner without a document is
        named (message and ``actual``), with the reason each rejected document does not count; a
        partner whose documents miss a point is named with what is missing. With
        ``by_foreign_submission``, a document is also signed on or before
        ``foreign_submission.submitted_on`` when the partner side's submission is given ("before
        applying" when both sides apply).

    Why:
        The guidelines make the agreement the proof of cooperation between the sides: 未签署相应合作文件
        的单位不得列为项目的参与单位; its content must settle tasks, IP and commercialization before the
        money flows. What binds one partner says nothing about another, so the points are counted per
        partner, never pooled over documents other partners signed.

    Failing example:
        Two partners; ``{"kind": "agreement", "parties": ["lead", "tum"], "covers": ["task_division"]}``
        and ``{"kind": "agreement", "parties": ["lead", "co"], "covers": ["ip_ownership"]}`` for a rule
        asking for ``task_division`` and ``ip_ownership``: neither partner is covered for both. Or an
        IP memo whose ``parties`` are only ``["lead"]`` (the Chinese side alone).

    Passing example:
        ``{"purpose": "project_cooperation", "kind": "agreement", "legally_binding": true,
        "signed_on": "2022-03-01", "parties": ["lead", "tum"], "covers": ["research_tasks",
        "task_division", "ip_ownership"]}`` and the same with ``co``, with ``submitted_on`` 2022-05-10.
    """

    covers: frozenset = attrs.field(converter=to_frozenset, validator=subset_of(set(COVER_NAMES)))
    parties: Orgs | None = None
    purposes: frozenset | None = attrs.field(default=frozenset({"project_cooperation"}), converter=attrs.converters.optional(to_frozenset), validator=subset_of(PURPOSES))
    kinds: frozenset = attrs.field(default=frozenset({"agreement"}), converter=to_frozenset, validator=subset_of(set(KINDS)))
    legally_binding: bool = False
    signed_before: dt.date | None = None
    valid_on_submission: bool = False
    #: at least one of these must be covered too (成果转化收益归属: commercialization or benefit_sharing)
    covers_any: frozenset = attrs.field(default=frozenset(), converter=to_frozenset, validator=lambda i, a, v: subset_of(set(COVER_NAMES))(i, a, v) if v else None)
    #: signed on or before the partner side's own submission too (``foreign_submission.submitted_on``), when given
    by_foreign_submission: bool = False

    # -- one document: None when it counts, else why not
    def _rejection(self, ctx: Context, where: tuple, agreement: Mapping, day: dt.date) -> tuple[str, str] | None:
        purpose = agreement.get("purpose")
        if self.purposes is not None and purpose not in self.purposes:
            return f"用途为 {shown(purpose)}，应为 {'/'.join(sorted(self.purposes))}", f"its purpose is {shown_en(purpose)}, expected {'/'.join(sorted(self.purposes))}"
        kind = agreement.get("kind")
        if kind not in self.kinds:
            kind_en = a_or_an(kind) if isinstance(kind, str) and kind else f"of kind {shown_en(kind)}"
            return f"类型为 {shown(kind)}，应为{'或'.join(KINDS[k][0] for k in sorted(self.kinds))}", f"it is {kind_en}, expected {' or '.join(KINDS[k][1] for k in sorted(self.kinds))}"
        if self.legally_binding and agreement.get("legally_binding") is not True:
            return "未声明具有法律效力（legally_binding）", "it is not declared legally binding"
        signed = ctx.optional_date_in(agreement, where, "signed_on")
        if signed is None:
            return "未签署（缺少 signed_on）", "it is not signed (no signed_on)"
        if signed > day:
            return f"签署日期 {signed} 晚于申报日期 {day}", f"it was signed on {signed}, after the submission date {day}"
        if self.by_foreign_submission and ctx.value("foreign_submission") is not MISSING:
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

    def _scope(self) -> tuple[str, str]:
        return self.parties.describe() if self.parties else ("合作单位", "partner")

    def check(self, ctx: Context) -> Outcome:
        day = ctx.submitted_on
        applicant_id = ctx.applicant.id
        required = ctx.partners if self.parties is None else [org for org in ctx.partners if self.parties.matches(ctx, org)]
        if not required:
            scope_zh, scope_en = self._scope()
            return failed(
                f"没有须签署协议的合作单位（{scope_zh}），无法确认协议",
                f"there is no partner ({scope_en}) to have signed the agreement with",
                ("partners",), expected="at least one partner" if self.parties is None else f"at least one partner: {scope_en}", actual=0,
            )
        required_ids = [org.id for org in required]
        counted, rejected = [], []  # counted: (where, parties, covers) of the documents that count
        for where, agreement in ctx.objects("agreements", optional=True):
            reason = self._rejection(ctx, where, agreement, day)
            parties = agreement.get("parties")
            if type(parties) is not list:
                parties = ctx.array_in(agreement, where, "parties")
            if reason is None and applicant_id not in parties:
                reason = (f"签署方不包括申报单位 {shown(applicant_id)}", f"the applicant {shown_en(applicant_id)} is not a party")
            if reason is None and not any(org_id in parties for org_id in required_ids):
                scope_zh, scope_en = self._scope()
                reason = (f"签署方中没有须签署协议的合作单位（{scope_zh}）", f"none of its parties is a partner it must bind ({scope_en})")
            if reason is None:
                counted.append((where, parties, frozenset([c for c in agreement.get("covers", ()) if type(c) is str or isinstance(c, str)])))
            else:
                rejected.append((where, reason))
        # partner by partner: the documents binding the applicant and that partner, and what they cover together
        per_partner = []
        for org, org_id in zip(required, required_ids):
            mine = [(where, covers) for where, parties, covers in counted if org_id in parties]
            per_partner.append((org, mine, frozenset().union(*[covers for _, covers in mine])))
        unsigned = [org for org, mine, _ in per_partner if not mine]
        lacking = [(org, mine, covered) for org, mine, covered in per_partner if mine and self._missing(covered)]
        if unsigned:
            return self._unsigned(unsigned, lacking, rejected)
        if lacking:
            return self._lacking(lacking, rejected)
        partners, documents = len(required), len(counted)

        def words() -> tuple[str, str]:
            zh, en = _covers(self.covers)
            return (
                f"{partners} 家合作单位均已与申报单位签署协议（{documents} 份），涵盖{zh}",
                f"{'the' if partners == 1 else 'all'} {plural(partners, 'partner')} signed with the applicant ({plural(documents, 'agreement')}), covering {en}",
            )

        return passed_saying(
            words, counted[0][0], expected=self._expected(), actual={shown_en(org_id): sorted(covered) for org_id, (_, _, covered) in zip(required_ids, per_partner)},
        )

    def _missing(self, covered: frozenset) -> tuple[frozenset, frozenset]:
        """``(missing, none_of)``: the required points not covered and the optional ones when none is; ``()`` when complete."""
        missing = self.covers - covered
        none_of = self.covers_any if self.covers_any and not self.covers_any & covered else frozenset()
        return (missing, none_of) if missing or none_of else ()

    def _expected(self):
        return {"all": sorted(self.covers), "any": sorted(self.covers_any)} if self.covers_any else sorted(self.covers)

    def _gaps(self, lacking: list) -> tuple[str, str]:
        """For each partner whose documents miss a point: what is missing and what they cover."""
        parts_zh, parts_en = [], []
        for org, _, covered in lacking:
            missing, none_of = self._missing(covered)
            have_zh, have_en = _covers(covered & frozenset(COVER_NAMES))
            want_zh, want_en = [], []
            if missing:
                zh, en = _covers(missing)
                want_zh.append(zh)
                want_en.append(en)
            if none_of:
                zh, en = _covers(none_of)
                want_zh.append(f"{zh.replace('、', '或')}中的任何一项")
                want_en.append(f"any of {en.replace(', ', ' or ')}")
            parts_zh.append(f"与 {org.label} 签署的协议未明确：{'；'.join(want_zh)}（已涵盖：{have_zh or '无'}）")
            parts_en.append(f"the agreements with {org.label} do not cover: {', nor '.join(want_en)} (covered: {have_en or 'nothing'})")
        return "；".join(parts_zh), "; ".join(parts_en)

    @staticmethod
    def _notes(rejected: list) -> tuple[str, str]:
        """Why each rejected document does not count, in brackets ('' when none was rejected)."""
        if not rejected:
            return "", ""
        return (
            "（" + "；".join(f"协议 {w[-1]} 不计入：{r[0]}" for w, r in rejected) + "）",
            " (" + "; ".join(f"agreement {w[-1]} does not count: {r[1]}" for w, r in rejected) + ")",
        )

    def _unsigned(self, unsigned: list, lacking: list, rejected: list) -> Outcome:
        names = [org.label for org in unsigned]
        notes_zh, notes_en = self._notes(rejected)
        zh = f"以下合作单位未与申报单位签署符合要求的协议：{'、'.join(names)}{notes_zh}"
        en = f"{'this partner has' if len(unsigned) == 1 else 'these partners have'} no qualifying agreement with the applicant: {', '.join(names)}{notes_en}"
        if lacking:
            gaps_zh, gaps_en = self._gaps(lacking)
            zh += f"；另外，{gaps_zh}"
            en += f"; also, {gaps_en}"
        return failed(
            zh, en, rejected[0][0] if rejected else unsigned[0].segments,
            expected="an agreement per partner", actual=[shown_en(org.id) for org in unsigned],
        )

    def _lacking(self, lacking: list, rejected: list) -> Outcome:
        zh, en = self._gaps(lacking)
        notes_zh, notes_en = self._notes(rejected)
        return failed(
            zh + notes_zh, en + notes_en, lacking[0][1][0][0] + ("covers",),
            expected=self._expected(), actual={shown_en(org.id): sorted(covered) for org, _, covered in lacking},
        )

    def describe(self) -> tuple[str, str]:
        zh, en = _covers(self.covers)
        kinds_zh = "或".join(KINDS[k][0] for k in sorted(self.kinds))
        kinds_en = " or ".join(k.replace("_", " ") for k in sorted(self.kinds))  # "letter of intent", not letter_of_intent
        who_zh, who_en = self.parties.describe() if self.parties else ("每家合作单位", "every partner")
        every_en = f"every partner that is {who_en}" if self.parties else who_en
        binding = ("具有法律效力的", "legally binding ") if self.legally_binding else ("", "")
        zh_text = f"{who_zh}均与申报单位签署{binding[0]}{kinds_zh}，逐家判断：每家单位与申报单位共同签署的文件合计明确{zh}"
        en_text = (
            f"{every_en} signed {a_or_an(binding[1] + kinds_en)} with the applicant, judged partner by partner: "
            f"the documents each partner signed with the applicant together cover {en}"
        )
        return self._extras(zh_text, en_text)

    def _extras(self, zh: str, en: str) -> tuple[str, str]:
        """The optional conditions appended to the description, then the rule for one-sided documents."""
        if self.covers_any:
            any_zh, any_en = _covers(self.covers_any)
            zh += f"，并明确{any_zh.replace('、', '或')}"
            en += f", and {any_en.replace(', ', ' or ')}"
        if self.signed_before is not None:
            zh += f"，签署日期早于 {self.signed_before}"
            en += f", signed before {self.signed_before}"
        if self.valid_on_submission:
            zh += "，申报日期在有效期内"
            en += ", valid on the submission date"
        if self.by_foreign_submission:
            zh += "，签署日期不晚于中方和外方（已申报时）的申报日期"
            en += ", signed on or before the submission date and the partner side's, when given"
        zh += "；未由申报单位和该合作单位共同签署的文件不计入"
        en += "; a document not signed by both the applicant and that partner does not count"
        return zh, en
