"""What the money rules report, exactly: status, where, both messages with the numbers, expected
and actual, for a typical passing and failing bundle of every funding rule; and how each rule
describes itself."""

from __future__ import annotations

from decimal import Decimal

from appcheck.rules.budget import BudgetLine, DirectionAverage, DirectionBudget, MatchingPerEnterprise
from appcheck.rules.funding import EnterpriseCofunding, SubsidyBounds, SubsidyByPlace
from appcheck.rules.parties import Orgs

from ..helpers import org


def budget(subsidy, **extra) -> dict:
    return {"budget": {"subsidy_requested": Decimal(str(subsidy)), **extra}}


CAP = SubsidyBounds(maximum=150)
FLOOR = SubsidyBounds(minimum=10)
RANGE = SubsidyBounds(minimum=10, maximum=150)
GRANT = SubsidyBounds(50, 50)
PLACE = SubsidyByPlace(("exchange", "venue_country"), home_amount=20, abroad_amount=30)
DOMESTIC_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
DOMESTIC_PARTNER_ENTERPRISE = Orgs(roles={"domestic_partner"}, kinds={"enterprise"}, countries={"CN"})
COFUNDING = EnterpriseCofunding(trigger=DOMESTIC_PARTNER_ENTERPRISE, contributors=DOMESTIC_ENTERPRISE)
# how the organization filters describe themselves (their wording is the filter's own; the rules embed it)
FILTERS = {"DOMESTIC_ENTERPRISE": DOMESTIC_ENTERPRISE, "DOMESTIC_PARTNER_ENTERPRISE": DOMESTIC_PARTNER_ENTERPRISE}
DOMESTIC_ENTERPRISE_ZH, DOMESTIC_ENTERPRISE_EN = DOMESTIC_ENTERPRISE.describe()
DOMESTIC_PARTNER_ENTERPRISE_ZH, DOMESTIC_PARTNER_ENTERPRISE_EN = DOMESTIC_PARTNER_ENTERPRISE.describe()
SPAIN = (BudgetLine(4500, 15),)
FINLAND = (
    BudgetLine(2500, 5, ("能源领域",), "能源领域"),
    BudgetLine(3000, 10, ("健康领域", "智能和绿色出行"), "其他领域"),
)
MATCHING = MatchingPerEnterprise(DOMESTIC_ENTERPRISE)


def venue(country, amount) -> dict:
    return {"exchange": {"venue_country": country}, **budget(amount)}


def cofunding(raised, partner_kind="enterprise") -> dict:
    return {
        "applicant": org("lead", subdivision="CN-GD"),
        "partners": [org("co", role="domestic_partner", kind=partner_kind, subdivision="CN-GD")],
        **budget(50, self_raised=[{"organization": "co", "amount": Decimal(str(raised))}]),
    }


def fields(amount, *names) -> dict:
    return {**budget(amount), "project": {"fields": list(names)}}


def matching(raised, subsidy=40) -> dict:
    return {
        "applicant": org("lead", subdivision="CN-BJ"),
        "partners": [org("ent", role="domestic_partner", kind="enterprise", subdivision="CN-BJ")],
        **budget(100, allocation=[
            {"organization": "lead", "subsidy": Decimal(100 - subsidy)},
            {"organization": "ent", "subsidy": Decimal(subsidy), "self_raised": Decimal(str(raised))},
        ]),
    }


CASES = {
    "cap exceeded": (CAP, budget("150.0001"), {}),
    "cap kept": (CAP, budget(150), {}),
    "floor missed": (FLOOR, budget("9.9999"), {}),
    "floor kept": (FLOOR, budget(10), {}),
    "range exceeded": (RANGE, budget(151), {}),
    "range kept": (RANGE, budget(10), {}),
    "grant differs": (GRANT, budget(49), {}),
    "grant kept": (GRANT, budget(50), {}),
    "at home, abroad amount": (PLACE, venue("CN", 30), {}),
    "at home": (PLACE, venue("CN", 20), {}),
    "abroad, home amount": (PLACE, venue("SG", 20), {}),
    "abroad": (PLACE, venue("SG", 30), {}),
    "cofunding short": (COFUNDING, cofunding("49.9999"), {}),
    "cofunding enough": (COFUNDING, cofunding(50), {}),
    "direction budget exceeded": (DirectionBudget(SPAIN), budget("4500.0001"), {}),
    "direction budget kept": (DirectionBudget(SPAIN), budget(4500), {}),
    "line budget exceeded": (DirectionBudget(FINLAND), fields(2501, " 能源领域 "), {}),
    "line budget by alias": (DirectionBudget(FINLAND, aliases={"能源": "能源领域"}), fields(2600, "能源", 7), {}),
    "no line for the fields": (DirectionBudget(FINLAND), fields(1, "智慧城市"), {}),
    "average exceeded": (DirectionAverage(SPAIN), budget("300.0001"), {}),
    "average kept": (DirectionAverage(SPAIN), budget(300), {}),
    "average beyond the budget": (DirectionAverage(SPAIN), budget(4501), {}),
    "lower average of two lines": (DirectionAverage(FINLAND), fields(301, "能源领域", "健康领域"), {}),
    "matching short": (MATCHING, matching("39.9999"), {}),
    "matching kept": (MATCHING, matching(40), {}),
    "cofunding not required": (COFUNDING, cofunding(0, partner_kind="university"), {}),
    "matching not required": (MATCHING, {"applicant": org("lead"), "partners": [], **budget(100)}, {}),
    "allocation does not add up": (MATCHING, {**matching(40), **budget(101, allocation=[{"organization": "ent", "subsidy": Decimal(100)}])}, {}),
    "self-raised twice": (COFUNDING, {**cofunding(50), **budget(50, self_raised=[], allocation=[{"organization": "co", "self_raised": 50}])}, {}),
    "two contributors, one raising nothing": (COFUNDING, {**cofunding(50), "partners": [org("co", role="domestic_partner", kind="enterprise", subdivision="CN-GD"), org("co2", role="domestic_partner", kind="enterprise")]}, {}),
    "two enterprises short": (MATCHING, {**matching("39"), "partners": [org("ent", role="domestic_partner", kind="enterprise"), org("ent2", role="domestic_partner", kind="enterprise")],
                                         **budget(100, allocation=[{"organization": "ent", "subsidy": Decimal(40), "self_raised": Decimal(39)}, {"organization": "ent2", "subsidy": Decimal(30)},
                                                                   {"organization": "ent2", "subsidy": Decimal(30), "self_raised": Decimal(1)}])}, {}),
    "two enterprises matched": (MATCHING, {**matching("40"), "partners": [org("ent", role="domestic_partner", kind="enterprise"), org("ent2", role="domestic_partner", kind="enterprise")],
                                           **budget(100, allocation=[{"organization": "ent", "subsidy": Decimal(40), "self_raised": Decimal(40)}, {"organization": "ent2", "subsidy": Decimal(60), "self_raised": Decimal(60)}])}, {}),
    "an enterprise with a subsidy and nothing raised": (MATCHING, {**matching("40"), **budget(100, allocation=[{"organization": "lead", "subsidy": Decimal(99)}, {"organization": "ent", "subsidy": Decimal(1)}])}, {}),
    "a malformed self-raised organization": (MATCHING, {**matching("40"), **budget(100, allocation=[{"organization": "lead", "subsidy": Decimal(60)}, {"organization": "ent", "subsidy": Decimal(40)}],
                                                                            self_raised=[{"organization": ["ent"], "amount": Decimal(40)}])}, {}),
    "a malformed enterprise id": (MATCHING, {**matching("40"), "applicant": {**org("lead", kind="enterprise"), "id": 7}}, {}),
}

DESCRIBED = {
    "cap": CAP,
    "floor": FLOOR,
    "range": RANGE,
    "grant": GRANT,
    "place": PLACE,
    "direction budget": DirectionBudget(FINLAND),
    "direction average": DirectionAverage(SPAIN),
    "direction average of two lines": DirectionAverage(FINLAND),
    "cofunding": COFUNDING,
    "matching": MATCHING,
}

OUTCOMES = {
    'cap exceeded': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 150.0001 万元，应不超过 150 万元',
        'message_en': 'the subsidy requested is 150.0001 (10k CNY), expected at most 150 (10k CNY)',
        'expected': {'minimum': None, 'maximum': Decimal('150')},
        'actual': Decimal('150.0001'),
    },
    'cap kept': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 150 万元，不超过 150 万元',
        'message_en': 'the subsidy requested is 150 (10k CNY), at most 150 (10k CNY)',
        'expected': {'minimum': None, 'maximum': Decimal('150')},
        'actual': 150,
    },
    'floor missed': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 9.9999 万元，应不少于 10 万元',
        'message_en': 'the subsidy requested is 9.9999 (10k CNY), expected at least 10 (10k CNY)',
        'expected': {'minimum': Decimal('10'), 'maximum': None},
        'actual': Decimal('9.9999'),
    },
    'floor kept': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 10 万元，不少于 10 万元',
        'message_en': 'the subsidy requested is 10 (10k CNY), at least 10 (10k CNY)',
        'expected': {'minimum': Decimal('10'), 'maximum': None},
        'actual': 10,
    },
    'range exceeded': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 151 万元，应在 10–150 万元之间',
        'message_en': 'the subsidy requested is 151 (10k CNY), expected between 10 and 150 (10k CNY)',
        'expected': {'minimum': Decimal('10'), 'maximum': Decimal('150')},
        'actual': 151,
    },
    'range kept': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 10 万元，在 10–150 万元之间',
        'message_en': 'the subsidy requested is 10 (10k CNY), between 10 and 150 (10k CNY)',
        'expected': {'minimum': Decimal('10'), 'maximum': Decimal('150')},
        'actual': 10,
    },
    'grant differs': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 49 万元，应恰为 50 万元',
        'message_en': 'the subsidy requested is 49 (10k CNY), expected exactly 50 (10k CNY)',
        'expected': {'minimum': Decimal('50'), 'maximum': Decimal('50')},
        'actual': 49,
    },
    'grant kept': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 50 万元，恰为 50 万元',
        'message_en': 'the subsidy requested is 50 (10k CNY), exactly 50 (10k CNY)',
        'expected': {'minimum': Decimal('50'), 'maximum': Decimal('50')},
        'actual': 50,
    },
    'at home, abroad amount': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '举办地 CN（境内）的项目每项资助 20 万元，申请 30 万元',
        'message_en': 'a project held in CN (at home) is granted exactly 20 (10k CNY); requested 30',
        'expected': Decimal('20'),
        'actual': 30,
    },
    'at home': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '举办地 CN（境内），申请资助 20 万元',
        'message_en': 'held in CN (at home); requested 20 (10k CNY) as granted',
        'expected': Decimal('20'),
        'actual': 20,
    },
    'abroad, home amount': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '举办地 SG（境外）的项目每项资助 30 万元，申请 20 万元',
        'message_en': 'a project held in SG (abroad) is granted exactly 30 (10k CNY); requested 20',
        'expected': Decimal('30'),
        'actual': 20,
    },
    'abroad': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '举办地 SG（境外），申请资助 30 万元',
        'message_en': 'held in SG (abroad); requested 30 (10k CNY) as granted',
        'expected': Decimal('30'),
        'actual': 30,
    },
    'cofunding short': {
        'status': 'failed',
        'segments': ('budget',),
        'message': '企业（CO）自筹经费合计 49.9999 万元，低于财政资助 50 万元',
        'message_en': 'the enterprise (CO) raises 49.9999 (10k CNY) in total, less than the subsidy 50',
        'expected': Decimal('50'),
        'actual': Decimal('49.9999'),
    },
    'cofunding enough': {
        'status': 'passed',
        'segments': ('budget',),
        'message': '企业（CO）自筹经费合计 50 万元，不低于财政资助 50 万元',
        'message_en': 'the enterprise (CO) raises 50 (10k CNY) in total, at least the subsidy 50',
        'expected': Decimal('50'),
        'actual': 50,
    },
    'direction budget exceeded': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 4500.0001 万元，超过本方向共拟支持经费 4500 万元、拟支持项目 15 个（平均每项约 300 万元）',
        'message_en': 'the subsidy requested, 4500.0001 (10k CNY), exceeds the whole budget of this direction: 4500 (10k CNY) for 15 projects (about 300 per project)',
        'expected': {'maximum': Decimal('4500'), 'average': Decimal('300.0000'), 'projects': 15},
        'actual': Decimal('4500.0001'),
    },
    'direction budget kept': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 4500 万元，不超过经费总额；本方向共拟支持经费 4500 万元、拟支持项目 15 个（平均每项约 300 万元）',
        'message_en': 'the subsidy requested, 4500 (10k CNY), is within the whole budget of this direction: 4500 (10k CNY) for 15 projects (about 300 per project)',
        'expected': {'maximum': Decimal('4500'), 'average': Decimal('300.0000'), 'projects': 15},
        'actual': 4500,
    },
    'line budget exceeded': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 2501 万元，超过能源领域共拟支持经费 2500 万元、拟支持项目 5 个（平均每项约 500 万元）',
        'message_en': 'the subsidy requested, 2501 (10k CNY), exceeds the whole budget of 能源领域: 2500 (10k CNY) for 5 projects (about 500 per project)',
        'expected': {'maximum': Decimal('2500'), 'average': Decimal('500.0000'), 'projects': 5},
        'actual': 2501,
    },
    'line budget by alias': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 2600 万元，超过能源领域共拟支持经费 2500 万元、拟支持项目 5 个（平均每项约 500 万元）',
        'message_en': 'the subsidy requested, 2600 (10k CNY), exceeds the whole budget of 能源领域: 2500 (10k CNY) for 5 projects (about 500 per project)',
        'expected': {'maximum': Decimal('2500'), 'average': Decimal('500.0000'), 'projects': 5},
        'actual': 2600,
    },
    'no line for the fields': {
        'status': 'failed',
        'segments': ('project', 'fields'),
        'message': '无法检查：/project/fields 的值 ["智慧城市"] 无效（应为至少一个属于经费分项的领域（健康领域、智能和绿色出行、能源领域））',
        'message_en': 'cannot check: /project/fields is ["智慧城市"], expected a field of one of the budget lines (健康领域、智能和绿色出行、能源领域)',
        'expected': 'a field of one of the budget lines (健康领域、智能和绿色出行、能源领域)',
        'actual': '["智慧城市"]',
    },
    'average exceeded': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 300.0001 万元，高于平均每项约 300 万元（本方向共拟支持经费 4500 万元、拟支持项目 15 个（平均每项约 300 万元））',
        'message_en': 'the subsidy requested, 300.0001 (10k CNY), is above the average of about 300 per project (this direction: 4500 (10k CNY) for 15 projects (about 300 per project))',
        'expected': {'average': Decimal('300.0000'), 'maximum': Decimal('4500'), 'projects': 15},
        'actual': Decimal('300.0001'),
    },
    'average kept': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 300 万元，不高于平均每项约 300 万元（本方向共拟支持经费 4500 万元、拟支持项目 15 个（平均每项约 300 万元））',
        'message_en': 'the subsidy requested, 300 (10k CNY), is not above the average of about 300 per project (this direction: 4500 (10k CNY) for 15 projects (about 300 per project))',
        'expected': {'average': Decimal('300.0000'), 'maximum': Decimal('4500'), 'projects': 15},
        'actual': 300,
    },
    'average beyond the budget': {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 4501 万元超过经费总额（另行报错），不再提示平均额；本方向共拟支持经费 4500 万元、拟支持项目 15 个（平均每项约 300 万元）',
        'message_en': 'the subsidy requested, 4501 (10k CNY), exceeds the whole budget (reported as an error elsewhere); no average note; this direction: 4500 (10k CNY) for 15 projects (about 300 per project)',
        'expected': {'average': Decimal('300.0000'), 'maximum': Decimal('4500'), 'projects': 15},
        'actual': 4501,
    },
    'lower average of two lines': {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 301 万元，高于平均每项约 300 万元（其他领域共拟支持经费 3000 万元、拟支持项目 10 个（平均每项约 300 万元））',
        'message_en': 'the subsidy requested, 301 (10k CNY), is above the average of about 300 per project (其他领域: 3000 (10k CNY) for 10 projects (about 300 per project))',
        'expected': {'average': Decimal('300.0000'), 'maximum': Decimal('3000'), 'projects': 10},
        'actual': 301,
    },
    'matching short': {
        'status': 'failed',
        'segments': ('budget', 'allocation'),
        'message': '企业配套出资低于其获得的政府资助：ENT 获资助 40 万元，配套 39.9999 万元',
        'message_en': 'matching funds below the subsidy allocated: ENT is allocated 40 (10k CNY) and raises 39.9999',
        'expected': {'ent': Decimal('40')},
        'actual': {'ent': Decimal('39.9999')},
    },
    'matching kept': {
        'status': 'passed',
        'segments': ('budget', 'allocation'),
        'message': '每家企业配套出资均不低于其获得的政府资助：ent 40 ≥ 40',
        'message_en': 'every enterprise raises at least its subsidy: ent 40 >= 40',
        'expected': {'ent': Decimal('40')},
        'actual': {'ent': 40},
    },
    'cofunding not required': {
        'status': 'passed',
        'segments': ('partners',),
        'message': f'无{DOMESTIC_PARTNER_ENTERPRISE_ZH}参与，不要求企业自筹经费',
        'message_en': f'no organization ({DOMESTIC_PARTNER_ENTERPRISE_EN}) takes part: no enterprise co-funding is required',
        'expected': None,
        'actual': 0,
    },
    'matching not required': {
        'status': 'passed',
        'segments': ('partners',),
        'message': f'无{DOMESTIC_ENTERPRISE_ZH}参与，不要求企业配套出资',
        'message_en': f'no organization ({DOMESTIC_ENTERPRISE_EN}) takes part: no matching funds are required',
        'expected': None,
        'actual': 0,
    },
    'allocation does not add up': {
        'status': 'failed',
        'segments': ('budget', 'allocation'),
        'message': '无法检查：/budget/allocation 的值 "subsidies adding up to 100" 无效（应为各单位 subsidy 合计等于申请财政资助 101 万元的分配表）',
        'message_en': 'cannot check: /budget/allocation is "subsidies adding up to 100", expected an allocation whose subsidies add up to the subsidy requested, 101',
        'expected': 'an allocation whose subsidies add up to the subsidy requested, 101',
        'actual': '"subsidies adding up to 100"',
    },
    'self-raised twice': {
        'status': 'failed',
        'segments': ('budget',),
        'message': '无法检查：/budget 的值 "both" 无效（应为self_raised 与 allocation 中的自筹经费二选一）',
        'message_en': 'cannot check: /budget is "both", expected self-raised funds in self_raised or in allocation, not both',
        'expected': 'self-raised funds in self_raised or in allocation, not both',
        'actual': '"both"',
    },
    'two contributors, one raising nothing': {
        'status': 'passed',
        'segments': ('budget',),
        'message': '企业（CO、CO2）自筹经费合计 50 万元，不低于财政资助 50 万元',
        'message_en': 'the enterprises (CO, CO2) raise 50 (10k CNY) in total, at least the subsidy 50',
        'expected': Decimal('50'),
        'actual': 50,
    },
    'two enterprises short': {
        'status': 'failed',
        'segments': ('budget', 'allocation'),
        'message': '企业配套出资低于其获得的政府资助：ENT 获资助 40 万元，配套 39 万元；ENT2 获资助 60 万元，配套 1 万元',
        'message_en': 'matching funds below the subsidy allocated: ENT is allocated 40 (10k CNY) and raises 39; ENT2 is allocated 60 (10k CNY) and raises 1',
        'expected': {'ent': Decimal('40'), 'ent2': Decimal('60')},
        'actual': {'ent': 39, 'ent2': 1},
    },
    'two enterprises matched': {
        'status': 'passed',
        'segments': ('budget', 'allocation'),
        'message': '每家企业配套出资均不低于其获得的政府资助：ent 40 ≥ 40；ent2 60 ≥ 60',
        'message_en': 'every enterprise raises at least its subsidy: ent 40 >= 40; ent2 60 >= 60',
        'expected': {'ent': Decimal('40'), 'ent2': Decimal('60')},
        'actual': {'ent': 40, 'ent2': 60},
    },
    'an enterprise with a subsidy and nothing raised': {
        'status': 'failed',
        'segments': ('budget', 'allocation'),
        'message': '企业配套出资低于其获得的政府资助：ENT 获资助 1 万元，配套 0 万元',
        'message_en': 'matching funds below the subsidy allocated: ENT is allocated 1 (10k CNY) and raises 0',
        'expected': {'ent': Decimal('1')},
        'actual': {'ent': 0},
    },
    'a malformed self-raised organization': {
        'status': 'failed',
        'segments': ('budget', 'self_raised', 0, 'organization'),
        'message': '无法检查：/budget/self_raised/0/organization 的值 ["ent"] 无效（应为非空字符串）',
        'message_en': 'cannot check: /budget/self_raised/0/organization is ["ent"], expected a non-empty string',
        'expected': 'a non-empty string',
        'actual': '["ent"]',
    },
    'a malformed enterprise id': {
        'status': 'failed',
        'segments': ('applicant', 'id'),
        'message': "无法检查：/applicant/id 的值 7 无效（应为单位编号）",
        'message_en': "cannot check: /applicant/id is 7, expected an id",
        'expected': 'an id',
        'actual': "7",
    },
}

DESCRIPTIONS = {
    'cap': (
        '申请财政资助不超过 150 万元',
        'the subsidy requested is at most 150 (10k CNY)',
    ),
    'floor': (
        '申请财政资助不少于 10 万元',
        'the subsidy requested is at least 10 (10k CNY)',
    ),
    'range': (
        '申请财政资助在 10–150 万元之间',
        'the subsidy requested is between 10 and 150 (10k CNY)',
    ),
    'grant': (
        '申请财政资助恰为 50 万元',
        'the subsidy requested is exactly 50 (10k CNY)',
    ),
    'place': (
        '境内举办资助 20 万元，境外举办资助 30 万元',
        '20 (10k CNY) when held at home, 30 abroad',
    ),
    'direction budget': (
        '申请财政资助不超过方向经费总额：能源领域共拟支持经费 2500 万元、拟支持项目 5 个（平均每项约 500 万元）；其他领域共拟支持经费 3000 万元、拟支持项目 10 个（平均每项约 300 万元）',
        "the subsidy requested is at most the direction's whole budget: 能源领域: 2500 (10k CNY) for 5 projects (about 500 per project); 其他领域: 3000 (10k CNY) for 10 projects (about 300 per project)",
    ),
    'direction average': (
        '申请财政资助高于平均每项经费时提示：本方向共拟支持经费 4500 万元、拟支持项目 15 个（平均每项约 300 万元）',
        'a note when the subsidy requested is above the average per project: this direction: 4500 (10k CNY) for 15 projects (about 300 per project)',
    ),
    'direction average of two lines': (
        '申请财政资助高于平均每项经费时提示：能源领域共拟支持经费 2500 万元、拟支持项目 5 个（平均每项约 500 万元）；其他领域共拟支持经费 3000 万元、拟支持项目 10 个（平均每项约 300 万元）',
        'a note when the subsidy requested is above the average per project: 能源领域: 2500 (10k CNY) for 5 projects (about 500 per project); 其他领域: 3000 (10k CNY) for 10 projects (about 300 per project)',
    ),
    'cofunding': (
        f'有{DOMESTIC_PARTNER_ENTERPRISE_ZH}参与时，{DOMESTIC_ENTERPRISE_ZH}自筹经费合计不低于财政资助',
        f'when {DOMESTIC_PARTNER_ENTERPRISE_EN} takes part, the self-raised funds of {DOMESTIC_ENTERPRISE_EN} add up to at least the subsidy',
    ),
    'matching': (
        f'每家{DOMESTIC_ENTERPRISE_ZH}的配套出资不低于其获得的政府资助（按 budget.allocation）',
        f'every organization that is {DOMESTIC_ENTERPRISE_EN} raises at least the subsidy allocated to it (budget.allocation)',
    ),
}
