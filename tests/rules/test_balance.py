"""Balance (declared effort, reviewed) and BalanceRatio (the 1/2 heuristic)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.balance import Balance, BalanceRatio

from .helpers import outcome, status

STEP = Decimal("0.0001")
amounts = st.decimals(min_value=0, max_value=10000, places=4, allow_nan=False, allow_infinity=False)


def balance(**numbers) -> dict:
    return {"balance": numbers}


# ------------------------------------------------------------------ Balance (review)

def test_declared_person_months_need_review() -> None:
    result = outcome(Balance(), balance(domestic_person_months=60, foreign_person_months=48))
    assert result.status.value == "needs_review" and "60" in result.message and "48" in result.message_en
    assert result.actual == {"person_months": {"domestic": Decimal(60), "foreign": Decimal(48)}}


@pytest.mark.parametrize("bundle,where", [
    ({}, ("balance",)),
    (balance(domestic_person_months=60), ("balance", "foreign_person_months")),
    (balance(foreign_person_months=60), ("balance", "domestic_person_months")),
    (balance(domestic_person_months="60", foreign_person_months=60), ("balance", "domestic_person_months")),
])
def test_missing_numbers_fail(bundle, where) -> None:
    result = outcome(Balance(), bundle)
    assert result.status.value == "failed" and result.segments == where


def test_budgets_required_where_asked() -> None:
    numbers = dict(domestic_person_months=60, foreign_person_months=48, domestic_budget=300)
    result = outcome(Balance(budgets=True), balance(**numbers))
    assert result.status.value == "failed" and result.segments == ("balance", "foreign_budget")
    assert status(Balance(budgets=True), balance(**numbers, foreign_budget=280)) == "needs_review"
    assert status(Balance(), balance(**numbers)) == "needs_review"


# ------------------------------------------------------------------ BalanceRatio (soft)

@given(domestic=amounts, foreign=amounts)
@example(domestic=Decimal(100), foreign=Decimal(50)).via("exactly half")
@example(domestic=Decimal(100), foreign=Decimal(50) - STEP).via("just under half")
@example(domestic=Decimal(100), foreign=Decimal(50) + STEP).via("just over half")
@example(domestic=Decimal(50) - STEP, foreign=Decimal(100)).via("the Chinese side under half")
@example(domestic=Decimal(0), foreign=Decimal(0)).via("both zero")
def test_person_months_ratio_at_one_half(domestic: Decimal, foreign: Decimal) -> None:
    bundle = balance(domestic_person_months=domestic, foreign_person_months=foreign)
    assert (status(BalanceRatio(), bundle) == "passed") == (2 * min(domestic, foreign) >= max(domestic, foreign))


@given(domestic=amounts, foreign=amounts)
@example(domestic=Decimal(700), foreign=Decimal(350))
@example(domestic=Decimal(700), foreign=Decimal(350) - STEP)
@example(domestic=Decimal(350) - STEP, foreign=Decimal(700))
def test_budget_ratio_when_both_budgets_are_given(domestic: Decimal, foreign: Decimal) -> None:
    bundle = balance(domestic_person_months=10, foreign_person_months=10, domestic_budget=domestic, foreign_budget=foreign)
    assert (status(BalanceRatio(), bundle) == "passed") == (2 * min(domestic, foreign) >= max(domestic, foreign))


def test_a_budget_given_on_one_side_only_is_not_compared() -> None:
    assert status(BalanceRatio(), balance(domestic_person_months=10, foreign_person_months=10, domestic_budget=1000)) == "passed"


def test_ratio_never_passes_without_person_months() -> None:
    assert outcome(BalanceRatio(), {}).segments == ("balance",)
    assert outcome(BalanceRatio(), balance(domestic_person_months=10)).segments == ("balance", "foreign_person_months")


def test_ratio_message_names_the_side_and_the_numbers() -> None:
    result = outcome(BalanceRatio(), balance(domestic_person_months=100, foreign_person_months=Decimal("49.9999")))
    assert result.status.value == "failed" and result.segments == ("balance", "foreign_person_months")
    assert "外方" in result.message and "49.9999" in result.message and "50%" in result.message_en
    assert result.actual == {"domestic": Decimal(100), "foreign": Decimal("49.9999")}


@pytest.mark.parametrize("bad", [0, Decimal("1.1"), -1, 0.5])
def test_bad_minimum_fails_when_built(bad) -> None:
    with pytest.raises((ValueError, TypeError)):
        BalanceRatio(bad)


def test_describe_says_it_is_a_heuristic() -> None:
    assert "heuristic" in BalanceRatio().describe()[1] and "50%" in BalanceRatio().describe()[0]
