"""The applicant's side, generated from the rule objects: checklists, topic lists, drafts, schemas.

Nothing here is written by hand twice: a checklist is the topic's checks with each rule object's
``describe()``, its class's documented sections, the catalog's kind and the topic's (track's) clause.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

from . import catalog, clauses, schemas, topics
from .rules import docs
from .rules.base import PerTrack


class UnknownTopic(LookupError):
    """``CALL/TOPIC`` (or its track) is not covered; the message lists what is."""


def find_topic(name: str, track: str | None = None) -> topics.Topic:
    topic = topics.topic(name) if isinstance(name, str) else None
    if topic is None:
        known = ", ".join(t.name for c in topics.calls() for t in c.topics)
        raise UnknownTopic(f"unknown topic {name!r}; known: {known}")
    if track is not None and topic.track(track) is None:
        raise UnknownTopic(f"{topic.name} has no track {track!r}; tracks: {', '.join(t.id for t in topic.tracks) or 'none'}")
    return topic


def checklist(name: str, track: str | None = None) -> dict:
    """The checklist of a topic (and track): every requirement with what is checked and the clause it
    quotes there (without a track, on a topic with tracks: every track's wording)."""
    topic = find_topic(name, track)
    call = topics.call(topic.call)
    items = []
    for check in topic.checks:
        if track is not None and not check.applies(track):
            continue
        requirement = catalog.requirement(check.requirement)
        rule = check.rule
        if track is not None and isinstance(rule, PerTrack):
            rule = rule.rules[track]  # the chosen track's row of the table only
        zh, en = rule.describe()
        rule_class = " + ".join(cls.__name__ for cls in _leaf_classes(rule))
        sections = _sections_of(rule)
        items.append({
            "requirement": check.requirement,
            "kind": requirement.kind,
            "severity": requirement.severity.value,
            "tracks": sorted(check.tracks) if check.tracks is not None else None,
            "batch": check.batch,
            "check": zh,
            "check_en": en,
            "rule": rule_class,
            "what_it_checks": sections.get("What it checks", ""),
            "why": sections.get("Why", ""),
            "catalog_rule": requirement.rule,
            "source": clauses.clause(call, topic.id, track, check.requirement, fallback=requirement.source),
        })
    return {
        "topic": topic.name,
        "title": topic.title,
        "title_en": topic.title_en,
        "call_title": call.title,
        "note": call.note,
        "track": track,
        "tracks": [{"id": t.id, "title": t.title, "title_en": t.title_en} for t in topic.tracks],
        "settings": [{"name": s.name, "doc": s.doc, "doc_en": s.doc_en, "default": _plain(s.default)} for s in call.settings],
        "requirements": items,
    }


def _leaf_classes(rule: Any) -> list[type]:
    """The rule classes behind a rule object, through the combinators (``PerTrack``, ``AllOf``)."""
    inner = getattr(rule, "rules", None)
    if isinstance(inner, dict):
        inner = tuple(inner.values())
    if isinstance(inner, tuple):
        classes: list[type] = []
        for item in inner:
            classes += [cls for cls in _leaf_classes(item) if cls not in classes]
        return classes
    return [type(rule)]


def _sections_of(rule: Any) -> dict:
    classes = _leaf_classes(rule)
    if len(classes) == 1:
        return docs.sections(classes[0])
    return {name: "\n\n".join(f"{cls.__name__}: {docs.sections(cls)[name]}" for cls in classes) for name in ("What it checks", "Why")}


def rule_doc(name: str) -> dict:
    """The documentation of one rule class, by name."""
    classes = docs.rule_classes()
    if name not in classes:
        raise UnknownTopic(f"unknown rule {name!r}; rules: {', '.join(sorted(classes))}")
    cls = classes[name]
    return {"rule": name, "module": cls.__module__, **docs.sections(cls)}


def topic_list() -> list[dict]:
    """Every call, topic and track covered, with the pack (distribution) and version each call comes from."""
    from . import packs

    result = []
    for call in topics.calls():
        pack = packs.pack_of(call.id)
        result.append({
            "call": call.id,
            "title": call.title,
            "title_en": call.title_en,
            "pack": pack.name,
            "version": pack.version,
            "topics": [
                {"topic": t.name, "title": t.title, "title_en": t.title_en, "tracks": [{"id": k.id, "title": k.title, "title_en": k.title_en} for k in t.tracks]}
                for t in call.topics
            ],
        })
    return result


def refused_packs() -> list[str]:
    """Every installed call pack that is refused, each a message naming it and saying why."""
    from . import packs

    return [str(problem) for problem in packs.refusals()]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# ----------------------------------------------------------------------------- schemas for editors

_DEFS_FILE = "defs.json"


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and _DEFS_FILE + "#" in value:
                result[key] = "#" + value.split("#", 1)[1]
            else:
                result[key] = _rewrite_refs(value)
        return result
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    return node


def editor_schema(name: str) -> dict:
    """A topic's schema as one self-contained document: the shared definitions copied in, refs local.

    Editors (VS Code, JetBrains, any YAML language server) resolve it without fetching anything.

    One difference from the shipped schema: a fractional ``multipleOf`` (money's ``0.0001``, at most
    four decimals) is left out, since validators that read numbers as binary floats (VS Code,
    check-jsonschema, jsonschema on ``json.loads``) reject valid amounts such as 99.99 with it
    (99.99 / 0.0001 is 999899.9999999999 in floats). The node's ``$comment`` says so; appcheck's own
    check of the decimals stays exact. The editor schema therefore accepts every bundle appcheck's
    schema stage accepts, and a few amounts with more decimals that appcheck then reports.
    """
    topic = find_topic(name)
    shipped = schemas.shipped()
    root = _plain(_rewrite_refs(copy.deepcopy(shipped[topic.schema])))
    shared = _plain(copy.deepcopy(shipped[_DEFS_FILE]["$defs"]))
    root["$defs"] = {**shared, **root.get("$defs", {})}
    return _float_safe(root)


def _float_safe(node: Any) -> Any:
    """``node`` without the fractional ``multipleOf`` keywords float-based validators get wrong."""
    if isinstance(node, dict):
        result = {key: _float_safe(value) for key, value in node.items()}
        step = result.get("multipleOf")
        if isinstance(step, (int, float)) and not isinstance(step, bool) and step != int(step):
            del result["multipleOf"]
            comment = f"multipleOf {step} is checked by appcheck exactly; left out here, where floats would reject valid amounts"
            result["$comment"] = f"{result['$comment']} {comment}" if "$comment" in result else comment
        return result
    if isinstance(node, list):
        return [_float_safe(item) for item in node]
    return node


# ----------------------------------------------------------------------------- drafts

_PLACEHOLDER_BY_TYPE = {"string": "", "number": None, "integer": None, "boolean": None, "array": [], "object": {}}


def _resolve(node: dict, defs: dict) -> dict:
    while isinstance(node, dict) and "$ref" in node:
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**defs[node["$ref"].rsplit("/", 1)[1]], **extra}
    return node


def _draft(node: dict, defs: dict) -> Any:
    node = _resolve(node, defs)
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return ""
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        properties = node.get("properties", {})
        return {name: _draft(properties[name], defs) for name in node.get("required", []) if name in properties}
    if kind == "array":
        items = node.get("items")
        if node.get("minItems") and isinstance(items, dict):
            return [_draft(items, defs)]
        return []
    return _PLACEHOLDER_BY_TYPE.get(kind, None)


def draft(name: str, track: str | None = None) -> dict:
    """A draft bundle with every required field: what is filled in is fixed by the topic, the rest empty.

    Validating the draft fails only on the empty values (each a schema finding naming its place)
    and on the requirements those values feed.
    """
    topic = find_topic(name, track)
    if topic.tracks and track is None:
        raise UnknownTopic(f"{topic.name} has tracks: give one of {', '.join(t.id for t in topic.tracks)}")
    schema = editor_schema(name)
    bundle = _draft(schema, schema["$defs"])
    bundle["format"] = "appcheck/1"
    bundle["call"] = topic.call
    bundle["topic"] = topic.id
    if track is not None:
        bundle["track"] = track
    bundle["submitted_on"] = ""
    ordered = {key: bundle.pop(key) for key in ("format", "call", "topic", "track", "submitted_on") if key in bundle}
    return {**ordered, **bundle}


def to_json(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, indent=2) + "\n"
