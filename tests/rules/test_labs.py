"""JointLabAgreement: a joint laboratory set up, and its agreement signed by both hosts, before a date."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.labs import JointLabAgreement
from appcheck.rules.parties import Orgs

from .helpers import org, outcome, status

BEFORE = dt.date(2021, 1, 1)
FRENCH = Orgs(roles={"foreign_partner"}, countries={"FR"})
LAB = JointLabAgreement(BEFORE, FRENCH)


def lab(established="2018-06-01", signed="2018-05-20", kind="agreement", parties=("lead", "fr"), purpose="joint_lab") -> dict:
    agreement = {"purpose": purpose, "kind": kind, "parties": list(parties), "covers": []}
    if signed is not None:
        agreement["signed_on"] = signed
    return {
        "applicant": org("lead", subdivision="CN-BJ"),
        "partners": [org("fr", role="foreign_partner", kind="research_institute", country="FR")],
        "joint_lab": {"name": "Lab", "established_on": established},
        "agreements": [agreement],
    }


dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2022, 5, 10))


@given(established=dates)
@example(established=BEFORE).via("on the day")
@example(established=BEFORE - dt.timedelta(days=1)).via("the day before")
@example(established=BEFORE + dt.timedelta(days=1))
def test_lab_established_strictly_before_2021(established: dt.date) -> None:
    assert (status(LAB, lab(established=established.isoformat())) == "passed") == (established < BEFORE)


@given(signed=dates)
@example(signed=BEFORE)
@example(signed=BEFORE - dt.timedelta(days=1))
@example(signed=BEFORE + dt.timedelta(days=1))
def test_agreement_signed_strictly_before_2021(signed: dt.date) -> None:
    assert (status(LAB, lab(signed=signed.isoformat())) == "passed") == (signed < BEFORE)


def test_the_agreement_must_bind_both_hosts() -> None:
    assert status(LAB, lab(parties=("lead",))) == "failed"
    assert status(LAB, lab(parties=("fr",))) == "failed"


def test_a_letter_of_intent_or_another_purpose_does_not_count() -> None:
    assert status(LAB, lab(kind="letter_of_intent")) == "failed"
    result = outcome(LAB, lab(purpose="project_cooperation"))
    assert result.status.value == "failed" and result.segments == ("agreements",)


def test_an_unsigned_agreement_does_not_count() -> None:
    result = outcome(LAB, lab(signed=None))
    assert result.status.value == "failed" and "signed_on" in result.message_en


def test_missing_lab_never_passes() -> None:
    bundle = lab()
    del bundle["joint_lab"]
    assert outcome(LAB, bundle).segments == ("joint_lab", "established_on")


def test_no_french_host_fails() -> None:
    bundle = lab()
    bundle["partners"][0]["country"] = "BE"
    assert status(LAB, bundle) == "failed"


def test_lab_messages_give_the_dates() -> None:
    result = outcome(LAB, lab(established="2021-01-01"))
    assert "2021-01-01" in result.message and "2021-01-01" in result.message_en and result.actual == BEFORE


def test_malformed_parties_do_not_crash() -> None:
    bundle = lab()
    bundle["agreements"][0]["parties"] = ["lead", {"id": "fr"}]
    assert status(LAB, bundle) == "failed"
    bundle = lab()
    bundle["partners"][0]["id"] = {"nested": "fr"}
    assert status(LAB, bundle) == "failed"
