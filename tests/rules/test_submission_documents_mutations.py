"""What the partner-side submission and the document rules report, exactly: status, where, both
messages, expected and actual, and how each rule describes itself; the validation of their
parameters; the documentation shape of rule classes (found by mutation testing, see
``scripts/mutation.sh``)."""

from __future__ import annotations

import pytest

from appcheck.rules import docs
from appcheck.rules.documents import HasDocument
from appcheck.rules.parties import Orgs
from appcheck.rules.submission import Agency, ForeignSubmission, SideLedBy, normalize_name

from .helpers import org, outcome


def facts(result) -> dict:
    return {
        "status": result.status.value, "segments": result.segments, "message": result.message,
        "message_en": result.message_en, "expected": result.expected, "actual": result.actual,
    }


NORWAY = Agency(("挪威创新署", "Innovation Norway", "Innovasjon Norge"))
RCN = Agency(("挪威研究理事会", "Research Council of Norway"))
SUBMITTED = ForeignSubmission((NORWAY, RCN))
FI_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"FI"})
LED = SideLedBy(FI_ENTERPRISE)
LED_MARKED = SideLedBy(FI_ENTERPRISE, marked=True)
CN_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
LETTER = HasDocument("recommendation_letter", issuer_kinds={"command_hq", "government"}, issuer_levels={"province", "county"})
PROOF = HasDocument("us_federal_funding", about=CN_ENTERPRISE, reference=True, named_issuer=True)
EVIDENCE = HasDocument("achievement_evidence", judged=True, judge=("成果是否领先", "whether the results lead"))
PLAIN_JUDGED = HasDocument("other", judged=True)

# how the organization filters describe themselves (their wording is the filter's own; the rules embed it)
FILTERS = {"FI_ENTERPRISE": FI_ENTERPRISE, "CN_ENTERPRISE": CN_ENTERPRISE}
FI_ENTERPRISE_ZH, FI_ENTERPRISE_EN = FI_ENTERPRISE.describe()
CN_ENTERPRISE_ZH, CN_ENTERPRISE_EN = CN_ENTERPRISE.describe()


def submission(agency, submitted_on="2025-09-01") -> dict:
    return {"foreign_submission": {"agency": agency, "submitted_on": submitted_on}}


def finns(*partners) -> dict:
    return {"applicant": org("lead", kind="enterprise"), "partners": list(partners)}


def fi(org_id, kind="enterprise", **extra) -> dict:
    return org(org_id, role="foreign_partner", kind=kind, country="FI", **extra)


def documents(*docs_) -> dict:
    return {"applicant": org("lead", kind="enterprise"), "partners": [org("us", role="foreign_partner", country="US")], "documents": list(docs_)}


CASES = {
    "agency known by another name": (SUBMITTED, submission(" INNOVASJON-norge "), {}),
    "second agency": (SUBMITTED, submission("research council of norway"), {}),
    "unknown agency": (SUBMITTED, submission("Norges forskningsråd"), {}),
    "the only foreign partner leads": (LED, finns(fi("nokia"), org("cn", role="domestic_partner")), {}),
    "the marked lead": (LED_MARKED, finns(fi("nokia", lead_of_side=True), fi("vtt", kind="research_institute")), {}),
    "the lead does not qualify": (LED, finns(fi("aalto", kind="university")), {}),
    "two leads": (LED, finns(fi("nokia", lead_of_side=True), fi("kone", lead_of_side=True)), {}),
    "no lead marked among several": (LED, finns(fi("nokia"), fi("kone")), {}),
    "the only partner not marked": (LED_MARKED, finns(fi("nokia")), {}),
    "letter": (LETTER, documents({"kind": "other"}, {"kind": "recommendation_letter", "issuer_kind": "government", "issuer_level": "province", "issuer": "省政府"}), {}),
    "letter from the wrong issuer": (LETTER, documents({"kind": "recommendation_letter", "issuer_kind": "institution", "issuer_level": "province"}, {"kind": "recommendation_letter", "issuer_kind": "government", "issuer_level": "prefecture"}), {}),
    "letter at the wrong level": (LETTER, documents({"kind": "recommendation_letter", "issuer_kind": "government", "issuer_level": "national"}), {}),
    "no letter": (LETTER, documents({"kind": "other"}), {}),
    "proof about the wrong organization": (PROOF, documents({"kind": "us_federal_funding", "about": "us", "reference": "X", "issuer": "NSF"}), {}),
    "proof about an unknown organization": (PROOF, documents({"kind": "us_federal_funding", "about": "mit", "reference": "X", "issuer": "NSF"}), {}),
    "proof without reference": (PROOF, documents({"kind": "us_federal_funding", "about": "lead", "reference": " ", "issuer": "NSF"}), {}),
    "proof without issuer": (PROOF, documents({"kind": "us_federal_funding", "about": "lead", "reference": "X", "issuer": " "}), {}),
    "proof": (PROOF, documents({"kind": "us_federal_funding", "about": "lead", "reference": "X", "issuer": "NSF"}), {}),
    "evidence to judge": (EVIDENCE, documents({"kind": "achievement_evidence", "issuer": "检测中心"}), {}),
    "document to judge": (PLAIN_JUDGED, documents({"kind": "other"}), {}),
}

DESCRIBED = {
    "submission": SUBMITTED,
    "led": LED,
    "led, marked": LED_MARKED,
    "letter": LETTER,
    "proof": PROOF,
    "evidence": EVIDENCE,
    "plain": HasDocument("joint_lab_plan"),
}

OUTCOMES = {
    'agency known by another name': {
        'status': 'passed',
        'segments': ('foreign_submission', 'agency'),
        'message': '外方已于 2025-09-01 向 挪威创新署（ INNOVASJON-norge ）申报',
        'message_en': 'the partner side applied to 挪威创新署 / Innovation Norway / Innovasjon Norge on 2025-09-01',
        'expected': ['挪威创新署', 'Innovation Norway', 'Innovasjon Norge'],
        'actual': ' INNOVASJON-norge ',
    },
    'second agency': {
        'status': 'passed',
        'segments': ('foreign_submission', 'agency'),
        'message': '外方已于 2025-09-01 向 挪威研究理事会（research council of norway）申报',
        'message_en': 'the partner side applied to 挪威研究理事会 / Research Council of Norway on 2025-09-01',
        'expected': ['挪威研究理事会', 'Research Council of Norway'],
        'actual': 'research council of norway',
    },
    'unknown agency': {
        'status': 'failed',
        'segments': ('foreign_submission', 'agency'),
        'message': '外方申报机构为 “Norges forskningsråd”，应为：挪威创新署 / Innovation Norway / Innovasjon Norge 或 挪威研究理事会 / Research Council of Norway',
        'message_en': 'the partner side applied to “Norges forskningsråd”; expected 挪威创新署 / Innovation Norway / Innovasjon Norge or 挪威研究理事会 / Research Council of Norway',
        'expected': [['挪威创新署', 'Innovation Norway', 'Innovasjon Norge'], ['挪威研究理事会', 'Research Council of Norway']],
        'actual': 'Norges forskningsråd',
    },
    'the only foreign partner leads': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': f'外方由 NOKIA 牵头（{FI_ENTERPRISE_ZH}）',
        'message_en': f'the foreign side is led by NOKIA ({FI_ENTERPRISE_EN})',
        'expected': None,
        'actual': None,
    },
    'the marked lead': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': f'外方由 NOKIA 牵头（{FI_ENTERPRISE_ZH}）',
        'message_en': f'the foreign side is led by NOKIA ({FI_ENTERPRISE_EN})',
        'expected': None,
        'actual': None,
    },
    'the lead does not qualify': {
        'status': 'failed',
        'segments': ('partners', 0),
        'message': f'外方牵头单位 AALTO（university，FI）不符合要求：应为{FI_ENTERPRISE_ZH}',
        'message_en': f'the foreign lead AALTO (university, FI) does not qualify: expected {FI_ENTERPRISE_EN}',
        'expected': f'{FI_ENTERPRISE_EN}',
        'actual': {'kind': 'university', 'country': 'FI', 'subdivision': None},
    },
    'two leads': {
        'status': 'failed',
        'segments': ('partners', 1, 'lead_of_side'),
        'message': '有 2 家外方单位标为牵头（lead_of_side），外方只能有一家牵头单位',
        'message_en': '2 foreign partners are marked lead_of_side; the foreign side has one lead',
        'expected': 1,
        'actual': 2,
    },
    'no lead marked among several': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'外方合作单位有 2 家，未标明牵头单位（lead_of_side）；外方应由{FI_ENTERPRISE_ZH}牵头',
        'message_en': f'2 foreign partners and none marked lead_of_side; the foreign side must be led by {FI_ENTERPRISE_EN}',
        'expected': f'{FI_ENTERPRISE_EN}',
        'actual': 2,
    },
    'the only partner not marked': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'外方合作单位有 1 家，没有标为牵头（lead_of_side 为 true）的单位；外方应由{FI_ENTERPRISE_ZH}牵头',
        'message_en': f'1 foreign partner and none marked lead_of_side true; the foreign side must be led by {FI_ENTERPRISE_EN}',
        'expected': f'{FI_ENTERPRISE_EN}',
        'actual': 1,
    },
    'letter': {
        'status': 'passed',
        'segments': ('documents', 1),
        'message': '已提供推荐函（省政府）',
        'message_en': 'a recommendation letter is attached (省政府)',
        'expected': None,
        'actual': {'issuer': '省政府'},
    },
    'letter from the wrong issuer': {
        'status': 'failed',
        'segments': ('documents', 0),
        'message': '推荐函不符合要求：出具方类型为 institution，应为 command_hq/government（要求：提供推荐函（出具方类型 command_hq/government，出具方级别 county/province，出具日期不晚于申报日期））',
        'message_en': 'a recommendation letter does not qualify: its issuer_kind is institution, expected command_hq/government (required: a recommendation letter is attached (issued by command_hq/government, at level county/province, issued on or before the submission date))',
        'expected': 'a recommendation letter is attached (issued by command_hq/government, at level county/province, issued on or before the submission date)',
        'actual': None,
    },
    'letter at the wrong level': {
        'status': 'failed',
        'segments': ('documents', 0),
        'message': '推荐函不符合要求：出具方级别为 national，应为 county/province（要求：提供推荐函（出具方类型 command_hq/government，出具方级别 county/province，出具日期不晚于申报日期））',
        'message_en': 'a recommendation letter does not qualify: its issuer_level is national, expected county/province (required: a recommendation letter is attached (issued by command_hq/government, at level county/province, issued on or before the submission date))',
        'expected': 'a recommendation letter is attached (issued by command_hq/government, at level county/province, issued on or before the submission date)',
        'actual': None,
    },
    'no letter': {
        'status': 'failed',
        'segments': ('documents',),
        'message': '未提供推荐函（documents 中没有 kind 为 recommendation_letter 的文件）',
        'message_en': 'a recommendation letter is missing (no document of kind recommendation_letter)',
        'expected': 'recommendation_letter',
        'actual': None,
    },
    'proof about the wrong organization': {
        'status': 'failed',
        'segments': ('documents', 0),
        'message': f'美国联邦政府出资证明不符合要求：所涉单位 us 不是{CN_ENTERPRISE_ZH}（要求：提供美国联邦政府出资证明（关于{CN_ENTERPRISE_ZH}，附编号，写明出具方，出具日期不晚于申报日期））',
        'message_en': f'proof of US federal funding does not qualify: it is about us, not {CN_ENTERPRISE_EN} (required: proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date))',
        'expected': f'proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date)',
        'actual': None,
    },
    'proof about an unknown organization': {
        'status': 'failed',
        'segments': ('documents', 0),
        'message': f'美国联邦政府出资证明不符合要求：所涉单位 mit 不是{CN_ENTERPRISE_ZH}（要求：提供美国联邦政府出资证明（关于{CN_ENTERPRISE_ZH}，附编号，写明出具方，出具日期不晚于申报日期））',
        'message_en': f'proof of US federal funding does not qualify: it is about mit, not {CN_ENTERPRISE_EN} (required: proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date))',
        'expected': f'proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date)',
        'actual': None,
    },
    'proof without reference': {
        'status': 'failed',
        'segments': ('documents', 0),
        'message': f'美国联邦政府出资证明不符合要求：缺少编号 reference（要求：提供美国联邦政府出资证明（关于{CN_ENTERPRISE_ZH}，附编号，写明出具方，出具日期不晚于申报日期））',
        'message_en': f'proof of US federal funding does not qualify: it has no reference number (required: proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date))',
        'expected': f'proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date)',
        'actual': None,
    },
    'proof without issuer': {
        'status': 'failed',
        'segments': ('documents', 0),
        'message': f'美国联邦政府出资证明不符合要求：未写明出具方 issuer（要求：提供美国联邦政府出资证明（关于{CN_ENTERPRISE_ZH}，附编号，写明出具方，出具日期不晚于申报日期））',
        'message_en': f'proof of US federal funding does not qualify: it does not name its issuer (required: proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date))',
        'expected': f'proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date)',
        'actual': None,
    },
    'proof': {
        'status': 'passed',
        'segments': ('documents', 0),
        'message': '已提供美国联邦政府出资证明（NSF）',
        'message_en': 'proof of US federal funding is attached (NSF)',
        'expected': None,
        'actual': {'issuer': 'NSF'},
    },
    'evidence to judge': {
        'status': 'needs_review',
        'segments': ('documents', 0),
        'message': '已提供成果证明材料（检测中心），需评审专家判断：成果是否领先',
        'message_en': 'evidence of achievements is attached (检测中心); a reviewer must judge: whether the results lead',
        'expected': None,
        'actual': {'issuer': '检测中心'},
    },
    'document to judge': {
        'status': 'needs_review',
        'segments': ('documents', 0),
        'message': '已提供其他文件（?），需评审专家判断：内容是否符合要求',
        'message_en': 'another document is attached (?); a reviewer must judge: whether its content qualifies',
        'expected': None,
        'actual': {'issuer': '?'},
    },
}

DESCRIPTIONS = {
    'submission': (
        '外方向本国主管部门同步申报：挪威创新署 / Innovation Norway / Innovasjon Norge 或 挪威研究理事会 / Research Council of Norway',
        'the partner side applies to its own agency: 挪威创新署 / Innovation Norway / Innovasjon Norge or 挪威研究理事会 / Research Council of Norway',
    ),
    'led': (
        f'外方由{FI_ENTERPRISE_ZH}牵头',
        f'the foreign side is led by {FI_ENTERPRISE_EN}',
    ),
    'led, marked': (
        f'外方由{FI_ENTERPRISE_ZH}牵头（标为 lead_of_side）',
        f'the foreign side is led by {FI_ENTERPRISE_EN} (marked lead_of_side)',
    ),
    'letter': (
        '提供推荐函（出具方类型 command_hq/government，出具方级别 county/province，出具日期不晚于申报日期）',
        'a recommendation letter is attached (issued by command_hq/government, at level county/province, issued on or before the submission date)',
    ),
    'proof': (
        f'提供美国联邦政府出资证明（关于{CN_ENTERPRISE_ZH}，附编号，写明出具方，出具日期不晚于申报日期）',
        f'proof of US federal funding is attached (about {CN_ENTERPRISE_EN}, with a reference number, naming its issuer, issued on or before the submission date)',
    ),
    'evidence': (
        '提供成果证明材料（需评审，出具日期不晚于申报日期）',
        'evidence of achievements is attached (reviewed, issued on or before the submission date)',
    ),
    'plain': (
        '提供联合实验室未来 3 年合作方案（出具日期不晚于申报日期）',
        "the joint lab's 3-year cooperation plan is attached (issued on or before the submission date)",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_outcome_states_what_was_found_and_what_was_expected(name) -> None:
    rule, data, kwargs = CASES[name]
    assert facts(outcome(rule, data, **kwargs)) == OUTCOMES[name]


@pytest.mark.parametrize("name", DESCRIBED)
def test_description(name) -> None:
    assert DESCRIBED[name].describe() == DESCRIPTIONS[name]


# ------------------------------------------------------------------ parameters and helpers

def test_names_fold_case_width_spaces_and_punctuation() -> None:
    assert normalize_name("Innovation  Norway") == normalize_name("innovation-norway") == "innovationnorway"
    assert normalize_name("ＩＮＮＯＶＡＴＩＯＮ（Norway）") == "innovationnorway"
    assert normalize_name("“A.B”, [C]; D/E & F_G:H·I") == "abcdefghi"
    assert NORWAY.display == "挪威创新署 / Innovation Norway / Innovasjon Norge"
    assert NORWAY.known_as("innovation norway") and not NORWAY.known_as("Innovation")


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


def test_document_parameters() -> None:
    for bad in ({"kind": "selfie"}, {"kind": "other", "issuer_kinds": {"friend"}}, {"kind": "other", "issuer_levels": {"galactic"}}):
        with pytest.raises(ValueError):
            HasDocument(**bad)
    rule = HasDocument("other")
    assert (rule.issuer_kinds, rule.issuer_levels, rule.about, rule.reference, rule.judged, rule.judge, rule.named_issuer) == (None, None, None, False, False, ("", ""), False)


def test_the_first_closest_document_is_named() -> None:
    data = documents({"kind": "recommendation_letter", "issuer_kind": "other", "issuer_level": "county"}, {"kind": "recommendation_letter", "issuer_kind": "government", "issuer_level": "national"})
    assert outcome(LETTER, data).message_en.startswith("a recommendation letter does not qualify: its issuer_kind is other")


# ------------------------------------------------------------------ the documentation shape

def test_sections_are_read_in_their_order() -> None:
    class Documented:
        """Summary line.

        What it checks:
            the thing
            over two lines.

        Why:
            reasons.

        Failing example:
            bad.

        Passing example:
            good.
        """

    assert docs.sections(Documented) == {
        "summary": "Summary line.", "What it checks": "the thing\nover two lines.", "Why": "reasons.",
        "Failing example": "bad.", "Passing example": "good.",
    }


def test_a_missing_summary_or_section_is_named() -> None:
    class NoSummary:
        """What it checks:
            x.

        Why:
            x.

        Failing example:
            x.

        Passing example:
            x.
        """

    with pytest.raises(docs.MissingSection, match="^NoSummary's docstring lacks: a summary$"):
        docs.sections(NoSummary)

    class Thin:
        """Summary.

        What it checks:
            x.
        """

    with pytest.raises(docs.MissingSection, match="^Thin's docstring lacks: Why, Failing example, Passing example$"):
        docs.sections(Thin)

    class Shuffled:
        """Summary.

        Why:
            x.

        What it checks:
            x.

        Failing example:
            x.

        Passing example:
            x.
        """

    with pytest.raises(docs.MissingSection, match=r"^Shuffled's sections are out of order: \['Why', 'What it checks', 'Failing example', 'Passing example'\]$"):
        docs.sections(Shuffled)

    class Undocumented:
        pass

    with pytest.raises(docs.MissingSection, match="^Undocumented's docstring lacks: What it checks, Why, Failing example, Passing example$"):
        docs.sections(Undocumented)


def test_rule_classes_come_from_every_rule_module() -> None:
    classes = docs.rule_classes()
    assert {"SubsidyBounds", "ApplicantIs", "SignedAgreement", "HasDocument", "TrainingScale", "ForeignSubmission", "TargetMinimums"} <= set(classes)
    assert not {"Orgs", "Agency", "BudgetLine", "Region", "MissingInput", "Context"} & set(classes)
    assert all(cls.__module__ == f"appcheck.rules.{module}" for module in docs.MODULES for cls in classes.values() if cls.__module__.endswith(f".{module}"))
    assert {cls.__module__.rsplit(".", 1)[1] for cls in classes.values()} == set(docs.MODULES)


def test_no_documents_listed() -> None:
    data = {k: v for k, v in documents().items() if k != "documents"}
    assert facts(outcome(LETTER, data)) == {
        "status": "failed", "segments": ("documents",),
        "message": "未提供推荐函（documents 中没有 kind 为 recommendation_letter 的文件）",
        "message_en": "a recommendation letter is missing (no document of kind recommendation_letter)",
        "expected": "recommendation_letter", "actual": None,
    }


def test_only_unindented_lines_are_headings() -> None:
    class Nested:
        """Summary.

        What it checks:
            a list:
            Why:
            is part of this section.

        Why:
            reasons.

        Failing example:
            x.

        Passing example:
            y.
        """

    assert docs.sections(Nested)["What it checks"] == "a list:\nWhy:\nis part of this section."
