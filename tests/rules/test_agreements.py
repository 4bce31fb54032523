"""SignedAgreement: documents judged partner by partner, the boundaries of their dates, and the
parameters checked when a rule is built. (Exact messages: ``messages/agreements.py``.)"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.agreements import COVER_NAMES, SignedAgreement
from appcheck.rules.parties import Orgs

from .helpers import DAY, org, outcome, status

EACH = SignedAgreement(covers={"research_tasks", "task_division", "ip_ownership"}, legally_binding=True)
FOREIGN = SignedAgreement(covers={"task_division", "ip_ownership", "commercialization"}, parties=Orgs(roles={"foreign_partner"}))
IP = SignedAgreement(covers={"ip_ownership"}, parties=Orgs(roles={"foreign_partner"}), purposes=None, kinds={"agreement", "memorandum", "letter_of_intent"})
ALL = ("research_tasks", "task_division", "ip_ownership", "commercialization")


def agreement(parties, covers=ALL, **extra) -> dict:
    return {"purpose": "project_cooperation", "kind": "agreement", "legally_binding": True, "signed_on": "2022-03-01", "parties": list(parties), "covers": list(covers), **extra}


def bundle(*agreements, partners=None, **extra) -> dict:
    partners = partners if partners is not None else [org("tum", role="foreign_partner", country="DE"), org("co", role="domestic_partner", kind="enterprise", subdivision="CN-GD")]
    return {"applicant": org("lead", subdivision="CN-GD"), "partners": partners, "agreements": list(agreements), **extra}


TWO_FOREIGN = [org("a", role="foreign_partner", country="DE"), org("b", role="foreign_partner", country="FI"), org("co", role="domestic_partner")]


# ------------------------------------------------------------------ partner by partner

def test_one_agreement_binding_everyone_passes() -> None:
    assert status(EACH, bundle(agreement(["lead", "tum", "co"]))) == "passed"


def test_a_separate_complete_agreement_with_each_partner_passes() -> None:
    assert status(EACH, bundle(agreement(["lead", "tum"]), agreement(["lead", "co"]))) == "passed"
    assert status(FOREIGN, bundle(agreement(["lead", "a"]), agreement(["lead", "b"]), partners=TWO_FOREIGN)) == "passed"
    assert status(FOREIGN, bundle(agreement(["lead", "a", "b"]), partners=TWO_FOREIGN)) == "passed"


def test_what_one_partner_signed_covers_nothing_for_another() -> None:
    a = agreement(["lead", "tum"], covers=("research_tasks", "task_division"))
    b = agreement(["lead", "co"], covers=("ip_ownership",))
    result = outcome(EACH, bundle(a, b))
    assert result.status.value == "failed"
    assert result.actual == {"tum": ["research_tasks", "task_division"], "co": ["ip_ownership"]}
    assert "TUM" in result.message and "CO" in result.message_en


def test_a_partners_documents_are_pooled_for_that_partner() -> None:
    a = agreement(["lead", "tum", "co"], covers=("research_tasks", "task_division"))
    b = agreement(["lead", "tum", "co"], covers=("ip_ownership",))
    assert status(EACH, bundle(a, b)) == "passed"


def test_the_partner_left_uncovered_is_named_in_the_message_and_actual() -> None:
    result = outcome(FOREIGN, bundle(agreement(["lead", "a"]), agreement(["lead", "b"], covers=("task_division", "ip_ownership")), partners=TWO_FOREIGN))
    assert result.status.value == "failed" and result.actual == {"b": ["ip_ownership", "task_division"]}
    assert "B" in result.message and "the agreements with B do not cover: commercialization" in result.message_en
    assert "A " not in result.message_en
    result = outcome(FOREIGN, bundle(agreement(["lead", "a"]), partners=TWO_FOREIGN))
    assert result.actual == ["b"] and result.message_en.startswith("this partner has no qualifying agreement with the applicant: B")


def test_one_sides_own_memo_never_counts() -> None:
    """The reproduction: an IP memo signed by the Chinese side alone is not a bilateral IP document."""
    cooperation = agreement(["lead", "tum"], covers=("task_division",))
    memo = {"purpose": "ip", "kind": "memorandum", "signed_on": "2022-03-05", "parties": ["lead"], "covers": ["ip_ownership"]}
    result = outcome(IP, bundle(cooperation, memo))
    assert result.status.value == "failed" and result.actual == {"tum": ["task_division"]}
    assert "agreement 1 does not count: none of its parties is a partner it must bind" in result.message_en
    assert status(IP, bundle(cooperation, memo | {"parties": ["lead", "tum"]})) == "passed"
    assert status(IP, bundle(memo | {"parties": ["tum"]})) == "failed"  # the partner's own memo neither


def test_an_agreement_among_the_chinese_side_only_never_counts() -> None:
    cooperation = agreement(["lead", "tum"], covers=("task_division",))
    chinese = agreement(["lead", "co"], covers=("ip_ownership",), purpose="ip")
    assert status(IP, bundle(cooperation, chinese)) == "failed"
    assert status(IP, bundle(agreement(["lead", "co"], covers=("ip_ownership",)))) == "failed"


def test_a_partner_without_agreement_is_named() -> None:
    result = outcome(EACH, bundle(agreement(["lead", "tum"])))
    assert result.status.value == "failed" and "CO" in result.message and result.actual == ["co"]


def test_a_missing_partner_and_a_gap_are_both_told() -> None:
    result = outcome(FOREIGN, bundle(agreement(["lead", "a"], covers=("task_division",)), partners=TWO_FOREIGN))
    assert result.actual == ["b"]
    assert "also, the agreements with A do not cover: IP ownership, commercialization" in result.message_en


@given(st.sets(st.sampled_from(sorted(COVER_NAMES))), st.sets(st.sampled_from(sorted(COVER_NAMES))))
def test_each_partner_must_be_covered_on_its_own(first, second) -> None:
    rule = SignedAgreement(covers={"task_division", "ip_ownership"}, parties=Orgs(roles={"foreign_partner"}))
    data = bundle(agreement(["lead", "a"], covers=sorted(first)), agreement(["lead", "b"], covers=sorted(second)), partners=TWO_FOREIGN)
    assert (status(rule, data) == "passed") == (rule.covers <= first and rule.covers <= second)


# ------------------------------------------------------------------ what a document must be

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


def test_parties_must_be_a_list() -> None:
    result = outcome(EACH, bundle(agreement([]) | {"parties": "lead, tum"}))
    assert (result.status.value, result.segments) == ("failed", ("agreements", 0, "parties"))
    assert status(EACH, bundle(agreement(["lead", {"id": "tum"}, "co"]))) == "failed"


@given(st.dates(dt.date(2021, 1, 1), dt.date(2023, 1, 1)))
@example(DAY).via("signed on the submission date")
@example(DAY + dt.timedelta(days=1)).via("the day after")
def test_signed_on_or_before_submission(signed) -> None:
    assert (status(EACH, bundle(agreement(["lead", "tum", "co"], signed_on=signed.isoformat()))) == "passed") == (signed <= DAY)


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


@given(st.integers(-30, 30), st.integers(-30, 30))
@example(0, 0).via("valid from and until the submission date")
@example(1, 0)
@example(0, -1)
def test_an_agreement_is_valid_on_its_first_and_last_day(start, end) -> None:
    valid = SignedAgreement(covers={"ip_ownership"}, purposes=None, valid_on_submission=True)
    a = agreement(["lead", "tum", "co"], valid_from=(DAY + dt.timedelta(days=start)).isoformat(), valid_until=(DAY + dt.timedelta(days=end)).isoformat(), signed_on="2022-01-01")
    assert (status(valid, bundle(a)) == "passed") == (start <= 0 <= end)


# ------------------------------------------------------------------ parameters

@pytest.mark.parametrize("bad", [
    dict(covers=set()), dict(covers={"money"}), dict(covers={"ip_ownership"}, kinds={"contract"}), dict(covers={"ip_ownership"}, purposes=set()),
    dict(covers={"everything"}), dict(covers=set(), purposes={"fun"}), dict(covers=set(), kinds={"email"}), dict(covers=set(), covers_any={"x"}),
])
def test_bad_agreement_parameters(bad) -> None:
    with pytest.raises(ValueError):
        SignedAgreement(**bad)


def test_agreement_parameter_defaults() -> None:
    rule = SignedAgreement(["task_division"])
    assert (rule.purposes, rule.kinds, rule.legally_binding, rule.valid_on_submission, rule.by_foreign_submission) == (
        frozenset({"project_cooperation"}), frozenset({"agreement"}), False, False, False)
    assert (rule.parties, rule.signed_before, rule.covers_any) == (None, None, frozenset())
