"""``appcheck recheck REPORT.json``: does a recorded verdict still stand?

The bundles a JSON report names (its ``provenance.bundles``) are checked again, as one batch, with
the settings, ``as_of`` and waivers the report recorded (``overrides`` replace recorded settings,
to ask whether a verdict holds under another value). For each bundle, every finding whose status
changed is listed (a finding that appeared or went away counts: its status was or is ``absent``), with
why it may have changed: the bundle's SHA-256 differs from the recorded one, the appcheck version or
the catalogue (revision, SHA-256) or the pack of a call (name, version) differs, or a setting was
overridden.

Bundle paths are read as recorded, relative to the current directory (run ``recheck`` where the
report was made). A bundle that cannot be read again (gone, or given on standard input or in memory)
is ``missing``. :attr:`Recheck.exit_status`: 0 every verdict stands, 1 some finding changed, 2 a bundle
is missing.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

STANDS, CHANGED, MISSING = "stands", "changed", "missing"


class RecheckError(ValueError):
    """A report that cannot be rechecked (not a JSON report of appcheck, or without provenance)."""


@attrs.frozen
class Change:
    """One finding whose status differs: ``before`` and ``after`` are statuses, or ``absent``."""

    requirement: str
    path: str
    before: str
    after: str

    def to_dict(self) -> dict:
        return {"requirement": self.requirement, "path": self.path, "before": self.before, "after": self.after}


@attrs.frozen
class BundleRecheck:
    path: str
    state: str  # stands, changed or missing
    changes: tuple = ()
    reasons: tuple = ()  # why it may have changed (the bundle's own and the run's)
    ok_before: bool | None = None
    ok_after: bool | None = None

    def to_dict(self) -> dict:
        return {"path": self.path, "state": self.state, "ok_before": self.ok_before, "ok_after": self.ok_after,
                "reasons": list(self.reasons), "changes": [change.to_dict() for change in self.changes]}


@attrs.frozen
class Recheck:
    bundles: tuple
    batch_changes: tuple = ()
    reasons: tuple = ()  # what differs for the whole run (appcheck, catalogue, settings)

    @property
    def exit_status(self) -> int:
        if any(bundle.state == MISSING for bundle in self.bundles):
            return 2
        if self.batch_changes or any(bundle.state == CHANGED for bundle in self.bundles):
            return 1
        return 0

    def to_dict(self) -> dict:
        return {"exit_status": self.exit_status, "reasons": list(self.reasons), "bundles": [b.to_dict() for b in self.bundles],
                "batch": [change.to_dict() for change in self.batch_changes]}


def _keyed(findings: Iterable[Mapping]) -> dict[tuple, tuple[str, str]]:
    """``{key: (status, path)}``. A catalog requirement yields one finding a bundle, whatever value it
    points at as the bundle changes: its key is its id (and the bundles a batch finding names). A
    ``SCHEMA``, ``LOAD``, ``TOPIC``, ``AS-OF`` or ``WAIVER`` finding is told apart by its path and
    source too; the n-th of equal keys is numbered."""
    from . import catalog

    known = catalog.requirements()
    seen: Counter = Counter()
    keyed = {}
    for finding in findings:
        requirement = finding.get("requirement")
        key = (requirement, tuple(finding.get("bundles", ())))
        if requirement not in known:
            key += (finding.get("path", ""), finding.get("source", ""))
        keyed[(*key, seen[key])] = (finding.get("status"), finding.get("path", ""))
        seen[key] += 1
    return keyed


def _changes(before: Iterable[Mapping], after: Iterable[Mapping]) -> tuple[Change, ...]:
    old, new = _keyed(before), _keyed(after)
    changes = []
    for key in [*old, *(key for key in new if key not in old)]:
        (was, old_path), (now, new_path) = old.get(key, ("absent", None)), new.get(key, ("absent", None))
        if was != now:
            changes.append(Change(key[0], new_path if new_path is not None else old_path, was, now))
    return tuple(changes)


def load(path: str | os.PathLike) -> dict:
    """A JSON report as written by ``appcheck validate --format json``; :class:`RecheckError` otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise RecheckError(f"{os.fspath(path)}: cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise RecheckError(f"{os.fspath(path)}: not a JSON report ({error})") from None
    if not isinstance(data, dict) or data.get("format") != "appcheck-report/1":
        raise RecheckError(f'{os.fspath(path)}: not a JSON report of appcheck (no "format": "appcheck-report/1")')
    if not isinstance(data.get("provenance"), dict):
        raise RecheckError(f"{os.fspath(path)}: the report records no provenance (made before reports recorded it), so it cannot be rechecked")
    return data


def recheck(report: Mapping, overrides: Mapping[str, Any] | None = None) -> Recheck:
    """Check the bundles of ``report`` (a parsed JSON report) again as it recorded; see the module."""
    from . import __version__, catalog, engine
    from .provenance import Provenance
    from .waivers import Waiver

    try:
        recorded = Provenance.from_dict(report["provenance"])
        waivers = [Waiver.from_dict(waiver) for waiver in recorded.waivers]
    except (KeyError, TypeError, ValueError) as error:
        raise RecheckError(f"the report's provenance is incomplete or malformed ({type(error).__name__}: {error})") from None
    settings = {name: value.get("value") for name, value in recorded.settings.items()}
    reasons = []
    if recorded.appcheck != __version__:
        reasons.append(f"appcheck {recorded.appcheck} -> {__version__}")
    catalogue = recorded.catalogue
    if catalogue.get("revision") != catalog.revision() or catalogue.get("sha256") != catalog.sha256():
        reasons.append(f"catalogue revision {catalogue.get('revision')} -> {catalog.revision()}"
                       + ("" if catalogue.get("sha256") == catalog.sha256() else f" (sha256 {str(catalogue.get('sha256'))[:12]}… -> {catalog.sha256()[:12]}…)"))
    from .provenance import packs_of

    now_packs = packs_of(recorded.calls)
    for call, pack in recorded.calls.items():
        if now_packs.get(call) != pack:
            now = now_packs.get(call)
            reasons.append(f"call {call}: {pack.get('pack')} {pack.get('version')} -> "
                           + (f"{now['pack']} {now['version']}" if now else "not installed"))
    for name, value in (overrides or {}).items():
        was = settings.get(name)
        settings[name] = value
        reasons.append(f"setting {name} {was if was is not None else '(unset)'} -> {value}")
    reports = {entry.get("file"): entry for entry in report.get("reports", ())}
    present, missing = [], {}
    for bundle in recorded.bundles:
        path = bundle.get("path")
        if path is None or path == "-" or bundle.get("sha256") is None and str(path).startswith("#"):
            missing[path] = "given on standard input or in memory: it cannot be read again"
        elif not os.path.isfile(path):
            missing[path] = "no such file"
        else:
            present.append(path)
    try:
        batch = engine.validate_batch(present, as_of=recorded.as_of, settings=settings, waivers=waivers)
    except ValueError as error:  # a recorded setting this appcheck does not know
        raise RecheckError(f"the report's settings cannot be used: {error}") from None
    again = {entry.file: entry for entry in batch.reports}
    results = []
    for bundle in recorded.bundles:
        path = bundle.get("path")
        before = reports.get(path, {})
        if path in missing:
            results.append(BundleRecheck(str(path), MISSING, (), (missing[path],), before.get("ok"), None))
            continue
        now = again[path]
        changes = _changes(before.get("findings", ()), (finding.to_dict() for finding in now.findings))
        own = []
        if now.sha256 != bundle.get("sha256"):
            own.append(f"bundle changed (sha256 {str(bundle.get('sha256'))[:12]}… -> {str(now.sha256)[:12]}…, "
                       f"{bundle.get('size')} -> {now.size} bytes)")
        results.append(BundleRecheck(path, CHANGED if changes else STANDS, changes, tuple(own + reasons), before.get("ok"), now.ok))
    batch_changes = _changes(report.get("findings", ()), (finding.to_dict() for finding in batch.findings))
    return Recheck(tuple(results), batch_changes, tuple(reasons))


def render(result: Recheck, lang: str = "en") -> str:
    """The recheck as text: per bundle, whether its verdict stands and each finding that changed."""
    zh = lang == "zh"
    words = {STANDS: "结论不变" if zh else "stands", CHANGED: "有变化" if zh else "changed", MISSING: "缺失" if zh else "missing"}
    lines = []
    for bundle in result.bundles:
        why = f" ({'; '.join(bundle.reasons)})" if bundle.reasons and bundle.state != STANDS else ""
        verdict = ""
        if bundle.state == CHANGED and bundle.ok_before != bundle.ok_after:
            ok = {True: "ok", False: "not ok", None: "?"}
            verdict = f", {ok[bundle.ok_before]} -> {ok[bundle.ok_after]}"
        lines.append(f"{bundle.path}: {words[bundle.state]}{verdict}{why}")
        lines.extend(f"  {change.requirement} {change.path or '/'}: {change.before} -> {change.after}" for change in bundle.changes)
    if result.batch_changes:
        lines.append("批量检查" if zh else "batch")
        lines.extend(f"  {change.requirement} {change.path or '/'}: {change.before} -> {change.after}" for change in result.batch_changes)
    counts = Counter(bundle.state for bundle in result.bundles)
    if zh:
        lines.append(f"共 {len(result.bundles)} 份申报书：{counts[STANDS]} 份结论不变，{counts[CHANGED]} 份有变化，{counts[MISSING]} 份缺失")
    else:
        lines.append(f"{len(result.bundles)} bundle(s): {counts[STANDS]} stand, {counts[CHANGED]} changed, {counts[MISSING]} missing")
    return "\n".join(lines) + "\n"
