"""What a JSON Schema cannot say: unique organization ids, references that name one; the quick reading answers as the full one."""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

import appcheck

from ..conftest import example


def test_integrity_ids_unique_and_references_known() -> None:
    bundle = example("gd-2022", "research")
    bundle["partners"][1]["id"] = "tum"
    report = appcheck.validate(bundle)
    assert "/partners/1/id" in {f.path for f in report.findings if f.requirement == "SCHEMA"}
    bundle = example("gd-2022", "research")
    bundle["agreements"][0]["parties"].append("ghost")
    assert "/agreements/0/parties/4" in {f.path for f in appcheck.validate(bundle).findings if f.requirement == "SCHEMA"}


org_ids = st.sampled_from(["cn", "de", "fr", "x", ""]) | st.integers(0, 2) | st.none()

references = org_ids | st.lists(org_ids, max_size=3)

organizations = st.dictionaries(st.sampled_from(["id", "name", "kind"]), org_ids, max_size=3) | org_ids

holders = st.dictionaries(st.sampled_from(["organization", "parties", "about", "partner", "host", "overseas_co_builder"]), references, max_size=3)

integrity_bundles = st.fixed_dictionaries({}, optional={
    "applicant": organizations,
    "partners": st.lists(organizations, max_size=4) | organizations,
    "principal_investigator": holders | org_ids,
    "team": st.lists(holders, max_size=3) | holders,
    "budget": st.fixed_dictionaries({}, optional={"allocation": st.lists(holders, max_size=3), "self_raised": st.lists(holders, max_size=3) | holders}),
    "agreements": st.lists(holders, max_size=3),
    "documents": st.lists(holders, max_size=3),
    "prior_cooperation": st.lists(holders, max_size=2),
    "platform": holders,
})


@given(integrity_bundles)
@settings(max_examples=500)
def test_integrity_holds_exactly_when_the_full_reading_finds_nothing(bundle) -> None:
    from appcheck import topics
    from appcheck.engine import SCHEMA_FINDINGS_LIMIT, integrity

    topic = topics.call("gd-2022").topic("research")
    assert integrity.integrity_holds(bundle) is (not integrity.integrity_problems(topic, bundle, SCHEMA_FINDINGS_LIMIT)[0])


def test_integrity_holds_on_every_valid_example_and_not_on_a_broken_reference() -> None:
    from appcheck.engine.integrity import integrity_holds

    bundle = example("gd-2022", "research")
    assert integrity_holds(bundle)
    bundle["agreements"][0]["parties"].append("ghost")
    assert not integrity_holds(bundle)
    bundle = example("gd-2022", "research")
    bundle["partners"][1]["id"] = bundle["applicant"]["id"]
    assert not integrity_holds(bundle)
