"""The schema stage: SCHEMA findings with pointers, in the order of their lines, capped a bundle with the rest counted."""

from __future__ import annotations

from decimal import Decimal

import pytest

import appcheck
from appcheck.engine import Source

from ..conftest import example, failed_ids


def test_schema_findings_come_first_with_pointers() -> None:
    bundle = example("gd-2022", "training")
    bundle["budget"]["subsidy_requested"] = Decimal("50.00001")
    bundle["training"]["typo"] = 1
    report = appcheck.validate(bundle)
    schema = [f for f in report.findings if f.requirement == "SCHEMA"]
    assert report.findings[: len(schema)] == tuple(schema)
    assert {f.path for f in schema} == {"/budget/subsidy_requested", "/training"}
    assert any("typo" in f.message for f in schema)


def test_x_prefixed_notes_are_allowed_anywhere() -> None:
    bundle = example("gd-2022", "training")
    bundle["x-note"] = "draft 3"
    bundle["training"]["x-reviewer"] = {"any": ["thing"]}
    assert appcheck.validate(bundle).ok


def test_unknown_top_level_field_is_an_error() -> None:
    bundle = example("gd-2022", "training")
    bundle["subsidy"] = 50
    assert failed_ids(appcheck.validate(bundle)) == {"SCHEMA"}


@pytest.mark.parametrize("count, listed, left_out, exact", [
    (100, 100, 0, True), (101, 100, 1, True), (1100, 100, 1000, False), (1099, 100, 999, True), (5000, 100, 1000, False),
])
def test_schema_findings_are_capped_and_the_rest_counted(count, listed, left_out, exact) -> None:
    from appcheck.engine import SCHEMA_FINDINGS_LIMIT

    bundle = example("gd-2022", "research")
    bundle["project"]["fields"] = [5] * count
    report = appcheck.validate(bundle)
    schema = [f for f in report.findings if f.requirement == "SCHEMA"]
    values = [f for f in schema if f.path.startswith("/project/fields/")]
    assert len(values) == listed <= SCHEMA_FINDINGS_LIMIT
    assert [f.path for f in values] == [f"/project/fields/{index}" for index in range(listed)]  # the first ones, in order
    rest = [f for f in schema if f.path == ""]
    if not left_out:
        assert not rest
        return
    (rest,) = rest
    assert rest.actual == {"listed": listed, "not_listed": left_out, "counted_exactly": exact}
    assert f"{'' if exact else 'at least '}{left_out} more schema" in rest.message_en and str(left_out) in rest.message
    assert rest.blocking and schema[-1] is rest  # listed last among the schema findings
    # every requirement still has its one finding
    assert len({f.requirement for f in report.findings if f.requirement != "SCHEMA"}) == len([f for f in report.findings if f.requirement != "SCHEMA"])


def test_id_problems_share_the_cap() -> None:
    bundle = example("gd-2022", "industrial", "valid-direction-1.json")
    bundle["team"] = [{"name": f"m{n}", "organization": f"nope-{n}", "role": "x"} for n in range(250)]
    report = appcheck.validate(bundle)
    schema = [f for f in report.findings if f.requirement == "SCHEMA"]
    assert len(schema) == 101
    assert schema[-1].path == "" and schema[-1].actual["listed"] == 100
    assert schema[-1].actual["not_listed"] >= 150 and schema[-1].actual["counted_exactly"]
    assert any("names no organization" in f.message_en for f in schema[:-1]) or schema[-1].actual["not_listed"] >= 250


def test_schema_findings_come_in_the_order_of_their_lines() -> None:
    from appcheck import explain

    text = explain.to_json(explain.draft("zj-2026/intergov", "israel"))
    schema = [f for f in appcheck.validate(Source("draft.json", text.encode())).findings if f.requirement == "SCHEMA"]
    assert len(schema) > 5
    assert [(f.line, f.column) for f in schema] == sorted((f.line, f.column) for f in schema)
    assert [f.path for f in schema] != sorted(f.path for f in schema)  # not the pointers' order
