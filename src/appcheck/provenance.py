"""What a verdict rests on: the provenance every report of a batch records.

- ``appcheck``: the version that checked;
- ``catalogue``: the revision of the requirements catalogue and the SHA-256 of the shipped file;
- ``calls``: for each call checked, the pack (distribution) that registers it and its version;
- ``settings``: each call setting in effect (those of the calls checked, and any given), its value and
  whether it is the call's ``default``;
- ``as_of``: the date used for bundles without ``submitted_on`` (and the day waivers are judged on);
- ``waivers``: each waiver of the run, with its ``state``: ``applied``, ``unused`` or ``expired``;
- ``bundles``: each bundle's ``path`` (as given; ``#INDEX`` for one given in memory), ``size`` in bytes
  and ``sha256`` of the bytes read (``null`` for one given in memory). While a batch of
  :func:`appcheck.engine.check_batch` is open, a :class:`Bundles` view of the rows it keeps in a
  :class:`~appcheck.stores.SpillStore` (on disk past its threshold), so that a batch of any size
  takes flat memory; a tuple everywhere else (:meth:`Provenance.from_dict`, a ``BatchReport``);
- ``run_at``: when the batch was checked (UTC).

Nothing else varies between two runs on the same input: ``run_at`` is the one field a comparison of
two reports ignores (:func:`comparable`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

#: the one field that differs between two runs on the same input
RUN_AT = "run_at"


def now() -> str:
    """The current time, UTC, to the second, as ISO 8601 with ``Z``."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class Bundles:
    """The provenance's rows of a batch's bundles, read from the store that keeps them: sized, and
    iterable more than once (each row a new ``{"path", "size", "sha256"}`` dict); valid while the
    batch is open."""

    def __init__(self, rows: Any) -> None:
        self._rows = rows  # (path, size, sha256) tuples, in batch order

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict]:
        for path, size, sha256 in self._rows:
            yield {"path": path, "size": size, "sha256": sha256}


@attrs.frozen
class Provenance:
    appcheck: str
    catalogue: Mapping[str, Any]
    settings: Mapping[str, Mapping[str, Any]]
    as_of: str
    waivers: tuple = ()
    bundles: tuple = ()
    run_at: str = ""
    calls: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)

    def to_dict(self, lazy: bool = False) -> dict:
        """The provenance as JSON-ready values; with ``lazy``, ``bundles`` is an iterator of the rows
        (for a reporter that writes them one at a time)."""
        return {
            "appcheck": self.appcheck,
            "catalogue": dict(self.catalogue),
            "calls": {call: dict(pack) for call, pack in self.calls.items()},
            "settings": {name: dict(value) for name, value in self.settings.items()},
            "as_of": self.as_of,
            "waivers": [dict(waiver) for waiver in self.waivers],
            "bundles": (dict(bundle) for bundle in self.bundles) if lazy else [dict(bundle) for bundle in self.bundles],
            RUN_AT: self.run_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Provenance:
        return cls(
            data["appcheck"], dict(data["catalogue"]), {name: dict(value) for name, value in data["settings"].items()},
            data["as_of"], tuple(dict(w) for w in data.get("waivers", ())), tuple(dict(b) for b in data.get("bundles", ())),
            data.get(RUN_AT, ""), {call: dict(pack) for call, pack in data.get("calls", {}).items()},
        )

    def given_settings(self) -> dict[str, Any]:
        """The settings that were not the defaults, as a caller gives them again."""
        return {name: value["value"] for name, value in self.settings.items() if not value.get("default")}

    def materialized(self) -> Provenance:
        """The same provenance with its bundles as a tuple (what outlives the batch)."""
        return self if isinstance(self.bundles, tuple) else attrs.evolve(self, bundles=tuple(self.bundles))

    def bundle(self, path: str) -> Mapping | None:
        return next((bundle for bundle in self.bundles if bundle.get("path") == path), None)


def settings_in_effect(given: Mapping[str, Any] | None, resolved: Mapping[str, Any] | None, calls: Iterable[str]) -> dict[str, dict]:
    """Each setting of ``calls`` (and each given) with its value and whether it is the default."""
    from . import topics
    from .model import jsonable

    given = dict(given or {})
    found: dict[str, dict] = {}
    for call_id in sorted({call for call in calls if call}):
        call = topics.call(call_id)
        for setting in call.settings if call is not None else ():
            found[setting.name] = {"value": jsonable(setting.default), "default": True}
    for name in given:
        value = resolved[name] if resolved is not None and name in resolved else given[name]
        found[name] = {"value": jsonable(value), "default": False}
    return dict(sorted(found.items()))


def build(*, run_at: str, as_of: dt.date, given: Mapping[str, Any] | None, resolved: Mapping[str, Any] | None,
          calls: Iterable[str], waivers: Any, used: Iterable[int], bundles: Iterable[tuple] | Bundles) -> Provenance:
    """The provenance of a checked batch (see the module's documentation); ``bundles``: ``(path, size,
    sha256)`` of each bundle, or a :class:`Bundles` view kept as it is."""
    from . import __version__, catalog

    used = set(used)
    states = []
    if waivers:
        states = [dict(waiver.to_dict(), state="applied" if index in used else "unused") for index, waiver in enumerate(waivers.active)]
        states += [dict(waiver.to_dict(), state="expired") for waiver in waivers.expired]
    return Provenance(
        __version__,
        {"revision": catalog.revision(), "sha256": catalog.sha256()},
        settings_in_effect(given, resolved, calls),
        as_of.isoformat(),
        tuple(states),
        bundles if isinstance(bundles, Bundles) else tuple({"path": path, "size": size, "sha256": sha256} for path, size, sha256 in bundles),
        run_at,
        packs_of(calls),
    )


def packs_of(calls: Iterable[str]) -> dict[str, dict]:
    """``{call: {"pack": name, "version": version}}`` for each call an installed pack registers."""
    from . import packs

    found = {}
    for call_id in sorted({call for call in calls if call}):
        pack = packs.pack_of(call_id)
        if pack is not None:
            found[call_id] = {"pack": pack.name, "version": pack.version}
    return found


def comparable(report: Any) -> Any:
    """A report (as parsed JSON, SARIF or any nesting of dicts and lists) without ``run_at`` (and
    SARIF's ``startTimeUtc``): what two runs on the same input agree on."""
    if isinstance(report, Mapping):
        return {key: comparable(value) for key, value in report.items() if key not in (RUN_AT, "startTimeUtc")}
    if isinstance(report, list):
        return [comparable(item) for item in report]
    return report


def lines(provenance: Provenance | None, lang: str) -> list[str]:
    """The provenance as lines of text (the text report's footer with ``--verbose``)."""
    return list(iter_lines(provenance, lang))


def iter_lines(provenance: Provenance | None, lang: str) -> Iterator[str]:
    """The lines of :func:`lines`, one at a time (a bundle's line as its row is read)."""
    if provenance is None:
        return
    en = lang == "en"
    catalogue = provenance.catalogue
    out = [
        ("provenance" if en else "检查依据"),
        f"  appcheck {provenance.appcheck}; " + (f"catalogue revision {catalogue.get('revision')}" if en else f"要求目录第 {catalogue.get('revision')} 版")
        + f" (sha256 {catalogue.get('sha256')})",
        f"  as_of {provenance.as_of}; " + ("run at " if en else "检查时间 ") + provenance.run_at,
    ]
    for call, pack in provenance.calls.items():
        out.append(f"  call {call}: {pack.get('pack')} {pack.get('version')}")
    for name, value in provenance.settings.items():
        mark = (" (default)" if en else "（默认）") if value.get("default") else ""
        out.append(f"  setting {name} = {value.get('value') if value.get('value') is not None else '(unset)'}{mark}")
    for waiver in provenance.waivers:
        out.append(f"  waiver {waiver.get('requirement')} [{waiver.get('state')}] {', '.join(waiver.get('bundles', ()))}: {waiver.get('reason')}"
                   f" ({waiver.get('approved_by')}, {waiver.get('expires_on')})")
    yield from out
    for bundle in provenance.bundles:
        yield f"  bundle {bundle.get('path')} {bundle.get('size') if bundle.get('size') is not None else '-'} bytes sha256 {bundle.get('sha256') or '-'}"
