"""Rules about attached documents: letters, forms, evidence."""

from __future__ import annotations

import attrs

from ..converters import to_frozenset, to_tuple
from .base import Context, Outcome, failed, passed_saying, review, shown, shown_en, subset_of
from .parties import Orgs

DOCUMENT_NAMES = {
    "recommendation_letter": ("推荐函", "a recommendation letter"),
    "us_federal_funding": ("美国联邦政府出资证明", "proof of US federal funding"),
    "french_government_support": ("法方政府支持文件", "a French government support document"),
    "joint_lab_plan": ("联合实验室未来 3 年合作方案", "the joint lab's 3-year cooperation plan"),
    "brics_joint_application": ("金砖国家联合申请表格", "the BRICS joint application form"),
    "bilateral_cooperation_form": ("双边合作表格", "the bilateral cooperation form"),
    "english_application_form": ("英文项目申报表", "the English application form"),
    "achievement_evidence": ("成果证明材料", "evidence of achievements"),
    "economic_benefit_evidence": ("经济效益证明", "evidence of economic benefit"),
    "training_system_evidence": ("培训服务体系与资源证明", "evidence of the training system and resources"),
    "cofunding_commitment": ("配套出资承诺", "a co-funding commitment"),
    "environmental_improvement_evidence": ("环境改善证明", "evidence of environmental improvement"),
    "other": ("其他文件", "another document"),
}
ISSUER_KINDS = {"command_hq", "government", "institution", "other"}
#: what a rule says it checks names the issuer kinds so (a finding quotes the bundle's value as written)
ISSUER_NAMES = {"command_hq": ("前方指挥部", "the front-line command headquarters"), "government": ("政府部门", "a government body"),
                "institution": ("机构", "an institution"), "other": ("其他出具方", "another issuer")}
LEVELS = ("county", "prefecture", "province", "national")
_fs = attrs.converters.optional(to_frozenset)


def _dated_after_submission(ctx: Context, where: tuple, document) -> tuple[str, str] | None:
    """Why a required document does not count because of its date, or None.

    The contract's general convention: a document a rule requires, when its ``issued_on`` is given,
    is dated on or before ``submitted_on``; a later date fails that rule.
    """
    issued = ctx.optional_date_in(document, where, "issued_on")
    if issued is None:
        return None
    day = ctx.submitted_on
    if issued > day:
        return f"出具日期 {issued} 晚于申报日期 {day}", f"it was issued on {issued}, after the submission date {day}"
    return None


@attrs.frozen(slots=False)
class HasDocument:
    """A document of a kind is attached, from the right issuer, about the right organization.

    What it checks:
        ``documents`` holds an entry of ``kind``; with ``issuer_kinds`` its ``issuer_kind`` is one of
        them; with ``issuer_levels`` its ``issuer_level`` is one of them; with ``about`` its ``about``
        names an organization matching that filter; with ``reference`` its ``reference`` is non-empty;
        with ``named_issuer`` its ``issuer`` is non-empty. Always: its ``issued_on``, when given, is on or
        before ``submitted_on`` (a document dated after the submission cannot have been submitted
        with it; a document without ``issued_on`` is not dated). With ``judged`` a matching document gives needs review (a reviewer judges its content),
        otherwise it passes; no matching document fails, naming the closest one and what it lacks.

    Why:
        Much of what the guidelines ask can only be shown by a document: a recommendation letter from
        the on-site command, proof of US federal funding, evidence of leading achievements.

    Failing example:
        ``HasDocument("recommendation_letter", issuer_kinds={"command_hq"})`` with a letter whose
        ``issuer_kind`` is ``government``, or one issued on 2022-05-11 with ``submitted_on`` 2022-05-10.

    Passing example:
        The same rule with ``{"kind": "recommendation_letter", "issuer_kind": "command_hq",
        "issued_on": "2022-05-10"}`` and ``submitted_on`` 2022-05-10.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(DOCUMENT_NAMES))
    issuer_kinds: frozenset | None = attrs.field(default=None, converter=_fs, validator=subset_of(ISSUER_KINDS))
    issuer_levels: frozenset | None = attrs.field(default=None, converter=_fs, validator=subset_of(LEVELS))
    about: Orgs | None = None
    reference: bool = False
    judged: bool = False
    #: what the reviewer must judge (for ``judged`` documents)
    judge: tuple = attrs.field(default=("", ""), converter=to_tuple)
    #: the document names its issuer (``issuer`` a non-empty string)
    named_issuer: bool = False

    def _lack(self, ctx: Context, where: tuple, document) -> tuple[str, str] | None:
        if self.issuer_kinds is not None and document.get("issuer_kind") not in self.issuer_kinds:
            return f"出具方类型为 {shown(document.get('issuer_kind'))}，应为 {'/'.join(sorted(self.issuer_kinds))}", f"its issuer_kind is {shown_en(document.get('issuer_kind'))}, expected {'/'.join(sorted(self.issuer_kinds))}"
        if self.issuer_levels is not None and document.get("issuer_level") not in self.issuer_levels:
            return f"出具方级别为 {shown(document.get('issuer_level'))}，应为 {'/'.join(l for l in LEVELS if l in self.issuer_levels)}", f"its issuer_level is {shown_en(document.get('issuer_level'))}, expected {'/'.join(l for l in LEVELS if l in self.issuer_levels)}"
        if self.about is not None:
            org = ctx.org(document.get("about"))
            if org is None or not self.about.matches(ctx, org):
                want_zh, want_en = self.about.describe()
                return f"所涉单位 {shown(document.get('about'))} 不是{want_zh}", f"it is about {shown_en(document.get('about'))}, not {want_en}"
        if self.reference and not (isinstance(document.get("reference"), str) and document["reference"].strip()):
            return "缺少编号 reference", "it has no reference number"
        if self.named_issuer and not (isinstance(document.get("issuer"), str) and document["issuer"].strip()):
            return "未写明出具方 issuer", "it does not name its issuer"
        return _dated_after_submission(ctx, where, document)

    def check(self, ctx: Context) -> Outcome:
        name_zh, name_en = DOCUMENT_NAMES[self.kind]
        closest = None
        for where, document in ctx.objects("documents", optional=True):
            if document.get("kind") != self.kind:
                continue
            lack = self._lack(ctx, where, document)
            if lack is None:
                issuer = document.get("issuer") or "?"
                if self.judged:
                    return review(
                        f"已提供{name_zh}（{shown(issuer)}），需评审专家判断：{self.judge[0] or '内容是否符合要求'}",
                        f"{name_en} is attached ({shown_en(issuer)}); a reviewer must judge: {self.judge[1] or 'whether its content qualifies'}",
                        where, actual={"issuer": issuer},
                    )
                # returned at once: the loop's variables keep this document's values
                return passed_saying(lambda: (f"已提供{name_zh}（{shown(issuer)}）", f"{name_en} is attached ({shown_en(issuer)})"), where, actual={"issuer": issuer})
            closest = closest or (where, lack)
        want_zh, want_en = self.describe()
        if closest is not None:
            where, (lack_zh, lack_en) = closest
            return failed(f"{name_zh}不符合要求：{lack_zh}（要求：{want_zh}）", f"{name_en} does not qualify: {lack_en} (required: {want_en})", where, expected=want_en)
        return failed(f"未提供{name_zh}（documents 中没有 kind 为 {self.kind} 的文件）", f"{name_en} is missing (no document of kind {self.kind})", ("documents",), expected=self.kind)

    def describe(self) -> tuple[str, str]:
        zh, en = DOCUMENT_NAMES[self.kind]
        extra_zh, extra_en = [], []
        if self.issuer_kinds:
            extra_zh.append(f"出具方为{'或'.join(ISSUER_NAMES[k][0] for k in sorted(self.issuer_kinds))}")
            extra_en.append(f"issued by {' or '.join(ISSUER_NAMES[k][1] for k in sorted(self.issuer_kinds))}")
        if self.issuer_levels:
            extra_zh.append(f"出具方级别 {'/'.join(l for l in LEVELS if l in self.issuer_levels)}")
            extra_en.append(f"at level {'/'.join(l for l in LEVELS if l in self.issuer_levels)}")
        if self.about:
            about_zh, about_en = self.about.describe()
            extra_zh.append(f"关于{about_zh}")
            extra_en.append(f"about {about_en}")
        if self.reference:
            extra_zh.append("附编号")
            extra_en.append("with a reference number")
        if self.named_issuer:
            extra_zh.append("写明出具方")
            extra_en.append("naming its issuer")
        if self.judged:
            extra_zh.append("需评审")
            extra_en.append("reviewed")
        extra_zh.append("出具日期不晚于申报日期")
        extra_en.append("issued on or before the submission date")
        return (f"提供{zh}" + (f"（{'，'.join(extra_zh)}）" if extra_zh else ""), f"{en} is attached" + (f" ({', '.join(extra_en)})" if extra_en else ""))
