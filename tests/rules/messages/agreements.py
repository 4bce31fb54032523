"""What the agreement rules report, exactly: SignedAgreement judged partner by partner (documents
rejected with their reason, partners without a document named, per-partner gaps)
for typical passing and failing bundles; and how each rule describes itself."""

from __future__ import annotations

import datetime as dt

from appcheck.rules.agreements import SignedAgreement
from appcheck.rules.parties import Orgs

from ..helpers import org

FOREIGN = Orgs(roles={"foreign_partner"})
ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
# how the organization filters describe themselves (their wording is the filter's own; the rules embed it)
FOREIGN_ZH, FOREIGN_EN = FOREIGN.describe()
EACH = SignedAgreement({"task_division", "ip_ownership"})
STRICT = SignedAgreement(
    {"task_division"}, parties=FOREIGN, purposes=None, kinds={"agreement", "memorandum"}, legally_binding=True,
    signed_before=dt.date(2022, 4, 1), valid_on_submission=True, covers_any={"commercialization", "benefit_sharing"},
    by_foreign_submission=True,
)
ANY = SignedAgreement({"task_division"}, parties=FOREIGN, covers_any={"commercialization", "benefit_sharing"}, legally_binding=True)


def agreement(*parties, **fields) -> dict:
    """An agreement; a field given as None is left out."""
    data = {"purpose": "project_cooperation", "kind": "agreement", "signed_on": "2022-03-01", "parties": list(parties),
            "covers": ["task_division", "ip_ownership"], **fields}
    return {key: value for key, value in data.items() if value is not None}


def signed(*agreements, partners=None, **extra) -> dict:
    return {
        "applicant": org("lead"),
        "partners": partners if partners is not None else [org("tum", role="foreign_partner", country="DE"), org("co", role="domestic_partner")],
        "agreements": list(agreements),
        **extra,
    }


def two_foreign(*agreements) -> dict:
    return signed(*agreements, partners=[org("tum", role="foreign_partner", country="DE"), org("kit", role="foreign_partner", country="DE"), org("co", role="domestic_partner")])


def strict(**fields) -> dict:
    data = agreement("lead", "tum", legally_binding=True, covers=["task_division", "benefit_sharing"], valid_from="2022-03-01", valid_until="2024-12-31")
    data.update(fields)
    return signed({key: value for key, value in data.items() if value is not None}, foreign_submission={"submitted_on": "2022-04-15"})


CASES = {
    "each partner signed its own": (EACH, signed(agreement("lead", "tum"), agreement("lead", "co")), {}),
    "one agreement binds all": (EACH, signed(agreement("co", "lead", "tum", covers=["ip_ownership", "task_division", "confidentiality"])), {}),
    "points spread over partners": (EACH, signed(agreement("lead", "tum", covers=["task_division"]), agreement("lead", "co", covers=["ip_ownership"])), {}),
    "points pooled for one partner": (EACH, signed(agreement("lead", "tum", "co", covers=["task_division"]), agreement("lead", "tum", "co", purpose="project_cooperation", covers=["ip_ownership"])), {}),
    "a partner did not sign": (EACH, signed(agreement("lead", "tum")), {}),
    "a partner did not sign, another lacks a point": (EACH, two_foreign(agreement("lead", "tum", covers=["task_division"])), {}),
    "one side's own memo": (SignedAgreement({"ip_ownership"}, parties=FOREIGN, purposes=None, kinds={"memorandum"}), signed(agreement("lead", kind="memorandum", purpose="ip", covers=["ip_ownership"])), {}),
    "an agreement among the Chinese side only": (SignedAgreement({"ip_ownership"}, parties=FOREIGN, purposes=None), signed(agreement("lead", "tum", covers=["task_division"]), agreement("lead", "co", covers=["ip_ownership"])), {}),
    "rejected agreements are named": (EACH, signed(agreement("lead", "tum", kind="letter_of_intent"), agreement("lead", "co", signed_on="2022-05-11"), agreement("tum", "co")), {}),
    "an unsigned agreement and another purpose": (EACH, signed(agreement("lead", "tum", signed_on=None), agreement("lead", "co", purpose="joint_lab")), {}),
    "a point not covered": (EACH, signed(agreement("lead", "tum", "co", covers=["task_division", "confidentiality", 3])), {}),
    "two partners lack points": (SignedAgreement({"task_division", "ip_ownership"}, parties=FOREIGN), two_foreign(agreement("lead", "tum", covers=["task_division"]), agreement("lead", "kit", covers=[])), {}),
    "no partner to sign": (EACH, signed(partners=[]), {}),
    "no selected partner to sign": (STRICT, signed(partners=[org("co", role="domestic_partner")]), {}),
    "strict agreement counts": (STRICT, strict(), {}),
    "strict: not binding": (STRICT, strict(legally_binding=False), {}),
    "strict: signed after the foreign submission": (STRICT, signed(agreement("lead", "tum", legally_binding=True, signed_on="2022-05-01"), foreign_submission={"submitted_on": "2022-04-30"}), {}),
    "strict: no foreign submission": (STRICT, {k: v for k, v in strict(signed_on="2022-03-31").items() if k != "foreign_submission"}, {}),
    "strict: signed too late": (STRICT, strict(signed_on="2022-04-01"), {}),
    "strict: not valid yet": (STRICT, strict(valid_from="2022-05-11"), {}),
    "strict: expired": (STRICT, strict(valid_until="2022-05-09", valid_from=None), {}),
    "strict: a letter of intent": (STRICT, strict(kind="letter_of_intent"), {}),
    "strict: none of the optional points": (STRICT, strict(covers=["task_division"]), {}),
    "an optional point missing and a required one": (ANY, signed(agreement("lead", "tum", legally_binding=True, covers=["ip_ownership"])), {}),
    "an optional point": (ANY, signed(agreement("lead", "tum", legally_binding=True, covers=["task_division", "commercialization"])), {}),
    "the applicant did not sign": (EACH, signed(agreement("tum", "co")), {}),
    "no agreements listed": (EACH, {k: v for k, v in signed().items() if k != "agreements"}, {}),
    "an agreement without covers": (EACH, signed(agreement("lead", "tum", "co", covers=None)), {}),
    "an agreement of two purposes": (SignedAgreement({"task_division"}, purposes={"project_cooperation", "joint_lab"}), signed(agreement("lead", "tum", "co", purpose="ip")), {}),
    "valid from too late, no end": (STRICT, strict(valid_from="2022-05-11", valid_until=None), {}),
    "enterprise partners must sign": (SignedAgreement({"task_division"}, parties=ENTERPRISE), signed(agreement("lead", "e"), partners=[org("tum", role="foreign_partner", country="DE"), org("e", role="domestic_partner", kind="enterprise")]), {}),
}

DESCRIBED = {
    "each": EACH,
    "strict": STRICT,
    "with optional points": ANY,
    "one of two kinds": SignedAgreement({"task_division"}, kinds={"agreement", "memorandum"}),
}


OUTCOMES = {
    'each partner signed its own': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '2 家合作单位均已与申报单位签署协议（2 份），涵盖任务分工、知识产权归属',
        'message_en': 'all 2 partners signed with the applicant (2 agreements), covering task division, IP ownership',
        'expected': ['ip_ownership', 'task_division'],
        'actual': {'tum': ['ip_ownership', 'task_division'], 'co': ['ip_ownership', 'task_division']},
    },
    'one agreement binds all': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '2 家合作单位均已与申报单位签署协议（1 份），涵盖任务分工、知识产权归属',
        'message_en': 'all 2 partners signed with the applicant (1 agreement), covering task division, IP ownership',
        'expected': ['ip_ownership', 'task_division'],
        'actual': {'tum': ['confidentiality', 'ip_ownership', 'task_division'], 'co': ['confidentiality', 'ip_ownership', 'task_division']},
    },
    'points spread over partners': {
        'status': 'failed',
        'segments': ('agreements', 0, 'covers'),
        'message': '与 TUM 签署的协议未明确：知识产权归属（已涵盖：任务分工）；与 CO 签署的协议未明确：任务分工（已涵盖：知识产权归属）',
        'message_en': 'the agreements with TUM do not cover: IP ownership (covered: task division); the agreements with CO do not cover: task division (covered: IP ownership)',
        'expected': ['ip_ownership', 'task_division'],
        'actual': {'tum': ['task_division'], 'co': ['ip_ownership']},
    },
    'points pooled for one partner': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '2 家合作单位均已与申报单位签署协议（2 份），涵盖任务分工、知识产权归属',
        'message_en': 'all 2 partners signed with the applicant (2 agreements), covering task division, IP ownership',
        'expected': ['ip_ownership', 'task_division'],
        'actual': {'tum': ['ip_ownership', 'task_division'], 'co': ['ip_ownership', 'task_division']},
    },
    'a partner did not sign': {
        'status': 'failed',
        'segments': ('partners', 1),
        'message': '以下合作单位未与申报单位签署符合要求的协议：CO',
        'message_en': 'this partner has no qualifying agreement with the applicant: CO',
        'expected': 'an agreement per partner',
        'actual': ['co'],
    },
    'a partner did not sign, another lacks a point': {
        'status': 'failed',
        'segments': ('partners', 1),
        'message': '以下合作单位未与申报单位签署符合要求的协议：KIT、CO；另外，与 TUM 签署的协议未明确：知识产权归属（已涵盖：任务分工）',
        'message_en': 'these partners have no qualifying agreement with the applicant: KIT, CO; also, the agreements with TUM do not cover: IP ownership (covered: task division)',
        'expected': 'an agreement per partner',
        'actual': ['kit', 'co'],
    },
    "one side's own memo": {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': f'以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：签署方中没有须签署协议的合作单位（{FOREIGN_ZH}））',
        'message_en': f'this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: none of its parties is a partner it must bind ({FOREIGN_EN}))',
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'an agreement among the Chinese side only': {
        'status': 'failed',
        'segments': ('agreements', 0, 'covers'),
        'message': f'与 TUM 签署的协议未明确：知识产权归属（已涵盖：任务分工）（协议 1 不计入：签署方中没有须签署协议的合作单位（{FOREIGN_ZH}））',
        'message_en': f'the agreements with TUM do not cover: IP ownership (covered: task division) (agreement 1 does not count: none of its parties is a partner it must bind ({FOREIGN_EN}))',
        'expected': ['ip_ownership'],
        'actual': {'tum': ['task_division']},
    },
    'rejected agreements are named': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM、CO（协议 0 不计入：类型为 letter_of_intent，应为协议；协议 1 不计入：签署日期 2022-05-11 晚于申报日期 2022-05-10；协议 2 不计入：签署方不包括申报单位 lead）',
        'message_en': 'these partners have no qualifying agreement with the applicant: TUM, CO (agreement 0 does not count: it is a letter_of_intent, expected an agreement; agreement 1 does not count: it was signed on 2022-05-11, after the submission date 2022-05-10; agreement 2 does not count: the applicant lead is not a party)',
        'expected': 'an agreement per partner',
        'actual': ['tum', 'co'],
    },
    'an unsigned agreement and another purpose': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM、CO（协议 0 不计入：未签署（缺少 signed_on）；协议 1 不计入：用途为 joint_lab，应为 project_cooperation）',
        'message_en': 'these partners have no qualifying agreement with the applicant: TUM, CO (agreement 0 does not count: it is not signed (no signed_on); agreement 1 does not count: its purpose is joint_lab, expected project_cooperation)',
        'expected': 'an agreement per partner',
        'actual': ['tum', 'co'],
    },
    'a point not covered': {
        'status': 'failed',
        'segments': ('agreements', 0, 'covers'),
        'message': '与 TUM 签署的协议未明确：知识产权归属（已涵盖：任务分工、保密）；与 CO 签署的协议未明确：知识产权归属（已涵盖：任务分工、保密）',
        'message_en': 'the agreements with TUM do not cover: IP ownership (covered: task division, confidentiality); the agreements with CO do not cover: IP ownership (covered: task division, confidentiality)',
        'expected': ['ip_ownership', 'task_division'],
        'actual': {'tum': ['confidentiality', 'task_division'], 'co': ['confidentiality', 'task_division']},
    },
    'two partners lack points': {
        'status': 'failed',
        'segments': ('agreements', 0, 'covers'),
        'message': '与 TUM 签署的协议未明确：知识产权归属（已涵盖：任务分工）；与 KIT 签署的协议未明确：任务分工、知识产权归属（已涵盖：无）',
        'message_en': 'the agreements with TUM do not cover: IP ownership (covered: task division); the agreements with KIT do not cover: task division, IP ownership (covered: nothing)',
        'expected': ['ip_ownership', 'task_division'],
        'actual': {'tum': ['task_division'], 'kit': []},
    },
    'no partner to sign': {
        'status': 'failed',
        'segments': ('partners',),
        'message': '没有须签署协议的合作单位（合作单位），无法确认协议',
        'message_en': 'there is no partner (partner) to have signed the agreement with',
        'expected': 'at least one partner',
        'actual': 0,
    },
    'no selected partner to sign': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'没有须签署协议的合作单位（{FOREIGN_ZH}），无法确认协议',
        'message_en': f'there is no partner ({FOREIGN_EN}) to have signed the agreement with',
        'expected': f'at least one partner: {FOREIGN_EN}',
        'actual': 0,
    },
    'strict agreement counts': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '1 家合作单位均已与申报单位签署协议（1 份），涵盖任务分工',
        'message_en': 'the 1 partner signed with the applicant (1 agreement), covering task division',
        'expected': {'all': ['task_division'], 'any': ['benefit_sharing', 'commercialization']},
        'actual': {'tum': ['benefit_sharing', 'task_division']},
    },
    'strict: not binding': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：未声明具有法律效力（legally_binding））',
        'message_en': 'this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: it is not declared legally binding)',
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'strict: signed after the foreign submission': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：签署日期 2022-05-01 晚于外方申报日期 2022-04-30）',
        'message_en': "this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: it was signed on 2022-05-01, after the partner side's submission date 2022-04-30)",
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'strict: no foreign submission': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '1 家合作单位均已与申报单位签署协议（1 份），涵盖任务分工',
        'message_en': 'the 1 partner signed with the applicant (1 agreement), covering task division',
        'expected': {'all': ['task_division'], 'any': ['benefit_sharing', 'commercialization']},
        'actual': {'tum': ['benefit_sharing', 'task_division']},
    },
    'strict: signed too late': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：签署日期 2022-04-01 不早于 2022-04-01）',
        'message_en': 'this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: it was signed on 2022-04-01, not before 2022-04-01)',
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'strict: not valid yet': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：有效期 2022-05-11 至 2024-12-31 不含申报日期 2022-05-10）',
        'message_en': 'this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: its validity 2022-05-11 to 2024-12-31 does not include the submission date 2022-05-10)',
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'strict: expired': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：有效期 … 至 2022-05-09 不含申报日期 2022-05-10）',
        'message_en': 'this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: its validity … to 2022-05-09 does not include the submission date 2022-05-10)',
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'strict: a letter of intent': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：类型为 letter_of_intent，应为协议或备忘录）',
        'message_en': 'this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: it is a letter_of_intent, expected an agreement or a memorandum)',
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'strict: none of the optional points': {
        'status': 'failed',
        'segments': ('agreements', 0, 'covers'),
        'message': '与 TUM 签署的协议未明确：商业化或利益分配中的任何一项（已涵盖：任务分工）',
        'message_en': 'the agreements with TUM do not cover: any of commercialization or benefit sharing (covered: task division)',
        'expected': {'all': ['task_division'], 'any': ['benefit_sharing', 'commercialization']},
        'actual': {'tum': ['task_division']},
    },
    'an optional point missing and a required one': {
        'status': 'failed',
        'segments': ('agreements', 0, 'covers'),
        'message': '与 TUM 签署的协议未明确：任务分工；商业化或利益分配中的任何一项（已涵盖：知识产权归属）',
        'message_en': 'the agreements with TUM do not cover: task division, nor any of commercialization or benefit sharing (covered: IP ownership)',
        'expected': {'all': ['task_division'], 'any': ['benefit_sharing', 'commercialization']},
        'actual': {'tum': ['ip_ownership']},
    },
    'an optional point': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '1 家合作单位均已与申报单位签署协议（1 份），涵盖任务分工',
        'message_en': 'the 1 partner signed with the applicant (1 agreement), covering task division',
        'expected': {'all': ['task_division'], 'any': ['benefit_sharing', 'commercialization']},
        'actual': {'tum': ['commercialization', 'task_division']},
    },
    'the applicant did not sign': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM、CO（协议 0 不计入：签署方不包括申报单位 lead）',
        'message_en': 'these partners have no qualifying agreement with the applicant: TUM, CO (agreement 0 does not count: the applicant lead is not a party)',
        'expected': 'an agreement per partner',
        'actual': ['tum', 'co'],
    },
    'no agreements listed': {
        'status': 'failed',
        'segments': ('partners', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM、CO',
        'message_en': 'these partners have no qualifying agreement with the applicant: TUM, CO',
        'expected': 'an agreement per partner',
        'actual': ['tum', 'co'],
    },
    'an agreement without covers': {
        'status': 'failed',
        'segments': ('agreements', 0, 'covers'),
        'message': '与 TUM 签署的协议未明确：任务分工、知识产权归属（已涵盖：无）；与 CO 签署的协议未明确：任务分工、知识产权归属（已涵盖：无）',
        'message_en': 'the agreements with TUM do not cover: task division, IP ownership (covered: nothing); the agreements with CO do not cover: task division, IP ownership (covered: nothing)',
        'expected': ['ip_ownership', 'task_division'],
        'actual': {'tum': [], 'co': []},
    },
    'an agreement of two purposes': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM、CO（协议 0 不计入：用途为 ip，应为 joint_lab/project_cooperation）',
        'message_en': 'these partners have no qualifying agreement with the applicant: TUM, CO (agreement 0 does not count: its purpose is ip, expected joint_lab/project_cooperation)',
        'expected': 'an agreement per partner',
        'actual': ['tum', 'co'],
    },
    'valid from too late, no end': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '以下合作单位未与申报单位签署符合要求的协议：TUM（协议 0 不计入：有效期 2022-05-11 至 … 不含申报日期 2022-05-10）',
        'message_en': 'this partner has no qualifying agreement with the applicant: TUM (agreement 0 does not count: its validity 2022-05-11 to … does not include the submission date 2022-05-10)',
        'expected': 'an agreement per partner',
        'actual': ['tum'],
    },
    'enterprise partners must sign': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '1 家合作单位均已与申报单位签署协议（1 份），涵盖任务分工',
        'message_en': 'the 1 partner signed with the applicant (1 agreement), covering task division',
        'expected': ['task_division'],
        'actual': {'e': ['ip_ownership', 'task_division']},
    },
}

DESCRIPTIONS = {
    'each': (
        '每家合作单位均与申报单位签署协议，逐家判断：每家单位与申报单位共同签署的文件合计明确任务分工、知识产权归属；未由申报单位和该合作单位共同签署的文件不计入',
        'every partner signed an agreement with the applicant, judged partner by partner: the documents each partner signed with the applicant together cover task division, IP ownership; a document not signed by both the applicant and that partner does not count',
    ),
    'strict': (
        f'{FOREIGN_ZH}均与申报单位签署具有法律效力的协议或备忘录，逐家判断：每家单位与申报单位共同签署的文件合计明确任务分工，并明确商业化或利益分配，签署日期早于 2022-04-01，申报日期在有效期内，签署日期不晚于中方和外方（已申报时）的申报日期；未由申报单位和该合作单位共同签署的文件不计入',
        f"every partner that is {FOREIGN_EN} signed a legally binding agreement or memorandum with the applicant, judged partner by partner: the documents each partner signed with the applicant together cover task division, and commercialization or benefit sharing, signed before 2022-04-01, valid on the submission date, signed on or before the submission date and the partner side's, when given; a document not signed by both the applicant and that partner does not count",
    ),
    'with optional points': (
        f'{FOREIGN_ZH}均与申报单位签署具有法律效力的协议，逐家判断：每家单位与申报单位共同签署的文件合计明确任务分工，并明确商业化或利益分配；未由申报单位和该合作单位共同签署的文件不计入',
        f'every partner that is {FOREIGN_EN} signed a legally binding agreement with the applicant, judged partner by partner: the documents each partner signed with the applicant together cover task division, and commercialization or benefit sharing; a document not signed by both the applicant and that partner does not count',
    ),
    'one of two kinds': (
        '每家合作单位均与申报单位签署协议或备忘录，逐家判断：每家单位与申报单位共同签署的文件合计明确任务分工；未由申报单位和该合作单位共同签署的文件不计入',
        'every partner signed an agreement or memorandum with the applicant, judged partner by partner: the documents each partner signed with the applicant together cover task division; a document not signed by both the applicant and that partner does not count',
    ),
}
