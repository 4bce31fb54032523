"""SubsidyShareOf and zj-2025's rule: at most 150 and at most 20 % of the enterprise's R&D investment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.engine import normalize
from appcheck.rules.base import AllOf, Context, run
from appcheck.rules.funding import SubsidyBounds
from appcheck.rules.shares import SubsidyShareOf

YUAN = Decimal("0.0001")
RULE = AllOf((SubsidyBounds(maximum=150), SubsidyShareOf("0.2")))
money = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("5000"), places=4)


def outcome(rule, budget: dict):
    return run(rule, Context(normalize({"budget": budget}), checked_on=dt.date(2024, 9, 1), call="t", topic="t"))


def status(rule, subsidy: Decimal, investment: Decimal) -> str:
    return outcome(rule, {"subsidy_requested": subsidy, "enterprise_rd_investment": investment}).status.value


@given(money)
@example(Decimal(500))
@example(Decimal(500) - YUAN)
@example(Decimal(500) + YUAN)
def test_twenty_percent_boundary(investment) -> None:
    # a subsidy of 100 needs an investment of at least 500
    assert (status(SubsidyShareOf("0.2"), Decimal(100), investment) == "passed") == (Decimal(100) <= Decimal("0.2") * investment)


@given(money)
@example(Decimal(150))
@example(Decimal(150) - YUAN)
@example(Decimal(150) + YUAN)
def test_cap_boundary_with_ample_investment(subsidy) -> None:
    assert (status(RULE, subsidy, Decimal(10000)) == "passed") == (subsidy <= 150)


@given(money, money)
@example(Decimal(150), Decimal(750))
@example(Decimal("150.0001"), Decimal("750.0005"))
@example(Decimal("149.9999"), Decimal("749.9995"))
@example(Decimal("149.9999"), Decimal("749.9994"))
@example(Decimal("60.0001"), Decimal("300"))
def test_both_bounds(subsidy, investment) -> None:
    assert (status(RULE, subsidy, investment) == "passed") == (subsidy <= 150 and subsidy <= Decimal("0.2") * investment)


def test_floats_are_read_exactly() -> None:
    # 0.2 * 750.0005 = 150.0001 exactly; binary floats would blur it
    assert status(SubsidyShareOf("0.2"), 150.0001, 750.0005) == "passed"
    assert status(SubsidyShareOf("0.2"), 150.0002, 750.0005) == "failed"


def test_message_has_the_numbers() -> None:
    result = outcome(SubsidyShareOf("0.2"), {"subsidy_requested": 100, "enterprise_rd_investment": Decimal("499.9999")})
    assert result.status.value == "failed"
    assert "499.9999" in result.message and "20%" in result.message and "99.99998" in result.message_en
    assert result.expected["maximum"] == Decimal("99.99998") and result.actual == 100


@pytest.mark.parametrize("budget", [{"subsidy_requested": 100}, {"enterprise_rd_investment": 600}, {"subsidy_requested": 100, "enterprise_rd_investment": "600"}])
def test_missing_input_fails(budget) -> None:
    assert outcome(SubsidyShareOf("0.2"), budget).status.value == "failed"


@pytest.mark.parametrize("share", [0.2, "0", "1.5", "-0.1", True, "NaN"])
def test_bad_share(share) -> None:
    with pytest.raises((ValueError, TypeError, ArithmeticError)):
        SubsidyShareOf(share)


@pytest.mark.parametrize("share", ["1", 1, Decimal("0.0001"), "0.2"])
def test_share_may_be_anything_in_zero_to_one(share) -> None:
    assert SubsidyShareOf(share).share == Decimal(str(share))


@pytest.mark.parametrize("share", ["0", 0, "1.0001", 2, True, 0.2, "NaN", "Infinity", None])
def test_share_outside_zero_to_one_or_not_a_decimal_fails_when_built(share) -> None:
    with pytest.raises(ValueError, match=r"^SubsidyShareOf\.share must be a decimal in \(0, 1\] given as a string or Decimal, got "):
        SubsidyShareOf(share)


def test_share_of_another_base() -> None:
    rule = SubsidyShareOf("0.5", base=["budget", "total"])
    assert rule.base == ("budget", "total")
    assert outcome(rule, {"subsidy_requested": Decimal(50), "total": Decimal(100)}).status.value == "passed"
    assert outcome(rule, {"subsidy_requested": Decimal("50.0001"), "total": Decimal(100)}).status.value == "failed"
    assert SubsidyShareOf("0.5").base == ("budget", "enterprise_rd_investment")
