"""FieldsInclude and NotApplicable: a track's scope."""

from __future__ import annotations

import datetime as dt

import pytest

from appcheck.engine import normalize
from appcheck.rules.base import Context, run
from appcheck.rules.scope import FieldsInclude, NotApplicable

from .helpers import outcome
from .messages.scope import INCLUDE


def status(rule, data: dict) -> str:
    return run(rule, Context(normalize(data), checked_on=dt.date(2021, 9, 1), call="t", topic="t")).status.value


def fields(*values) -> dict:
    return {"project": {"fields": list(values)}}


def test_fields_include() -> None:
    rule = FieldsInclude("绿色技术", {"green technology": "绿色技术"})
    assert status(rule, fields("绿色技术")) == "passed"
    assert status(rule, fields("海洋经济", " 绿色技术 ")) == "passed"
    assert status(rule, fields("green technology")) == "passed"
    assert status(rule, fields("海洋经济")) == "failed"


@pytest.mark.parametrize("data", [{}, {"project": {}}, fields(), fields(3), {"project": {"fields": "绿色技术"}}])
def test_fields_include_missing_input(data) -> None:
    assert status(FieldsInclude("绿色技术"), data) == "failed"


def test_not_applicable() -> None:
    rule = NotApplicable(("见 ZJ22-BIL-NORWAY", "see ZJ22-BIL-NORWAY"))
    assert status(rule, {}) == "passed"
    assert "ZJ22-BIL-NORWAY" in rule.describe()[1]
    with pytest.raises(ValueError):
        NotApplicable(("only one",))


def test_fields_include_parameters() -> None:
    assert FieldsInclude("a").aliases == ()
    with pytest.raises(ValueError):
        FieldsInclude("")


def test_fields_must_be_a_non_empty_array_of_strings() -> None:
    result = outcome(INCLUDE, fields())
    assert (result.status.value, result.segments) == ("failed", ("project", "fields", 0))
    result = outcome(INCLUDE, fields("海洋经济", 3))
    assert (result.status.value, result.segments) == ("failed", ("project", "fields", 1))


def test_not_applicable_needs_both_reasons() -> None:
    with pytest.raises(ValueError):
        NotApplicable(("只有中文",))
