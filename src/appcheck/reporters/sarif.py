"""``--format sarif``: SARIF 2.1.0, one run, one rule per requirement that has a result.

Every finding that is not passed becomes a result: a failed one has ``kind: "fail"`` and a level from
its severity (error, warning, note); one that needs review has ``kind: "review"`` and, as SARIF
§3.27.10 requires for any kind other than ``fail``, ``level: "none"``. A result's location is the
bundle file (a relative URI reference, percent-encoded) with the line and column of the value, or
line 1 column 1 when unknown (code scanning needs a region), and the JSON Pointer as a logical
location. A batch finding is one result with a location per bundle it names.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path
from urllib.parse import quote

from ..model import AS_OF, LOAD, SCHEMA, TOPIC, Severity, Status, jsonable
from . import BundleFiles, Options, message, render_with

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


def _rule(finding) -> dict:
    from .. import catalog

    known = catalog.requirements().get(finding.requirement)
    if known is not None:
        short, full, level, kind = known.rule, known.source, _LEVEL[known.severity], known.kind
    elif finding.requirement in _SPECIAL:
        short, full = _SPECIAL[finding.requirement]
        level, kind = _LEVEL[finding.severity], "special"
    else:  # not in this version's catalog: describe it by its id
        short, full, level, kind = finding.requirement, finding.source or finding.requirement, _LEVEL[finding.severity], "unknown"
    return {
        "id": finding.requirement,
        "shortDescription": {"text": short or finding.requirement},
        "fullDescription": {"text": full or short or finding.requirement},
        "help": {"text": full or short or finding.requirement},
        "defaultConfiguration": {"level": level},
        "properties": {"kind": kind},
    }


def _text(finding, lang: str) -> str:
    return message(finding, lang) or finding.message or finding.message_en or finding.requirement


def _result(finding, rule_index: int, locations: list, options: Options) -> dict:
    review = finding.status is Status.NEEDS_REVIEW
    result = {
        "ruleId": finding.requirement,
        "ruleIndex": rule_index,
        "kind": "review" if review else "fail",
        "level": "none" if review else _LEVEL[finding.severity],
        "message": {"text": _text(finding, options.lang)},
        "locations": [location for location in locations if location],
    }
    properties = {"status": finding.status.value, "severity": finding.severity.value, "pointer": finding.path}
    if finding.source:
        properties["source"] = finding.source
    if finding.expected is not None:
        properties["expected"] = jsonable(finding.expected)
    if finding.actual is not None:
        properties["actual"] = jsonable(finding.actual)
    if finding.bundles:
        properties["bundles"] = list(finding.bundles)
    result["properties"] = properties
    return result


def _results(batch, options: Options, index_of: dict[str, int]):
    """Every result of the batch, in order: each report's findings that are not passed, then the batch's."""
    files_of = BundleFiles()
    for report in batch.reports:
        files_of.seen(report)
        for finding in report.findings:
            if finding.status is not Status.PASSED:
                yield _result(finding, index_of[finding.requirement], [_location(report.file, finding)], options)
    for finding in batch.findings:
        if finding.status is Status.PASSED:
            continue
        files = files_of.of(finding)
        yield _result(finding, index_of[finding.requirement], [_location(name, finding) for name in files], options)


def _rules(batch) -> tuple[list[dict], dict[str, int]]:
    """One rule per requirement that has a result, in the order of their first results."""
    rules: list[dict] = []
    index_of: dict[str, int] = {}
    findings = (finding for report in batch.reports for finding in report.findings)
    for finding in itertools.chain(findings, batch.findings):
        if finding.status is not Status.PASSED and finding.requirement not in index_of:
            index_of[finding.requirement] = len(rules)
            rules.append(_rule(finding))
    return rules, index_of


def _head(batch, options: Options, rules: list[dict]) -> tuple[dict, dict]:
    from .. import __version__

    driver = {"name": "appcheck", "version": __version__, "semanticVersion": __version__, "rules": rules}
    properties = {"ok": batch.ok, "strictOk": batch.strict_ok, "strict": options.strict, "lang": options.lang}
    return driver, properties


def build(batch, options: Options) -> dict:
    """The SARIF log as a JSON-ready dict."""
    rules, index_of = _rules(batch)
    driver, properties = _head(batch, options, rules)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": list(_results(batch, options, index_of)),
            "properties": properties,
        }],
    }


def _dumps(value, level: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def write(batch, options: Options, out) -> None:
    """Write the SARIF log to ``out``: the text of ``json.dumps(build(...), indent=2)``, a result at a
    time (the reports are read twice: once for the rules, which come first, then for the results)."""
    rules, index_of = _rules(batch)
    driver, properties = _head(batch, options, rules)
    out.write('{\n  "$schema": ' + _dumps(SCHEMA_URI, 1) + ',\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": '
              + _dumps({"driver": driver}, 3) + ',\n      "columnKind": "unicodeCodePoints",\n      "results": [')
    first = True
    for result in _results(batch, options, index_of):
        out.write(("\n        " if first else ",\n        ") + _dumps(result, 4))
        first = False
    out.write("]" if first else "\n      ]")
    out.write(',\n      "properties": ' + _dumps(properties, 3) + "\n    }\n  ]\n}\n")


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
