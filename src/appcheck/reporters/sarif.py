"""``--format sarif``: SARIF 2.1.0, one run, one rule per requirement that has a result.

Every finding that is not passed becomes a result: a failed one has ``kind: "fail"`` and a level from
its severity (error, warning, note); one that needs review has ``kind: "review"`` and, as SARIF
§3.27.10 requires for any kind other than ``fail``, ``level: "none"``. A result's location is the
bundle file (a relative URI reference, percent-encoded) with the line and column of the value, or
line 1 column 1 when unknown (code scanning needs a region), and the JSON Pointer as a logical
location. A waived finding stays a result, with an accepted external suppression whose
``justification`` is the waiver's reason (approver and expiry in its properties). A finding is
reported once per place: a batch check's finding is a result in each bundle's
report, at its line, and the batch finding itself is a result only for bundles whose reports lack it
(never, for a batch from the engine). The bundles a batch finding names are listed once, in the run's
``properties.batchFindings`` (each with its requirement, status, messages and ``bundles``); each of
its results says which entry it belongs to (``properties.batchFinding``, an index into that list) and
how many bundles it names (``properties.bundleCount``). Listing them in every result instead would
make the log grow with the square of a breach's size (7,000 bundles over one quota: 49 million names).

Each result has ``partialFingerprints["appcheck/v1"]``, a SHA-256 of the requirement, the bundle's
URI and what the finding is about, and never of the line, so code scanning follows an alert as lines
move. What a finding is about: for a catalog requirement, the requirement itself (each yields one
finding per bundle, whichever value it points at as the bundle changes); for ``SCHEMA``, ``LOAD``,
``TOPIC`` and ``AS-OF`` findings, of which a bundle can have several, the JSON Pointer of the value.

A rule's ``help`` says, in Chinese and in English (``text`` and ``markdown``), what is checked, the
clause it enforces and how to fix a failure.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
from pathlib import Path
from urllib.parse import quote

from ..model import AS_OF, LOAD, SCHEMA, TOPIC, WAIVER, Severity, Status, dumps, jsonable
from . import Options, Places, message, place, render_with, write_json

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

#: Descriptions of the requirement ids that are not in the catalog (problems found before the checks).
_SPECIAL = {
    LOAD: ("The file can be read and parsed as a JSON or YAML bundle.",
           "A file that cannot be read, decoded or parsed cannot be checked against any requirement."),
    SCHEMA: ("The bundle conforms to its topic's JSON Schema.",
             "Every field the topic's schema asks for is present and has the right type and form; see `appcheck schema CALL/TOPIC`."),
    TOPIC: ("The bundle names a known call, topic and track.",
            "The call, topic and track fields select the guideline the bundle is checked against; see `appcheck topics`."),
    WAIVER: ("Every configured waiver is in force and is used.",
             "A waiver past its expires_on date waives nothing (an error); a waiver that covered no failed finding of the run is stale (a warning)."),
    AS_OF: ("The bundle states its submission date (submitted_on).",
            "Without submitted_on, every dated rule was measured at the date appcheck was given (--as-of, default today)."),
}


def _uri(file: str) -> str:
    """A URI reference for a file name as given: a relative path stays relative, with ``/`` separators,
    percent-encoded (RFC 3986); an absolute path becomes a ``file:`` URI."""
    if os.path.isabs(file):
        try:
            return Path(file).as_uri()
        except (ValueError, UnicodeError):
            pass
    for separator in (os.sep, os.altsep):
        if separator and separator != "/":
            file = file.replace(separator, "/")
    return quote(file, safe="/", errors="backslashreplace")


def _region(finding) -> dict:
    if finding.line is None:
        return {"startLine": 1, "startColumn": 1}
    return {"startLine": finding.line, "startColumn": finding.column or 1}


def _location(file: str | None, finding) -> dict:
    location: dict = {}
    if file is not None:
        location["physicalLocation"] = {"artifactLocation": {"uri": _uri(file)}, "region": _region(finding)}
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "member"}]
    return location


#: How to fix a failure of each kind of requirement, after what is checked.
_FIX = {
    "zh": "修改申报书使其满足上述要求：发现项的说明给出实际值与要求值，`appcheck explain CALL/TOPIC` 列出该专题的全部要求。",
    "en": "Change the bundle so that it meets the check above: the finding's message gives what was found and what is expected, and `appcheck explain CALL/TOPIC` lists every requirement of the topic.",
}
_SPECIAL_ZH = {
    LOAD: ("文件可作为 JSON 或 YAML 申报书读取和解析。", "修正文件的编码或语法错误（发现项给出行号和列号），使其成为 UTF-8 编码的 JSON 或 YAML 文档。"),
    SCHEMA: ("申报书符合其专题的 JSON Schema。", "按发现项所指位置补全或更正字段（`appcheck schema CALL/TOPIC` 给出专题的完整结构）。"),
    TOPIC: ("申报书写明已知的指南、专题和方向。", "将 call、topic、track 改为 `appcheck topics` 列出的值。"),
    AS_OF: ("申报书写明申报日期（submitted_on）。", "填写 submitted_on；未填写时按 --as-of（默认今天）计算所有日期规则。"),
    WAIVER: ("配置中的每项豁免均在有效期内并已被使用。", "删除或续期已到期的豁免（须重新审批）；删除未匹配任何未通过结论的豁免。"),
}
_SPECIAL_FIX_EN = {
    LOAD: "Fix the encoding or syntax error at the line and column the finding gives, so the file is a UTF-8 JSON or YAML document.",
    SCHEMA: "Add or correct the field at the place the finding names (`appcheck schema CALL/TOPIC` prints the topic's whole schema).",
    TOPIC: "Set call, topic and track to values `appcheck topics` lists.",
    AS_OF: "Fill in submitted_on; without it every dated rule is measured at --as-of (default today).",
    WAIVER: "Remove or renew (with a new approval) an expired waiver; remove a waiver that covers no failed finding.",
}


@functools.lru_cache(maxsize=None)
def _checked_zh(requirement: str) -> str | None:
    """What a requirement checks, in Chinese: the ``describe()`` of the first topic's rule declaring it."""
    from .. import topics

    for call in topics.calls():
        for topic in call.topics:
            for check in topic.checks:
                if check.requirement == requirement:
                    return check.rule.describe()[0]
    return None


def _help(checked_zh: str, checked_en: str, clause: str, fix_zh: str, fix_en: str) -> dict:
    """A rule's help in both languages: what is checked, the clause cited (when there is one), how to fix."""
    zh = [("检查", checked_zh), ("原文", clause), ("如何修改", fix_zh)]
    en = [("Check", checked_en), ("Clause", clause), ("How to fix", fix_en)]
    text = [f"{name}：{value}" for name, value in zh if value] + [""] + [f"{name}: {value}" for name, value in en if value]
    markdown = [f"**{name}**：{value}\n" for name, value in zh if value] + ["---\n"] + [f"**{name}**: {value}\n" for name, value in en if value]
    return {"text": "\n".join(text), "markdown": "\n".join(markdown).rstrip("\n")}


def _rule(finding, quoted: list[str]) -> dict:
    """A requirement's rule: its catalog description and, as its full description and in its help, the
    clauses its results quote (each topic's own, one a line, when the run holds bundles of several topics)."""
    from .. import catalog

    known = catalog.requirements().get(finding.requirement)
    if known is not None:
        cited = "\n".join(quoted) or f"“{known.source}”"
        short, full, level, kind = known.rule, cited, _LEVEL[known.severity], known.kind
        help_ = _help(_checked_zh(finding.requirement) or known.rule, known.rule, cited, _FIX["zh"], _FIX["en"])
    elif finding.requirement in _SPECIAL:
        short, full = _SPECIAL[finding.requirement]
        level, kind = _LEVEL[finding.severity], "special"
        zh, fix_zh = _SPECIAL_ZH[finding.requirement]
        help_ = _help(zh, f"{short} {full}", "", fix_zh, _SPECIAL_FIX_EN[finding.requirement])
    else:  # not in this version's catalog: describe it by its id
        short, full, level, kind = finding.requirement, finding.source or finding.requirement, _LEVEL[finding.severity], "unknown"
        help_ = _help(short, short, finding.source and f"“{finding.source}”", _FIX["zh"], _FIX["en"])
    return {
        "id": finding.requirement,
        "shortDescription": {"text": short or finding.requirement},
        "fullDescription": {"text": full or short or finding.requirement},
        "help": help_,
        "defaultConfiguration": {"level": level},
        "properties": {"kind": kind},
    }


def fingerprint(finding, bundle: str | None) -> str:
    """The stable identity of a result: requirement, bundle and what it is about (see the module's doc)."""
    from .. import catalog

    about = "" if finding.requirement in catalog.requirements() else finding.path
    text = "\0".join((finding.requirement, _uri(bundle) if bundle is not None else "", about))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _text(finding, lang: str) -> str:
    return message(finding, lang) or finding.message or finding.message_en or finding.requirement


def _result(finding, rule_index: int, locations: list, options: Options, bundle: str | None = None, group: tuple | None = None) -> dict:
    """The result of ``finding`` at ``locations``; ``group``: ``(index, count)`` of the batch finding it
    belongs to, in the run's ``properties.batchFindings``."""
    review = finding.status is Status.NEEDS_REVIEW
    result = {
        "ruleId": finding.requirement,
        "ruleIndex": rule_index,
        "kind": "review" if review else "fail",
        "level": "none" if review else _LEVEL[finding.severity],
        "message": {"text": _text(finding, options.lang)},
        "locations": [location for location in locations if location],
        "partialFingerprints": {"appcheck/v1": fingerprint(finding, bundle)},
    }
    properties = {"status": finding.status.value, "severity": finding.severity.value, "pointer": finding.path}
    if finding.source:
        properties["source"] = finding.source
    if finding.expected is not None:
        properties["expected"] = jsonable(finding.expected)
    if finding.actual is not None:
        properties["actual"] = jsonable(finding.actual)
    if group is not None:
        properties["batchFinding"], properties["bundleCount"] = group
    if finding.status is Status.WAIVED and finding.waiver:
        waiver = dict(finding.waiver)
        properties["waiver"] = jsonable(waiver)
        result["suppressions"] = [{
            "kind": "external",
            "status": "accepted",
            "justification": str(waiver.get("reason", "")),
            "properties": {key: jsonable(value) for key, value in waiver.items() if key != "reason"},
        }]
    result["properties"] = properties
    return result


def _listed(batch) -> list:
    """The batch findings the run lists in ``properties.batchFindings``: those not passed, in order."""
    return [finding for finding in batch.findings if finding.status is not Status.PASSED]


def _batch_findings(batch, lazy: bool = False):
    """The run's ``properties.batchFindings``: each listed batch finding once, with the bundles it
    names; when ``lazy``, the list and each finding's bundles are iterators, so that
    :func:`~appcheck.reporters.write_json` writes them a name at a time."""
    listed = ({
        "requirement": finding.requirement,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "pointer": finding.path,
        "message": finding.message,
        "message_en": finding.message_en,
        "bundles": iter(finding.bundles) if lazy else list(finding.bundles),
    } for finding in _listed(batch))
    return listed if lazy else list(listed)


def _results(batch, options: Options, index_of: dict[str, int]):
    """Every result of the batch, in order: each report's findings that are not passed, then the batch
    findings at the bundles whose reports lack them."""
    listed = _listed(batch)
    grouped = {(name, finding.requirement): (number, len(finding.bundles)) for number, finding in enumerate(listed) for name in finding.bundles}
    places = Places(wanted=grouped)  # left() is asked only of the listed findings: their pairs are grouped's keys
    for index, report in enumerate(batch.reports):
        places.seen(report, index)
        where = place(report, index)
        for finding in report.findings:
            if finding.status is not Status.PASSED:
                location = [_location(report.file, finding)]
                yield _result(finding, index_of[finding.requirement], location, options, where, grouped.get((where, finding.requirement)))
    for number, finding in enumerate(listed):
        for name in places.left(finding):
            yield _result(finding, index_of[finding.requirement], [_location(name, finding)], options, name, (number, len(finding.bundles)))


def _rules(batch) -> tuple[list[dict], dict[str, int]]:
    """One rule per requirement that has a result, in the order of their first results."""
    first: dict[str, object] = {}
    quoted: dict[str, dict[str, None]] = {}
    findings = (finding for report in batch.reports for finding in report.findings)
    for finding in itertools.chain(findings, batch.findings):
        if finding.status is not Status.PASSED:
            first.setdefault(finding.requirement, finding)
            if finding.source:
                quoted.setdefault(finding.requirement, {})[finding.source] = None
    rules = [_rule(finding, list(quoted.get(requirement, ()))) for requirement, finding in first.items()]
    return rules, {requirement: index for index, requirement in enumerate(first)}


def _head(batch, options: Options, rules: list[dict], lazy: bool = False) -> tuple[dict, dict]:
    from .. import __version__

    driver = {"name": "appcheck", "version": __version__, "semanticVersion": __version__, "rules": rules}
    properties = {"ok": batch.ok, "strictOk": batch.strict_ok, "strict": options.strict, "lang": options.lang}
    provenance = getattr(batch, "provenance", None)
    if provenance is not None:
        properties["provenance"] = provenance.to_dict(lazy=lazy)
    if _listed(batch):
        properties["batchFindings"] = _batch_findings(batch, lazy)
    return driver, properties


def _invocations(batch) -> list | None:
    """The run's invocation: when it started (UTC) and what it was given (``as_of``, settings, waivers)."""
    provenance = getattr(batch, "provenance", None)
    if provenance is None:
        return None
    return [{
        "executionSuccessful": True,
        "startTimeUtc": provenance.run_at,
        "properties": {"as_of": provenance.as_of, "settings": provenance.to_dict(lazy=True)["settings"], "waivers": provenance.to_dict(lazy=True)["waivers"]},
    }]


def build(batch, options: Options) -> dict:
    """The SARIF log as a JSON-ready dict."""
    rules, index_of = _rules(batch)
    driver, properties = _head(batch, options, rules)
    run = {"tool": {"driver": driver}}
    invocations = _invocations(batch)
    if invocations is not None:
        run["invocations"] = invocations
    run.update({"columnKind": "unicodeCodePoints", "results": list(_results(batch, options, index_of)), "properties": properties})
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _dumps(value, level: int) -> str:
    return dumps(value, indent=2).replace("\n", "\n" + "  " * level)


def write(batch, options: Options, out) -> None:
    """Write the SARIF log to ``out``: the text of ``json.dumps(build(...), indent=2)``, a result at a
    time (the reports are read twice: once for the rules, which come first, then for the results)."""
    rules, index_of = _rules(batch)
    driver, properties = _head(batch, options, rules, lazy=True)
    invocations = _invocations(batch)
    out.write('{\n  "$schema": ' + _dumps(SCHEMA_URI, 1) + ',\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": '
              + _dumps({"driver": driver}, 3)
              + ('' if invocations is None else ',\n      "invocations": ' + _dumps(invocations, 3))
              + ',\n      "columnKind": "unicodeCodePoints",\n      "results": [')
    first = True
    for result in _results(batch, options, index_of):
        out.write(("\n        " if first else ",\n        ") + _dumps(result, 4))
        first = False
    out.write("]" if first else "\n      ]")
    out.write(',\n      "properties": ')
    write_json(properties, 3, out)  # the provenance's bundles one at a time
    out.write("\n    }\n  ]\n}\n")


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
