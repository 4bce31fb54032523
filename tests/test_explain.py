from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

import appcheck
from appcheck import catalog, explain, schemas, topics

from .conftest import EXAMPLES, read_json


def _names():
    return [topic.name for call in topics.calls() for topic in call.topics]


@pytest.mark.parametrize("name", _names())
def test_checklist_is_generated_from_the_topic(name) -> None:
    topic = topics.topic(name)
    data = explain.checklist(name)
    assert [item["requirement"] for item in data["requirements"]] == [check.requirement for check in topic.checks]
    call = topics.call(topic.call)
    for item in data["requirements"]:
        requirement = catalog.requirement(item["requirement"])
        assert item["kind"] == requirement.kind
        assert item["check"] and item["check_en"] and item["what_it_checks"]
        # the topic's own clause: the contract's clauses for it, or those its call module writes out
        written = [clause for key, table in call.clauses.items() if key.partition("#")[0] == topic.id
                   for rid, clause in table.items() if rid == item["requirement"]]
        allowed = set(requirement.source.split(" / ")) | {piece for clause in written for piece in clause.split(" / ")}
        assert set(item["source"].split(" / ")) <= allowed, item["requirement"]


@pytest.mark.parametrize("name", _names())
def test_editor_schema_is_self_contained_and_equivalent(name) -> None:
    schema = explain.editor_schema(name)
    assert "../" not in json.dumps(schema)
    Draft202012Validator.check_schema(schema)
    folder = EXAMPLES / name
    for path in sorted(folder.glob("*.json")):
        bundle = read_json(path)
        shipped_errors = [f for f in appcheck.validate(bundle).findings if f.requirement == "SCHEMA" and "ids" not in f.source]
        plain_errors = list(schemas.Validator(schema, format_checker=schemas.FORMAT_CHECKER).iter_errors(bundle))
        assert bool(shipped_errors) == bool(plain_errors), path.name


@pytest.mark.parametrize("name,track", [(t.name, (t.tracks[0].id if t.tracks else None)) for c in topics.calls() for t in c.topics])
def test_draft_fails_only_on_what_is_left_to_fill_in(name, track) -> None:
    draft = explain.draft(name, track)
    report = appcheck.validate(draft)
    assert not report.ok
    schema = [f for f in report.findings if f.requirement == "SCHEMA"]
    assert schema, "an empty draft must point at what to fill in"
    filled = {"format", "call", "topic", "track"}
    for finding in schema:
        assert finding.segments[:1] not in [(key,) for key in filled], finding.path
    assert not [f for f in report.findings if f.requirement in ("TOPIC", "LOAD")]


def test_draft_of_a_tracked_topic_needs_the_track() -> None:
    with pytest.raises(explain.UnknownTopic):
        explain.draft("gd-2022/industrial")


def test_rule_doc_and_unknown_names() -> None:
    assert explain.rule_doc("SubsidyBounds")["Why"]
    with pytest.raises(explain.UnknownTopic):
        explain.rule_doc("Nope")
    with pytest.raises(explain.UnknownTopic):
        explain.checklist("gd-2022/training", track="x")


def test_topic_list_matches_the_catalog() -> None:
    listed = {t["topic"] for c in explain.topic_list() for t in c["topics"]}
    assert listed == {f"{call}/{topic}" for call, data in catalog.calls().items() for topic in data["topics"] if call in topics.call_ids()}


def test_checklist_of_a_track_shows_that_track_only() -> None:
    data = explain.checklist("gd-2022/industrial", track="direction-1")
    item = next(i for i in data["requirements"] if i["requirement"] == "GD22-IND-ENTERPRISE")
    assert "direction-2" not in item["check"] and "direction-1" not in item["check"]
    whole = next(i for i in explain.checklist("gd-2022/industrial")["requirements"] if i["requirement"] == "GD22-IND-ENTERPRISE")
    assert "direction-1" in whole["check"] and "direction-2" in whole["check"]


# --------------------------------------------------------------------------- the editor schema under floats

from decimal import Decimal  # noqa: E402

from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SHAPE = {"SCHEMA", "LOAD", "TOPIC"}


def _float_validator(topic: str) -> Draft202012Validator:
    """The editor schema as VS Code or check-jsonschema read it: numbers are floats, no exact decimals."""
    return Draft202012Validator(explain.editor_schema(topic))


def _examples() -> list:
    return sorted(p for p in EXAMPLES.rglob("*.json"))


@pytest.mark.parametrize("path", _examples(), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_the_editor_schema_read_with_floats_accepts_what_the_schema_stage_accepts(path) -> None:
    report = appcheck.validate(path)
    if report.topic is None or any(f.requirement in SHAPE for f in report.findings):
        return
    bundle = json.loads(path.read_text(encoding="utf-8"))  # floats, as an editor reads the file
    errors = [f"{e.json_path}: {e.message}" for e in _float_validator(report.topic).iter_errors(bundle)]
    assert errors == []


@given(amount=st.decimals(min_value=0, max_value=10**7, places=4, allow_nan=False, allow_infinity=False))
@example(amount=Decimal("99.99"))
@example(amount=Decimal("12.34"))
@example(amount=Decimal("0.3"))
@example(amount=Decimal("49.9999"))
@example(amount=Decimal("0.0001"))
@example(amount=Decimal("10000000"))
def test_every_amount_of_four_decimals_is_accepted_by_the_editor_schema_read_with_floats(amount) -> None:
    bundle = json.loads((EXAMPLES / "gd-2022" / "training" / "valid.json").read_text(encoding="utf-8"))
    bundle["budget"]["subsidy_requested"] = "AMOUNT"
    text = json.dumps(bundle).replace('"AMOUNT"', str(amount))
    shipped = [f for f in appcheck.validate(json.loads(text, parse_float=Decimal)).findings if f.requirement == "SCHEMA"]
    assert shipped == []  # the reference: appcheck's exact schema stage accepts it
    assert list(_float_validator("gd-2022/training").iter_errors(json.loads(text))) == []


def test_the_editor_schema_says_where_it_leaves_out_the_exact_decimals() -> None:
    schema = explain.editor_schema("gd-2022/training")
    assert '"multipleOf":' not in json.dumps(schema)
    assert "appcheck" in schema["$defs"]["money"]["$comment"]
    assert schemas.shipped()["defs.json"]["$defs"]["money"]["multipleOf"] == Decimal("0.0001")  # appcheck's own stays exact


# --------------------------------------------------------------------------- drafts list everything left to fill in

from appcheck.engine import Source  # noqa: E402


def _tracks():
    return [(t.name, track) for c in topics.calls() for t in c.topics for track in ([k.id for k in t.tracks] or [None])]


def _first_validation(name: str, track: str | None):
    draft = explain.draft(name, track)
    text = explain.to_json(draft)
    return draft, appcheck.validate(Source("draft.json", text.encode("utf-8")))


@pytest.mark.parametrize("name,track", _tracks())
def test_the_first_validation_of_a_draft_places_every_finding_at_a_field_of_the_draft(name, track) -> None:
    """Every field the topic and track need is in the draft, so each finding sits at its own line, not
    at 1:1 for a field the draft lacks."""
    draft, report = _first_validation(name, track)
    misplaced = [(f.requirement, f.path) for f in report.findings
                 if f.status.value != "passed" and (not f.path or f.line is None or not explain._present(draft, f.segments))]
    assert misplaced == []
    assert sum(f.status.value != "passed" for f in report.findings) > 0


def test_a_gd_2022_draft_asks_for_the_applicant_s_subdivision() -> None:
    draft, report = _first_validation("gd-2022/research", None)
    assert draft["applicant"]["subdivision"] == ""
    assert any(f.requirement == "SCHEMA" and f.path == "/applicant/subdivision" for f in report.findings)


def test_a_zj_2026_israel_draft_asks_for_the_foreign_submission_agreements_and_prior_cooperation() -> None:
    draft, report = _first_validation("zj-2026/intergov", "israel")
    assert {"foreign_submission", "agreements", "prior_cooperation"} <= set(draft)
    assert draft["foreign_submission"] == {"agency": "", "submitted_on": ""}
    lines = {f.path: f.line for f in report.findings if f.requirement == "SCHEMA"}
    assert {"/foreign_submission/agency", "/agreements/0/kind", "/prior_cooperation/0/since"} <= set(lines)
    assert len(set(lines.values())) == len(lines)  # each at its own line


def test_an_empty_choice_in_a_draft_lists_the_allowed_values() -> None:
    _, report = _first_validation("gd-2022/research", None)
    (kind,) = [f for f in report.findings if f.requirement == "SCHEMA" and f.path == "/applicant/kind"]
    assert kind.message_en.startswith("not filled in (empty string); expected one of: \"enterprise\", \"university\"")
    assert kind.message.startswith("未填写（空字符串），应为：\"enterprise\"、\"university\"")


def test_a_draft_adds_no_field_the_rules_do_not_need() -> None:
    draft = explain.draft("gd-2022/training")
    assert "foreign_submission" not in draft and "platform" not in draft
    assert "registered_on" not in draft["applicant"] and "foreign_rd_center" not in draft["applicant"]


# --------------------------------------------------------------------------- checklists in each language


@pytest.mark.parametrize("name", _names())
def test_a_chinese_checklist_has_no_english_rule_text_and_says_unset_for_a_setting_without_default(name) -> None:
    from appcheck.reporters import checklist as render

    data = explain.checklist(name)
    text = render.markdown(data, "zh")
    assert "(default" not in text and "None" not in text
    for item in data["requirements"]:
        assert " ".join(item["what_it_checks"].split()) not in text
    if any(s["default"] is None for s in data["settings"]):
        assert "（默认：未设置）" in text


def test_an_english_checklist_names_degrees_titles_and_projects_in_english() -> None:
    from appcheck.reporters import checklist as render

    text = render.markdown(explain.checklist("gd-2022/research"), "en")
    for raw in ("associate_senior", "the title senior", "the degree doctorate", "gd_hk_mo_joint", "international_cooperation", "(default None)"):
        assert raw not in text, raw
    assert "a doctorate or an associate senior title or a senior title" in text
    assert "no ongoing provincial Guangdong–Hong Kong–Macao joint or international cooperation project" in text
    assert "`gd-2022.published_on` (default: unset): " in text


def _enum_values(node, found: set) -> set:
    if isinstance(node, dict):
        for value in node.get("enum", ()):
            if isinstance(value, str) and "_" in value:
                found.add(value)
        for child in node.values():
            _enum_values(child, found)
    elif isinstance(node, list):
        for child in node:
            _enum_values(child, found)
    return found


def test_no_checklist_names_a_raw_enum_value_in_either_language() -> None:
    import re

    raw = _enum_values(schemas.shipped(), set()) | {"un_developing", "belt_and_road", "arab_league"}  # and the country lists' ids
    named = {}
    for topic in _names():
        for item in explain.checklist(topic)["requirements"]:
            for text in (item["check"], item["check_en"]):
                for word in re.findall(r"[a-z]+(?:_[a-z]+)+", text):
                    if word in raw:
                        named.setdefault(word, set()).add(item["requirement"])
    assert named == {}
