"""PlatformHost, OverseasCoBuilder, ByPlatformName, CarriedByPlatform."""

from __future__ import annotations

import datetime as dt

import pytest

from appcheck.engine import normalize
from appcheck.rules.base import Context, run
from appcheck.rules.funding import SubsidyBounds
from appcheck.rules.parties import HasParty, Orgs
from appcheck.rules.places import PartnerInCountries
from appcheck.rules.platforms import ByPlatformName, CarriedByPlatform, Carrier, OverseasCoBuilder, PlatformHost, same_name

from .helpers import org
from .helpers import outcome as outcome_of
from .messages.platforms import BUILDER, BY_NAME, CARRIED, hosted
from .messages.platforms import NAMED as NAMED_HOST

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


# ------------------------------------------------------------------ parameters and helpers

def test_platform_names_compare_folded() -> None:
    assert same_name("“一带一路”联合实验室", '"一带一路" 联合实验室') and not same_name("深海中心", "深海研究中心")


def test_carriers_accept_the_type_evaluation_year_and_grade_they_name() -> None:
    assert Carrier("most_base").text() == ("科技部国际科技合作基地", "a MOST international cooperation base")
    lab_ = Carrier("provincial_joint_lab", 2024, "excellent")
    assert lab_.accepts({"type": "provincial_joint_lab", "evaluation": {"year": 2024, "grade": "excellent"}})
    assert not lab_.accepts({"type": "provincial_joint_lab", "evaluation": {"year": 2023, "grade": "excellent"}})
    assert not lab_.accepts({"type": "provincial_joint_lab", "evaluation": [2024, "excellent"]})
    assert not lab_.accepts({"type": "most_base", "evaluation": {"year": 2024, "grade": "excellent"}})
    assert Carrier("most_base").accepts({"type": "most_base"}) and not Carrier("most_base").accepts({})
    for bad in ({"type": "castle"}, {"type": "most_base", "grade": "superb"}):
        with pytest.raises(ValueError):
            Carrier(**bad)


def test_platform_host_parameters() -> None:
    with pytest.raises(ValueError, match="^PlatformHost needs either names or carriers$"):
        PlatformHost()
    with pytest.raises(ValueError, match="^PlatformHost needs either names or carriers$"):
        PlatformHost(names=("a",), carriers=(Carrier("most_base"),))
    for bad in ({"names": ("",)}, {"names": (" - ",)}, {"names": (3,)}, {"carriers": ("most_base",)}):
        with pytest.raises(ValueError, match="^PlatformHost: names must be non-empty strings, carriers Carrier values$"):
            PlatformHost(**bad)
    assert (NAMED_HOST.country, NAMED_HOST.subdivision) == ("CN", "CN-ZJ")
    assert OverseasCoBuilder().types is None and OverseasCoBuilder().countries == ()
    with pytest.raises(ValueError):
        ByPlatformName({})
    assert ByPlatformName({"a": SubsidyBounds(maximum=1)}).otherwise is None


def test_platform_inputs_are_required() -> None:
    assert outcome_of(NAMED_HOST, {"applicant": org("lead", subdivision="CN-ZJ")}).segments == ("platform",)
    assert outcome_of(CARRIED, hosted({"name": "某基地", "host": "lead"})).segments == ("platform", "type")
    assert outcome_of(BUILDER, hosted({"name": "某实验室", "type": "belt_and_road_lab"})).segments == ("platform", "overseas_co_builder")
    assert outcome_of(BY_NAME, {}).segments == ("platform", "name")
    assert outcome_of(CarriedByPlatform(), {"platform": {"name": "某实验室"}}).segments == ("platform", "type")


def test_a_malformed_evaluation_is_reported_as_none() -> None:
    result = outcome_of(CARRIED, hosted({"name": "某实验室", "type": "provincial_joint_lab", "host": "lead", "evaluation": [2024, "excellent"]}))
    assert (result.status.value, result.actual) == ("failed", {"type": "provincial_joint_lab", "evaluation": None})
