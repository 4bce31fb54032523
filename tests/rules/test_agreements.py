from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.agreements import SignedAgreement
from appcheck.rules.parties import Orgs

from .helpers import DAY, org, outcome, status

EACH = SignedAgreement(covers={"research_tasks", "task_division", "ip_ownership"}, legally_binding=True)
ONE = SignedAgreement(covers={"task_division", "ip_ownership", "commercialization"}, parties=Orgs(roles={"foreign_partner"}), each_partner=False)


def agreement(parties, covers=("research_tasks", "task_division", "ip_ownership", "commercialization"), **extra) -> dict:
    return {"purpose": "project_cooperation", "kind": "agreement", "legally_binding": True, "signed_on": "2022-03-01", "parties": list(parties), "covers": list(covers), **extra}


def bundle(*agreements, partners=None) -> dict:
    partners = partners if partners is not None else [org("tum", role="foreign_partner", country="DE"), org("co", role="domestic_partner", kind="enterprise", subdivision="CN-GD")]
    return {"applicant": org("lead", subdivision="CN-GD"), "partners": partners, "agreements": list(agreements)}


def test_one_agreement_binding_everyone_passes() -> None:
    assert status(EACH, bundle(agreement(["lead", "tum", "co"]))) == "passed"


def test_coverage_may_be_spread_over_agreements() -> None:
    a = agreement(["lead", "tum"], covers=("research_tasks", "task_division"))
    b = agreement(["lead", "co"], covers=("ip_ownership",))
    assert status(EACH, bundle(a, b)) == "passed"


def test_a_partner_without_agreement_is_named() -> None:
    result = outcome(EACH, bundle(agreement(["lead", "tum"])))
    assert result.status.value == "failed" and "CO" in result.message and result.actual == ["co"]


@pytest.mark.parametrize("change", [
    dict(kind="letter_of_intent"), dict(kind="memorandum"), dict(legally_binding=False), dict(purpose="joint_lab"),
    dict(signed_on="2022-05-11"), dict(covers=["research_tasks", "task_division"]),
])
def test_agreement_that_does_not_count(change) -> None:
    assert status(EACH, bundle(agreement(["lead", "tum", "co"]) | change)) == "failed"


def test_unsigned_agreement_fails() -> None:
    a = agreement(["lead", "tum", "co"])
    del a["signed_on"]
    assert status(EACH, bundle(a)) == "failed"


def test_agreement_without_applicant_does_not_count() -> None:
    assert status(EACH, bundle(agreement(["tum", "co"]))) == "failed"


def test_no_partner_fails() -> None:
    assert status(EACH, bundle(partners=[])) == "failed"


@given(st.dates(dt.date(2021, 1, 1), dt.date(2023, 1, 1)))
@example(DAY).via("signed on the submission date")
@example(DAY + dt.timedelta(days=1)).via("the day after")
def test_signed_on_or_before_submission(signed) -> None:
    assert (status(EACH, bundle(agreement(["lead", "tum", "co"], signed_on=signed.isoformat()))) == "passed") == (signed <= DAY)


def test_one_agreement_mode_needs_every_selected_partner_and_item() -> None:
    assert status(ONE, bundle(agreement(["lead", "tum"]))) == "passed"
    assert status(ONE, bundle(agreement(["lead", "co"]))) == "failed"
    assert status(ONE, bundle(agreement(["lead", "tum"], covers=("task_division", "ip_ownership")))) == "failed"
    partners = [org("a", role="foreign_partner", country="DE"), org("b", role="foreign_partner", country="FI")]
    assert status(ONE, bundle(agreement(["lead", "a"]), agreement(["lead", "b"]), partners=partners)) == "failed"
    assert status(ONE, bundle(agreement(["lead", "a", "b"]), partners=partners)) == "passed"


def test_signed_before_and_validity() -> None:
    before = SignedAgreement(covers={"ip_ownership"}, purposes={"joint_lab"}, signed_before=dt.date(2021, 1, 1))
    lab = agreement(["lead", "tum", "co"], purpose="joint_lab")
    assert status(before, bundle(lab | {"signed_on": "2020-12-31"})) == "passed"
    assert status(before, bundle(lab | {"signed_on": "2021-01-01"})) == "failed"
    valid = SignedAgreement(covers={"ip_ownership"}, purposes=None, kinds={"agreement", "letter_of_intent"}, valid_on_submission=True)
    a = agreement(["lead", "tum", "co"], kind="letter_of_intent")
    assert status(valid, bundle(a | {"valid_from": "2022-01-01", "valid_until": "2022-05-10"})) == "passed"
    assert status(valid, bundle(a | {"valid_until": "2022-05-09"})) == "failed"
    assert status(valid, bundle(a | {"valid_from": "2022-05-11"})) == "failed"


@pytest.mark.parametrize("bad", [dict(covers=set()), dict(covers={"money"}), dict(covers={"ip_ownership"}, kinds={"contract"}), dict(covers={"ip_ownership"}, purposes=set())])
def test_bad_agreement_parameters(bad) -> None:
    with pytest.raises(ValueError):
        SignedAgreement(**bad)
