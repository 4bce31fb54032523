"""SideLedBy's optional ``marked``, and HasDocument's optional ``named_issuer``."""

from __future__ import annotations

import pytest

from appcheck.rules.documents import HasDocument
from appcheck.rules.parties import Orgs
from appcheck.rules.submission import SideLedBy

from .helpers import org, outcome, status

FINNISH_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"FI"})


def finnish(*partners) -> dict:
    return {"applicant": org("lead", subdivision="CN-BJ"), "partners": list(partners)}


def test_marked_lead_is_required_when_asked() -> None:
    single = org("fi", role="foreign_partner", kind="enterprise", country="FI")
    assert status(SideLedBy(FINNISH_ENTERPRISE), finnish(single)) == "passed"
    result = outcome(SideLedBy(FINNISH_ENTERPRISE, marked=True), finnish(single))
    assert result.status.value == "failed" and "lead_of_side" in result.message_en
    assert status(SideLedBy(FINNISH_ENTERPRISE, marked=True), finnish({**single, "lead_of_side": True})) == "passed"


@pytest.mark.parametrize("marked", [False, True])
def test_a_marked_university_lead_fails_either_way(marked) -> None:
    partners = (org("fi", role="foreign_partner", kind="enterprise", country="FI"),
                org("fu", role="foreign_partner", kind="university", country="FI", lead_of_side=True))
    assert status(SideLedBy(FINNISH_ENTERPRISE, marked=marked), finnish(*partners)) == "failed"


def test_named_issuer() -> None:
    rule = HasDocument("french_government_support", issuer_kinds={"government", "institution"}, named_issuer=True)
    doc = {"kind": "french_government_support", "issuer": "CNRS", "issuer_kind": "institution"}
    assert status(rule, {"documents": [doc]}) == "passed"
    assert status(rule, {"documents": [{**doc, "issuer": " "}]}) == "failed"
    no_issuer = {k: v for k, v in doc.items() if k != "issuer"}
    assert status(rule, {"documents": [no_issuer]}) == "failed"
    assert status(HasDocument("french_government_support"), {"documents": [no_issuer]}) == "passed"
    assert "issuer" in rule.describe()[1]


def test_describe_mentions_the_mark_only_when_asked() -> None:
    assert "lead_of_side" in SideLedBy(FINNISH_ENTERPRISE, marked=True).describe()[1]
    assert "lead_of_side" not in SideLedBy(FINNISH_ENTERPRISE).describe()[1]
