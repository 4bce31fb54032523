"""Rules about the subsidy as a share of another amount (the enterprise's own R&D spending). Exact decimals, in 万元."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..converters import to_tuple
from .base import Context, Outcome, failed, money, passed_saying, percent, plain
from .funding import SUBSIDY


def _share(value) -> Decimal:
    share = Decimal(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else value
    if not isinstance(share, Decimal) or not share.is_finite() or not 0 < share <= 1:
        raise ValueError(f"SubsidyShareOf.share must be a decimal in (0, 1] given as a string or Decimal, got {value!r}")
    return share


@attrs.frozen(slots=False)
class SubsidyShareOf:
    """The subsidy applied for is at most a share of another amount (the enterprise's own R&D spending).

    What it checks:
        ``budget.subsidy_requested`` <= ``share`` x the amount at ``base`` (default
        ``budget.enterprise_rd_investment``), computed exactly in decimals: with a share of 0.2 and an
        investment of 750, 150 passes and 150.0001 fails. A missing base fails (it cannot be checked).

    Why:
        省财政经费支持强度……不超过浙江企业实际投入研发经费的 20%: public money tops up the enterprise's
        own R&D spending, never the other way round.

    Failing example:
        ``SubsidyShareOf("0.2")`` with ``{"budget": {"subsidy_requested": 100, "enterprise_rd_investment": 499.9999}}``.

    Passing example:
        The same rule with ``"enterprise_rd_investment": 500``.
    """

    share: Decimal = attrs.field(converter=_share)
    base: tuple = attrs.field(default=("budget", "enterprise_rd_investment"), converter=to_tuple)

    def check(self, ctx: Context) -> Outcome:
        amount = ctx.number(*SUBSIDY)
        base = ctx.number(*self.base)
        limit = plain(self.share * base)
        if amount > limit:
            return failed(
                f"申请财政资助 {money(amount)} 万元，超过企业实际投入研发经费 {money(base)} 万元的 {percent(self.share)}%（{money(limit)} 万元）",
                f"the subsidy requested, {money(amount)} (10k CNY), exceeds {percent(self.share)}% of the enterprise's R&D investment {money(base)} ({money(limit)})",
                SUBSIDY, expected={"maximum": limit, "share": self.share, "base": base}, actual=amount,
            )
        return passed_saying(
            lambda: (
                f"申请财政资助 {money(amount)} 万元，不超过企业实际投入研发经费 {money(base)} 万元的 {percent(self.share)}%（{money(limit)} 万元）",
                f"the subsidy requested, {money(amount)} (10k CNY), is within {percent(self.share)}% of the enterprise's R&D investment {money(base)} ({money(limit)})",
            ),
            SUBSIDY, expected={"maximum": limit, "share": self.share, "base": base}, actual=amount,
        )

    def describe(self) -> tuple[str, str]:
        return (
            f"申请财政资助不超过 {'/'.join(self.base)} 的 {percent(self.share)}%",
            f"the subsidy requested is at most {percent(self.share)}% of {'/'.join(self.base)}",
        )
