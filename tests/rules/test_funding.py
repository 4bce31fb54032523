from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.base import MissingInput
from appcheck.rules.budget import BudgetLine, DirectionAverage, DirectionBudget
from appcheck.rules.funding import EnterpriseCofunding, SubsidyBounds, SubsidyByPlace, self_raised_by_org
from appcheck.rules.parties import Orgs

from .helpers import context, org, outcome, status
from .messages.funding import SPAIN
from .messages.funding import budget as decimal_budget

YUAN = Decimal("0.0001")
money = st.decimals(min_value=0, max_value=100000, places=4, allow_nan=False, allow_infinity=False)


def budget(subsidy, **extra) -> dict:
    return {"budget": {"subsidy_requested": subsidy, **extra}}


# ------------------------------------------------------------------ SubsidyBounds

@given(amount=money)
@example(amount=Decimal(150)).via("the cap")
@example(amount=Decimal(150) + YUAN).via("one yuan over")
@example(amount=Decimal(150) - YUAN).via("one yuan under")
def test_cap_is_inclusive_and_exact(amount: Decimal) -> None:
    assert (status(SubsidyBounds(maximum=150), budget(amount)) == "passed") == (amount <= 150)


@given(amount=money)
@example(amount=Decimal(50)).via("the grant")
@example(amount=Decimal(50) + YUAN)
@example(amount=Decimal(50) - YUAN)
def test_exact_grant(amount: Decimal) -> None:
    assert (status(SubsidyBounds(50, 50), budget(amount)) == "passed") == (amount == 50)


def test_float_amount_from_a_mapping_is_read_exactly() -> None:
    assert status(SubsidyBounds(maximum=150), budget(150.0001)) == "failed"
    assert status(SubsidyBounds(maximum=150), budget(150.0)) == "passed"


def test_missing_or_malformed_subsidy_fails_on_it() -> None:
    result = outcome(SubsidyBounds(maximum=150), {"budget": {}})
    assert result.status.value == "failed" and result.segments == ("budget", "subsidy_requested")
    assert status(SubsidyBounds(maximum=150), budget("150")) == "failed"
    assert status(SubsidyBounds(maximum=150), budget(True)) == "failed"


@pytest.mark.parametrize("bad", [dict(), dict(minimum=0), dict(maximum=-1), dict(minimum=60, maximum=40), dict(maximum=1.5), dict(maximum=True)])
def test_bad_bounds_fail_when_built(bad) -> None:
    with pytest.raises((ValueError, TypeError)):
        SubsidyBounds(**bad)


def test_message_gives_both_numbers() -> None:
    result = outcome(SubsidyBounds(maximum=150), budget(Decimal("150.0001")))
    assert "150.0001" in result.message and "150" in result.message_en
    assert result.expected == {"minimum": None, "maximum": Decimal(150)} and result.actual == Decimal("150.0001")


# ------------------------------------------------------------------ SubsidyByPlace

@pytest.mark.parametrize("country,amount,expected", [
    ("CN", 20, "passed"), ("CN", 30, "failed"), ("SG", 30, "passed"), ("SG", 20, "failed"), ("HK", 30, "passed"), ("CN", Decimal("20.0001"), "failed"),
])
def test_grant_by_venue(country, amount, expected) -> None:
    rule = SubsidyByPlace(("exchange", "venue_country"), home_amount=20, abroad_amount=30)
    assert status(rule, {"exchange": {"venue_country": country}, **budget(amount)}) == expected


def test_grant_by_venue_needs_the_venue() -> None:
    rule = SubsidyByPlace(("exchange", "venue_country"), home_amount=20, abroad_amount=30)
    assert outcome(rule, budget(20)).segments == ("exchange", "venue_country")


# ------------------------------------------------------------------ EnterpriseCofunding

DOMESTIC_PARTNER_ENTERPRISE = Orgs(roles={"domestic_partner"}, kinds={"enterprise"}, countries={"CN"})
DOMESTIC_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
RESEARCH = EnterpriseCofunding(trigger=DOMESTIC_PARTNER_ENTERPRISE, contributors=DOMESTIC_ENTERPRISE)
INDUSTRIAL = EnterpriseCofunding(trigger=Orgs(kinds={"enterprise"}), contributors=Orgs(kinds={"enterprise"}))


def research_bundle(raised, subsidy=50) -> dict:
    return {
        "applicant": org("lead", subdivision="CN-GD"),
        "partners": [org("co", role="domestic_partner", kind="enterprise", subdivision="CN-GD"), org("tum", role="foreign_partner", country="DE")],
        **budget(subsidy, self_raised=[{"organization": "co", "amount": raised}]),
    }


@given(raised=money)
@example(raised=Decimal(50)).via("equal to the subsidy")
@example(raised=Decimal(50) - YUAN).via("one yuan less")
@example(raised=Decimal(50) + YUAN)
def test_cofunding_at_least_the_subsidy(raised: Decimal) -> None:
    assert (status(RESEARCH, research_bundle(raised)) == "passed") == (raised >= 50)


def test_cofunding_not_required_without_a_domestic_enterprise_partner() -> None:
    bundle = research_bundle(0)
    bundle["partners"][0]["kind"] = "university"
    result = outcome(RESEARCH, bundle)
    assert result.status.value == "passed" and "不要求" in result.message


def test_foreign_enterprise_does_not_count_for_research_but_does_for_industrial() -> None:
    bundle = research_bundle(10)
    bundle["partners"][1]["kind"] = "enterprise"
    bundle["budget"]["self_raised"].append({"organization": "tum", "amount": 40})
    assert status(RESEARCH, bundle) == "failed"
    assert status(INDUSTRIAL, bundle) == "passed"


def test_cofunding_from_allocation() -> None:
    bundle = research_bundle(0)
    del bundle["budget"]["self_raised"]
    bundle["budget"]["allocation"] = [{"organization": "co", "subsidy": 0, "self_raised": 50}, {"organization": "lead", "subsidy": 50}]
    assert status(RESEARCH, bundle) == "passed"


def test_self_raised_in_both_places_is_ambiguous() -> None:
    bundle = research_bundle(50)
    bundle["budget"]["allocation"] = [{"organization": "co", "self_raised": 50}]
    result = outcome(RESEARCH, bundle)
    assert result.status.value == "failed" and result.segments == ("budget",)


def test_self_raised_totals_per_organization() -> None:
    ctx = context(budget(1, self_raised=[{"organization": "a", "amount": 1.5}, {"organization": "a", "amount": 2}, {"organization": "b", "amount": 0}]))
    assert self_raised_by_org(ctx) == {"a": Decimal("3.5"), "b": Decimal(0)}


def test_cofunding_with_a_malformed_amount_fails() -> None:
    assert status(RESEARCH, research_bundle("fifty")) == "failed"


# ------------------------------------------------------------------ parameters are checked when a rule is built

def test_bounds_are_required_and_ordered() -> None:
    with pytest.raises(ValueError, match="^SubsidyBounds needs a minimum, a maximum or both$"):
        SubsidyBounds()
    with pytest.raises(ValueError, match="^SubsidyBounds: minimum 60 exceeds maximum 40$"):
        SubsidyBounds(minimum=60, maximum=40)
    assert SubsidyBounds(minimum=40, maximum=40).minimum == 40
    assert SubsidyBounds(minimum=10).maximum is None and SubsidyBounds(maximum=10).minimum is None


@pytest.mark.parametrize("projects", [0, -1, True, 1.0, "3"])
def test_budget_line_projects_must_be_a_positive_whole_number(projects) -> None:
    with pytest.raises(ValueError, match=f"^BudgetLine.projects must be a positive whole number, got {projects!r}$".replace("(", r"\(").replace(".", r"\.")):
        BudgetLine(100, projects)


def test_budget_line_fields_and_label() -> None:
    line = BudgetLine(100, 1)
    assert line.fields is None and line.label == "" and line.projects == 1
    assert BudgetLine("100", 3, ["a", "b"]).fields == frozenset({"a", "b"})
    for bad in ((), ("",), ("a", 1)):
        with pytest.raises(ValueError, match="^BudgetLine.fields must be a non-empty set of field labels or None$"):
            BudgetLine(100, 3, bad)


def test_budget_line_average_is_rounded_to_one_yuan_and_the_comparison_is_exact() -> None:
    line = BudgetLine(1000, 3)
    assert line.average == Decimal("333.3333")
    assert line.above_average(Decimal("333.3334")) and not line.above_average(Decimal("333.3333"))
    assert not BudgetLine(900, 3).above_average(Decimal(300)) and BudgetLine(900, 3).above_average(Decimal("300.0001"))


@pytest.mark.parametrize("rule", [DirectionBudget, DirectionAverage])
def test_budget_tables_are_checked_when_built(rule) -> None:
    for bad in ((), (100,)):
        with pytest.raises(ValueError, match=f"^{rule.__name__}.lines must be a non-empty tuple of BudgetLine$"):
            rule(bad)
    with pytest.raises(ValueError, match=f"^{rule.__name__}: with several budget lines every line names its fields$"):
        rule((BudgetLine(100, 1, ("a",)), BudgetLine(100, 1)))
    assert rule((BudgetLine(100, 1),)).aliases == ()
    assert rule(SPAIN, aliases={"x": "y"}).aliases == (("x", "y"),)


def test_self_raised_from_allocation_rows_adds_up_per_organization() -> None:
    ctx = context(decimal_budget(1, allocation=[
        {"organization": "a", "subsidy": 1, "self_raised": Decimal("1.5")},
        {"organization": "a", "self_raised": Decimal(2)},
        {"organization": "b", "subsidy": 0},
    ]))
    assert self_raised_by_org(ctx) == {"a": Decimal("3.5")}
    assert self_raised_by_org(context(decimal_budget(1))) == {}


def test_self_raised_in_both_places_is_ambiguous_only_when_allocation_has_self_raised() -> None:
    both = decimal_budget(1, self_raised=[{"organization": "a", "amount": 1}], allocation=[{"organization": "a", "subsidy": 1}])
    assert self_raised_by_org(context(both)) == {"a": Decimal(1)}
    both["budget"]["allocation"][0]["self_raised"] = 1
    with pytest.raises(MissingInput):
        self_raised_by_org(context(both))
