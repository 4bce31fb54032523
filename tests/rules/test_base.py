from __future__ import annotations

from decimal import Decimal

import pytest

from appcheck.rules.base import MISSING, AllOf, PerTrack, as_date, as_decimal, money
from appcheck.rules.dates import DurationMonths
from appcheck.rules.funding import SubsidyBounds

from .helpers import context, outcome

GRANT = AllOf((SubsidyBounds(50, 50), DurationMonths(24, 24)))


def bundle(subsidy, end="2024-08-31") -> dict:
    return {"budget": {"subsidy_requested": subsidy}, "project": {"start_date": "2022-09-01", "end_date": end}}


def test_all_of_passes_when_all_pass() -> None:
    result = outcome(GRANT, bundle(50))
    assert result.status.value == "passed" and "50" in result.message and "24" in result.message


def test_all_of_reports_the_first_failure_and_mentions_the_others() -> None:
    result = outcome(GRANT, bundle(60, end="2024-09-01"))
    assert result.status.value == "failed" and result.segments == ("budget", "subsidy_requested")
    assert "60" in result.message and "24 个月 1 天" in result.message


def test_all_of_needs_rules() -> None:
    with pytest.raises(ValueError):
        AllOf(())


def test_per_track_picks_the_tracks_rule() -> None:
    rule = PerTrack({"a": SubsidyBounds(maximum=10), "b": SubsidyBounds(maximum=100)})
    assert outcome(rule, bundle(50), track="b").status.value == "passed"
    assert outcome(rule, bundle(50), track="a").status.value == "failed"
    assert outcome(rule, bundle(50), track="c").segments == ("track",)


def test_accessors() -> None:
    ctx = context({"a": {"b": [1, "x", None]}, "d": "2022-02-30", "e": "2022-02-28"})
    assert ctx.value("a", "b", 0) == Decimal(1)
    assert ctx.value("a", "b", 5) is MISSING and ctx.value("a", "c") is MISSING and ctx.value("a", "b", "x") is MISSING
    assert ctx.optional_date("nope") is None
    assert ctx.date("e").isoformat() == "2022-02-28"
    for call in (lambda: ctx.date("d"), lambda: ctx.number("a", "b", 1), lambda: ctx.string("a", "b", 2), lambda: ctx.mapping("a", "b")):
        with pytest.raises(Exception) as raised:
            call()
        assert type(raised.value).__name__ == "MissingInput"


@pytest.mark.parametrize("value,expected", [
    (Decimal("1.5"), Decimal("1.5")), (3, Decimal(3)), (0.1, Decimal("0.1")), (True, None), ("1", None), (float("nan"), None), (Decimal("Infinity"), None),
])
def test_as_decimal(value, expected) -> None:
    assert as_decimal(value) == expected


@pytest.mark.parametrize("value,ok", [("2022-05-10", True), ("2022-5-10", False), ("20220510", False), ("２０２２-05-10", False), ("2022-05-10\n", False), ("2022-02-29", False), (None, False)])
def test_as_date(value, ok) -> None:
    assert (as_date(value) is not None) == ok


def test_money_formats_exactly() -> None:
    assert money(Decimal("150.0000")) == "150"
    assert money(Decimal("149.9999")) == "149.9999"
    assert money(Decimal("1E+2")) == "100"
