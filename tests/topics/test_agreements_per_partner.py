"""Agreements judged partner by partner, through whole bundles of every call (the contract's general
convention): every rule that asks for agreements with the partners, the kinds each MOST direction
accepts for its IP documents, and Germany's cooperation documents."""

from __future__ import annotations

import copy

import pytest

import appcheck
from appcheck import topics
from appcheck.rules.agreements import SignedAgreement

from ..conftest import EXAMPLES, by_requirement, example, read_json


def _agreement_checks() -> list:
    """(example file, requirement) for every valid example and every SignedAgreement check that applies to it."""
    found = []
    for call in topics.calls():
        for topic in call.topics:
            for path in sorted((EXAMPLES / call.id / topic.id).glob("valid*.json")):
                track = read_json(path).get("track")
                found += [(path, check.requirement) for check in topic.checks_for(track) if isinstance(check.rule, SignedAgreement)]
    return found


AGREEMENT_CHECKS = _agreement_checks()


def finding(bundle: dict, requirement: str):
    return by_requirement(appcheck.validate(bundle))[requirement]


def _id(case) -> str:
    return f"{case[0].relative_to(EXAMPLES)}:{case[1]}"


def test_every_agreement_rule_is_exercised() -> None:
    assert {requirement for _, requirement in AGREEMENT_CHECKS} == {
        "ZJ22-BIL-AGREEMENT", "ZJ22-FRD-AGREEMENT", "ZJ22-CSP-AGREEMENT", "ZJ25-AGREEMENT", "ZJ26-IGV-AGREEMENT",
        "ZJ26-PLT-AGREEMENT", "ZJ26-CSP-AGREEMENT", "MOST22-IP", "MOST22-DE-AGREEMENT", "GD22-AGREEMENT",
    }


@pytest.mark.parametrize("case", AGREEMENT_CHECKS, ids=_id)
def test_documents_signed_by_the_applicant_alone_never_count(case) -> None:
    path, requirement = case
    bundle = read_json(path)
    assert finding(bundle, requirement).status.value == "passed"
    applicant = bundle["applicant"]["id"]
    for agreement in bundle["agreements"]:
        agreement["parties"] = [applicant]
    result = finding(bundle, requirement)
    assert result.status.value == "failed" and result.actual and all(isinstance(p, str) for p in result.actual)
    assert "does not count" in result.message_en


@pytest.mark.parametrize("case", AGREEMENT_CHECKS, ids=_id)
def test_a_separate_agreement_with_each_partner_passes_as_one_with_all(case) -> None:
    path, requirement = case
    bundle = read_json(path)
    applicant = bundle["applicant"]["id"]
    separate = []
    for agreement in bundle["agreements"]:
        partners = [p for p in agreement["parties"] if p != applicant]
        separate += [dict(copy.deepcopy(agreement), parties=[applicant, p]) for p in partners] or [agreement]
    bundle["agreements"] = separate
    assert finding(bundle, requirement).status.value == "passed"


@pytest.mark.parametrize("case", AGREEMENT_CHECKS, ids=_id)
def test_an_agreement_among_the_other_parties_only_never_counts(case) -> None:
    path, requirement = case
    bundle = read_json(path)
    applicant = bundle["applicant"]["id"]
    for agreement in bundle["agreements"]:
        agreement["parties"] = [p for p in agreement["parties"] if p != applicant] or ["nobody"]
    assert finding(bundle, requirement).status.value == "failed"


# ----------------------------------------------------------------------------- MOST22-IP kinds per direction

KINDS = {
    "spain": {"agreement", "memorandum"},  # 关于知识产权的协议或包括知识产权专门条款的合作文件
    "france-joint-labs": {"agreement", "memorandum", "letter_of_intent"},  # 知识产权协议或意向性协议、备忘录
    "austria": {"agreement"},  # 签署明确的知识产权协议
    "austria-industry": {"agreement"},  # 须在申请前签署明确的知识产权协议
    "finland": {"agreement"},  # 签署明确的知识产权协议
}


def with_ip_document(topic: str, kind: str, parties: str = "both") -> dict:
    """The direction's valid example, its IP points moved to a separate document of ``kind``."""
    bundle = example("most-2022", topic)
    applicant = bundle["applicant"]["id"]
    foreign = [p["id"] for p in bundle["partners"] if p.get("role") == "foreign_partner"]
    for agreement in bundle["agreements"]:
        agreement["covers"] = [c for c in agreement["covers"] if c not in ("ip_ownership", "benefit_sharing", "commercialization")]
    signers = {"both": [applicant, *foreign], "applicant": [applicant], "partners": foreign}[parties]
    bundle["agreements"].append({
        "purpose": "ip", "kind": kind, "signed_on": "2021-12-05", "parties": signers,
        "covers": ["ip_ownership", "task_division", "commercialization"],
    })
    return bundle


@pytest.mark.parametrize("topic,kind", [(t, k) for t in KINDS for k in ("agreement", "memorandum", "letter_of_intent")])
def test_each_direction_accepts_its_kinds_of_ip_document(topic, kind) -> None:
    result = finding(with_ip_document(topic, kind), "MOST22-IP")
    assert (result.status.value == "passed") == (kind in KINDS[topic]), result.message_en


@pytest.mark.parametrize("topic", KINDS)
@pytest.mark.parametrize("parties", ["applicant", "partners"])
def test_an_ip_document_signed_by_one_side_alone_fails(topic, parties) -> None:
    kind = "memorandum" if "memorandum" in KINDS[topic] else "agreement"
    result = finding(with_ip_document(topic, kind, parties), "MOST22-IP")
    assert result.status.value == "failed", result.message_en


def test_the_french_memo_signed_by_the_chinese_side_alone_fails_naming_the_partner() -> None:
    """The reproduction quoted in the issue: it passed as a bilateral IP agreement."""
    bundle = read_json(EXAMPLES / "most-2022" / "france-joint-labs" / "MOST22-IP--signed-by-one-side.json")
    result = finding(bundle, "MOST22-IP")
    assert result.status.value == "failed" and list(result.actual) == ["fr-lab"]
    assert "IP ownership" in result.message_en and "agreement 1 does not count" in result.message_en


def test_the_ip_rule_reads_the_foreign_submission_only_when_given() -> None:
    bundle = with_ip_document("austria-industry", "agreement")
    bundle["foreign_submission"]["submitted_on"] = "2022-01-05"  # before the Chinese side's 2022-01-10
    bundle["agreements"][-1]["signed_on"] = "2022-01-05"
    assert finding(bundle, "MOST22-IP").status.value == "passed"
    bundle["agreements"][-1]["signed_on"] = "2022-01-06"
    assert finding(bundle, "MOST22-IP").status.value == "failed"
    del bundle["foreign_submission"]
    assert finding(bundle, "MOST22-IP").status.value == "passed"


# ----------------------------------------------------------------------------- MOST22-DE-AGREEMENT

@pytest.mark.parametrize("kind", ["agreement", "memorandum", "letter_of_intent"])
def test_germany_accepts_an_agreement_memorandum_or_letter_of_intent(kind) -> None:
    bundle = example("most-2022", "germany")
    bundle["agreements"][0]["kind"] = kind
    assert finding(bundle, "MOST22-DE-AGREEMENT").status.value == "passed"


def test_germany_every_german_partner_is_covered_and_the_chinese_partner_need_not_sign() -> None:
    bundle = example("most-2022", "germany")
    bundle["agreements"][0]["parties"] = ["lead", "de-inst", "de-ent"]
    assert finding(bundle, "MOST22-DE-AGREEMENT").status.value == "passed"
    bundle["agreements"][0]["parties"] = ["lead", "cn-ent", "de-inst"]
    result = finding(bundle, "MOST22-DE-AGREEMENT")
    assert result.status.value == "failed" and result.actual == ["de-ent"]


def test_germany_a_partners_document_must_be_valid_on_the_submission_date() -> None:
    bundle = read_json(EXAMPLES / "most-2022" / "germany" / "valid--separate-agreements.json")
    bundle["agreements"][1]["valid_until"] = "2022-01-09"  # the day before submitted_on
    result = finding(bundle, "MOST22-DE-AGREEMENT")
    assert result.status.value == "failed" and result.actual == ["de-ent"]
    bundle["agreements"][1]["valid_until"] = bundle["submitted_on"]
    assert finding(bundle, "MOST22-DE-AGREEMENT").status.value == "passed"


# ----------------------------------------------------------------------------- GD22, ZJ22-BIL, ZJ26-IGV

def test_gd22_a_partner_whose_agreements_miss_a_point_is_named() -> None:
    bundle = read_json(EXAMPLES / "gd-2022" / "industrial" / "GD22-AGREEMENT--partner-without-ip.json")
    result = finding(bundle, "GD22-AGREEMENT")
    assert result.status.value == "failed" and list(result.actual) == ["scut"]
    assert "IP ownership" in result.message_en


@pytest.mark.parametrize("folder,requirement", [("zj-2022/bilateral-industrial", "ZJ22-BIL-AGREEMENT"), ("zj-2026/intergov", "ZJ26-IGV-AGREEMENT")])
def test_zhejiang_one_agreement_with_all_or_one_with_each_both_pass(folder, requirement) -> None:
    bundle = read_json(EXAMPLES / folder / "valid--separate-agreements.json")
    assert finding(bundle, requirement).status.value == "passed"
    first, second = bundle["agreements"]
    bundle["agreements"] = [dict(first, parties=["lead", "fp", "fp2"])]
    assert finding(bundle, requirement).status.value == "passed"
    bundle["agreements"] = [first]
    result = finding(bundle, requirement)
    assert result.status.value == "failed" and result.actual == ["fp2"]
    bad = read_json(EXAMPLES / folder / f"{requirement}--commercialization-agreed-with-a-chinese-partner-only.json")
    result = finding(bad, requirement)
    assert result.status.value == "failed" and result.actual == {"fp2": ["ip_ownership", "task_division"]}
