from __future__ import annotations

import pytest

from appcheck.rules.documents import HasDocument
from appcheck.rules.parties import Orgs

from .helpers import org, outcome, status


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
