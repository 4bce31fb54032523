"""``--format json``: the batch report's ``to_dict()``, one JSON document, written a report at a time."""

from __future__ import annotations

from ..model import dumps
from . import Options, render_with, write_json


def _dumps(value, level: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``level`` levels deep in a document
    (JSON strings hold no raw line break, so every line break is the indentation's)."""
    return dumps(value, indent=2).replace("\n", "\n" + "  " * level)


def _write_findings(findings, out) -> None:
    """The batch findings, as ``_dumps([finding.to_dict() ...], 1)`` writes them, each finding's
    ``bundles`` a name at a time (a batch finding may name thousands of bundles, read from disk)."""
    if not findings:
        out.write("[]")
        return
    for number, finding in enumerate(findings):
        out.write(("[" if number == 0 else ",") + "\n    ")
        data = finding.to_dict(lazy=True)
        if "bundles" not in data:
            out.write(_dumps(data, 2))
            continue
        for place, (key, value) in enumerate(data.items()):
            out.write(("{" if place == 0 else ",") + "\n      " + dumps(key) + ": ")
            if key == "bundles":
                write_json(value, 3, out)  # an iterator: one name at a time
            else:
                out.write(_dumps(value, 3))
        out.write("\n    }")
    out.write("\n  ]")


def write(batch, options: Options, out) -> None:
    """Write the JSON document of ``batch`` to ``out``: the same text as ``json.dumps`` of the whole
    ``to_dict()`` (plus ``strict`` and ``ok_strict``), with indent 2, one report at a time. ``provenance``
    (see :mod:`appcheck.provenance`) comes after the findings."""
    out.write('{\n  "format": "appcheck-report/1",\n  "ok": ' + _dumps(batch.ok, 1) + ',\n  "reports": [')
    first = True
    for report in batch.reports:
        out.write(("\n    " if first else ",\n    ") + _dumps(report.to_dict(), 2))
        first = False
    out.write("]" if first else "\n  ]")
    out.write(',\n  "findings": ')
    _write_findings(batch.findings, out)
    provenance = getattr(batch, "provenance", None)
    if provenance is not None:
        out.write(',\n  "provenance": ')
        write_json(provenance.to_dict(lazy=True), 1, out)  # the bundles' rows one at a time
    out.write(',\n  "strict": ' + _dumps(options.strict, 1) + ',\n  "ok_strict": ' + _dumps(batch.strict_ok, 1) + "\n}\n")


def render(batch, options: Options) -> str:
    return render_with(write, batch, options)
