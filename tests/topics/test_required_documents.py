"""Required documents through whole bundles: dated by submission (the contract's general convention),
and the US federal funding proof issued by a national government body."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import appcheck

from ..conftest import by_requirement, example as bundle_of

LETTERS = [
    ("zj-2022", "counterpart-support", "valid-aksu.json", "ZJ22-CSP-LETTER"),
    ("zj-2026", "xinjiang", "valid-leading-industry.json", "ZJ26-CSP-LETTER"),
]


def status(bundle: dict, requirement: str) -> str:
    return by_requirement(appcheck.validate(bundle))[requirement].status.value


def with_letter_issued(call: str, topic: str, name: str, shift: int) -> dict:
    bundle = bundle_of(call, topic, name)
    day = dt.date.fromisoformat(bundle["submitted_on"]) + dt.timedelta(days=shift)
    for document in bundle["documents"]:
        if document["kind"] == "recommendation_letter":
            document["issued_on"] = day.isoformat()
    return bundle


@pytest.mark.parametrize("call,topic,name,requirement", LETTERS)
@settings(max_examples=15)
@given(shift=st.integers(-400, 400))
@example(shift=0).via("issued on the submission date")
@example(shift=1).via("the day after")
@example(shift=-1)
def test_a_recommendation_letter_is_issued_on_or_before_the_submission(call, topic, name, requirement, shift) -> None:
    assert (status(with_letter_issued(call, topic, name, shift), requirement) == "passed") == (shift <= 0)


@pytest.mark.parametrize("call,topic,name,requirement", LETTERS)
def test_a_late_letter_is_named_with_both_dates(call, topic, name, requirement) -> None:
    finding = by_requirement(appcheck.validate(with_letter_issued(call, topic, name, 1)))[requirement]
    bundle = bundle_of(call, topic, name)
    late = (dt.date.fromisoformat(bundle["submitted_on"]) + dt.timedelta(days=1)).isoformat()
    assert finding.status.value == "failed" and late in finding.message_en and bundle["submitted_on"] in finding.message_en


def federal_proof(**document) -> dict:
    bundle = bundle_of("most-2022", "usa")
    proof = next(d for d in bundle["documents"] if d["kind"] == "us_federal_funding")
    proof.update(document)
    for name, value in document.items():
        if value is None:
            del proof[name]
    return bundle


def test_a_federal_agency_passes() -> None:
    assert status(federal_proof(), "MOST22-US-FEDERAL") == "passed"


@pytest.mark.parametrize("document", [
    {"issuer": "California Energy Commission", "issuer_level": "province"},  # a state agency's letter
    {"issuer": "City of Boston", "issuer_level": "prefecture"},
    {"issuer": "Example State University", "issuer_kind": "institution"},
    {"issuer_level": None},
    {"issuer_kind": None},
])
def test_a_state_local_or_unstated_issuer_is_not_federal_funding(document) -> None:
    assert status(federal_proof(**document), "MOST22-US-FEDERAL") == "failed"


def test_the_federal_finding_says_what_level_it_found() -> None:
    finding = by_requirement(appcheck.validate(federal_proof(issuer_level="province")))["MOST22-US-FEDERAL"]
    assert "its issuer_level is province, expected national" in finding.message_en
