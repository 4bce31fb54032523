"""What the document rule reports, exactly: HasDocument's issuer kind and level, the organization a
document is about, its reference and issuer, and judged documents, for typical passing and failing
bundles; and how it describes itself."""

from __future__ import annotations

from appcheck.rules.documents import HasDocument
from appcheck.rules.parties import Orgs

from ..helpers import org

CN_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
LETTER = HasDocument("recommendation_letter", issuer_kinds={"command_hq", "government"}, issuer_levels={"province", "county"})
PROOF = HasDocument("us_federal_funding", about=CN_ENTERPRISE, reference=True, named_issuer=True)
EVIDENCE = HasDocument("achievement_evidence", judged=True, judge=("成果是否领先", "whether the results lead"))
PLAIN_JUDGED = HasDocument("other", judged=True)
# how the organization filter describes itself (its wording is the filter's own; the rules embed it)
CN_ENTERPRISE_ZH, CN_ENTERPRISE_EN = CN_ENTERPRISE.describe()


def documents(*docs_) -> dict:
    return {"applicant": org("lead", kind="enterprise"), "partners": [org("us", role="foreign_partner", country="US")], "documents": list(docs_)}


CASES = {
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
    "no documents listed": (LETTER, {k: v for k, v in documents().items() if k != "documents"}, {}),
}

DESCRIBED = {
    "letter": LETTER,
    "proof": PROOF,
    "evidence": EVIDENCE,
    "plain": HasDocument("joint_lab_plan"),
}

OUTCOMES = {
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
        'message': '推荐函不符合要求：出具方类型为 institution，应为 command_hq/government（要求：提供推荐函（出具方为前方指挥部或政府部门，出具方级别 county/province，出具日期不晚于申报日期））',
        'message_en': 'a recommendation letter does not qualify: its issuer_kind is institution, expected command_hq/government (required: a recommendation letter is attached (issued by the front-line command headquarters or a government body, at level county/province, issued on or before the submission date))',
        'expected': 'a recommendation letter is attached (issued by the front-line command headquarters or a government body, at level county/province, issued on or before the submission date)',
        'actual': None,
    },
    'letter at the wrong level': {
        'status': 'failed',
        'segments': ('documents', 0),
        'message': '推荐函不符合要求：出具方级别为 national，应为 county/province（要求：提供推荐函（出具方为前方指挥部或政府部门，出具方级别 county/province，出具日期不晚于申报日期））',
        'message_en': 'a recommendation letter does not qualify: its issuer_level is national, expected county/province (required: a recommendation letter is attached (issued by the front-line command headquarters or a government body, at level county/province, issued on or before the submission date))',
        'expected': 'a recommendation letter is attached (issued by the front-line command headquarters or a government body, at level county/province, issued on or before the submission date)',
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
    "no documents listed": {
        "status": "failed", "segments": ("documents",),
        "message": "未提供推荐函（documents 中没有 kind 为 recommendation_letter 的文件）",
        "message_en": "a recommendation letter is missing (no document of kind recommendation_letter)",
        "expected": "recommendation_letter", "actual": None,
    },
}

DESCRIPTIONS = {
    'letter': (
        '提供推荐函（出具方为前方指挥部或政府部门，出具方级别 county/province，出具日期不晚于申报日期）',
        'a recommendation letter is attached (issued by the front-line command headquarters or a government body, at level county/province, issued on or before the submission date)',
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
