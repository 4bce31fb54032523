from __future__ import annotations

import pytest

from appcheck.rules.parties import Orgs
from appcheck.rules.submission import Agency, ForeignSubmission, SideLedBy, normalize_name

from .helpers import org, outcome, status
from .messages.submission import LED, NORWAY as NORWAY_AGENCY, SUBMITTED, fi, finns

NORWAY = ForeignSubmission((Agency(("挪威创新署", "Innovation Norway", "Innovasjon Norge")),))


@pytest.mark.parametrize("agency,expected", [
    ("挪威创新署", "passed"), ("Innovation Norway", "passed"), ("innovation  norway", "passed"), ("INNOVASJON-NORGE", "passed"),
    ("Ｉｎｎｏｖａｔｉｏｎ Ｎｏｒｗａｙ", "passed"), ("Research Council of Norway", "failed"), ("", "failed"),
])
def test_agency_names(agency, expected) -> None:
    assert status(NORWAY, {"foreign_submission": {"agency": agency, "submitted_on": "2025-09-01"}}) == expected


def test_unknown_agency_message_names_the_expected_ones() -> None:
    result = outcome(NORWAY, {"foreign_submission": {"agency": "RCN", "submitted_on": "2025-09-01"}})
    assert "Innovation Norway" in result.message and "Innovasjon Norge" in result.message_en


def test_no_foreign_submission_fails() -> None:
    assert outcome(NORWAY, {}).segments == ("foreign_submission",)
    assert status(NORWAY, {"foreign_submission": {"agency": "Innovation Norway"}}) == "failed"


def test_normalize_name() -> None:
    assert normalize_name("Business Finland (BF)") == normalize_name("business finland bf")
    with pytest.raises(ValueError):
        Agency(("",))


LED = SideLedBy(Orgs(kinds={"enterprise"}, countries={"FI"}))


def test_side_led_by() -> None:
    fi_company = org("fi", role="foreign_partner", kind="enterprise", country="FI")
    fi_uni = org("aalto", role="foreign_partner", country="FI")
    assert status(LED, {"partners": [fi_company]}) == "passed"
    assert status(LED, {"partners": [fi_uni]}) == "failed"
    assert status(LED, {"partners": [fi_company, fi_uni]}) == "failed"
    assert status(LED, {"partners": [fi_company | {"lead_of_side": True}, fi_uni]}) == "passed"
    assert status(LED, {"partners": [fi_company | {"lead_of_side": True}, fi_uni | {"lead_of_side": True}]}) == "failed"
    assert status(LED, {"partners": []}) == "failed"


# ------------------------------------------------------------------ names, parameters and the foreign side's lead

def test_names_fold_case_width_spaces_and_punctuation() -> None:
    assert normalize_name("Innovation  Norway") == normalize_name("innovation-norway") == "innovationnorway"
    assert normalize_name("ＩＮＮＯＶＡＴＩＯＮ（Norway）") == "innovationnorway"
    assert normalize_name("“A.B”, [C]; D/E & F_G:H·I") == "abcdefghi"
    assert NORWAY_AGENCY.display == "挪威创新署 / Innovation Norway / Innovasjon Norge"
    assert NORWAY_AGENCY.known_as("innovation norway") and not NORWAY_AGENCY.known_as("Innovation")


def test_agencies_are_checked_when_built() -> None:
    for bad in ((), ("",), (" - ",), ("ok", 3)):
        with pytest.raises(ValueError, match="^Agency.names must be a non-empty tuple of non-empty names$"):
            Agency(bad)
    assert Agency(["a"]).names == ("a",)
    with pytest.raises(ValueError, match="^ForeignSubmission.agencies must hold Agency values$"):
        ForeignSubmission(("Innovation Norway",))
    with pytest.raises(ValueError):
        ForeignSubmission(())


def test_the_submission_needs_its_date() -> None:
    result = outcome(SUBMITTED, {"foreign_submission": {"agency": "Innovation Norway"}})
    assert (result.status.value, result.segments) == ("failed", ("foreign_submission", "submitted_on"))
    result = outcome(SUBMITTED, {})
    assert (result.status.value, result.segments) == ("failed", ("foreign_submission",))


def test_only_foreign_partners_can_lead_the_foreign_side() -> None:
    data = finns(fi("nokia"), org("cn", role="domestic_partner", kind="enterprise", country="FI", lead_of_side=True))
    assert outcome(LED, data).segments == ("partners", 0)
    assert outcome(LED, finns(fi("nokia", lead_of_side="yes"), fi("kone"))).status.value == "failed"
    assert outcome(LED, finns()).status.value == "failed"
    assert LED.marked is False
