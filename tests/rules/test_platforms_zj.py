"""PlatformHost, OverseasCoBuilder, ByPlatformName, CarriedByPlatform."""

from __future__ import annotations

import datetime as dt

import pytest

from appcheck.engine import normalize
from appcheck.rules.base import Context, run
from appcheck.rules.parties import HasParty, Orgs, PartnerInCountries
from appcheck.rules.platforms import ByPlatformName, CarriedByPlatform, Carrier, OverseasCoBuilder, PlatformHost

LAB = "中国-葡萄牙先进材料“一带一路”联合实验室"
CARRIERS = PlatformHost(carriers=(Carrier("most_base"), Carrier("provincial_joint_lab", 2024, "excellent"), Carrier("provincial_base", 2023, "excellent")))
NAMED = PlatformHost(names=(LAB, "中国-巴基斯坦小型水电技术“一带一路”联合实验室"))


def outcome(rule, data: dict):
    return run(rule, Context(normalize(data), checked_on=dt.date(2025, 9, 1), call="t", topic="t"))


def status(rule, data: dict) -> str:
    return outcome(rule, data).status.value


def bundle(platform: dict | None = None, partner_country: str = "PT", **applicant) -> dict:
    data = {
        "applicant": {"id": "lead", "name": "浙江某大学", "kind": "university", "country": "CN", "subdivision": "CN-ZJ", **applicant},
        "partners": [{"role": "foreign_partner", "id": "ulisboa", "name": "Universidade de Lisboa", "kind": "university", "country": partner_country}],
    }
    if platform is not None:
        data["platform"] = {"name": LAB, "type": "belt_and_road_lab", "host": "lead", "overseas_co_builder": "ulisboa", **platform}
    return data


def test_named_platforms() -> None:
    assert status(NAMED, bundle({})) == "passed"
    assert status(NAMED, bundle({"name": '中国-葡萄牙先进材料"一带一路"联合实验室'})) == "passed"  # ASCII quotes
    assert status(NAMED, bundle({"name": "中国-葡萄牙先进材料一带一路联合实验室"})) == "passed"
    assert status(NAMED, bundle({"name": "中国-西班牙先进材料“一带一路”联合实验室"})) == "failed"
    assert status(NAMED, bundle({"host": "ulisboa"})) == "failed"
    assert status(NAMED, bundle({}, subdivision="CN-JS")) == "failed"
    assert status(NAMED, bundle(None)) == "failed"


@pytest.mark.parametrize("platform,expected", [
    ({"type": "most_base"}, "passed"),
    ({"type": "provincial_joint_lab", "evaluation": {"year": 2024, "grade": "excellent"}}, "passed"),
    ({"type": "provincial_joint_lab", "evaluation": {"year": 2024, "grade": "good"}}, "failed"),
    ({"type": "provincial_joint_lab", "evaluation": {"year": 2023, "grade": "excellent"}}, "failed"),
    ({"type": "provincial_joint_lab"}, "failed"),
    ({"type": "provincial_base", "evaluation": {"year": 2023, "grade": "excellent"}}, "passed"),
    ({"type": "provincial_base", "evaluation": {"year": 2024, "grade": "excellent"}}, "failed"),
    ({"type": "other_base"}, "failed"),
    ({"type": "head_of_state_center"}, "failed"),
])
def test_carriers(platform, expected) -> None:
    assert status(CARRIERS, bundle(platform)) == expected


def test_carrier_message_has_year_and_grade() -> None:
    result = outcome(CARRIERS, bundle({"type": "provincial_joint_lab", "evaluation": {"year": 2024, "grade": "good"}}))
    assert "2024" in result.message and "good" in result.message_en and result.segments == ("platform", "evaluation")


def test_host_parameters() -> None:
    with pytest.raises(ValueError):
        PlatformHost()
    with pytest.raises(ValueError):
        PlatformHost(names=("x",), carriers=(Carrier("most_base"),))
    with pytest.raises(ValueError):
        Carrier("castle")


LAB_COUNTRIES = {LAB: "PT"}


def test_co_builder() -> None:
    rule = OverseasCoBuilder(countries=LAB_COUNTRIES)
    assert status(rule, bundle({})) == "passed"
    assert status(rule, bundle({}, partner_country="ES")) == "failed"
    assert status(rule, bundle({"overseas_co_builder": "lead"})) == "failed"
    assert status(rule, bundle({"overseas_co_builder": "nobody"})) == "failed"
    assert status(rule, bundle({}, partner_country="CN")) == "failed"
    assert status(rule, bundle({"name": "某某联合实验室"})) == "needs_review"
    data = bundle({})
    del data["platform"]["overseas_co_builder"]
    assert status(rule, data) == "failed"


def test_co_builder_only_for_some_types() -> None:
    rule = OverseasCoBuilder(types={"provincial_joint_lab"})
    data = bundle({"type": "most_base"})
    del data["platform"]["overseas_co_builder"]
    assert status(rule, data) == "passed"
    data["platform"]["type"] = "provincial_joint_lab"
    assert status(rule, data) == "failed"
    data["platform"]["overseas_co_builder"] = "ulisboa"
    assert status(rule, data) == "passed"
    assert status(rule, bundle({}, partner_country="HK") | {"platform": dict(data["platform"])}) == "passed"


def test_by_platform_name() -> None:
    rule = ByPlatformName({LAB: PartnerInCountries(Orgs(roles={"foreign_partner"}), countries={"PT"})}, HasParty(Orgs(roles={"foreign_partner"})))
    assert status(rule, bundle({})) == "passed"
    assert status(rule, bundle({}, partner_country="ES")) == "failed"
    assert status(rule, bundle({"name": "另一个平台"}, partner_country="ES")) == "passed"
    assert status(rule, bundle(None)) == "failed"
    strict = ByPlatformName({LAB: HasParty(Orgs())})
    assert status(strict, bundle({"name": "另一个平台"})) == "failed"
    assert LAB in rule.describe()[0]


def test_carried_by_platform() -> None:
    assert status(CarriedByPlatform(), bundle({})) == "passed"
    assert status(CarriedByPlatform(), bundle(None)) == "failed"
    data = bundle({})
    del data["platform"]["type"]
    assert status(CarriedByPlatform(), data) == "failed"
