"""JointLabAgreement, and SignedAgreement's optional covers_any / by_foreign_submission."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.agreements import JointLabAgreement, SignedAgreement
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


# ------------------------------------------------------------------ JointLabAgreement

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


# ------------------------------------------------------------------ SignedAgreement: new optional parameters

FOREIGN = Orgs(roles={"foreign_partner"})


def agreed(covers, signed="2022-01-05", foreign_submitted="2022-01-06", kind="agreement") -> dict:
    return {
        "applicant": org("lead", subdivision="CN-BJ"),
        "partners": [org("at", role="foreign_partner", kind="enterprise", country="AT")],
        "agreements": [{"purpose": "ip", "kind": kind, "signed_on": signed, "parties": ["lead", "at"], "covers": list(covers)}],
        "foreign_submission": {"agency": "FFG", "submitted_on": foreign_submitted},
    }


def test_covers_any_needs_one_of_them() -> None:
    rule = SignedAgreement(covers={"ip_ownership"}, parties=FOREIGN, purposes=None, covers_any={"commercialization", "benefit_sharing"})
    assert status(rule, agreed(["ip_ownership", "benefit_sharing"])) == "passed"
    assert status(rule, agreed(["ip_ownership", "commercialization"])) == "passed"
    result = outcome(rule, agreed(["ip_ownership"]))
    assert result.status.value == "failed" and "commercialization" in result.message_en and "成果" not in result.message
    assert status(rule, agreed(["benefit_sharing"])) == "failed"


@given(signed=st.dates(min_value=dt.date(2021, 12, 1), max_value=dt.date(2022, 5, 10)))
@example(signed=dt.date(2022, 1, 6)).via("the foreign submission day")
@example(signed=dt.date(2022, 1, 7)).via("the day after")
@example(signed=dt.date(2022, 1, 5))
def test_signed_on_or_before_both_submissions(signed: dt.date) -> None:
    rule = SignedAgreement(covers={"ip_ownership"}, parties=FOREIGN, purposes=None, by_foreign_submission=True)
    passes = status(rule, agreed(["ip_ownership"], signed=signed.isoformat())) == "passed"
    assert passes == (signed <= dt.date(2022, 1, 6) and signed <= dt.date(2022, 5, 10))


def test_by_foreign_submission_when_the_partner_side_applied() -> None:
    rule = SignedAgreement(covers={"ip_ownership"}, parties=FOREIGN, purposes=None, by_foreign_submission=True)
    bundle = agreed(["ip_ownership"], signed="2022-02-01")
    del bundle["foreign_submission"]
    assert status(rule, bundle) == "passed"  # no foreign submission given: only submitted_on bounds it
    bundle["foreign_submission"] = {"agency": "FFG"}
    assert outcome(rule, bundle).segments == ("foreign_submission", "submitted_on")  # given without its date: never passes


def test_the_defaults_keep_the_old_behaviour() -> None:
    rule = SignedAgreement(covers={"ip_ownership"}, parties=FOREIGN, purposes=None)
    assert status(rule, agreed(["ip_ownership"], signed="2022-02-01")) == "passed"  # after the foreign date: not checked
    assert rule.describe() == SignedAgreement(covers={"ip_ownership"}, parties=FOREIGN, purposes=None, covers_any=()).describe()
    assert "partner side" not in rule.describe()[1]


def test_describe_mentions_the_new_conditions() -> None:
    rule = SignedAgreement(covers={"ip_ownership"}, covers_any={"benefit_sharing"}, by_foreign_submission=True)
    zh, en = rule.describe()
    assert "利益分配" in zh and "benefit sharing" in en and "the partner side's, when given" in en


def test_malformed_parties_do_not_crash() -> None:
    bundle = lab()
    bundle["agreements"][0]["parties"] = ["lead", {"id": "fr"}]
    assert status(LAB, bundle) == "failed"
    bundle = lab()
    bundle["partners"][0]["id"] = {"nested": "fr"}
    assert status(LAB, bundle) == "failed"
