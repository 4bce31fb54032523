"""Rules about the balance of the two sides' effort: person-months and budgets of each side (the most calls)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from .base import MISSING, Context, Outcome, failed, passed_saying
from .base import money as _money, percent as _percent, review as _review, to_decimal as _to_decimal

BALANCE = ("balance",)


def _balance_numbers(ctx: Context, budgets: bool) -> tuple:
    """``(the balance object, {measure: (domestic, foreign)})``."""
    balance = ctx.mapping(*BALANCE)
    numbers = {
        "person_months": (ctx.number_in(balance, BALANCE, "domestic_person_months"), ctx.number_in(balance, BALANCE, "foreign_person_months")),
    }
    if budgets:
        numbers["budget"] = (ctx.number_in(balance, BALANCE, "domestic_budget"), ctx.number_in(balance, BALANCE, "foreign_budget"))
    return balance, numbers


def _shown(numbers: dict) -> list:
    """``(measure, domestic, foreign)`` with the amounts as messages show them."""
    return [(key, _money(d), _money(f)) for key, (d, f) in numbers.items()]


_MEASURES = {"person_months": ("人月", "person-months"), "budget": ("经费（万元）", "budget (10k CNY)")}


@attrs.frozen(slots=False)
class Balance:
    """Both sides declare their effort; a reviewer judges whether it is basically balanced (基本平衡).

    What it checks:
        ``balance.domestic_person_months`` and ``balance.foreign_person_months`` are numbers (with
        ``budgets``, ``balance.domestic_budget`` and ``balance.foreign_budget`` too). Missing block or
        numbers: failed. Declared: needs review, with the numbers.

    Why:
        中奥双方的合作单位投入力量要基本平衡 / 双方经费投入和工作量应基本平衡: whether effort is balanced
        is a judgement; the declared numbers are what the reviewer judges it on.

    Failing example:
        ``Balance(budgets=True)`` with ``{"balance": {"domestic_person_months": 60, "foreign_person_months": 48,
        "domestic_budget": 300}}``: the foreign budget is missing.

    Passing example:
        Needs review: the same with ``"foreign_budget": 280``.
    """

    budgets: bool = False

    def check(self, ctx: Context) -> Outcome:
        _, numbers = _balance_numbers(ctx, self.budgets)
        shown = _shown(numbers)
        zh = "；".join(f"{_MEASURES[k][0]} 中方 {d}、外方 {f}" for k, d, f in shown)
        en = "; ".join(f"{_MEASURES[k][1]}: Chinese side {d}, foreign side {f}" for k, d, f in shown)
        return _review(
            f"双方已声明投入：{zh}；需评审专家判断是否基本平衡",
            f"both sides declare their effort ({en}); a reviewer must judge whether it is basically balanced",
            BALANCE, actual={k: {"domestic": d, "foreign": f} for k, (d, f) in numbers.items()},
        )

    def describe(self) -> tuple[str, str]:
        if self.budgets:
            return "双方声明人月和经费投入（需评审是否基本平衡）", "both sides declare person-months and budgets (reviewed for balance)"
        return "双方声明人月投入（需评审是否基本平衡）", "both sides declare person-months (reviewed for balance)"


@attrs.frozen(slots=False)
class BalanceRatio:
    """A warning when one side declares under a share (half) of the other side's effort.

    What it checks:
        With ``d`` and ``f`` the two sides' ``balance`` person-months, fails when the smaller is below
        ``minimum`` times the larger (exactly: ``min < minimum * max``; at exactly half it passes). The
        same for ``domestic_budget`` / ``foreign_budget`` when both are given (a budget given on one
        side only is not compared here). A heuristic of this tool, not a number of the guideline.

    Why:
        投入力量要基本平衡: the guideline gives no number; a side doing less than half the other's work
        is worth a warning before the reviewers see it.

    Failing example:
        ``BalanceRatio()`` with 100 domestic and 49.9999 foreign person-months.

    Passing example:
        The same with 50 foreign person-months.
    """

    minimum: Decimal = attrs.field(default=Decimal("0.5"), converter=_to_decimal)

    def __attrs_post_init__(self) -> None:
        if not Decimal(0) < self.minimum <= Decimal(1):
            raise ValueError(f"BalanceRatio.minimum must be in (0, 1], got {self.minimum}")

    def check(self, ctx: Context) -> Outcome:
        balance, numbers = _balance_numbers(ctx, False)
        if ctx.value_in(balance, BALANCE, "domestic_budget") is not MISSING and ctx.value_in(balance, BALANCE, "foreign_budget") is not MISSING:
            numbers["budget"] = (ctx.number_in(balance, BALANCE, "domestic_budget"), ctx.number_in(balance, BALANCE, "foreign_budget"))
        share = _percent(self.minimum)
        for key, (d, f) in numbers.items():
            small, large = min(d, f), max(d, f)
            if small < self.minimum * large:
                side_zh, side_en = ("中方", "the Chinese side") if d < f else ("外方", "the foreign side")
                return failed(
                    f"{side_zh}{_MEASURES[key][0]} {_money(small)}，不足另一方 {_money(large)} 的 {share}%（中方 {_money(d)}、外方 {_money(f)}）",
                    f"{side_en} declares {_money(small)} {_MEASURES[key][1]}, under {share}% of the other side's {_money(large)} (Chinese {_money(d)}, foreign {_money(f)})",
                    BALANCE + (f"domestic_{key}" if d < f else f"foreign_{key}",),
                    expected=f">= {share}% of the other side", actual={"domestic": d, "foreign": f},
                )

        def words() -> tuple[str, str]:
            shown = _shown(numbers)
            zh = "；".join(f"{_MEASURES[k][0]} 中方 {d}、外方 {f}" for k, d, f in shown)
            en = "; ".join(f"{_MEASURES[k][1]}: Chinese {d}, foreign {f}" for k, d, f in shown)
            return f"双方投入均不低于另一方的 {share}%：{zh}", f"neither side declares under {share}% of the other's: {en}"

        return passed_saying(
            words, BALANCE, expected=f">= {share}% of the other side", actual={k: {"domestic": d, "foreign": f} for k, (d, f) in numbers.items()},
        )

    def describe(self) -> tuple[str, str]:
        share = _percent(self.minimum)
        return f"一方投入（人月；双方均填写时含经费）不低于另一方的 {share}%（本工具的经验阈值）", f"neither side declares under {share}% of the other's person-months (and budget, where both are given) - a heuristic of this tool"
