"""What the project rules report, exactly: the target, field, declaration and balance rules' status,
where, both messages with the numbers, expected and actual, for typical passing and failing bundles;
and how each rule describes itself."""

from __future__ import annotations

from decimal import Decimal

from appcheck.rules.balance import Balance, BalanceRatio
from appcheck.rules.project import Declaration, FieldsWithin, TargetMinimums


TARGETS = TargetMinimums({"demo_bases": 2, ("new_products", "new_varieties"): 1, "reports": 1})
WITHIN = FieldsWithin(("清洁技术", "智慧城市"), aliases={"智能城市": "智慧城市"})
DECLARATION = Declaration(("training", "other_provincial_funding_this_year"), False, ("本年度未获其他省级部门经费支持", "no other provincial funding this year"))
BALANCE = Balance()
BALANCE_BUDGETS = Balance(budgets=True)
RATIO = BalanceRatio()


def targets(**values) -> dict:
    return {"targets": values}


def fields(*values) -> dict:
    return {"project": {"fields": list(values)}}


def balance(d, f, db=None, fb=None) -> dict:
    data = {"domestic_person_months": Decimal(str(d)), "foreign_person_months": Decimal(str(f))}
    if db is not None:
        data["domestic_budget"] = Decimal(str(db))
    if fb is not None:
        data["foreign_budget"] = Decimal(str(fb))
    return {"balance": data}


CASES = {
    "targets met": (TARGETS, targets(demo_bases=2, new_varieties=1, reports=3), {}),
    "targets short": (TARGETS, targets(demo_bases=1, reports=1), {}),
    "a target short": (TARGETS, targets(demo_bases=2, new_products=1, reports=0), {}),
    "fields within": (WITHIN, fields(" 清洁技术", "智能城市"), {}),
    "fields outside": (WITHIN, fields("清洁技术", "区块链", "元宇宙"), {}),
    "declared as required": (DECLARATION, {"training": {"other_provincial_funding_this_year": False}}, {}),
    "declared otherwise": (DECLARATION, {"training": {"other_provincial_funding_this_year": True}}, {}),
    "balance declared": (BALANCE, balance(60, "48.5"), {}),
    "balance with budgets": (BALANCE_BUDGETS, balance(60, 48, 300, 280), {}),
    "balanced": (RATIO, balance(100, 50, 300, 150), {}),
    "foreign side under half": (RATIO, balance(100, "49.9999"), {}),
    "Chinese side under half": (RATIO, balance("49.9999", 100), {}),
    "Chinese budget under half": (RATIO, balance(50, 100, "149.9999", 300), {}),
    "budget on one side only": (RATIO, balance(50, 100, 1), {}),
}

DESCRIBED = {
    "targets": TARGETS,
    "within": WITHIN,
    "declaration": DECLARATION,
    "balance": BALANCE,
    "balance with budgets": BALANCE_BUDGETS,
    "ratio": RATIO,
    "ratio of a third": BalanceRatio("0.3333"),
}

OUTCOMES = {
    'targets met': {
        'status': 'passed',
        'segments': ('targets',),
        'message': '考核指标均达到要求：demo_bases 2 ≥ 2；new_products+new_varieties 1 ≥ 1；reports 3 ≥ 1',
        'message_en': 'every target meets its minimum: demo_bases 2 >= 2; new_products+new_varieties 1 >= 1; reports 3 >= 1',
        'expected': {'demo_bases': 2, 'new_products+new_varieties': 1, 'reports': 1},
        'actual': {'demo_bases': 2, 'new_products+new_varieties': 1, 'reports': 3},
    },
    'targets short': {
        'status': 'failed',
        'segments': ('targets', 'demo_bases'),
        'message': '考核指标不足：demo_bases 为 1，要求不少于 2；new_products+new_varieties 为 0，要求不少于 1',
        'message_en': 'targets below the minimum: demo_bases is 1, at least 2 required; new_products+new_varieties is 0, at least 1 required',
        'expected': {'demo_bases': 2, 'new_products+new_varieties': 1, 'reports': 1},
        'actual': {'demo_bases': 1, 'new_products+new_varieties': 0, 'reports': 1},
    },
    'a target short': {
        'status': 'failed',
        'segments': ('targets', 'reports'),
        'message': '考核指标不足：reports 为 0，要求不少于 1',
        'message_en': 'targets below the minimum: reports is 0, at least 1 required',
        'expected': {'demo_bases': 2, 'new_products+new_varieties': 1, 'reports': 1},
        'actual': {'demo_bases': 2, 'new_products+new_varieties': 1, 'reports': 0},
    },
    'fields within': {
        'status': 'passed',
        'segments': ('project', 'fields'),
        'message': '所报领域均在所列领域内： 清洁技术、智能城市',
        'message_en': 'every field is listed:  清洁技术, 智能城市',
        'expected': ['清洁技术', '智慧城市'],
        'actual': [' 清洁技术', '智能城市'],
    },
    'fields outside': {
        'status': 'failed',
        'segments': ('project', 'fields', 1),
        'message': '领域 区块链、元宇宙 不在本方向所列领域内：清洁技术、智慧城市',
        'message_en': "fields 区块链, 元宇宙 are not among this topic's fields: 清洁技术, 智慧城市",
        'expected': ['清洁技术', '智慧城市'],
        'actual': ['区块链', '元宇宙'],
    },
    'declared as required': {
        'status': 'passed',
        'segments': ('training', 'other_provincial_funding_this_year'),
        'message': '声明 training/other_provincial_funding_this_year 为 false（本年度未获其他省级部门经费支持）',
        'message_en': 'training/other_provincial_funding_this_year is false (no other provincial funding this year)',
        'expected': False,
        'actual': False,
    },
    'declared otherwise': {
        'status': 'failed',
        'segments': ('training', 'other_provincial_funding_this_year'),
        'message': '声明 training/other_provincial_funding_this_year 为 true，应为 false（本年度未获其他省级部门经费支持）',
        'message_en': 'training/other_provincial_funding_this_year is true, must be false (no other provincial funding this year)',
        'expected': False,
        'actual': True,
    },
    'balance declared': {
        'status': 'needs_review',
        'segments': ('balance',),
        'message': '双方已声明投入：人月 中方 60、外方 48.5；需评审专家判断是否基本平衡',
        'message_en': 'both sides declare their effort (person-months: Chinese side 60, foreign side 48.5); a reviewer must judge whether it is basically balanced',
        'expected': None,
        'actual': {'person_months': {'domestic': Decimal('60'), 'foreign': Decimal('48.5')}},
    },
    'balance with budgets': {
        'status': 'needs_review',
        'segments': ('balance',),
        'message': '双方已声明投入：人月 中方 60、外方 48；经费（万元） 中方 300、外方 280；需评审专家判断是否基本平衡',
        'message_en': 'both sides declare their effort (person-months: Chinese side 60, foreign side 48; budget (10k CNY): Chinese side 300, foreign side 280); a reviewer must judge whether it is basically balanced',
        'expected': None,
        'actual': {'person_months': {'domestic': Decimal('60'), 'foreign': Decimal('48')}, 'budget': {'domestic': Decimal('300'), 'foreign': Decimal('280')}},
    },
    'balanced': {
        'status': 'passed',
        'segments': ('balance',),
        'message': '双方投入均不低于另一方的 50%：人月 中方 100、外方 50；经费（万元） 中方 300、外方 150',
        'message_en': "neither side declares under 50% of the other's: person-months: Chinese 100, foreign 50; budget (10k CNY): Chinese 300, foreign 150",
        'expected': '>= 50% of the other side',
        'actual': {'person_months': {'domestic': Decimal('100'), 'foreign': Decimal('50')}, 'budget': {'domestic': Decimal('300'), 'foreign': Decimal('150')}},
    },
    'foreign side under half': {
        'status': 'failed',
        'segments': ('balance', 'foreign_person_months'),
        'message': '外方人月 49.9999，不足另一方 100 的 50%（中方 100、外方 49.9999）',
        'message_en': "the foreign side declares 49.9999 person-months, under 50% of the other side's 100 (Chinese 100, foreign 49.9999)",
        'expected': '>= 50% of the other side',
        'actual': {'domestic': Decimal('100'), 'foreign': Decimal('49.9999')},
    },
    'Chinese side under half': {
        'status': 'failed',
        'segments': ('balance', 'domestic_person_months'),
        'message': '中方人月 49.9999，不足另一方 100 的 50%（中方 49.9999、外方 100）',
        'message_en': "the Chinese side declares 49.9999 person-months, under 50% of the other side's 100 (Chinese 49.9999, foreign 100)",
        'expected': '>= 50% of the other side',
        'actual': {'domestic': Decimal('49.9999'), 'foreign': Decimal('100')},
    },
    'Chinese budget under half': {
        'status': 'failed',
        'segments': ('balance', 'domestic_budget'),
        'message': '中方经费（万元） 149.9999，不足另一方 300 的 50%（中方 149.9999、外方 300）',
        'message_en': "the Chinese side declares 149.9999 budget (10k CNY), under 50% of the other side's 300 (Chinese 149.9999, foreign 300)",
        'expected': '>= 50% of the other side',
        'actual': {'domestic': Decimal('149.9999'), 'foreign': Decimal('300')},
    },
    'budget on one side only': {
        'status': 'passed',
        'segments': ('balance',),
        'message': '双方投入均不低于另一方的 50%：人月 中方 50、外方 100',
        'message_en': "neither side declares under 50% of the other's: person-months: Chinese 50, foreign 100",
        'expected': '>= 50% of the other side',
        'actual': {'person_months': {'domestic': Decimal('50'), 'foreign': Decimal('100')}},
    },
}

DESCRIPTIONS = {
    'targets': (
        '考核指标：demo_bases ≥ 2，new_products+new_varieties ≥ 1，reports ≥ 1',
        'targets: demo_bases >= 2, new_products+new_varieties >= 1, reports >= 1',
    ),
    'within': (
        '项目领域属于：清洁技术、智慧城市',
        "the project's fields are among: 清洁技术, 智慧城市",
    ),
    'declaration': (
        '声明：本年度未获其他省级部门经费支持',
        'declared: no other provincial funding this year',
    ),
    'balance': (
        '双方声明人月投入（需评审是否基本平衡）',
        'both sides declare person-months (reviewed for balance)',
    ),
    'balance with budgets': (
        '双方声明人月和经费投入（需评审是否基本平衡）',
        'both sides declare person-months and budgets (reviewed for balance)',
    ),
    'ratio': (
        '一方投入（人月；双方均填写时含经费）不低于另一方的 50%（本工具的经验阈值）',
        "neither side declares under 50% of the other's person-months (and budget, where both are given) - a heuristic of this tool",
    ),
    'ratio of a third': (
        '一方投入（人月；双方均填写时含经费）不低于另一方的 33.33%（本工具的经验阈值）',
        "neither side declares under 33.33% of the other's person-months (and budget, where both are given) - a heuristic of this tool",
    ),
}
