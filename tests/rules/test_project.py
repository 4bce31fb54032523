from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from appcheck.rules.balance import BalanceRatio
from appcheck.rules.project import Declaration, FieldsWithin, TargetMinimums

from .helpers import outcome, status
from .messages.project import BALANCE, BALANCE_BUDGETS, DECLARATION, RATIO, WITHIN, balance, fields

TARGETS = TargetMinimums({"demo_bases": 2, ("new_products", "new_varieties"): 1})


@given(st.integers(0, 5), st.integers(0, 3), st.integers(0, 3))
def test_targets_against_reference(demo_bases, products, varieties) -> None:
    bundle = {"targets": {"demo_bases": demo_bases, "new_products": products, "new_varieties": varieties}}
    assert (status(TARGETS, bundle) == "passed") == (demo_bases >= 2 and products + varieties >= 1)


def test_target_not_given_counts_as_zero() -> None:
    result = outcome(TARGETS, {"targets": {"demo_bases": 2}})
    assert result.status.value == "failed" and result.actual["new_products+new_varieties"] == 0


def test_targets_block_missing_or_malformed() -> None:
    assert status(TARGETS, {}) == "failed"
    assert status(TARGETS, {"targets": {"demo_bases": "two", "new_products": 1}}) == "failed"
    assert status(TARGETS, {"targets": {"demo_bases": 2.5, "new_products": 1}}) == "failed"


def test_targets_message_lists_every_shortfall() -> None:
    result = outcome(TARGETS, {"targets": {"demo_bases": 1}})
    assert "demo_bases 为 1" in result.message and "new_products+new_varieties" in result.message_en


@pytest.mark.parametrize("bad", [{}, {"unknown_target": 1}, {"demo_bases": 0}, {"demo_bases": True}, {(): 1}])
def test_bad_target_minimums(bad) -> None:
    with pytest.raises(ValueError):
        TargetMinimums(bad)


FIELDS = FieldsWithin(("信息通信", "新材料"), aliases={"信息通讯": "信息通信"})


@pytest.mark.parametrize("fields,expected", [
    (["新材料"], "passed"), ([" 新材料 "], "passed"), (["信息通讯"], "passed"), (["新材料", "区块链"], "failed"), ([], "failed"), (["新材料", 3], "failed"),
])
def test_fields_within(fields, expected) -> None:
    assert status(FIELDS, {"project": {"fields": fields}}) == expected


def test_fields_failure_points_at_the_field() -> None:
    assert outcome(FIELDS, {"project": {"fields": ["新材料", "区块链"]}}).segments == ("project", "fields", 1)


def test_alias_to_unknown_label_fails_when_built() -> None:
    with pytest.raises(ValueError):
        FieldsWithin(("a",), aliases={"b": "c"})


def test_declaration() -> None:
    rule = Declaration(("training", "other"), False, ("未获其他资助", "no other funding"))
    assert status(rule, {"training": {"other": False}}) == "passed"
    assert status(rule, {"training": {"other": True}}) == "failed"
    assert status(rule, {"training": {}}) == "failed"
    assert status(rule, {"training": {"other": "no"}}) == "failed"


def test_declaration_with_a_default_reads_an_absent_field_as_the_default() -> None:
    rule = Declaration(("counts_against_quota",), False, ("不计入限额", "not counted against the quota"), default=False)
    result = outcome(rule, {})
    assert (result.status.value, result.actual) == ("passed", False)
    assert "not given" in result.message_en
    assert status(rule, {"counts_against_quota": False}) == "passed"
    result = outcome(rule, {"counts_against_quota": True})
    assert (result.status.value, result.segments, result.expected, result.actual) == ("failed", ("counts_against_quota",), False, True)
    assert status(rule, {"counts_against_quota": None}) == "failed"
    assert status(Declaration(("x",), True, ("是", "yes"), default=False), {}) == "failed"
    with pytest.raises(TypeError):
        Declaration(("x",), True, ("是", "yes"), default="no")
    assert rule.describe() == ("counts_against_quota 为 false（未填按 false）：不计入限额", "counts_against_quota is false (absent: false): not counted against the quota")


@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_field_is_not_filled_in_rather_than_outside_the_list(blank) -> None:
    found = outcome(FIELDS, {"project": {"fields": ["新材料", blank]}})
    assert found.status.value == "failed" and found.segments == ("project", "fields", 1)
    assert found.message_en == f'cannot check: /project/fields/1 is "{blank}", expected a non-empty string'
    assert "  " not in found.message.replace(blank, "") and "不在" not in found.message


# ------------------------------------------------------------------ parameters are checked when a rule is built

@pytest.mark.parametrize("minimums,message", [
    ({"unicorns": 1}, r"^TargetMinimums: unknown target\(s\) \('unicorns',\)$"),
    ({("reports", "unicorns"): 1}, r"^TargetMinimums: unknown target\(s\) \('reports', 'unicorns'\)$"),
    ({(): 1}, r"^TargetMinimums: unknown target\(s\) \(\)$"),
    ({"reports": 0}, r"^TargetMinimums: the minimum for \('reports',\) must be a positive integer, got 0$"),
    ({"reports": True}, r"^TargetMinimums: the minimum for \('reports',\) must be a positive integer, got True$"),
    ({"reports": 1.5}, r"^TargetMinimums: the minimum for \('reports',\) must be a positive integer, got 1.5$"),
])
def test_target_minimums_are_checked_when_built(minimums, message) -> None:
    with pytest.raises(ValueError, match=message):
        TargetMinimums(minimums)


def test_target_minimums_need_one_target() -> None:
    with pytest.raises(ValueError):
        TargetMinimums({})
    assert TargetMinimums({"reports": 1}).minimums == (("reports", 1),)


def test_fields_rules_parameters() -> None:
    with pytest.raises(ValueError, match=r"^FieldsWithin: aliases point at unknown labels \['区块链'\]$"):
        FieldsWithin(("清洁技术",), aliases={"链": "区块链"})
    with pytest.raises(ValueError):
        FieldsWithin(())
    assert FieldsWithin(["a"]).aliases == ()


def test_fields_must_be_a_non_empty_array_of_strings() -> None:
    result = outcome(WITHIN, fields())
    assert (result.status.value, result.segments) == ("failed", ("project", "fields", 0))
    result = outcome(WITHIN, fields("海洋经济", 3))
    assert (result.status.value, result.segments) == ("failed", ("project", "fields", 1))


def test_declaration_parameters() -> None:
    for bad in ({"path": ()}, {"meaning": ("只有中文",)}):
        with pytest.raises(ValueError):
            Declaration(**{"path": ("x",), "required": True, "meaning": ("是", "yes"), **bad})
    result = outcome(DECLARATION, {"training": {"other_provincial_funding_this_year": "no"}})
    assert (result.status.value, result.segments) == ("failed", ("training", "other_provincial_funding_this_year"))


@pytest.mark.parametrize("minimum", ["0", "1.0001", "-1"])
def test_balance_ratio_minimum_is_within_zero_and_one(minimum) -> None:
    with pytest.raises(ValueError, match=f"^BalanceRatio.minimum must be in \\(0, 1\\], got {minimum}$"):
        BalanceRatio(minimum)


def test_balance_ratio_at_the_bounds() -> None:
    assert BalanceRatio("1").minimum == 1 and RATIO.minimum == Decimal("0.5")
    assert outcome(BalanceRatio("1"), balance(7, 7)).status.value == "passed"
    assert outcome(BalanceRatio("1"), balance(7, "7.0001")).status.value == "failed"
    assert outcome(RATIO, balance(0, 0)).status.value == "passed"


def test_balance_needs_its_numbers() -> None:
    result = outcome(BALANCE_BUDGETS, balance(60, 48, 300))
    assert (result.status.value, result.segments) == ("failed", ("balance", "foreign_budget"))
    result = outcome(BALANCE, {})
    assert (result.status.value, result.segments) == ("failed", ("balance",))
    result = outcome(RATIO, {"balance": {"domestic_person_months": 1}})
    assert (result.status.value, result.segments) == ("failed", ("balance", "foreign_person_months"))


def test_a_budget_given_on_the_foreign_side_only_is_not_compared() -> None:
    data = balance(50, 100)
    data["balance"]["foreign_budget"] = Decimal(1)
    assert outcome(RATIO, data).status.value == "passed"
