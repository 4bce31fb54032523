"""SignedAgreement's optional covers_any / by_foreign_submission."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.agreements import SignedAgreement
from appcheck.rules.parties import Orgs

from .helpers import org, outcome, status

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
