"""Stage 3, what a JSON Schema cannot say: organization ids are unique within a bundle, and every
reference names one of them (``SCHEMA`` findings, counted against the schema stage's cap)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import SCHEMA, Finding, Severity, Status

#: where a bundle refers to an organization by id: (path to an array or object, field, is-a-list)
REFERENCES = (
    (("principal_investigator",), "organization", False),
    (("team", "*"), "organization", False),
    (("budget", "allocation", "*"), "organization", False),
    (("budget", "self_raised", "*"), "organization", False),
    (("agreements", "*"), "parties", True),
    (("documents", "*"), "about", False),
    (("prior_cooperation", "*"), "partner", False),
    (("platform",), "host", False),
    (("platform",), "overseas_co_builder", False),
)


def _nodes(data: Any, pattern: tuple) -> list[tuple[tuple, Any]]:
    """``(path, value)`` of every value at ``pattern`` (keys, and ``*`` for every item of an array)."""
    found = [((), data)]
    for head in pattern:
        deeper = []
        for prefix, node in found:
            if head == "*":
                if type(node) is list:
                    deeper.extend((prefix + (index,), item) for index, item in enumerate(node))
            elif isinstance(node, Mapping) and head in node:
                deeper.append((prefix + (head,), node[head]))
        found = deeper
        if not found:
            break
    return found


def _referenced(data: Any, pattern: tuple) -> list:
    """Every value at ``pattern``, as :func:`_nodes` finds them, without their paths."""
    found = [data]
    for head in pattern:
        deeper: list = []
        for node in found:
            if head == "*":
                if type(node) is list:
                    deeper.extend(node)
            elif (type(node) is dict or isinstance(node, Mapping)) and head in node:
                deeper.append(node[head])
        found = deeper
        if not found:
            break
    return found


def integrity_holds(data: Mapping) -> bool:
    """True when :func:`integrity_findings` finds nothing: the same reading, without building the
    paths and messages that only a problem needs (the common case, answered first)."""
    seen = set()
    partners = data.get("partners")
    for org in [data.get("applicant")] + (partners if type(partners) is list else []):
        if isinstance(org, Mapping) and isinstance(org.get("id"), str):
            if org["id"] in seen:
                return False
            seen.add(org["id"])
    for pattern, field, many in REFERENCES:
        for node in _referenced(data, pattern):
            if not isinstance(node, Mapping) or field not in node:
                continue
            values = node[field] if many else [node[field]]
            if isinstance(values, list) and any(isinstance(value, str) and value not in seen for value in values):
                return False
    return True


def integrity_findings(topic: Any, data: Mapping, room: int) -> tuple[list[Finding], int]:
    """What a JSON Schema cannot say: organization ids are unique, and every reference names one.
    ``(findings, left out)``: at most ``room`` findings, and how many more problems there are."""
    return ([], 0) if integrity_holds(data) else integrity_problems(topic, data, room)


def integrity_problems(topic: Any, data: Mapping, room: int) -> tuple[list[Finding], int]:
    """:func:`integrity_findings` in full: a finding for each id used twice and each unknown reference
    (the first ``room`` of them; the others are counted)."""
    source = f"{topic.name} bundle format: ids"
    findings, seen, more = [], {}, 0
    known = known_en = None
    organizations = [(("applicant",), data.get("applicant"))] + [(where, item) for where, item in _nodes(data, ("partners", "*"))]
    for where, org in organizations:
        if isinstance(org, Mapping) and isinstance(org.get("id"), str):
            org_id = org["id"]
            if org_id in seen:
                if len(findings) >= room:
                    more += 1
                    continue
                first = "/".join(map(str, seen[org_id]))
                findings.append(Finding(
                    SCHEMA, Status.FAILED, Severity.ERROR, where + ("id",),
                    f"单位 id \"{org_id}\" 重复（已用于 /{first}）；id 在申报书内须唯一",
                    f"organization id \"{org_id}\" is used twice (first at /{first}); ids are unique within a bundle", source,
                    actual=org_id,
                ))
            else:
                seen[org_id] = where
    for pattern, field, many in REFERENCES:
        for where, node in _nodes(data, pattern):
            if not isinstance(node, Mapping) or field not in node:
                continue
            values = node[field] if many else [node[field]]
            if not isinstance(values, list):
                continue
            for index, value in enumerate(values):
                if isinstance(value, str) and value not in seen:
                    if len(findings) >= room:
                        more += 1
                        continue
                    if known is None:  # the known ids, once: at most 20 named
                        names = list(seen)[:20]
                        cut = "…" if len(seen) > 20 else ""
                        known, known_en = ("、".join(names) + cut) or "无", (", ".join(names) + cut) or "none"
                    at = where + ((field, index) if many else (field,))
                    findings.append(Finding(
                        SCHEMA, Status.FAILED, Severity.ERROR, at,
                        f"引用的单位 \"{value}\" 不是本申报书中的单位（应为：{known}）",
                        f"\"{value}\" names no organization of this bundle (known: {known_en})", source,
                        expected=sorted(seen)[:50], actual=value,
                    ))
    return findings, more
