"""Region / PartnerInRegion, PartnerInCountries, ForeignRDCenter and the Orgs rd_center filter."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appcheck.engine import normalize
from appcheck.rules.base import Context, run
from appcheck.rules.parties import HasParty, Orgs
from appcheck.rules.places import ForeignRDCenter, PartnerInCountries, PartnerInRegion, Region
from appcheck.topics._zhejiang import AKSU, FULING, HAIXI, MIDLANDS, NAGQU, SICHUAN, SICHUAN_CHONGQING, WANZHOU

FOREIGN = Orgs(roles={"foreign_partner"})


def outcome(rule, bundle: dict):
    return run(rule, Context(normalize(bundle), checked_on=dt.date(2025, 9, 1), call="t", topic="t"))


def status(rule, bundle: dict) -> str:
    return outcome(rule, bundle).status.value


def partner(country: str, subdivision: str | None = None, locality: str | None = None, role: str = "foreign_partner", **extra) -> dict:
    data = {"role": role, "id": "p1", "name": "P1", "kind": "enterprise", "country": country, **extra}
    if subdivision:
        data["subdivision"] = subdivision
    if locality:
        data["locality"] = locality
    return data


def bundle(*partners: dict) -> dict:
    return {"applicant": {"id": "lead", "kind": "enterprise", "country": "CN", "subdivision": "CN-ZJ"}, "partners": list(partners)}


MIDLANDS_RULE = PartnerInRegion(FOREIGN, MIDLANDS)

# ISO 3166-2:GB, checked against the standard: the eleven counties, the unitary authorities inside them,
# North / West Northamptonshire (2021) and Northamptonshire's former code GB-NTH.
MIDLANDS_CODES = ["GB-LIN", "GB-NLN", "GB-NEL", "GB-NTH", "GB-NNH", "GB-WNH", "GB-DBY", "GB-DER", "GB-NTT", "GB-NGM", "GB-LEC", "GB-LCE", "GB-RUT",
                  "GB-STS", "GB-STE", "GB-WAR", "GB-SHR", "GB-TFW", "GB-HEF", "GB-WOR"]


def test_the_midlands_codes_are_the_eleven_counties_and_their_unitary_authorities() -> None:
    from appcheck.topics import _zhejiang

    assert _zhejiang.MIDLANDS_CODES == frozenset(MIDLANDS_CODES)


@pytest.mark.parametrize("locality,names", [
    ("Leicester Square, London", ("Leicester Square, London", "Leicester Square", " London")),
    ("阿克苏地区、温宿县", ("阿克苏地区、温宿县", "阿克苏地区", "温宿县", "阿克苏地区", "阿克苏", "温宿县", "温宿")),
    ("阿克苏地区 温宿县", ("阿克苏地区 温宿县", "阿克苏地区", "温宿县", "阿克苏地区", "阿克苏", "温宿县", "温宿")),
    ("阿克苏地区温宿县", ("阿克苏地区温宿县", "阿克苏地区温宿县", "阿克苏地区", "阿克苏", "温宿县", "温宿")),
    ("乌鲁木齐市阿克苏路", ("乌鲁木齐市阿克苏路", "乌鲁木齐市阿克苏路", "乌鲁木齐市", "乌鲁木齐", "阿克苏路")),
    ("阿克苏路", ("阿克苏路", "阿克苏路", "阿克苏路")),
    ("West Northamptonshire", ("West Northamptonshire", "West", "Northamptonshire")),
])
def test_a_locality_is_read_as_whole_place_names(locality, names) -> None:
    from appcheck.rules.places import place_names

    assert place_names(locality) == names


@pytest.mark.parametrize("code", MIDLANDS_CODES)
def test_midlands_codes(code) -> None:
    assert status(MIDLANDS_RULE, bundle(partner("GB", code))) == "passed"


@pytest.mark.parametrize("code", ["GB-MAN", "GB-BIR", "GB-CAM", "GB-LND", "GB-NFK", "GB-ENG", "GB-WLS"])
def test_outside_the_midlands(code) -> None:
    result = outcome(MIDLANDS_RULE, bundle(partner("GB", code)))
    assert result.status.value == "failed" and code in result.message


@pytest.mark.parametrize("name", [
    "Lincolnshire", "north northamptonshire", "West Northamptonshire", "Northamptonshire", "DERBYSHIRE", "Derby", "Nottingham",
    "Leicester", "Rutland", "Stoke-on-Trent", "Stoke on Trent", "Telford and Wrekin", "Herefordshire", "Herfordshire",
    "Worcestershire", "Warwickshire", "Shropshire", "Staffordshire",
    "林肯郡", "北安普敦郡", "德比郡", "诺丁汉郡", "莱斯特郡", "拉特兰郡", "斯塔福德郡", "沃里克郡", "什罗普郡", "赫里福德郡", "伍斯特郡",
])
def test_midlands_names(name) -> None:
    assert status(MIDLANDS_RULE, bundle(partner("GB", "GB-ENG", name))) == "passed"
    assert status(MIDLANDS_RULE, bundle(partner("GB", None, name))) == "passed"


@pytest.mark.parametrize("subdivision", ["GB-ENG", "GB-EAW", "GB-GBN", "GB-UKM", None])
@pytest.mark.parametrize("locality,expected", [
    ("Leicester Square, London", "failed"),       # a square in London, not Leicester
    ("Leicester, Leicestershire", "passed"),
    ("Rocester, Staffordshire", "passed"),
    ("Derby Road, Nottingham", "passed"),           # Nottingham is a whole part
    ("Derby Road, Manchester", "failed"),
    ("Northamptonshire Street", "passed"),          # no comma: spaces separate the names
    ("Lincolnshire-on-Sea Road, Leeds", "failed"),
    ("Greater Manchester", "failed"),
])
def test_midlands_names_are_whole_place_names(subdivision, locality, expected) -> None:
    assert status(MIDLANDS_RULE, bundle(partner("GB", subdivision, locality))) == expected


@pytest.mark.parametrize("code", ["GB-MAN", "GB-LND", "GB-WLS", "GB-SCT", "GB-BIR"])
def test_a_code_outside_the_midlands_decides_whatever_the_locality(code) -> None:
    result = outcome(MIDLANDS_RULE, bundle(partner("GB", code, "Derby")))
    assert result.status.value == "failed"
    assert f"subdivision {code} is outside the region, so its locality is not read" in result.message_en


def test_a_name_inside_a_longer_name_is_pointed_out() -> None:
    result = outcome(PartnerInRegion(Orgs(roles={"local_partner"}), AKSU), bundle(partner("CN", "CN-XJ", "乌鲁木齐市阿克苏路", role="local_partner")))
    assert result.status.value == "failed"
    assert "only inside a longer name" in result.message_en and "阿克苏" in result.message_en
    assert "只在更长的地名中含有" in result.message


def test_midlands_needs_gb_and_a_foreign_partner() -> None:
    assert status(MIDLANDS_RULE, bundle(partner("US", "GB-DER"))) == "failed"
    assert status(MIDLANDS_RULE, bundle(partner("GB", "GB-DER", role="domestic_partner"))) == "failed"
    assert status(MIDLANDS_RULE, bundle(partner("GB", "GB-MAN", "Manchester"))) == "failed"
    assert status(MIDLANDS_RULE, bundle()) == "failed"


def test_missing_country_is_missing_input() -> None:
    data = partner("GB", "GB-DER")
    del data["country"]
    result = outcome(MIDLANDS_RULE, bundle(data))
    assert result.status.value == "failed" and result.segments == ("partners", 0, "country")


LOCAL = Orgs(roles={"local_partner"})


@pytest.mark.parametrize("region,subdivision,locality", [
    (AKSU, "CN-XJ", "阿克苏地区"), (AKSU, "CN-XJ", "新疆 阿克苏地区 温宿县"), (AKSU, "CN-XJ", "Aksu Prefecture"), (AKSU, "CN-XJ", "乌鲁木齐市, 阿克苏地区"),
    (AKSU, "CN-XJ", "新疆生产建设兵团第一师"), (AKSU, "CN-XJ", "兵团第一师"), (AKSU, "CN-XJ", "农一师"), (AKSU, "CN-XJ", "XPCC 1st Division"),
    (AKSU, "CN-XJ", "阿拉尔市"), (AKSU, "CN-XJ", "新疆阿克苏地区温宿县"), (NAGQU, "CN-XZ", "那曲市色尼区"),
    (NAGQU, "CN-XZ", "那曲市"), (NAGQU, "CN-XZ", "Nagqu"), (NAGQU, "CN-XZ", "那曲市、色尼区"), (NAGQU, "CN-XZ", "色尼区"),
    (HAIXI, "CN-QH", "海西蒙古族藏族自治州"), (HAIXI, "CN-QH", "海西州"), (HAIXI, "CN-QH", "Haixi"), (HAIXI, "CN-QH", "格尔木市"),
    (FULING, "CN-CQ", "涪陵区"), (FULING, "CN-CQ", "Fuling District"),
    (WANZHOU, "CN-CQ", "万州区"), (WANZHOU, "CN-CQ", "wanzhou"),
    (SICHUAN, "CN-SC", None), (SICHUAN, "CN-SC", "凉山州昭觉县"),
    (SICHUAN_CHONGQING, "CN-SC", None), (SICHUAN_CHONGQING, "CN-CQ", "万州区"), (SICHUAN_CHONGQING, "CN-CQ", "涪陵区"),
])
def test_counterpart_regions(region, subdivision, locality) -> None:
    assert status(PartnerInRegion(LOCAL, region), bundle(partner("CN", subdivision, locality, role="local_partner"))) == "passed"


@pytest.mark.parametrize("region,subdivision,locality", [
    (AKSU, "CN-XJ", "喀什地区"), (AKSU, "CN-XJ", None), (AKSU, "CN-ZJ", "阿克苏地区"),
    (AKSU, "CN-XJ", "乌鲁木齐市阿克苏路"), (AKSU, "CN-XJ", "Aksu Road, Urumqi City"),
    (HAIXI, "CN-QH", "西宁市海西路"),
    (NAGQU, "CN-XZ", "拉萨市"), (NAGQU, "CN-QH", "那曲市"),
    (HAIXI, "CN-QH", "西宁市"), (FULING, "CN-CQ", "万州区"), (WANZHOU, "CN-CQ", "涪陵区"), (WANZHOU, "CN-SC", "万州区"),
    (SICHUAN, "CN-CQ", "万州区"), (SICHUAN_CHONGQING, "CN-CQ", "渝中区"), (SICHUAN_CHONGQING, "CN-GZ", None),
])
def test_outside_counterpart_regions(region, subdivision, locality) -> None:
    assert status(PartnerInRegion(LOCAL, region), bundle(partner("CN", subdivision, locality, role="local_partner"))) == "failed"


# ----------------------------------------------------------------------------- Chinese addresses written run-together

@pytest.mark.parametrize("region,subdivision,locality", [
    (AKSU, "CN-XJ", "阿克苏地区温宿县"), (AKSU, "CN-XJ", "新疆阿克苏地区库车市"), (AKSU, "CN-XJ", "新疆维吾尔自治区阿克苏地区阿克苏市"),
    (AKSU, None, "新疆阿克苏温宿县"), (AKSU, "CN-XJ", "新疆生产建设兵团第一师阿拉尔市"), (AKSU, "CN-XJ", "阿克苏地区温宿县托乎拉路12号"),
    (AKSU, "CN-XJ", "中国新疆阿克苏地区沙雅县"), (AKSU, "CN-XJ", "阿克苏地区库车县"),
    (NAGQU, "CN-XZ", "西藏自治区那曲市色尼区"), (NAGQU, "CN-XZ", "西藏那曲地区安多县"), (NAGQU, None, "那曲市色尼区"),
    (HAIXI, "CN-QH", "青海省海西州格尔木市"), (HAIXI, "CN-QH", "青海省海西蒙古族藏族自治州德令哈市"), (HAIXI, "CN-QH", "海西州格尔木市昆仑路"),
    (FULING, "CN-CQ", "重庆市涪陵区李渡街道"), (FULING, "CN-CQ", "重庆涪陵区"), (FULING, "CN-CQ", "中国重庆市涪陵区"),
    (WANZHOU, "CN-CQ", "重庆市万州区"), (WANZHOU, "CN-CQ", "重庆市万州区高笋塘街道"),
    (SICHUAN, "CN-SC", "四川省泸州市江阳区"),
    (SICHUAN_CHONGQING, "CN-CQ", "重庆市万州区"), (SICHUAN_CHONGQING, "CN-CQ", "重庆市涪陵区"), (SICHUAN_CHONGQING, "CN-SC", "四川省凉山彝族自治州昭觉县"),
])
def test_a_run_together_address_is_read_as_its_place_names(region, subdivision, locality) -> None:
    assert status(PartnerInRegion(LOCAL, region), bundle(partner("CN", subdivision, locality, role="local_partner"))) == "passed"


@pytest.mark.parametrize("region,subdivision,locality", [
    (AKSU, "CN-XJ", "阿克苏路"), (AKSU, "CN-XJ", "乌鲁木齐市阿克苏路"), (AKSU, "CN-XJ", "乌鲁木齐市阿克苏东路"), (AKSU, "CN-XJ", "乌鲁木齐市阿克苏路街道"),
    (AKSU, None, "阿克苏市场"), (AKSU, "CN-XJ", "新疆生产建设兵团第二师铁门关市"), (AKSU, "CN-XJ", "新疆喀什地区疏附县"),
    (NAGQU, "CN-XZ", "那曲大道"), (NAGQU, "CN-XZ", "拉萨市那曲路"), (NAGQU, "CN-XZ", "西藏拉萨市城关区"),
    (HAIXI, "CN-QH", "西宁市海西路"), (HAIXI, "CN-QH", "青海省西宁市城东区"),
    (FULING, "CN-CQ", "涪陵饭店"), (FULING, "CN-CQ", "重庆市渝中区涪陵路"), (FULING, "CN-CQ", "重庆市万州区"),
    (WANZHOU, "CN-CQ", "重庆万州路"), (WANZHOU, "CN-CQ", "重庆市涪陵区"), (WANZHOU, "CN-CQ", "万州大厦"),
    (SICHUAN_CHONGQING, "CN-CQ", "重庆市渝中区万州路"),
])
def test_a_street_or_building_named_after_a_place_is_not_that_place(region, subdivision, locality) -> None:
    assert status(PartnerInRegion(LOCAL, region), bundle(partner("CN", subdivision, locality, role="local_partner"))) == "failed"


@pytest.mark.parametrize("run,names", [
    ("阿克苏地区温宿县", ("阿克苏地区", "温宿县")),
    ("乌鲁木齐市阿克苏路", ("乌鲁木齐市", "阿克苏路")),
    ("青海省海西州格尔木市", ("青海省", "海西州", "格尔木市")),
    ("新疆阿克苏地区库车市", ("新疆", "阿克苏地区", "库车市")),
    ("四川省泸州市江阳区", ("四川省", "泸州市", "江阳区")),          # 州 is part of 泸州
    ("广西梧州市万秀区", ("广西", "梧州市", "万秀区")),
    ("济南市市中区", ("济南市", "市中区")),                        # 市 begins 市中区
    ("河南省新乡市红旗区", ("河南省", "新乡市", "红旗区")),
    ("重庆市万州区", ("重庆市", "万州区")),
    ("重庆万州路", ("重庆", "万州路")),
    ("内蒙古自治区锡林郭勒盟锡林浩特市", ("内蒙古自治区", "锡林郭勒盟", "锡林浩特市")),
    ("江苏省镇江市", ("江苏省", "镇江市")),                        # 镇 begins 镇江
    ("阿克苏市场", ("阿克苏市场",)),
    ("涪陵饭店", ("涪陵饭店",)),
])
def test_a_run_of_chinese_is_split_after_each_division_suffix(run, names) -> None:
    from appcheck.rules.places import segment_run

    assert segment_run(run, AKSU.names + WANZHOU.names + FULING.names + HAIXI.names) == names


_HAN_NAMES = {
    region.name_en: tuple(name for name in region.names if all("\u4e00" <= ch <= "\u9fff" for ch in name))
    for region in (AKSU, NAGQU, HAIXI, FULING, WANZHOU)
}
_REGION = {region.name_en: region for region in (AKSU, NAGQU, HAIXI, FULING, WANZHOU)}
_PROVINCE_PREFIXES = ("", "中国", "新疆", "新疆维吾尔自治区", "西藏", "西藏自治区", "青海省", "青海", "重庆市", "重庆")
_SUFFIXES = ("市", "地区", "州", "自治州", "县", "区", "盟", "旗")
_COUNTIES = ("温宿县", "色尼区", "格尔木市", "李渡街道", "城关镇", "某某乡", "某某县", "库车市", "")
_OUTSIDE_CITIES = ("乌鲁木齐市", "拉萨市", "西宁市", "杭州市", "成都市", "重庆市渝中区")
_STREETS = ("路", "东路", "大道", "大街", "街", "巷", "饭店", "大厦", "广场", "宾馆")


@settings(max_examples=300, deadline=None)
@given(region=st.sampled_from(sorted(_HAN_NAMES)), data=st.data(), province=st.sampled_from(_PROVINCE_PREFIXES),
       county=st.sampled_from(_COUNTIES))
def test_any_listed_name_with_any_division_suffix_is_that_place(region, data, province, county) -> None:
    name = data.draw(st.sampled_from(_HAN_NAMES[region]))
    from appcheck.rules.places import COUNTY_SUFFIXES, TOWN_SUFFIXES

    bare = not name.endswith(COUNTY_SUFFIXES + TOWN_SUFFIXES)
    suffix = data.draw(st.sampled_from(_SUFFIXES)) if bare else ""
    locality = f"{province}{name}{suffix}{county}"
    assert status(PartnerInRegion(LOCAL, _REGION[region]), bundle(partner("CN", None, locality, role="local_partner"))) == "passed", locality


@settings(max_examples=300, deadline=None)
@given(region=st.sampled_from(sorted(_HAN_NAMES)), data=st.data(), city=st.sampled_from(_OUTSIDE_CITIES), street=st.sampled_from(_STREETS))
def test_a_street_named_after_any_listed_name_is_not_that_place(region, data, city, street) -> None:
    name = data.draw(st.sampled_from(_HAN_NAMES[region]))
    for locality in (f"{city}{name}{street}", f"{name}{street}"):
        assert status(PartnerInRegion(LOCAL, _REGION[region]), bundle(partner("CN", None, locality, role="local_partner"))) == "failed", locality


def test_region_parameters() -> None:
    with pytest.raises(ValueError):
        Region("x", "x", "CN")
    with pytest.raises(ValueError):
        Region("x", "x", "CN", names=("  ",))
    zh, en = MIDLANDS_RULE.describe()
    assert "GB-DER" in zh and "Midlands" in en


BELT_AND_ROAD = PartnerInCountries(FOREIGN, lists=("belt_and_road",))
US_EUROPE = PartnerInCountries(FOREIGN, countries={"US"}, lists=("europe",), review_others=True)
BRICS = PartnerInCountries(FOREIGN, lists=("brics",), exclude={"CN"}, review_countries={"SA"})


@pytest.mark.parametrize("rule,country,expected", [
    (BELT_AND_ROAD, "KZ", "passed"), (BELT_AND_ROAD, "PK", "passed"), (BELT_AND_ROAD, "JP", "failed"), (BELT_AND_ROAD, "US", "failed"),
    (US_EUROPE, "US", "passed"), (US_EUROPE, "DE", "passed"), (US_EUROPE, "GB", "passed"), (US_EUROPE, "CA", "needs_review"),
    (US_EUROPE, "JP", "needs_review"),
    (BRICS, "BR", "passed"), (BRICS, "ZA", "passed"), (BRICS, "ID", "passed"), (BRICS, "SA", "needs_review"), (BRICS, "CN", "failed"),
    (BRICS, "JP", "failed"),
])
def test_country_lists(rule, country, expected) -> None:
    assert status(rule, bundle(partner(country))) == expected


def test_country_lists_pick_the_best_partner_and_need_one() -> None:
    second = dict(partner("KZ"), id="p2")
    assert status(BELT_AND_ROAD, bundle(partner("JP"), second)) == "passed"
    assert status(BELT_AND_ROAD, bundle()) == "failed"
    assert status(BELT_AND_ROAD, bundle(partner("KZ", role="domestic_partner"))) == "failed"
    assert status(US_EUROPE, bundle(partner("CN", role="domestic_partner"))) == "failed"
    with pytest.raises(ValueError):
        PartnerInCountries(FOREIGN)
    with pytest.raises(FileNotFoundError):
        PartnerInCountries(FOREIGN, lists=("no_such_list",))


def center(**changes) -> dict:
    data = partner("CN", "CN-ZJ", role="domestic_partner", kind="research_institute",
                   foreign_rd_center={"parent_company": "Siemens AG", "parent_country": "DE", "parent_in_global_500": True})
    data["foreign_rd_center"].update({k: v for k, v in changes.items() if k.startswith("parent")})
    data.update({k: v for k, v in changes.items() if not k.startswith("parent")})
    return data


def test_foreign_rd_center() -> None:
    assert status(ForeignRDCenter(), bundle(center())) == "passed"
    assert status(ForeignRDCenter(), bundle(center(parent_in_global_500=False))) == "failed"
    assert status(ForeignRDCenter(), bundle(center(parent_country="CN"))) == "failed"
    assert status(ForeignRDCenter(), bundle(center(country="DE"))) == "failed"
    assert status(ForeignRDCenter(), bundle(center(parent_country="HK"))) == "passed"
    assert status(ForeignRDCenter(), bundle(partner("CN", "CN-ZJ", role="domestic_partner"))) == "failed"
    assert status(ForeignRDCenter(), bundle()) == "failed"
    broken = center()
    del broken["foreign_rd_center"]["parent_in_global_500"]
    result = outcome(ForeignRDCenter(), bundle(broken))
    assert result.status.value == "failed" and result.segments[-1] == "parent_in_global_500"


def test_orgs_rd_center_filter() -> None:
    assert status(HasParty(Orgs(rd_center=True)), bundle(center())) == "passed"
    assert status(HasParty(Orgs(rd_center=True)), bundle(partner("DE"))) == "failed"
    assert status(HasParty(Orgs(rd_center=False)), bundle(partner("DE"))) == "passed"
    assert "外资研发机构" in Orgs(rd_center=True).describe()[0]
    assert Orgs().describe() == Orgs(rd_center=None).describe()


def test_country_list_missing_country_is_missing_input() -> None:
    data = partner("KZ")
    del data["country"]
    result = outcome(BELT_AND_ROAD, bundle(data))
    assert result.status.value == "failed" and result.segments == ("partners", 0, "country")


@pytest.mark.parametrize("subdivision", [[], {}, 3, None])
def test_malformed_subdivision_does_not_crash(subdivision) -> None:
    data = partner("CN", None, "阿克苏地区", role="local_partner")
    data["subdivision"] = subdivision
    assert status(PartnerInRegion(LOCAL, AKSU), bundle(data)) == "failed"
    data["locality"] = ["阿克苏地区"]
    assert status(PartnerInRegion(LOCAL, AKSU), bundle(data)) == "failed"
