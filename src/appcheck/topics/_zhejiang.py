"""Tables shared by the Zhejiang calls (zj-2022, zj-2025, zj-2026): foreign agencies, regions, fields.

Not a call module (it defines no ``CALL``). Names are the guidelines' own, plus the agencies' official
names; matching folds case, spaces and punctuation.

UK Midlands Engine: the eleven ceremonial counties the guidelines list, by ISO 3166-2:GB code and by
English and Chinese name, with the unitary authorities inside them (North Lincolnshire GB-NLN and North
East Lincolnshire GB-NEL, Derby GB-DER, Nottingham GB-NGM, Leicester GB-LCE, Stoke-on-Trent GB-STE,
Telford and Wrekin GB-TFW; Rutland, Herefordshire and Worcestershire's and Warwickshire's codes are
their own) and Northamptonshire's 2021
successors North Northamptonshire (GB-NNH) and West Northamptonshire (GB-WNH). GB-NTH, the code of
Northamptonshire until its abolition in 2021, is accepted too (older registry data still carry it).
zj-2025 spells Herefordshire "Herfordshire"; both spellings are accepted.

Places (catalogue Revision 2): a given ISO 3166-2 code decides. A code of the region places a partner
there; any other code places it outside, whatever the locality says, except the codes that enclose the
region (GB-ENG, GB-EAW, GB-GBN, GB-UKM for the Midlands; the province for a Chinese prefecture), where
the locality decides, as it does when no code is given. Locality names match as whole place names: the
whole locality, or one of its parts separated by commas or 、 (by spaces where it has neither), equal
to a listed name after folding case, width, spaces and punctuation; never a substring of a longer name
(``Leicester Square, London`` is not Leicester, ``乌鲁木齐市阿克苏路`` is not 阿克苏). Chinese written
run-together is read as the administrative place names it is made of (``parties.place_names``):
``新疆阿克苏地区温宿县`` is 新疆, 阿克苏地区 and 温宿县; ``乌鲁木齐市阿克苏路`` is 乌鲁木齐市 and a street.
Reading spaces as separators only where there are no commas keeps ``Leicester Square`` one name in
``Leicester Square, London``; a bare ``Leicester Square`` is read as Leicester and Square.

Counterpart regions: China's prefectures and districts have no ISO 3166-2 code, so a partner is placed
by ``subdivision`` (the province: CN-XJ, CN-XZ, CN-QH, CN-CQ) and by ``locality`` naming one of the
region's places in Chinese or pinyin (阿克苏地区, 兵团第一师 / 农一师 / XPCC 1st Division, 那曲市 /
Nagqu, 海西州 / Haixi, 涪陵区 / Fuling, 万州区 / Wanzhou), the counties and cities of the prefecture
included (温宿县, 库车市, 阿拉尔市, 色尼区, 格尔木市, 德令哈市 ...). Sichuan's 68 counties are not listed
in the guidelines: any Sichuan (CN-SC) partner qualifies.
"""

from __future__ import annotations

import re

from ..rules.parties import Orgs
from ..rules.places import Region
from ..rules.submission import Agency

# ----------------------------------------------------------------------------- foreign agencies

BUSINESS_FINLAND = Agency(("芬兰国家商务促进局", "芬兰商务促进局", "Business Finland"))
FFG = Agency(("奥地利国家科研促进署", "奥地利研究促进署", "FFG", "Austrian Research Promotion Agency", "Österreichische Forschungsförderungsgesellschaft"))
INNOVATION_ISRAEL = Agency(("以色列创新署", "Innovation Israel", "Israel Innovation Authority"))
TACR = Agency(("捷克共和国技术局", "捷克技术署", "TACR", "TA ČR", "Technology Agency of the Czech Republic", "Technologická agentura České republiky"))
INNOVATION_NORWAY = Agency(("挪威创新署", "Innovation Norway", "Innovasjon Norge"))
WEST_FLANDERS = Agency(("比利时西弗兰德省政府", "西弗兰德省政府", "Province of West Flanders", "Provincie West-Vlaanderen"))
ENTERPRISE_SINGAPORE = Agency(("新加坡企业发展局", "Enterprise Singapore", "EnterpriseSG"))
NIA_THAILAND = Agency(("泰国国家创新署", "National Innovation Agency", "National Innovation Agency of Thailand", "NIA", "สำนักงานนวัตกรรมแห่งชาติ"))

# ----------------------------------------------------------------------------- organizations

ZJ = {"CN-ZJ"}
ZJ_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"}, subdivisions=ZJ)
FOREIGN_PARTNER = Orgs(roles={"foreign_partner"})
RD_CENTER = Orgs(rd_center=True)
#: 长三角 outside Zhejiang: Shanghai, Jiangsu, Anhui
YRD_PARTNER = Orgs(roles={"domestic_partner"}, countries={"CN"}, subdivisions={"CN-SH", "CN-JS", "CN-AH"})


def foreign_enterprise(country: str, subdivision: str | None = None) -> Orgs:
    """The foreign side's lead for a track: an enterprise in the track's country (and subdivision)."""
    return Orgs(kinds={"enterprise"}, countries={country}, subdivisions={subdivision} if subdivision else None)


def foreign_partner_in(country: str, subdivision: str | None = None) -> Orgs:
    return Orgs(roles={"foreign_partner"}, countries={country}, subdivisions={subdivision} if subdivision else None)


# ----------------------------------------------------------------------------- regions

#: ISO 3166-2:GB codes of the Midlands Engine counties and the unitary authorities inside them
MIDLANDS_CODES = frozenset({
    "GB-LIN", "GB-NLN", "GB-NEL",   # Lincolnshire, North Lincolnshire, North East Lincolnshire
    "GB-NNH", "GB-WNH", "GB-NTH",   # North / West Northamptonshire (2021); Northamptonshire before 2021
    "GB-DBY", "GB-DER",             # Derbyshire, Derby
    "GB-NTT", "GB-NGM",             # Nottinghamshire, Nottingham
    "GB-LEC", "GB-LCE",             # Leicestershire, Leicester
    "GB-RUT",                       # Rutland
    "GB-STS", "GB-STE",             # Staffordshire, Stoke-on-Trent
    "GB-WAR",                       # Warwickshire
    "GB-SHR", "GB-TFW",             # Shropshire, Telford and Wrekin
    "GB-HEF",                       # Herefordshire
    "GB-WOR",                       # Worcestershire
})
MIDLANDS_NAMES = (
    "Lincolnshire", "林肯郡", "North Lincolnshire", "北林肯郡", "North East Lincolnshire", "东北林肯郡",
    "Northamptonshire", "北安普敦郡", "North Northamptonshire", "北北安普敦郡", "West Northamptonshire", "西北安普敦郡",
    "Derbyshire", "德比郡", "Derby", "德比",
    "Nottinghamshire", "诺丁汉郡", "Nottingham", "诺丁汉",
    "Leicestershire", "莱斯特郡", "Leicester", "莱斯特",
    "Rutland", "拉特兰郡",
    "Staffordshire", "斯塔福德郡", "Stoke-on-Trent", "特伦特河畔斯托克", "斯托克",
    "Warwickshire", "沃里克郡",
    "Shropshire", "什罗普郡", "Telford and Wrekin", "特尔福德-雷金", "特尔福德",
    "Herefordshire", "Herfordshire", "赫里福德郡",
    "Worcestershire", "伍斯特郡",
)
#: the codes that enclose the Midlands (England; England and Wales; Great Britain; the United Kingdom):
#: with one of them, or none, the locality decides
MIDLANDS_ENCLOSING = frozenset({"GB-ENG", "GB-EAW", "GB-GBN", "GB-UKM"})
MIDLANDS = Region("英国中部引擎地区（11个郡）", "the UK Midlands Engine area (11 counties)", "GB", MIDLANDS_CODES, MIDLANDS_NAMES, within=MIDLANDS_ENCLOSING)

AKSU_NAMES = (
    "阿克苏地区", "阿克苏", "Aksu", "Akesu",
    "新疆生产建设兵团第一师", "新疆建设兵团农一师", "兵团第一师", "农一师", "第一师", "XPCC 1st Division", "XPCC First Division", "1st Division", "First Division",
    "阿拉尔市", "阿拉尔", "Alar", "Aral",
    "库车", "Kuqa", "Kuche", "温宿", "Wensu", "沙雅", "Shaya", "新和", "Xinhe", "拜城", "Baicheng", "乌什", "Wushi", "Uqturpan",
    "阿瓦提", "Awati", "柯坪", "Kalpin", "Keping",
    "阿克苏市", "库车市", "库车县", "温宿县", "沙雅县", "新和县", "拜城县", "乌什县", "阿瓦提县", "柯坪县",
)
NAGQU_NAMES = (
    "那曲市", "那曲地区", "那曲", "Nagqu", "Naqu", "Nakchu",
    "色尼区", "Seni", "嘉黎", "Lhari", "比如县", "Biru", "聂荣", "Nyainrong", "安多县", "申扎", "Xainza", "索县",
    "班戈", "Baingoin", "巴青", "Baqen", "尼玛县", "Nyima", "双湖", "Shuanghu",
    "嘉黎县", "聂荣县", "申扎县", "班戈县", "巴青县", "双湖县",
)
HAIXI_NAMES = (
    "海西蒙古族藏族自治州", "海西州", "海西", "Haixi",
    "德令哈", "Delingha", "格尔木", "Golmud", "Ge'ermu", "茫崖", "Mangnai", "Mangya", "乌兰县", "都兰", "Dulan", "天峻", "Tianjun",
    "大柴旦", "Da Qaidam", "Dachaidan",
    "德令哈市", "格尔木市", "茫崖市", "都兰县", "天峻县", "大柴旦行政委员会", "大柴旦行委",
)
FULING_NAMES = ("涪陵区", "涪陵", "Fuling")
WANZHOU_NAMES = ("万州区", "万州", "Wanzhou")

AKSU = Region("新疆阿克苏地区（含兵团第一师）", "Aksu prefecture, Xinjiang (XPCC 1st Division included)", "CN", names=AKSU_NAMES, within={"CN-XJ"})
NAGQU = Region("西藏那曲市", "Nagqu, Tibet", "CN", names=NAGQU_NAMES, within={"CN-XZ"})
HAIXI = Region("青海海西州", "Haixi prefecture, Qinghai", "CN", names=HAIXI_NAMES, within={"CN-QH"})
FULING = Region("重庆涪陵区", "Fuling district, Chongqing", "CN", names=FULING_NAMES, within={"CN-CQ"})
WANZHOU = Region("重庆万州区", "Wanzhou district, Chongqing", "CN", names=WANZHOU_NAMES, within={"CN-CQ"})
SICHUAN = Region("四川省（68县）", "Sichuan (its 68 counties)", "CN", codes={"CN-SC"})
SICHUAN_CHONGQING = Region(
    "四川（CN-SC）或重庆万州区、涪陵区", "Sichuan (CN-SC) or Wanzhou / Fuling, Chongqing", "CN",
    codes={"CN-SC"}, names=WANZHOU_NAMES + FULING_NAMES, within={"CN-CQ"},
)

# ----------------------------------------------------------------------------- fields

_SPLIT = re.compile(r"[、及]")

#: spellings that differ between guideline texts; each group maps onto the one member a track lists
FIELD_SYNONYMS = (
    ("信息通讯", "信息通信", "信息和通讯技术", "信息通讯技术", "信息通信技术", "ICT"),
    ("绿色低碳", "绿色低碳技术"),
    ("生物医药", "生物制药"),
    ("与碳中和相关的绿色技术", "碳中和相关绿色技术", "绿色技术"),
    ("碳中和和绿色技术", "碳中和", "绿色技术"),
    ("医疗器械和水处理", "医疗器械", "水处理"),
    ("生物融合和气候技术", "生物融合", "气候技术"),
    ("环境保护和可持续发展", "环境保护", "可持续发展"),
    ("生命科学和健康科技", "生命科学", "健康科技"),
    ("材料和纳米技术", "纳米技术"),
    ("智慧能源系统", "智慧能源"),
    ("人工智能", "AI"),
)


def split_fields(text: str) -> tuple[str, ...]:
    """The guideline's field list split at 、 and 及, verbatim otherwise."""
    return tuple(part.strip() for part in _SPLIT.split(text) if part.strip())


def field_aliases(labels: tuple[str, ...]) -> dict[str, str]:
    """Aliases for a track's labels: every other member of a synonym group that names exactly one label."""
    aliases: dict[str, str] = {}
    for group in FIELD_SYNONYMS:
        listed = [name for name in group if name in labels]
        if len(listed) != 1:
            continue
        for name in group:
            if name not in labels:
                aliases.setdefault(name, listed[0])
    return aliases
