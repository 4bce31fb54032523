"""QuotaPerKey: at most so many bundles of a batch share one key (an R&D centre, a platform, a recommender)."""

from __future__ import annotations

import pytest

from appcheck.rules.quotas import QuotaPerKey

from .helpers import context
from .messages.quotas import center as foreign_centre


def run(rule, *bundles):
    return rule.check_batch([context(b) for b in bundles])


def statuses(outcomes) -> list[str]:
    return [o.status.value for o in outcomes]


def platform(name) -> dict:
    return {"platform": {"name": name}}


def test_quota_per_platform() -> None:
    outcomes, breaches = run(QuotaPerKey("platform", 1), platform("A"), platform("A "), platform("B"))
    assert statuses(outcomes) == ["failed", "failed", "passed"] and breaches[0][1] == (0, 1)


def test_quota_limit_is_inclusive() -> None:
    bundles = [{"recommended_by": "某大学"} for _ in range(5)]
    outcomes, breaches = run(QuotaPerKey("recommended_by", 5), *bundles)
    assert set(statuses(outcomes)) == {"passed"} and not breaches
    outcomes, breaches = run(QuotaPerKey("recommended_by", 5), *bundles, {"recommended_by": "某大学"})
    assert set(statuses(outcomes)) == {"failed"} and len(breaches[0][1]) == 6


def center(reg=None, name="某外资研发中心", counts=None) -> dict:
    partner = {"id": "c", "name": name, "role": "domestic_partner", "foreign_rd_center": {"parent_company": "X"}}
    if reg:
        partner["registration_id"] = reg
    bundle = {"partners": [partner]}
    if counts is not None:
        bundle["counts_against_quota"] = counts
    return bundle


def test_quota_per_foreign_rd_center_outside_the_recommender_quota() -> None:
    rule = QuotaPerKey("foreign_rd_center", 1, outside_quota_only=True)
    outcomes, breaches = run(rule, center("91330000X"), center("91330000X", name="other spelling"), center("91330000X", counts=True))
    assert statuses(outcomes) == ["failed", "failed", "passed"]
    outcomes, _ = run(rule, center(), center(name=" 某外资研发中心 "))
    assert statuses(outcomes) == ["failed", "failed"]


def test_quota_key_missing_fails() -> None:
    outcomes, _ = run(QuotaPerKey("platform", 1), {}, platform("A"))
    assert statuses(outcomes) == ["failed", "passed"]


def test_platform_names_are_folded() -> None:
    outcomes, breaches = run(QuotaPerKey("platform", 1), platform("中国-葡萄牙先进材料“一带一路”联合实验室"), platform('中国-葡萄牙先进材料"一带一路"联合实验室'))
    assert statuses(outcomes) == ["failed", "failed"] and "中国-葡萄牙" in breaches[0][0].message


def test_quotas_count_only_bundles_that_can_go_forward() -> None:
    import appcheck
    from tests.conftest import example

    good = example("zj-2026", "platform", "valid-head-of-state.json")
    second = example("zj-2026", "platform", "valid-head-of-state.json")
    batch = appcheck.validate_batch([good, second])
    assert [sorted({f.requirement for f in r.failures() if f.blocking}) for r in batch.reports] == [["ZJ26-PLT-QUOTA"], ["ZJ26-PLT-QUOTA"]]
    second["budget"]["subsidy_requested"] = 150.0001  # now rejected on its own: it takes no place
    batch = appcheck.validate_batch([good, second])
    assert batch.findings == ()
    quota = [next(f for f in r.findings if f.requirement == "ZJ26-PLT-QUOTA") for r in batch.reports]
    assert quota[0].status.value == "passed" and quota[1].status.value == "passed"
    assert quota[1].actual == {"counted": False, "blocking": ["ZJ26-SUBSIDY-CAP"]} and "不计入" in quota[1].message


def test_check_batch_is_key_of_then_judge() -> None:
    from appcheck.rules.batch import read

    rule = QuotaPerKey("platform", 1)
    bundles = [{"platform": {"name": " 深海中心 "}}, {"platform": {"name": "深海 中心"}}, {"platform": {}}]
    contexts = [context(b) for b in bundles]
    assert rule.check_batch(contexts) == rule.judge([read(rule, ctx) for ctx in contexts])


def test_a_key_is_small_and_names_the_group_by_its_first_spelling() -> None:
    rule = QuotaPerKey("platform", 1)
    assert rule.key_of(context({"platform": {"name": " “深海”中心 "}})) == ("name:深海中心", "“深海”中心")
    outcomes, breaches = rule.judge([("name:x", "X 中心"), ("name:x", "x中心")])
    assert "X 中心" in outcomes[0].message and outcomes[1] is outcomes[0] and breaches[0][1] == (0, 1)


def test_a_bundle_outside_the_quota_reads_as_its_own_outcome() -> None:
    rule = QuotaPerKey("recommended_by", 1, outside_quota_only=True)
    found = rule.key_of(context({"counts_against_quota": True}))
    assert found.status.value == "passed" and found.segments == ("counts_against_quota",)


def test_paths_name_where_every_judged_outcome_points() -> None:
    for key in ("foreign_rd_center", "platform", "recommended_by"):
        rule = QuotaPerKey(key, 1)
        outcomes, _ = rule.judge([("a", "A"), ("a", "A"), ("b", "B")])
        assert {o.segments for o in outcomes} <= set(rule.paths)


def test_judge_is_group_of_then_verdict_of_each_group() -> None:
    """The engine judges a large batch one group at a time from keys on disk: the same outcomes."""
    quota = QuotaPerKey("platform", 1)
    keys = [("name:x", "X 中心"), ("name:y", "Y"), ("name:x", "x中心")]
    outcomes, breaches = quota.judge(keys)
    assert quota.verdict(iter([keys[0], keys[2]]), 3) == (outcomes[0], True) and outcomes[2] is outcomes[0]
    assert quota.verdict(iter([keys[1]]), 3) == (outcomes[1], False) and breaches == [(outcomes[0], (0, 2))]


def test_quota_parameters() -> None:
    with pytest.raises(ValueError):
        QuotaPerKey("colour", 1)
    with pytest.raises(ValueError):
        QuotaPerKey("platform", 0)
    rule = QuotaPerKey("platform", 1)
    assert (rule.outside_quota_only, rule.eligible_only) == (False, True)


def test_quota_labels_and_unfoldable_platform_names() -> None:
    outcomes, _ = QuotaPerKey("foreign_rd_center", 1).check_batch([context(foreign_centre("91:X"))])
    assert outcomes[0].message_en == "1 bundle of this batch concerns the foreign R&D centre 91:X, within the limit of 1"
    outcomes, breaches = QuotaPerKey("platform", 1).check_batch([context({"platform": {"name": "—"}}), context({"platform": {"name": "·"}})])
    assert [o.status.value for o in outcomes] == ["passed", "passed"] and breaches == []
