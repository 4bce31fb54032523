"""What the joint-laboratory rule reports, exactly: JointLabAgreement for typical passing and failing
bundles (the lab set up too late, its agreement rejected with the reason, no host); and how it describes
itself."""

from __future__ import annotations

import datetime as dt

from appcheck.rules.labs import JointLabAgreement
from appcheck.rules.parties import Orgs

from ..helpers import org
from .agreements import agreement

FRENCH = Orgs(roles={"foreign_partner"}, countries={"FR"})
# how the organization filter describes itself (its wording is the filter's own; the rule embeds it)
FRENCH_ZH, FRENCH_EN = FRENCH.describe()
LAB = JointLabAgreement(dt.date(2021, 1, 1), FRENCH)


def lab(*agreements, established="2018-06-01") -> dict:
    return {
        "applicant": org("lead"),
        "partners": [org("cnrs", role="foreign_partner", country="FR", kind="research_institute")],
        "joint_lab": {"established_on": established},
        "agreements": list(agreements),
    }


def lab_agreement(**fields) -> dict:
    data = {"purpose": "joint_lab", "kind": "agreement", "signed_on": "2020-12-31", "parties": ["lead", "cnrs"], **fields}
    return {key: value for key, value in data.items() if value is not None}


CASES = {
    "joint lab agreement": (LAB, lab(lab_agreement()), {}),
    "lab established too late": (LAB, lab(lab_agreement(), established="2021-01-01"), {}),
    "lab agreement too late": (LAB, lab(lab_agreement(signed_on="2021-01-01")), {}),
    "lab agreement a memorandum": (LAB, lab(lab_agreement(kind="memorandum"), lab_agreement(signed_on=None)), {}),
    "lab agreement unsigned": (LAB, lab(lab_agreement(signed_on=None)), {}),
    "lab agreement without the host": (LAB, lab(lab_agreement(parties=["lead", 5]), agreement("lead", "cnrs")), {}),
    "lab agreement after submission": (LAB, lab(lab_agreement(signed_on="2020-12-31")), {"day": dt.date(2020, 12, 30)}),
    "no lab agreement": (LAB, lab(agreement("lead", "cnrs")), {}),
    "no lab host": (LAB, {**lab(lab_agreement()), "partners": [org("cnrs", role="foreign_partner", country="DE")]}, {}),
    "no lab agreements listed": (LAB, {k: v for k, v in lab().items() if k != "agreements"}, {}),
    "a lab agreement after another kind": (LAB, lab(agreement("lead", "cnrs"), lab_agreement(signed_on="2020-12-30")), {"day": dt.date(2020, 12, 30)}),
}

DESCRIBED = {
    "lab": LAB,
}

OUTCOMES = {
    'joint lab agreement': {
        'status': 'passed',
        'segments': ('agreements', 0),
        'message': '联合实验室建立于 2018-06-01；共建协议 0 于 2020-12-31 签署，均早于 2021-01-01',
        'message_en': 'the joint laboratory was established on 2018-06-01; its agreement 0 was signed on 2020-12-31, both before 2021-01-01',
        'expected': 'before 2021-01-01',
        'actual': {'established_on': dt.date(2018, 6, 1), 'signed_on': dt.date(2020, 12, 31)},
    },
    'lab established too late': {
        'status': 'failed',
        'segments': ('joint_lab', 'established_on'),
        'message': '联合实验室建立于 2021-01-01，不早于 2021-01-01',
        'message_en': 'the joint laboratory was established on 2021-01-01, not before 2021-01-01',
        'expected': 'before 2021-01-01',
        'actual': dt.date(2021, 1, 1),
    },
    'lab agreement too late': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '共建联合实验室协议不符合要求：协议 0 签署日期 2021-01-01 不早于 2021-01-01',
        'message_en': 'no qualifying joint-lab agreement: agreement 0: it was signed on 2021-01-01, not before 2021-01-01',
        'expected': 'an agreement signed before 2021-01-01 by the applicant and a partner host',
        'actual': 1,
    },
    'lab agreement a memorandum': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '共建联合实验室协议不符合要求：协议 0 类型为 memorandum，应为协议',
        'message_en': 'no qualifying joint-lab agreement: agreement 0: it is a memorandum, not an agreement',
        'expected': 'an agreement signed before 2021-01-01 by the applicant and a partner host',
        'actual': 2,
    },
    'lab agreement unsigned': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '共建联合实验室协议不符合要求：协议 0 未签署（缺少 signed_on）',
        'message_en': 'no qualifying joint-lab agreement: agreement 0: it is not signed (no signed_on)',
        'expected': 'an agreement signed before 2021-01-01 by the applicant and a partner host',
        'actual': 1,
    },
    'lab agreement without the host': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '共建联合实验室协议不符合要求：协议 0 签署方（lead、5）未同时包括申报单位 lead 和外方依托单位',
        'message_en': 'no qualifying joint-lab agreement: agreement 0: its parties (lead, 5) do not include both the applicant lead and a partner host',
        'expected': 'an agreement signed before 2021-01-01 by the applicant and a partner host',
        'actual': 1,
    },
    'lab agreement after submission': {
        'status': 'failed',
        'segments': ('agreements', 0),
        'message': '共建联合实验室协议不符合要求：协议 0 签署日期 2020-12-31 晚于申报日期 2020-12-30',
        'message_en': 'no qualifying joint-lab agreement: agreement 0: it was signed on 2020-12-31, after the submission date 2020-12-30',
        'expected': 'an agreement signed before 2021-01-01 by the applicant and a partner host',
        'actual': 1,
    },
    'no lab agreement': {
        'status': 'failed',
        'segments': ('agreements',),
        'message': '未提供共建联合实验室协议（agreements 中没有 purpose 为 joint_lab 的协议）',
        'message_en': 'no joint-lab agreement (no agreement with purpose joint_lab)',
        'expected': 'an agreement signed before 2021-01-01 by the applicant and a partner host',
        'actual': 0,
    },
    'no lab host': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'没有外方依托单位（{FRENCH_ZH}），无法确认共建联合实验室协议',
        'message_en': f'there is no partner host institution ({FRENCH_EN}) to have signed the joint-lab agreement',
        'expected': f'{FRENCH_EN}',
        'actual': 0,
    },
    'no lab agreements listed': {
        'status': 'failed',
        'segments': ('agreements',),
        'message': '未提供共建联合实验室协议（agreements 中没有 purpose 为 joint_lab 的协议）',
        'message_en': 'no joint-lab agreement (no agreement with purpose joint_lab)',
        'expected': 'an agreement signed before 2021-01-01 by the applicant and a partner host',
        'actual': 0,
    },
    'a lab agreement after another kind': {
        'status': 'passed',
        'segments': ('agreements', 1),
        'message': '联合实验室建立于 2018-06-01；共建协议 1 于 2020-12-30 签署，均早于 2021-01-01',
        'message_en': 'the joint laboratory was established on 2018-06-01; its agreement 1 was signed on 2020-12-30, both before 2021-01-01',
        'expected': 'before 2021-01-01',
        'actual': {'established_on': dt.date(2018, 6, 1), 'signed_on': dt.date(2020, 12, 30)},
    },
}

DESCRIPTIONS = {
    'lab': (
        f'联合实验室于 2021-01-01 前建立，且申报单位与外方依托单位（{FRENCH_ZH}）于 2021-01-01 前签署共建协议',
        f'the joint laboratory was established, and its agreement signed by the applicant and a partner host ({FRENCH_EN}), before 2021-01-01',
    ),
}
