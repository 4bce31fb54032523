from __future__ import annotations

import pytest

from appcheck.rules.parties import Orgs
from appcheck.rules.submission import Agency, ForeignSubmission, SideLedBy, normalize_name

from .helpers import org, outcome, status

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
