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
        refused = topics.refusal(name.partition("/")[0]) if isinstance(name, str) else None
        if refused is not None:
            raise UnknownTopic(f"{name!r} cannot be looked up: {refused}")
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
        return {name: _draft(properties[name], defs) for name in _required(node, defs) if name in properties}
    if kind == "array":
        items = node.get("items")
        if node.get("minItems") and isinstance(items, dict):
            return [_draft(items, defs)]
        return []
    return _PLACEHOLDER_BY_TYPE.get(kind, None)


def _required(node: dict, defs: dict) -> list[str]:
    """The properties an object node requires, also those it may require (``then``, ``allOf``): a
    Chinese organization's ``subdivision`` is in the draft before its ``country`` says CN."""
    names = list(node.get("required", []))
    parts = [node["then"]] if isinstance(node.get("then"), dict) else []
    parts += [_resolve(part, defs) for part in node.get("allOf", ()) if isinstance(part, dict)]
    for part in parts:
        for name in _required(part, defs):
            if name not in names:
                names.append(name)
    return names


def _child(node: dict, segment: Any, defs: dict) -> dict | None:
    """The schema node of ``segment`` (a property name or an array index) under ``node``."""
    node = _resolve(node, defs)
    if isinstance(segment, int):
        items = node.get("items")
        return _resolve(items, defs) if isinstance(items, dict) else None
    child = node.get("properties", {}).get(segment)
    return _resolve(child, defs) if isinstance(child, dict) else None


#: strings tried, in turn, as a stand-in for an empty text, date, id, country or region
_STAND_INS = ("2025-01-01", "x", "CN", "CN-ZJ", "ZJ")


def _stand_in(value: Any, node: dict | None, defs: dict) -> Any:
    """``value`` with every empty placeholder replaced by a value of its schema node: the draft as a
    filled-in bundle would be, so the rules read on past their first missing input."""
    if node is None:
        return value
    node = _resolve(node, defs)
    if isinstance(value, dict):
        return {key: _stand_in(item, _child(node, key, defs), defs) for key, item in value.items()}
    if isinstance(value, list):
        return [_stand_in(item, _child(node, index, defs), defs) for index, item in enumerate(value)]
    if value not in ("", None):
        return value
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind in ("number", "integer"):
        return 1
    if kind == "boolean":
        return True
    from jsonschema import Draft202012Validator

    check = Draft202012Validator({**node, "$defs": defs})
    return next((text for text in _STAND_INS if check.is_valid(text)), "x")


def _present(bundle: Any, segments: tuple) -> bool:
    for segment in segments:
        if isinstance(segment, int) and isinstance(bundle, list) and 0 <= segment < len(bundle):
            bundle = bundle[segment]
        elif isinstance(segment, str) and isinstance(bundle, dict) and segment in bundle:
            bundle = bundle[segment]
        else:
            return False
    return True


def _template(node: dict, defs: dict) -> Any:
    """The placeholder of a field a rule needs: as in a draft, but an array gets one item to fill in."""
    node = _resolve(node, defs)
    items = node.get("items")
    if node.get("type") == "array" and isinstance(items, dict):
        return [_draft(items, defs)]
    return _draft(node, defs)


def _add(bundle: dict, segments: tuple, schema: dict, defs: dict, make=_template) -> bool:
    """Put ``make(node, defs)`` for the field at ``segments`` into ``bundle`` (its missing parents as
    their drafts); False when the schema has no such field or it is an array item not in the draft."""
    here, node = bundle, schema
    for depth, segment in enumerate(segments):
        node = _child(node, segment, defs)
        if node is None:
            return False
        if isinstance(segment, int):
            if not isinstance(here, list) or segment >= len(here):
                return False
        elif isinstance(here, dict):
            if segment not in here:
                here[segment] = make(node, defs) if depth == len(segments) - 1 else _draft(node, defs)
        else:
            return False
        here = here[segment]
    return True


class _Reads(dict):
    """A bundle (a dict, its objects wrapped alike) that notes every key looked up and not there."""

    def __init__(self, data: dict, where: tuple, missed: set) -> None:
        super().__init__({key: _reads_of(value, where + (key,), missed) for key, value in data.items()})
        self._where, self._missed = where, missed

    def _note(self, key: Any) -> None:
        if isinstance(key, str) and not dict.__contains__(self, key):
            self._missed.add(self._where + (key,))

    def get(self, key: Any, default: Any = None) -> Any:
        self._note(key)
        return super().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key: Any) -> bool:
        self._note(key)
        return super().__contains__(key)


def _reads_of(value: Any, where: tuple, missed: set) -> Any:
    if isinstance(value, dict):
        return _Reads(value, where, missed)
    if isinstance(value, list):
        return [_reads_of(item, where + (index,), missed) for index, item in enumerate(value)]
    return value


#: the date a draft's stand-ins are checked at
_PROBE_DAY = "2025-01-01"


def _missed_reads(probe: dict, topic: topics.Topic, track: str | None) -> set:
    """The fields the topic's (and track's) rules look up in ``probe`` and do not find."""
    import datetime as dt

    from .rules.base import Context, guarded

    missed: set = set()
    call = topics.call(topic.call)
    ctx = Context(_Reads(probe, (), missed), checked_on=dt.date.fromisoformat(_PROBE_DAY),
                  settings={setting.name: setting.default for setting in call.settings}, call=call.id, topic=topic.id, track=track)
    for check in topic.checks:
        if check.applies(track) and not check.batch:
            guarded(check.rule.check, ctx)
    return missed


def _verdicts(bundle: dict) -> dict:
    from . import engine

    report = engine.validate(bundle, as_of=_PROBE_DAY)
    return {f.requirement: (f.status, f.message_en) for f in report.findings if f.requirement != "SCHEMA"}


def _stand_in_template(node: dict, defs: dict) -> Any:
    return _stand_in(_template(node, defs), node, defs)


def _fields_the_rules_read(bundle: dict, schema: dict, topic: topics.Topic, track: str | None, rounds: int = 8) -> dict:
    """``bundle`` with a placeholder for every field the topic's (and track's) rules need that the
    schema leaves optional (``foreign_submission``, ``agreements``, ``prior_cooperation``...).

    The draft is filled with stand-ins (as a filled-in bundle, so the rules read on past their first
    missing input); a field the rules look up and do not find is needed when a stand-in for it
    changes the verdict of a requirement that fails without it. Repeated until no field is added.
    """
    defs = schema["$defs"]
    for _ in range(rounds):
        probe = _stand_in(bundle, schema, defs)
        before = _verdicts(probe)
        failing = [rid for rid, (status, _) in before.items() if status.value == "failed"]
        added = False
        for segments in sorted(_missed_reads(probe, topic, track), key=lambda s: (len(s), [str(p) for p in s])):
            if _present(bundle, segments):
                continue
            trial = copy.deepcopy(probe)
            if not _add(trial, segments, schema, defs, make=_stand_in_template):
                continue
            after = _verdicts(trial)
            if any(after.get(rid) != before[rid] for rid in failing):
                added |= _add(bundle, segments, schema, defs)
        if not added:
            break
    return _fields_the_failing_rules_name(bundle, schema, before)


def _fields_the_failing_rules_name(bundle: dict, schema: dict, verdicts: dict) -> dict:
    """``bundle`` with the top-level fields the catalog's rule text of a requirement still failing on
    the stand-ins names (an agreement is read only once there is a partner to have signed it)."""
    import re

    defs = schema["$defs"]
    names = [name for name in _resolve(schema, defs).get("properties", {}) if name not in bundle]
    for rid, (status, _) in verdicts.items():
        known = catalog.requirements().get(rid)
        if status.value != "failed" or known is None:
            continue
        for name in names:
            if name not in bundle and re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", known.rule):
                _add(bundle, (name,), schema, defs)
    return bundle


def draft(name: str, track: str | None = None) -> dict:
    """A draft bundle with every field the topic and track need: what is filled in is fixed by the
    topic, the rest empty, each field on its own line.

    The fields are those the schema requires (also where it requires them only for some values, as
    ``subdivision`` for a Chinese organization) and those the topic's rules read. Validating the draft
    fails only on the empty values (each a finding naming its place, with the allowed values of a
    choice) and on the requirements those values feed.
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
    return _fields_the_rules_read({**ordered, **bundle}, schema, topic, track)


def to_json(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, indent=2) + "\n"
