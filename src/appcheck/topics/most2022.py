"""most-2022: 国家重点研发计划"政府间国际科技创新合作"重点专项2022年度第一批项目申报指南.

The national call of the Ministry of Science and Technology (MOST), first batch of 2022: 17 guideline
directions (指南方向), 1.1 Spain to 2.7 Korea (energy), each a topic without tracks. Every direction
gives its fields (领域方向), 拟支持项目数 and 共拟支持经费 and its 其他要求; this module lists them in
the guideline's order, verbatim.

Readings the guideline leaves open (documented in the rules' explain output):

- Fields are the scope (领域方向): a field outside the direction's list is an error (MOST22-FIELDS).
  The labels are the numbered items' short labels (the text before the first ，or 包括; a dangling
  bracket dropped: 医学和健康研究（包括中医药） -> 医学和健康研究); the item's full text is accepted as
  an alias. Where an item has neither ，nor 包括 but a colon introducing details (BRICS 抗微生物耐药性：
  诊断和治疗技术), the text before the colon is the label. Finland: the four top-level fields
  (（一）能源领域 ... （四）智能和绿色出行); their sub-items are 包括但不限于 examples, not labels.
  France and Belarus end their lists in 等: a field outside is a warning (MOST22-FIELDS-OPEN).
- Direction budgets: a request above 共拟支持经费 fails (MOST22-DIRECTION-BUDGET). The average is
  共拟支持经费 / 拟支持项目数 ("不超过 15 个" and "90 个项目左右" read as 15 and 90), compared exactly
  (``amount * projects > total``); the info note (MOST22-DIRECTION-AVERAGE) concerns requests within
  the budget and above the average (a request above the whole budget is the budget's error, not also
  a note). Finland's two budget lines follow the project's fields: 能源领域 2500 万元 / 5 projects,
  健康 / 可持续制造 / 智能和绿色出行 3000 万元 / 10 projects; a project with fields in both lines is
  held to the lower cap and the lower average.
- Dual submission (MOST22-DUAL): ``foreign_submission.agency`` is matched against the guideline's
  Chinese names and the agencies' official English (and native) names and abbreviations, former and
  later names included (BMVIT -> BMK -> BMIMI; BMVI -> BMDV -> BMV; Tekes -> Business Finland;
  STDF -> STIFA; MECSS -> MES). Where the guideline names a ministry and the catalog also names the
  agency that runs the call for it (OeAD for BMBWF, FFG for BMK, NOW GmbH for BMVI), either is accepted.
- The partner side: "the Spanish side" etc. are the ``foreign_partner`` organizations of that country;
  the Chinese side is the applicant and the CN partners. Japan: every foreign partner must be an
  enterprise registered in Japan. The US federal funding proof (MOST22-US-FEDERAL) must be ``about``
  the US partner and issued by a national government body (``issuer_kind`` government,
  ``issuer_level`` national): a state agency's or a university's letter is not federal funding, and
  a proof that does not say who issued it fails.
- France's partner registered "3 年以上": ``registered_on`` on or before ``submitted_on`` minus 3
  calendar years (``relativedelta``), so exactly 3 years passes and one day less fails. 2021 年 1 月 1
  日前: strictly before 2021-01-01, for both the lab's establishment and its agreement.
- Agreements are judged partner by partner (the catalogue's convention): a foreign partner is covered
  by the documents whose parties include both the applicant and that partner, and what those cover is
  pooled for that partner only; one side's own memo, or a document among the Chinese side only, never
  counts. Separate documents with each partner pass as well as one signed by all.
- IP documents (MOST22-IP): every foreign partner is covered, with the applicant, by documents of any
  purpose covering ``ip_ownership``. Kinds follow each direction's wording: Spain 关于知识产权的协议或
  包括知识产权专门条款的合作文件 - an agreement or a memorandum; France 知识产权协议或意向性协议、备忘录
  - an agreement, memorandum or letter of intent, also covering ``commercialization`` or
  ``benefit_sharing`` (成果转化收益归属); Austria, Austria industry, Finland 签署明确的知识产权协议 - an
  agreement (Finland: also ``task_division``; Austria industry: signed on or before ``submitted_on``
  and the foreign submission when one is given). Germany has its own MOST22-DE-AGREEMENT.
- France's long-standing cooperation (长期稳定合作基础, MOST22-FR-HISTORY): ``prior_cooperation`` names
  the French partner with a ``since`` date before ``submitted_on``; declared, a reviewer judges how
  long-standing and stable it is (needs review); none, or only from the submission day on, fails.
- Germany is not held to MOST22-IP: its own cooperation document (MOST22-DE-AGREEMENT) covers IP. Every
  German (foreign) partner is covered, with
  the applicant, by an agreement, a memorandum or a letter of intent (协议或意向书等项目合作文件) valid on
  ``submitted_on``, those of each partner together covering contributions, task division and IP.
- Matching funds (MOST22-MATCHING, MOST22-DE-MATCHING) are per Chinese enterprise (applicant or
  partner), against the subsidy ``budget.allocation`` gives it; the allocation is required when a
  Chinese enterprise takes part and must add up to ``subsidy_requested``.
- Balance (基本平衡): the declared numbers need review (MOST22-BALANCE); as a heuristic of this tool,
  one side under half the other's person-months (or budget, when both budgets are given) is a warning
  (MOST22-BALANCE-RATIO). Austria industry must declare both budgets for MOST22-BALANCE; the ratio
  compares budgets only where both are given.
- Durations: 一般为 2~3 年 / 原则上 are warnings (soft), 为 / 不超过 without 原则上 are errors, as the
  catalog says (Korea's 原则上不超过3年 is hard there: the catalog groups it with the hard 3-year caps).
"""

from __future__ import annotations

import datetime as dt

from ..reference import country_list
from ..rules.agreements import SignedAgreement
from ..rules.balance import Balance, BalanceRatio
from ..rules.base import AllOf
from ..rules.budget import BudgetLine, DirectionAverage, DirectionBudget, MatchingPerEnterprise
from ..rules.dates import DurationMonths
from ..rules.documents import HasDocument
from ..rules.labs import JointLabAgreement
from ..rules.parties import ApplicantIs, HasParty, Orgs, PriorCooperation
from ..rules.places import PartnerCountries, PartnersAre
from ..rules.project import FieldsWithin
from ..rules.quotas import QuotaPerKey
from ..rules.submission import Agency, ForeignSubmission, SideLedBy
from . import Call, Check, Topic

CALL_ID = "most-2022"

# ----------------------------------------------------------------------------- tables (verbatim from the guideline)

#: 领域方向 per direction: the labels, then the aliases (other spellings -> label).
FIELDS = {
    "spain": ("智慧城市", "生产技术", "生物医药与健康技术", "清洁技术", "现代农业", "先进材料"),
    "france-joint-labs": ("卫生健康", "农业", "人工智能", "先进材料", "环境", "空间", "粒子物理"),
    "austria": ("量子信息科学", "信息通信技术", "智能制造技术", "医学和健康研究", "可再生能源和低碳技术", "食品、农业和生物技术", "环境、智能城市和可持续城镇化"),
    "austria-industry": ("绿色建筑和建筑能效", "城市可持续发展和资源循环利用", "城市环境背景下的智能交通"),
    "finland": ("能源领域", "健康领域", "可持续制造和产业振兴领域", "智能和绿色出行"),
    "germany": ("氢燃料电池汽车领域",),
    "japan-jica": ("环境（含能源）", "医疗", "减灾防灾", "农业"),
    "korea-industry": ("生物科技", "信息通信"),
    "korea": ("生物科技", "信息通信", "可再生能源", "医疗医学", "航空航天", "气候变化（适应）"),
    "mongolia": ("农畜牧业", "物流体系及跨境电商", "水资源环境保护", "矿产资源综合利用", "生物医药"),
    "egypt": ("可再生能源", "水", "食品与农业", "卫生", "信息通讯"),
    "malaysia": ("公共卫生", "人工智能", "信息通信（如区块链、大数据）", "空间遥感技术"),
    "belarus": ("信息通信技术、相关跨学科技术及其应用", "生物、医药、化学技术及其应用", "机械工程和机械制造技术、仪器和设备制造、新材料和材料加工", "农业和食品技术", "光学", "微电子"),
    "uzbekistan": ("细胞和分子生物技术", "医学遗传学、生理生态学研究", "节能自动化系统、可再生能源", "矿产资源高效利用技术及装备", "材料学和建筑材料", "食品学和食品工艺", "天文", "地质", "制药学", "农业", "生物多样性", "核物理"),
    "brics": ("抗微生物耐药性", "高性能计算和大数据促进可持续发展", "光子、纳米光子学和超材料的创新", "海洋与极地科学技术", "航空航天研究"),
    "usa": ("能源", "环境", "气候变化", "医药卫生", "海洋", "大气", "基础科学"),
    "korea-energy": ("基于细颗粒物（颗粒物）治理的清洁热电技术", "可再生能源"),
}
FIELD_ALIASES = {
    "spain": {
        "生产技术，包括智能制造": "生产技术",
        "生物医药与健康技术，包括可以解决全球流行病的医疗设备、生物技术应用或制药技术": "生物医药与健康技术",
        "清洁技术，包括环境、可再生能源或水处理相关的技术": "清洁技术",
        "现代农业，包括渔业技术、食品加工和食品安全": "现代农业",
    },
    "france-joint-labs": {"环境（包括气候变化）": "环境"},
    "austria": {"医学和健康研究（包括中医药）": "医学和健康研究"},
    "germany": {"氢燃料电池汽车": "氢燃料电池汽车领域"},
    "japan-jica": {"环境": "环境（含能源）"},
    "korea": {"气候变化": "气候变化（适应）"},
    "malaysia": {"公共卫生（包括疫苗研发）": "公共卫生", "信息通信": "信息通信（如区块链、大数据）"},
    "brics": {
        "抗微生物耐药性：诊断和治疗技术": "抗微生物耐药性",
        "高性能计算和大数据促进可持续发展：解决大规模生态、气候和污染问题": "高性能计算和大数据促进可持续发展",
    },
    "usa": {"医药卫生（包括应对新型冠状病毒肺炎疫情）": "医药卫生"},
    "korea-energy": {
        "基于细颗粒物（颗粒物）治理的清洁热电技术（包括碳捕集、利用与封存技术，发电设施安全和燃气安全）": "基于细颗粒物（颗粒物）治理的清洁热电技术",
        "可再生能源（包括氢能和燃料电池技术）": "可再生能源",
    },
}

#: 拟支持项目数 and 共拟支持经费 (万元) per direction.
FINLAND_ENERGY = ("能源领域",)
FINLAND_OTHER = ("健康领域", "可持续制造和产业振兴领域", "智能和绿色出行")
BUDGETS = {
    "spain": (BudgetLine(4500, 15),),
    "france-joint-labs": (BudgetLine(4000, 10),),
    "austria": (BudgetLine(3000, 15),),
    "austria-industry": (BudgetLine(1000, 3),),
    "finland": (
        BudgetLine(2500, 5, FINLAND_ENERGY, "能源领域"),
        BudgetLine(3000, 10, FINLAND_OTHER, "健康、可持续制造领域、智能和绿色出行领域"),
    ),
    "germany": (BudgetLine(2000, 5),),
    "japan-jica": (BudgetLine(6000, 20),),
    "korea-industry": (BudgetLine(1800, 2),),
    "korea": (BudgetLine(600, 6),),
    "mongolia": (BudgetLine(1800, 12),),
    "egypt": (BudgetLine(2000, 10),),
    "malaysia": (BudgetLine(2000, 8),),
    "belarus": (BudgetLine(3500, 35),),
    "uzbekistan": (BudgetLine(2000, 20),),
    "brics": (BudgetLine(3000, 15),),
    "usa": (BudgetLine(18000, 90),),
    "korea-energy": (BudgetLine(1500, 2),),
}

#: The partner country's agencies (the partner side applies there: 单方申报无效).
CDTI = Agency(("西班牙国家工业技术发展署", "CDTI", "CDTI E.P.E.", "Centro para el Desarrollo Tecnológico y la Innovación",
               "Centro para el Desarrollo Tecnológico Industrial", "Centre for the Development of Industrial Technology",
               "Center for the Development of Industrial Technology", "Centre for Technological Development and Innovation"))
OEAD = Agency(("OeAD", "OeAD-GmbH", "奥地利国际教育与合作署", "OeAD – Agentur für Bildung und Internationalisierung",
               "Austria's Agency for Education and Internationalisation", "Österreichischer Austauschdienst"))
BMBWF = Agency(("奥地利联邦教育、科学和研究部", "BMBWF", "Federal Ministry of Education, Science and Research",
                "Bundesministerium für Bildung, Wissenschaft und Forschung"))
FFG = Agency(("FFG", "奥地利研究促进署", "Austrian Research Promotion Agency", "Österreichische Forschungsförderungsgesellschaft"))
BMK = Agency(("奥地利联邦交通、创新和技术部", "BMVIT", "Federal Ministry for Transport, Innovation and Technology",
              "Bundesministerium für Verkehr, Innovation und Technologie",
              "BMK", "奥地利联邦气候行动、环境、能源、交通、创新和技术部",
              "Federal Ministry for Climate Action, Environment, Energy, Mobility, Innovation and Technology",
              "Bundesministerium für Klimaschutz, Umwelt, Energie, Mobilität, Innovation und Technologie",
              "BMIMI", "Federal Ministry for Innovation, Mobility and Infrastructure", "Bundesministerium für Innovation, Mobilität und Infrastruktur"))
BUSINESS_FINLAND = Agency(("Business Finland", "芬兰商务促进局", "芬兰国家技术创新局", "芬兰共和国国家技术创新局", "Tekes",
                           "Finnish Funding Agency for Innovation", "Finnish Funding Agency for Technology and Innovation"))
NOW = Agency(("NOW GmbH", "NOW", "德国国家氢能与燃料电池技术组织", "Nationale Organisation Wasserstoff- und Brennstoffzellentechnologie",
              "National Organisation Hydrogen and Fuel Cell Technology"))
BMDV = Agency(("德意志联邦共和国联邦交通和数字基础设施部", "德国联邦交通和数字基础设施部", "BMVI",
               "Federal Ministry of Transport and Digital Infrastructure", "Bundesministerium für Verkehr und digitale Infrastruktur",
               "BMDV", "德国联邦数字化和交通部", "Federal Ministry for Digital and Transport", "Bundesministerium für Digitales und Verkehr",
               "BMV", "Federal Ministry of Transport", "Bundesministerium für Verkehr"))
JICA = Agency(("日本国际协力机构", "日本 JICA", "JICA", "Japan International Cooperation Agency", "独立行政法人国際協力機構", "国際協力機構"))
NRF = Agency(("韩国研究财团", "NRF", "National Research Foundation of Korea", "한국연구재단"))
KETEP = Agency(("能源企划评价院", "韩国能源技术评价院", "KETEP", "Korea Institute of Energy Technology Evaluation and Planning", "한국에너지기술평가원"))
MECSS = Agency(("蒙古教育文化科学体育部", "MECSS", "Ministry of Education, Culture, Science and Sports",
                "Ministry of Education, Culture, Science and Sports of Mongolia",
                "MES", "蒙古教育科学部", "Ministry of Education and Science of Mongolia"))
MHESR = Agency(("埃及高等教育与科学研究部", "MHESR", "Ministry of Higher Education and Scientific Research",
                "Ministry of Higher Education and Scientific Research of Egypt"))
STDF = Agency(("埃及科学技术发展基金", "STDF", "Science and Technology Development Fund",
               "STIFA", "Science, Technology & Innovation Funding Authority"))
MOSTI = Agency(("马来西亚科技创新部", "MOSTI", "Ministry of Science, Technology and Innovation", "Kementerian Sains, Teknologi dan Inovasi"))
SCST = Agency(("白俄罗斯共和国国家科学技术委员会", "白俄罗斯国家科学技术委员会", "SCST", "GKNT",
               "State Committee on Science and Technology of the Republic of Belarus", "State Committee on Science and Technology",
               "Государственный комитет по науке и технологиям Республики Беларусь"))
UZ_MID = Agency(("乌兹别克斯坦创新发展部", "乌兹别克斯坦共和国创新发展部", "Ministry of Innovative Development",
                 "Ministry of Innovative Development of the Republic of Uzbekistan", "O'zbekiston Respublikasi Innovatsion rivojlanish vazirligi"))

#: direction -> (partner country, agencies)
PARTNER_COUNTRY = {
    "spain": ("ES", (CDTI,)),
    "austria": ("AT", (OEAD, BMBWF)),
    "austria-industry": ("AT", (FFG, BMK)),
    "finland": ("FI", (BUSINESS_FINLAND,)),
    "germany": ("DE", (NOW, BMDV)),
    "japan-jica": ("JP", (JICA,)),
    "korea-industry": ("KR", (NRF,)),
    "korea": ("KR", (NRF,)),
    "mongolia": ("MN", (MECSS,)),
    "egypt": ("EG", (MHESR, STDF)),
    "malaysia": ("MY", (MOSTI,)),
    "belarus": ("BY", (SCST,)),
    "uzbekistan": ("UZ", (UZ_MID,)),
    "korea-energy": ("KR", (KETEP,)),
}

#: 其余金砖四国 (the BRICS members of 2022 other than China), checked against the shipped list.
OTHER_BRICS = frozenset({"BR", "RU", "IN", "ZA"})
if not OTHER_BRICS <= country_list("brics").countries:
    raise ValueError("most-2022: BR, RU, IN and ZA must be in the shipped BRICS list")

JOINT_LAB_BEFORE = dt.date(2021, 1, 1)

CN = Orgs(countries={"CN"})
CN_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
CN_RESEARCH = Orgs(kinds={"research_institute", "university"}, countries={"CN"})
FOREIGN_PARTNER = Orgs(roles={"foreign_partner"})


def _partner(country: str, kinds: set | None = None) -> Orgs:
    return Orgs(roles={"foreign_partner"}, countries={country}, kinds=kinds)


# ----------------------------------------------------------------------------- shared checks

def fields(topic: str, requirement: str = "MOST22-FIELDS") -> Check:
    return Check(requirement, FieldsWithin(FIELDS[topic], FIELD_ALIASES.get(topic, {})))


def budgets(topic: str) -> tuple[Check, Check]:
    return (
        Check("MOST22-DIRECTION-BUDGET", DirectionBudget(BUDGETS[topic], FIELD_ALIASES.get(topic, {}))),
        Check("MOST22-DIRECTION-AVERAGE", DirectionAverage(BUDGETS[topic], FIELD_ALIASES.get(topic, {}))),
    )


def dual(topic: str) -> Check:
    country, agencies = PARTNER_COUNTRY[topic]
    return Check("MOST22-DUAL", AllOf((ForeignSubmission(agencies), HasParty(_partner(country)))))


def ip(**options) -> Check:
    return Check("MOST22-IP", SignedAgreement(covers={"ip_ownership"} | set(options.pop("also", ())), parties=FOREIGN_PARTNER, purposes=None, **options))


GENERAL_DURATION = Check("MOST22-DURATION", DurationMonths(24, 36))
MAX3 = Check("MOST22-MAX3-DURATION", DurationMonths(maximum=36))
MATCHING = Check("MOST22-MATCHING", MatchingPerEnterprise(CN_ENTERPRISE))
BALANCE = (Check("MOST22-BALANCE", Balance()), Check("MOST22-BALANCE-RATIO", BalanceRatio()))


def topic(topic_id: str, title: str, title_en: str, *checks: Check) -> Topic:
    return Topic(CALL_ID, topic_id, title, title_en, schema=f"{CALL_ID}/{topic_id}.json", checks=checks)


# ----------------------------------------------------------------------------- 1.1 - 1.9

SPAIN = topic(
    "spain", "1.1 中国和西班牙政府间科技合作项目", "1.1 China-Spain intergovernmental S&T cooperation",
    GENERAL_DURATION, fields("spain"), *budgets("spain"), dual("spain"),
    Check("MOST22-ES-PARTNER", AllOf((
        HasParty(_partner("ES", {"enterprise"})),
        HasDocument("cofunding_commitment", about=_partner("ES", {"enterprise"})),
    ))),
    Check("MOST22-ES-FORM", HasDocument("english_application_form")),
    ip(kinds={"agreement", "memorandum"}),
)

FRANCE = topic(
    "france-joint-labs", "1.2 中国和法国联合实验室合作项目", "1.2 China-France joint laboratories",
    fields("france-joint-labs", "MOST22-FIELDS-OPEN"), *budgets("france-joint-labs"),
    ip(covers_any={"commercialization", "benefit_sharing"}, kinds={"agreement", "letter_of_intent", "memorandum"}),
    Check("MOST22-FR-LAB", JointLabAgreement(JOINT_LAB_BEFORE, _partner("FR"))),
    Check("MOST22-FR-DOCS", AllOf((
        HasDocument("french_government_support", issuer_kinds={"government", "institution"}, named_issuer=True),
        HasDocument("joint_lab_plan"),
    ))),
    Check("MOST22-FR-PARTNER", PartnersAre(_partner("FR"), Orgs(kinds={"research_institute", "university"}, countries={"FR"}), legal_entity=True, registered_years=3)),
    Check("MOST22-FR-DURATION", DurationMonths(36, 36)),
    Check("MOST22-FR-HISTORY", PriorCooperation(_partner("FR"))),
)

AUSTRIA = topic(
    "austria", "1.3 中国和奥地利政府间科技合作项目", "1.3 China-Austria intergovernmental S&T cooperation",
    fields("austria"), *budgets("austria"), dual("austria"), ip(), *BALANCE,
    Check("MOST22-AT-DURATION", DurationMonths(maximum=24)),
    MATCHING,
)

AUSTRIA_INDUSTRY = topic(
    "austria-industry", "1.4 中国和奥地利政府间产学研合作项目", "1.4 China-Austria intergovernmental industry-academia-research cooperation",
    fields("austria-industry"), *budgets("austria-industry"), dual("austria-industry"),
    ip(by_foreign_submission=True),
    Check("MOST22-BALANCE", Balance(budgets=True)), Check("MOST22-BALANCE-RATIO", BalanceRatio()),
    MATCHING,
    Check("MOST22-AT2-PARTNERS", AllOf((HasParty(CN_ENTERPRISE, include_applicant=True), HasParty(_partner("AT", {"enterprise"}))))),
    Check("MOST22-AT2-DURATION", DurationMonths(maximum=36)),
)

FINLAND = topic(
    "finland", "1.5 中国和芬兰政府间科技合作项目", "1.5 China-Finland intergovernmental S&T cooperation",
    fields("finland"), *budgets("finland"), dual("finland"), ip(also={"task_division"}), *BALANCE, MATCHING,
    Check("MOST22-FI-PARTNERS", AllOf((HasParty(CN, include_applicant=True), SideLedBy(Orgs(kinds={"enterprise"}, countries={"FI"}), marked=True)))),
    Check("MOST22-FI-FORM", HasDocument("bilateral_cooperation_form")),
    Check("MOST22-FI-DURATION", DurationMonths(maximum=36)),
)

GERMANY = topic(
    "germany", "1.6 中国和德国政府间科技合作项目", "1.6 China-Germany intergovernmental S&T cooperation",
    fields("germany"), *budgets("germany"), dual("germany"),
    Check("MOST22-DE-MATCHING", MatchingPerEnterprise(CN_ENTERPRISE)),
    Check("MOST22-DE-2PLUS2", AllOf((
        HasParty(CN_RESEARCH, include_applicant=True),
        HasParty(CN_ENTERPRISE, include_applicant=True),
        HasParty(_partner("DE", {"research_institute", "university"})),
        HasParty(_partner("DE", {"enterprise"})),
    ))),
    Check("MOST22-DE-AGREEMENT", SignedAgreement(
        covers={"contributions", "task_division", "ip_ownership"}, parties=FOREIGN_PARTNER, purposes=None,
        kinds={"agreement", "letter_of_intent", "memorandum"}, valid_on_submission=True,
    )),
    Check("MOST22-DE-DURATION", DurationMonths(24, 36)),
)

JAPAN = topic(
    "japan-jica", "1.7 中国科技部与日本国际协力机构（JICA）联合研究项目", "1.7 MOST-JICA joint research",
    GENERAL_DURATION, fields("japan-jica"), *budgets("japan-jica"), dual("japan-jica"),
    Check("MOST22-JP-PARTNER", PartnersAre(FOREIGN_PARTNER, Orgs(kinds={"enterprise"}, countries={"JP"}))),
)

KOREA_INDUSTRY = topic(
    "korea-industry", "1.8 中国和韩国政府间大型产学研联合研究项目", "1.8 China-Korea large industry-academia-research joint research",
    fields("korea-industry"), *budgets("korea-industry"), dual("korea-industry"), MAX3,
    Check("MOST22-KR1-ENTERPRISE", HasParty(Orgs(roles={"applicant", "domestic_partner"}, kinds={"enterprise"}, countries={"CN"}), include_applicant=True)),
)

KOREA = topic(
    "korea", "1.9 中国和韩国政府间联合研究项目", "1.9 China-Korea intergovernmental joint research",
    fields("korea"), *budgets("korea"), dual("korea"), MAX3,
)

# ----------------------------------------------------------------------------- 2.0 - 2.7

MONGOLIA = topic(
    "mongolia", "2.0 中国和蒙古政府间联合研究项目", "2.0 China-Mongolia intergovernmental joint research",
    GENERAL_DURATION, fields("mongolia"), *budgets("mongolia"), dual("mongolia"),
)

EGYPT = topic(
    "egypt", "2.1 中国和埃及政府间联合研究项目", "2.1 China-Egypt intergovernmental joint research",
    GENERAL_DURATION, fields("egypt"), *budgets("egypt"), dual("egypt"),
)

MALAYSIA = topic(
    "malaysia", "2.2 中国和马来西亚政府间科技合作项目", "2.2 China-Malaysia intergovernmental S&T cooperation",
    fields("malaysia"), *budgets("malaysia"), dual("malaysia"),
    Check("MOST22-MY-DURATION", DurationMonths(maximum=24)),
)

BELARUS = topic(
    "belarus", "2.3 中国和白俄罗斯政府间联合研发项目", "2.3 China-Belarus intergovernmental joint R&D",
    fields("belarus", "MOST22-FIELDS-OPEN"), *budgets("belarus"), dual("belarus"),
    Check("MOST22-BY-UZ-DURATION", DurationMonths(24, 24)),
)

UZBEKISTAN = topic(
    "uzbekistan", "2.4 中国和乌兹别克斯坦政府间联合研发项目", "2.4 China-Uzbekistan intergovernmental joint R&D",
    fields("uzbekistan"), *budgets("uzbekistan"), dual("uzbekistan"),
    Check("MOST22-BY-UZ-DURATION", DurationMonths(24, 24)),
)

BRICS = topic(
    "brics", "2.5 金砖国家合作项目", "2.5 BRICS cooperation",
    fields("brics"), *budgets("brics"), MAX3,
    Check("MOST22-BRICS-PARTNERS", PartnerCountries(FOREIGN_PARTNER, OTHER_BRICS, 2)),
    Check("MOST22-BRICS-FORM", HasDocument("brics_joint_application", reference=True)),
)

USA = topic(
    "usa", "2.6 中国和美国政府间合作项目", "2.6 China-US intergovernmental cooperation",
    GENERAL_DURATION, fields("usa"), *budgets("usa"),
    Check("MOST22-US-FEDERAL", AllOf((HasParty(_partner("US")), HasDocument("us_federal_funding", issuer_kinds={"government"}, issuer_levels={"national"}, about=_partner("US"))))),
    Check("MOST22-US-QUOTA", QuotaPerKey("recommended_by", 5)),
)

KOREA_ENERGY = topic(
    "korea-energy", "2.7 中国和韩国政府间能源技术联合研究项目", "2.7 China-Korea intergovernmental energy technology joint research",
    fields("korea-energy"), *budgets("korea-energy"), dual("korea-energy"), MAX3,
    Check("MOST22-KR3-LEAD", ApplicantIs(Orgs(kinds={"enterprise"}))),
)

# ----------------------------------------------------------------------------- sections of the guideline, clauses

#: the call's general rule before the directions (每个项目实施周期一般为 2~3 年), part of the section of
#: every direction that has no duration clause of its own
GENERAL = ("二、领域和方向", "1.1 中国和西班牙政府间科技合作项目")

#: where each direction's section of the guideline starts and ends (see ``appcheck.clauses``)
SECTIONS = {
    "spain": (("1.1 中国和西班牙政府间科技合作项目", "1.2 中国和法国联合实验室合作项目"),),
    "france-joint-labs": (("1.2 中国和法国联合实验室合作项目", "1.3 中国和奥地利政府间科技合作项目"),),
    "austria": (("1.3 中国和奥地利政府间科技合作项目", "1.4 中国和奥地利政府间产学研合作项目"),),
    "austria-industry": (("1.4 中国和奥地利政府间产学研合作项目", "1.5 中国和芬兰政府间科技合作项目"),),
    "finland": (("1.5 中国和芬兰政府间科技合作项目", "1.6 中国和德国政府间科技合作项目"),),
    "germany": (("1.6 中国和德国政府间科技合作项目", "1.7 中国科技部与日本国际协力机构（JICA）联合研究项目"),),
    "japan-jica": (GENERAL, ("1.7 中国科技部与日本国际协力机构（JICA）联合研究项目", "1.8 中国和韩国政府间大型产学研联合研究项目")),
    "korea-industry": (("1.8 中国和韩国政府间大型产学研联合研究项目", "1.9 中国和韩国政府间联合研究项目"),),
    "korea": (("1.9 中国和韩国政府间联合研究项目", "2.0 中国和蒙古政府间联合研究项目"),),
    "mongolia": (GENERAL, ("2.0 中国和蒙古政府间联合研究项目", "2.1 中国和埃及政府间联合研究项目")),
    "egypt": (GENERAL, ("2.1 中国和埃及政府间联合研究项目", "2.2 中国和马来西亚政府间科技合作项目")),
    "malaysia": (("2.2 中国和马来西亚政府间科技合作项目", "2.3 中国和白俄罗斯政府间联合研发项目"),),
    "belarus": (("2.3 中国和白俄罗斯政府间联合研发项目", "2.4 中国和乌兹别克斯坦政府间联合研发项目"),),
    "uzbekistan": (("2.4 中国和乌兹别克斯坦政府间联合研发项目", "2.5 金砖国家合作项目"),),
    "brics": (("2.5 金砖国家合作项目", "2.6 中国和美国政府间合作项目"),),
    "usa": (GENERAL, ("2.6 中国和美国政府间合作项目", "2.7 中国和韩国政府间能源技术联合研究项目")),
    "korea-energy": (("2.7 中国和韩国政府间能源技术联合研究项目", None),),
}

#: 拟支持项目数 and 共拟支持经费 as each direction words them (finland's two budget lines: its CLAUSES entry)
BUDGET_CLAUSES = {
    "spain": "拟支持项目数：不超过 15 个。共拟支持经费：4500 万元人民币",
    "france-joint-labs": "拟支持项目数：不超过 10 个。共拟支持经费：4000 万元人民币",
    "austria": "拟支持项目数：不超过 15 个。共拟支持经费：3000 万元人民币",
    "austria-industry": "拟支持项目数：不超过3个。共拟支持经费：1000万元人民币",
    "germany": "拟支持项目数：5 个。共拟支持经费：2000 万元人民币",
    "japan-jica": "拟支持项目数：20 个。共拟支持经费：6000 万元人民币",
    "korea-industry": "拟支持项目数：2 个（生物科技领域 1 个，信息通信领域 1 个）。共拟支持经费：1800 万元人民币",
    "korea": "拟支持项目数：6 个。共拟支持经费：600 万元人民币",
    "mongolia": "拟支持项目数：12 个。共拟支持经费：1800 万元人民币",
    "egypt": "拟支持项目数：10 个。共拟支持经费：2000 万元人民币",
    "malaysia": "拟支持项目数：8 个。共拟支持经费：2000 万元人民币",
    "belarus": "拟支持项目数: 35 个。共拟支持经费: 3500 万元人民币",
    "uzbekistan": "拟支持项目数：20 个。共拟支持经费：2000 万元人民币",
    "brics": "拟支持项目数：15 个。共拟支持经费：3000 万元人民币",
    "usa": "拟支持项目数：90 个项目左右。共拟支持经费：18000 万元人民币",
    "korea-energy": "拟支持项目数：2 个。共拟支持经费：1500 万元人民币",
}

#: the clauses written out where the contract's source has no fragment from the direction's own section,
#: or only names the clause (the budget lines: BUDGET_CLAUSES)
CLAUSES = {
    "spain": {"MOST22-DURATION": "项目执行期原则上为 2~3 年"},
    "france-joint-labs": {
        "MOST22-IP": "合作各方对未来知识产权归属和成果转化收益归属有明确约定或意向性约定，且符合我国法律法规中相关条款"
                     "（须附知识产权协议或意向性协议、备忘录、证明信或在中外合作协议中明确知识产权相关条款）",
    },
    "austria": {"MOST22-DUAL": "中奥合作伙伴需向各自主管部门申报"},
    "austria-industry": {
        "MOST22-DUAL": "项目合作双方须分别向本国的项目征集部门提交申报材料，单方申报项目无效",
        "MOST22-MATCHING": "中方申报单位中至少有一家企业，且企业应提供至少与其获得的政府资助等额的配套出资",
    },
    "finland": {
        "MOST22-DIRECTION-BUDGET": "能源领域拟支持不超过 5 个项目，总经费 2500 万元人民币；健康、可持续制造领域、智能和绿色出行领域拟支持不超过 10 个项目，总经费 3000 万元人民币",
        "MOST22-DIRECTION-AVERAGE": "能源领域拟支持不超过 5 个项目，总经费 2500 万元人民币；健康、可持续制造领域、智能和绿色出行领域拟支持不超过 10 个项目，总经费 3000 万元人民币",
        "MOST22-DUAL": "并分别向本国的项目征集部门提交申报材料,单方申报无效",
        "MOST22-IP": "中芬双方合作伙伴须明确参与各方在合作中的职责与分工,并签署明确的知识产权协议",
        "MOST22-MATCHING": "中方项目参与企业应提供至少与其获得政府资助等额的配套出资",
        "MOST22-FI-PARTNERS": "项目参与方须至少包括一家中方单位和一家芬方单位(芬方要求企业牵头,其他要求参见芬方指南)",
    },
    "germany": {"MOST22-DE-2PLUS2": "中德合作项目采取“2+2”合作模式，即中德双方各至少有一个科研机构和一个企业"},
    "japan-jica": {"MOST22-DUAL": "中日双方项目负责人共同确定研究项目，必须分别向科技部和日本 JICA 申报，单方申报项目无效"},
    "egypt": {"MOST22-DUAL": "项目合作双方须分别向本国的项目征集部门提交申报材料，单方申报项目无效"},
    "belarus": {"MOST22-DUAL": "中白双方合作单位需分别向本国科技主管部门进行申报, 单方申报无效"},
    "uzbekistan": {
        "MOST22-FIELDS": "领域方向:……",
        "MOST22-DUAL": "中乌双方合作单位需分别向本国科技主管部门进行申报，单方申报无效",
    },
}
for _direction, _wording in BUDGET_CLAUSES.items():
    CLAUSES.setdefault(_direction, {}).update({"MOST22-DIRECTION-BUDGET": _wording, "MOST22-DIRECTION-AVERAGE": _wording})

CALL = Call(
    CALL_ID, '国家重点研发计划"政府间国际科技创新合作"重点专项2022年度第一批项目申报指南',
    "National Key R&D Programme, intergovernmental international S&T innovation cooperation, 2022 first batch",
    topics=(SPAIN, FRANCE, AUSTRIA, AUSTRIA_INDUSTRY, FINLAND, GERMANY, JAPAN, KOREA_INDUSTRY, KOREA,
            MONGOLIA, EGYPT, MALAYSIA, BELARUS, UZBEKISTAN, BRICS, USA, KOREA_ENERGY),
    sections=SECTIONS, clauses=CLAUSES,
)
