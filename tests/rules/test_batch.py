"""OneIdentityPerPerson, and the two steps of a batch rule (``key_of``, then ``judge`` made of ``group_of``
and ``verdict``); the quotas are in test_quotas.py."""

from __future__ import annotations

from appcheck.rules.batch import OneIdentityPerPerson

from .helpers import context


def pi(person_id=None, identity="mainland", name="王五") -> dict:
    data = {"name": name, "identity": identity}
    if person_id:
        data["person_id"] = person_id
    return {"principal_investigator": data}


def run(rule, *bundles):
    return rule.check_batch([context(b) for b in bundles])


def statuses(outcomes) -> list[str]:
    return [o.status.value for o in outcomes]


def test_two_identities_of_one_person_fail_every_bundle() -> None:
    outcomes, breaches = run(OneIdentityPerPerson(), pi("p1"), pi("p1", "hong_kong"), pi("p2"))
    assert statuses(outcomes) == ["failed", "failed", "passed"]
    assert len(breaches) == 1 and breaches[0][1] == (0, 1)


def test_outside_identities_are_one_class() -> None:
    outcomes, breaches = run(OneIdentityPerPerson(), pi("p1", "foreign"), pi("p1", "hong_kong"))
    assert statuses(outcomes) == ["passed", "passed"] and breaches == []


def test_without_person_id_same_name_needs_review() -> None:
    outcomes, breaches = run(OneIdentityPerPerson(), pi(), pi(identity="taiwan"))
    assert statuses(outcomes) == ["needs_review", "needs_review"] and len(breaches) == 1


def test_missing_identity_fails_that_bundle() -> None:
    outcomes, _ = run(OneIdentityPerPerson(), {"principal_investigator": {"name": "x"}}, pi("p1"))
    assert statuses(outcomes) == ["failed", "passed"]


def test_a_batch_of_one_passes() -> None:
    outcomes, breaches = run(OneIdentityPerPerson(), pi("p1"))
    assert statuses(outcomes) == ["passed"] and breaches == []


def test_identity_rule_looks_at_every_bundle() -> None:
    import appcheck
    from tests.conftest import example

    mainland = example("gd-2022", "research")
    other = example("gd-2022", "training")
    other["principal_investigator"].update(person_id="pi-wang-wu", identity="hong_kong")
    other["budget"]["subsidy_requested"] = 60  # fails on its own too: the person still applied twice
    batch = appcheck.validate_batch([mainland, other])
    assert [f.requirement for f in batch.findings] == ["GD22-PI-IDENTITY"]
    assert all("GD22-PI-IDENTITY" in {f.requirement for f in r.failures()} for r in batch.reports)


# ----------------------------------------------------------------------------- key_of / judge


def test_malformed_data_fails_only_its_own_bundle() -> None:
    from appcheck.rules.batch import read

    class Broken:
        def key_of(self, ctx):
            raise TypeError("odd shape")

    assert read(Broken(), context({})).status.value == "failed"
    rule = OneIdentityPerPerson()
    outcomes, _ = rule.judge([read(Broken(), context({})), ("id", "p1", "mainland")])
    assert statuses(outcomes) == ["failed", "passed"]


def test_paths_name_where_every_judged_outcome_points() -> None:
    identity = OneIdentityPerPerson()
    outcomes, _ = identity.judge([("id", "p1", "mainland"), ("id", "p1", "foreign"), ("name", "王五", "mainland")])
    assert {o.segments for o in outcomes} <= set(identity.paths)


def test_judge_is_group_of_then_verdict_of_each_group() -> None:
    """The engine judges a large batch one group at a time from keys on disk: the same outcomes."""
    from appcheck.rules.batch import read

    identity = OneIdentityPerPerson()
    reads = [("id", "p1", "mainland"), ("id", "p1", "foreign"), ("name", "王五", "mainland"), read(identity, context({}))]
    outcomes, breaches = identity.judge(reads)
    assert identity.group_of(reads[0]) == identity.group_of(reads[1]) != identity.group_of(reads[2])
    assert identity.verdict(iter(reads[:2]), len(reads)) == (outcomes[0], True)
    assert identity.verdict(iter(reads[2:3]), len(reads)) == (outcomes[2], False)
    assert "in this batch of 4 bundles" in outcomes[2].message_en and breaches == [(outcomes[0], (0, 1))]


