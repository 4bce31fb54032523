"""Rules about a joint laboratory the call is for: when it was set up and the agreement that founded it (联合实验室)."""

from __future__ import annotations

import datetime as dt

import attrs

from .base import Context, Outcome, a_or_an, failed, passed_saying, shown, shown_en
from .parties import Orgs


@attrs.frozen(slots=False)
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
                kind = agreement.get("kind")
                reason = (f"类型为 {shown(kind)}，应为协议", f"it is {a_or_an(kind) if isinstance(kind, str) and kind else 'of kind ' + shown_en(kind)}, not an agreement")
            elif signed is None:
                reason = ("未签署（缺少 signed_on）", "it is not signed (no signed_on)")
            elif signed >= self.before:
                reason = (f"签署日期 {signed} 不早于 {self.before}", f"it was signed on {signed}, not before {self.before}")
            elif signed > day:
                reason = (f"签署日期 {signed} 晚于申报日期 {day}", f"it was signed on {signed}, after the submission date {day}")
            elif applicant not in parties or not hosts & {p for p in parties if isinstance(p, str)}:
                listed = "、".join(map(shown, parties)) or "无"
                listed_en = ", ".join(map(shown_en, parties)) or "none"
                reason = (f"签署方（{listed}）未同时包括申报单位 {shown(applicant)} 和外方依托单位", f"its parties ({listed_en}) do not include both the applicant {shown_en(applicant)} and a partner host")
            else:
                # returned at once: the loop's variables keep this agreement's values
                return passed_saying(
                    lambda: (
                        f"联合实验室建立于 {established}；共建协议 {where[-1]} 于 {signed} 签署，均早于 {self.before}",
                        f"the joint laboratory was established on {established}; its agreement {where[-1]} was signed on {signed}, both before {self.before}",
                    ),
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
