from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.documents import HasDocument
from appcheck.rules.parties import Orgs

from .helpers import DAY, org, outcome, status
from .messages.documents import LETTER, documents


def bundle(*documents) -> dict:
    return {"applicant": org("lead", subdivision="CN-GD"), "partners": [org("tum", role="foreign_partner", country="DE")], "documents": list(documents)}


def test_document_present_or_missing() -> None:
    rule = HasDocument("brics_joint_application", reference=True)
    assert status(rule, bundle({"kind": "brics_joint_application", "reference": "BRICS-2022-017"})) == "passed"
    assert status(rule, bundle({"kind": "brics_joint_application", "reference": " "})) == "failed"
    assert status(rule, bundle()) == "failed"
    assert status(rule, {"applicant": org("lead")}) == "failed"


def test_judged_document_needs_review() -> None:
    rule = HasDocument("training_system_evidence", judged=True, judge=("x", "x"))
    assert status(rule, bundle({"kind": "training_system_evidence", "issuer": "a"})) == "needs_review"
    assert status(rule, bundle({"kind": "other"})) == "failed"


def test_issuer_kind_and_level() -> None:
    rule = HasDocument("recommendation_letter", issuer_kinds={"command_hq"}, issuer_levels={"prefecture", "province", "national"})
    letter = {"kind": "recommendation_letter", "issuer_kind": "command_hq", "issuer_level": "prefecture"}
    assert status(rule, bundle(letter)) == "passed"
    assert status(rule, bundle(letter | {"issuer_level": "county"})) == "failed"
    result = outcome(rule, bundle(letter | {"issuer_kind": "government"}))
    assert result.status.value == "failed" and result.segments == ("documents", 0)


def test_document_about_an_organization() -> None:
    rule = HasDocument("achievement_evidence", about=Orgs(roles={"foreign_partner"}))
    assert status(rule, bundle({"kind": "achievement_evidence", "about": "tum"})) == "passed"
    assert status(rule, bundle({"kind": "achievement_evidence", "about": "lead"})) == "failed"
    assert status(rule, bundle({"kind": "achievement_evidence", "about": "ghost"})) == "failed"
    assert status(rule, bundle({"kind": "achievement_evidence"})) == "failed"


@pytest.mark.parametrize("bad", [dict(kind="passport"), dict(kind="other", issuer_kinds={"king"}), dict(kind="other", issuer_levels={"city"})])
def test_bad_document_parameters(bad) -> None:
    with pytest.raises(ValueError):
        HasDocument(**bad)


# ------------------------------------------------------------------ dated by submission (every required document)

@given(st.dates(dt.date(2021, 1, 1), dt.date(2023, 12, 31)))
@example(DAY).via("issued on the submission date")
@example(DAY + dt.timedelta(days=1)).via("the day after")
@example(DAY - dt.timedelta(days=1)).via("the day before")
def test_a_document_is_dated_on_or_before_the_submission(issued) -> None:
    rule = HasDocument("recommendation_letter", issuer_kinds={"command_hq"})
    letter = {"kind": "recommendation_letter", "issuer_kind": "command_hq", "issued_on": issued.isoformat()}
    assert (status(rule, bundle(letter)) == "passed") == (issued <= DAY)


@pytest.mark.parametrize("rule", [
    HasDocument("joint_lab_plan"),
    HasDocument("us_federal_funding", issuer_kinds={"government"}, issuer_levels={"national"}),
    HasDocument("achievement_evidence", judged=True),
])
def test_every_required_document_is_dated_by_submission(rule) -> None:
    document = {"kind": rule.kind, "issuer_kind": "government", "issuer_level": "national", "issuer": "NSF"}
    assert status(rule, bundle(document | {"issued_on": "2022-05-11"})) == "failed"
    assert status(rule, bundle(document | {"issued_on": "2022-05-10"})) in ("passed", "needs_review")
    assert status(rule, bundle(document)) in ("passed", "needs_review")  # not dated: nothing to compare


def test_a_late_document_is_named_with_both_dates() -> None:
    rule = HasDocument("recommendation_letter", issuer_kinds={"command_hq"})
    result = outcome(rule, bundle({"kind": "recommendation_letter", "issuer_kind": "command_hq", "issued_on": "2022-05-11"}))
    assert result.status.value == "failed" and result.segments == ("documents", 0)
    assert "2022-05-11" in result.message and "2022-05-10" in result.message
    assert result.message_en.startswith("a recommendation letter does not qualify: it was issued on 2022-05-11, after the submission date 2022-05-10")


def test_an_earlier_letter_counts_when_a_later_one_does_not() -> None:
    rule = HasDocument("recommendation_letter", issuer_kinds={"command_hq"})
    late = {"kind": "recommendation_letter", "issuer_kind": "command_hq", "issued_on": "2022-06-01"}
    early = late | {"issued_on": "2022-04-01"}
    assert outcome(rule, bundle(late, early)).segments == ("documents", 1)


def test_a_malformed_issue_date_never_passes() -> None:
    rule = HasDocument("recommendation_letter", issuer_kinds={"command_hq"})
    result = outcome(rule, bundle({"kind": "recommendation_letter", "issuer_kind": "command_hq", "issued_on": "2022-13-01"}))
    assert (result.status.value, result.segments) == ("failed", ("documents", 0, "issued_on"))


def test_the_description_states_the_date_condition() -> None:
    zh, en = HasDocument("recommendation_letter").describe()
    assert "出具日期不晚于申报日期" in zh and "issued on or before the submission date" in en


# ------------------------------------------------------------------ national issuers

@pytest.mark.parametrize("kind,level,expected", [
    ("government", "national", "passed"),
    ("government", "province", "failed"),  # a US state agency
    ("government", "prefecture", "failed"),
    ("institution", "national", "failed"),
    ("government", None, "failed"),
    (None, "national", "failed"),
])
def test_a_national_government_issuer(kind, level, expected) -> None:
    rule = HasDocument("us_federal_funding", issuer_kinds={"government"}, issuer_levels={"national"}, about=Orgs(roles={"foreign_partner"}))
    document = {"kind": "us_federal_funding", "about": "tum", "issuer": "X"}
    if kind:
        document["issuer_kind"] = kind
    if level:
        document["issuer_level"] = level
    assert status(rule, bundle(document)) == expected


# ------------------------------------------------------------------ parameters and the closest document

def test_document_parameters() -> None:
    for bad in ({"kind": "selfie"}, {"kind": "other", "issuer_kinds": {"friend"}}, {"kind": "other", "issuer_levels": {"galactic"}}):
        with pytest.raises(ValueError):
            HasDocument(**bad)
    rule = HasDocument("other")
    assert (rule.issuer_kinds, rule.issuer_levels, rule.about, rule.reference, rule.judged, rule.judge, rule.named_issuer) == (None, None, None, False, False, ("", ""), False)


def test_the_first_closest_document_is_named() -> None:
    data = documents({"kind": "recommendation_letter", "issuer_kind": "other", "issuer_level": "county"}, {"kind": "recommendation_letter", "issuer_kind": "government", "issuer_level": "national"})
    assert outcome(LETTER, data).message_en.startswith("a recommendation letter does not qualify: its issuer_kind is other")
