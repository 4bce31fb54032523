"""DirectionBudget, DirectionAverage (with BudgetLine) and MatchingPerEnterprise."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.budget import BudgetLine, DirectionAverage, DirectionBudget, MatchingPerEnterprise
from appcheck.rules.parties import Orgs

from .helpers import org, outcome, status

YUAN = Decimal("0.0001")
money = st.decimals(min_value=0, max_value=20000, places=4, allow_nan=False, allow_infinity=False)

SPAIN = (BudgetLine(4500, 15),)
AUSTRIA_INDUSTRY = (BudgetLine(1000, 3),)
FINLAND = (
    BudgetLine(2500, 5, ("能源领域",), "能源领域"),
    BudgetLine(3000, 10, ("健康领域", "可持续制造和产业振兴领域", "智能和绿色出行"), "其他领域"),
)


def bundle(amount, fields=("智慧城市",)) -> dict:
    return {"budget": {"subsidy_requested": amount}, "project": {"fields": list(fields)}}


# ------------------------------------------------------------------ DirectionBudget

@given(amount=money)
@example(amount=Decimal(4500)).via("the whole budget")
@example(amount=Decimal(4500) + YUAN).via("one yuan over")
@example(amount=Decimal(4500) - YUAN).via("one yuan under")
def test_budget_caps_inclusively_and_exactly(amount: Decimal) -> None:
    assert (status(DirectionBudget(SPAIN), bundle(amount)) == "passed") == (amount <= 4500)


@given(amount=money, energy=st.booleans())
@example(amount=Decimal(2500), energy=True)
@example(amount=Decimal(2500) + YUAN, energy=True)
@example(amount=Decimal(2500) - YUAN, energy=True)
@example(amount=Decimal(3000), energy=False)
@example(amount=Decimal(3000) + YUAN, energy=False)
@example(amount=Decimal(3000) - YUAN, energy=False)
def test_finland_cap_follows_the_field_group(amount: Decimal, energy: bool) -> None:
    fields = ["能源领域"] if energy else ["健康领域", "智能和绿色出行"]
    cap = 2500 if energy else 3000
    assert (status(DirectionBudget(FINLAND), bundle(amount, fields)) == "passed") == (amount <= cap)


def test_fields_in_both_groups_take_the_lower_cap_and_the_lower_average() -> None:
    both = ["能源领域", "健康领域"]
    assert status(DirectionBudget(FINLAND), bundle(Decimal(2500), both)) == "passed"
    assert status(DirectionBudget(FINLAND), bundle(Decimal(2500) + YUAN, both)) == "failed"
    assert status(DirectionAverage(FINLAND), bundle(Decimal(300), both)) == "passed"
    assert status(DirectionAverage(FINLAND), bundle(Decimal(300) + YUAN, both)) == "failed"


def test_unknown_fields_are_ignored_when_another_places_the_project() -> None:
    assert status(DirectionBudget(FINLAND), bundle(Decimal(2600), ["区块链", "健康领域"])) == "passed"


def test_finland_without_a_known_field_cannot_be_placed() -> None:
    result = outcome(DirectionBudget(FINLAND), bundle(Decimal(1), ["区块链"]))
    assert result.status.value == "failed" and result.segments == ("project", "fields")
    assert outcome(DirectionAverage(FINLAND), {"budget": {"subsidy_requested": 1}}).segments == ("project", "fields")


def test_aliases_place_the_project() -> None:
    rule = DirectionBudget(FINLAND, {"能源": "能源领域"})
    assert status(rule, bundle(Decimal(2600), ["能源"])) == "failed"


def test_a_single_line_needs_no_fields() -> None:
    assert status(DirectionBudget(SPAIN), {"budget": {"subsidy_requested": 10}}) == "passed"


def test_missing_subsidy_never_passes() -> None:
    for rule in (DirectionBudget(SPAIN), DirectionAverage(SPAIN)):
        result = outcome(rule, {"budget": {}})
        assert result.status.value == "failed" and result.segments == ("budget", "subsidy_requested")
        assert status(rule, {"budget": {"subsidy_requested": "100"}}) == "failed"


def test_budget_message_gives_the_budget_and_the_average() -> None:
    result = outcome(DirectionBudget(SPAIN), bundle(Decimal("4500.0001")))
    assert "4500.0001" in result.message and "4500" in result.message_en and "300" in result.message
    assert result.expected == {"maximum": Decimal(4500), "average": Decimal(300), "projects": 15}
    assert result.actual == Decimal("4500.0001")


# ------------------------------------------------------------------ DirectionAverage

@given(amount=money)
@example(amount=Decimal(300))
@example(amount=Decimal(300) + YUAN)
@example(amount=Decimal(300) - YUAN)
@example(amount=Decimal(4500))
@example(amount=Decimal(4500) + YUAN)
def test_average_note_within_the_budget(amount: Decimal) -> None:
    noted = status(DirectionAverage(SPAIN), bundle(amount)) == "failed"
    assert noted == (4500 / Decimal(15) < amount <= 4500)


@given(amount=st.decimals(min_value=300, max_value=400, places=4, allow_nan=False, allow_infinity=False))
@example(amount=Decimal("333.3333")).via("just under 1000/3")
@example(amount=Decimal("333.3334")).via("just over 1000/3")
def test_a_non_terminating_average_is_compared_exactly(amount: Decimal) -> None:
    assert (status(DirectionAverage(AUSTRIA_INDUSTRY), bundle(amount)) == "failed") == (amount * 3 > 1000)


def test_average_message_gives_both_numbers() -> None:
    result = outcome(DirectionAverage(AUSTRIA_INDUSTRY), bundle(Decimal("333.3334")))
    assert "333.3334" in result.message and "333.3333" in result.message and "1000" in result.message
    assert "333.3333" in result.message_en and "3 project" in result.message_en
    assert result.expected == {"average": Decimal("333.3333"), "maximum": Decimal(1000), "projects": 3}


@given(amount=money, energy=st.booleans())
@example(amount=Decimal(500), energy=True)
@example(amount=Decimal(500) + YUAN, energy=True)
@example(amount=Decimal(300), energy=False)
@example(amount=Decimal(300) + YUAN, energy=False)
def test_finland_average_follows_the_field_group(amount: Decimal, energy: bool) -> None:
    total, projects = (2500, 5) if energy else (3000, 10)
    fields = ["能源领域"] if energy else ["可持续制造和产业振兴领域"]
    noted = status(DirectionAverage(FINLAND), bundle(amount, fields)) == "failed"
    assert noted == (amount * projects > total and amount <= total)


@pytest.mark.parametrize("bad", [
    lambda: BudgetLine(0, 3), lambda: BudgetLine(1000, 0), lambda: BudgetLine(1000.5, 3), lambda: BudgetLine(1000, True),
    lambda: BudgetLine(1000, 3, ()), lambda: DirectionBudget(()), lambda: DirectionBudget((BudgetLine(1, 1), BudgetLine(2, 1))),
    lambda: DirectionAverage(("x",)),
])
def test_bad_budget_tables_fail_when_built(bad) -> None:
    with pytest.raises((ValueError, TypeError)):
        bad()


def test_describe_names_every_line() -> None:
    zh, en = DirectionBudget(FINLAND).describe()
    assert "2500" in zh and "3000" in zh and "能源领域" in zh and "2500" in en
    assert "500" in DirectionAverage(FINLAND).describe()[1]


@pytest.mark.parametrize("host, total", [
    (decimal.Context(rounding=decimal.ROUND_UP), Decimal("1234.5")),  # a host program rounding up
    (decimal.Context(prec=2, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact, decimal.Rounded]), Decimal("1236.5")),  # two digits
], ids=["rounding-up", "two-digits"])
def test_a_lines_average_is_the_same_whichever_context_first_asks_for_it(host: decimal.Context, total: Decimal) -> None:
    # the average is worked out once and kept: described first in a host's context (appcheck explain,
    # a SARIF log's rule text), it is still total / projects rounded half-even to 1 yuan in every check
    line = BudgetLine(total, 7)  # a line of its own for each host: no other test has asked for its average
    expected = (total / 7).quantize(YUAN, rounding=decimal.ROUND_HALF_EVEN)
    with decimal.localcontext(host):
        zh, en = DirectionAverage((line,)).describe()
    result = outcome(DirectionAverage((line,)), bundle(Decimal(1)))
    assert line.average == expected and result.expected["average"] == expected
    assert str(expected) in zh and str(expected) in en and str(expected) in result.message


# ------------------------------------------------------------------ MatchingPerEnterprise

CN_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})


def matching(ent_subsidy, ent_raised, *, lead_subsidy=Decimal(60), lead_kind="university", extra=None) -> dict:
    rows = [{"organization": "lead", "subsidy": lead_subsidy}, {"organization": "ent", "subsidy": ent_subsidy, "self_raised": ent_raised}]
    return {
        "applicant": org("lead", kind=lead_kind, subdivision="CN-BJ"),
        "partners": [org("ent", role="domestic_partner", kind="enterprise", subdivision="CN-BJ"), org("de", role="foreign_partner", kind="enterprise", country="DE")],
        "budget": {"subsidy_requested": lead_subsidy + ent_subsidy, "allocation": rows, **(extra or {})},
    }


@given(subsidy=money, raised=money)
@example(subsidy=Decimal(40), raised=Decimal(40)).via("equal")
@example(subsidy=Decimal(40), raised=Decimal(40) - YUAN).via("one yuan short")
@example(subsidy=Decimal(40), raised=Decimal(40) + YUAN).via("one yuan more")
def test_matching_per_enterprise_is_exact(subsidy: Decimal, raised: Decimal) -> None:
    assert (status(MatchingPerEnterprise(CN_ENTERPRISE), matching(subsidy, raised)) == "passed") == (raised >= subsidy)


def test_each_enterprise_is_matched_on_its_own() -> None:
    bundle = matching(Decimal(40), Decimal(100), lead_kind="enterprise")
    bundle["budget"]["allocation"][0]["self_raised"] = Decimal("59.9999")
    result = outcome(MatchingPerEnterprise(CN_ENTERPRISE), bundle)
    assert result.status.value == "failed" and "59.9999" in result.message and "60" in result.message_en
    assert result.expected == {"lead": Decimal(60)} and result.actual == {"lead": Decimal("59.9999")}


def test_foreign_enterprises_are_not_matched_here() -> None:
    bundle = matching(Decimal(40), Decimal(40))
    bundle["budget"]["allocation"].append({"organization": "de", "subsidy": Decimal(0)})
    assert status(MatchingPerEnterprise(CN_ENTERPRISE), bundle) == "passed"


def test_no_chinese_enterprise_does_not_apply() -> None:
    bundle = {"applicant": org("lead", subdivision="CN-BJ"), "partners": [], "budget": {"subsidy_requested": 100}}
    result = outcome(MatchingPerEnterprise(CN_ENTERPRISE), bundle)
    assert result.status.value == "passed" and "不要求" in result.message


def test_allocation_is_required_when_an_enterprise_takes_part() -> None:
    bundle = matching(Decimal(40), Decimal(40))
    del bundle["budget"]["allocation"]
    result = outcome(MatchingPerEnterprise(CN_ENTERPRISE), bundle)
    assert result.status.value == "failed" and result.segments == ("budget", "allocation")


def test_allocation_must_add_up_to_the_subsidy() -> None:
    bundle = matching(Decimal(40), Decimal(40))
    bundle["budget"]["subsidy_requested"] = Decimal("100.0001")
    result = outcome(MatchingPerEnterprise(CN_ENTERPRISE), bundle)
    assert result.status.value == "failed" and result.segments == ("budget", "allocation") and "100" in result.message


def test_a_row_without_subsidy_cannot_be_read() -> None:
    bundle = matching(Decimal(40), Decimal(40))
    del bundle["budget"]["allocation"][1]["subsidy"]
    assert outcome(MatchingPerEnterprise(CN_ENTERPRISE), bundle).segments == ("budget", "allocation", 1, "subsidy")


def test_self_raised_may_be_given_apart() -> None:
    bundle = matching(Decimal(40), Decimal(40))
    del bundle["budget"]["allocation"][1]["self_raised"]
    bundle["budget"]["self_raised"] = [{"organization": "ent", "amount": Decimal(40)}]
    assert status(MatchingPerEnterprise(CN_ENTERPRISE), bundle) == "passed"
    bundle["budget"]["self_raised"][0]["amount"] = Decimal("39.9999")
    assert status(MatchingPerEnterprise(CN_ENTERPRISE), bundle) == "failed"


def test_an_enterprise_without_a_row_has_no_subsidy_to_match() -> None:
    bundle = matching(Decimal(40), Decimal(40))
    bundle["budget"]["allocation"] = [{"organization": "lead", "subsidy": Decimal(100)}]
    assert status(MatchingPerEnterprise(CN_ENTERPRISE), bundle) == "passed"


@pytest.mark.parametrize("where", ["allocation", "self_raised", "applicant"])
def test_malformed_organization_ids_are_missing_input_not_a_crash(where) -> None:
    bundle = matching(Decimal(40), Decimal(40), lead_kind="enterprise")
    if where == "allocation":
        bundle["budget"]["allocation"][1]["organization"] = {"nested": "ent"}
    elif where == "self_raised":
        del bundle["budget"]["allocation"][1]["self_raised"]
        bundle["budget"]["self_raised"] = [{"organization": ["ent"], "amount": Decimal(40)}]
    else:
        bundle["applicant"]["id"] = {"nested": "lead"}
    assert status(MatchingPerEnterprise(CN_ENTERPRISE), bundle) == "failed"
