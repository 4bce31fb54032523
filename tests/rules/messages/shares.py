"""What the rule of the subsidy as a share of another amount reports, exactly: status, where, both
messages with the numbers, expected and actual, for a passing and a failing bundle; and how it
describes itself."""

from __future__ import annotations

from decimal import Decimal

from appcheck.rules.shares import SubsidyShareOf

from .funding import budget

SHARE = SubsidyShareOf("0.2")


CASES = {
    "share exceeded": (SHARE, budget(100, enterprise_rd_investment=Decimal("499.9999")), {}),
    "share kept": (SHARE, budget(100, enterprise_rd_investment=Decimal(500)), {}),
}

DESCRIBED = {
    "share": SHARE,
}

OUTCOMES = {
    'share exceeded': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 100 万元，超过企业实际投入研发经费 499.9999 万元的 20%（99.99998 万元）',
        'message_en': "the subsidy requested, 100 (10k CNY), exceeds 20% of the enterprise's R&D investment 499.9999 (99.99998)",
        'expected': {'maximum': Decimal('99.99998'), 'share': Decimal('0.2'), 'base': Decimal('499.9999')},
        'actual': 100,
    },
    'share kept': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 100 万元，不超过企业实际投入研发经费 500 万元的 20%（100 万元）',
        'message_en': "the subsidy requested, 100 (10k CNY), is within 20% of the enterprise's R&D investment 500 (100)",
        'expected': {'maximum': Decimal('100.0'), 'share': Decimal('0.2'), 'base': Decimal('500')},
        'actual': 100,
    },
}

DESCRIPTIONS = {
    'share': (
        '申请财政资助不超过 budget/enterprise_rd_investment 的 20%',
        'the subsidy requested is at most 20% of budget/enterprise_rd_investment',
    ),
}
