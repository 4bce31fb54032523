"""Whatever the input, validate() answers with a report: properties over mutated example bundles."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import appcheck
from appcheck import model

from .conftest import EXAMPLES, read_json

EXAMPLE_PATHS = sorted(p for p in EXAMPLES.rglob("*.json"))
REPLACEMENTS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=20), st.builds(list), st.builds(dict),
    st.decimals(allow_nan=False, allow_infinity=False, places=6), st.lists(st.text(max_size=5), max_size=3),
    st.builds(lambda: {"nested": {"deeper": [1, {"x": None}]}}),  # a fresh value each time: mutations change it in place
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


def _mutate(bundle, path, action, replacement):
    if not path:
        return replacement if action == "retype" else bundle
    parent = bundle
    for segment in path[:-1]:
        parent = parent[segment]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "retype":
        parent[last] = replacement
    elif action == "nest":
        parent[last] = {"value": parent[last]}
    elif action == "empty":
        parent[last] = type(parent[last])() if isinstance(parent[last], (dict, list, str)) else None
    return bundle


@st.composite
def mutated_examples(draw):
    path = draw(st.sampled_from(EXAMPLE_PATHS))
    bundle = read_json(path)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(bundle))
        target = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["delete", "retype", "nest", "empty"]))
        bundle = _mutate(bundle, target, action, draw(REPLACEMENTS))
    return bundle


@given(mutated_examples())
@settings(max_examples=300)
def test_validate_answers_any_mutation_of_any_example(bundle) -> None:
    original = copy.deepcopy(bundle)
    bundle = bundle if isinstance(bundle, dict) else {"value": bundle}
    first = appcheck.validate(bundle, as_of="2022-05-10")
    assert bundle == original or not isinstance(original, dict)
    second = appcheck.validate(bundle, as_of="2022-05-10")
    assert first == second
    data = first.to_dict()
    text = model.dumps(data)  # numbers as the bundle wrote them: a Decimal where a float would change the digits
    assert model.dumps(json.loads(text, parse_float=Decimal)) == text


def test_messages_stay_small_for_huge_values() -> None:
    bundle = read_json(EXAMPLES / "gd-2022" / "exchange" / "valid.json")
    bundle["project"]["title"] = "很长的名称" * 200_000
    bundle["partners"][0]["name"] = "N" * 100_000
    report = appcheck.validate(bundle)
    assert max(len(f.message) for f in report.findings) <= 600
    assert len(json.dumps(report.to_dict(), ensure_ascii=False)) < 100_000
