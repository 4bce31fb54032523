"""Waivers: failures a bureau has accepted, written down as data.

A waiver names a ``requirement`` (its id), the ``bundles`` it covers (globs over file names) and,
optionally, a ``pointer`` (the JSON Pointer of the value, or of a value that contains it), with
the ``reason``, who ``approved_by`` it and the date it ``expires_on`` (the last day it holds). A failed
finding a waiver covers becomes ``waived``: it no longer makes its bundle not ok (nor fails
``--strict``), and every report still shows it with the waiver's reason, approver and expiry.

- A waiver past its date (``expires_on`` before the date of the run, its ``as_of``) waives nothing
  and gives a ``WAIVER`` finding of severity error saying it expired.
- A waiver that covered nothing in the run gives a ``WAIVER`` warning, so stale waivers surface.
- ``LOAD``, ``TOPIC`` and ``SCHEMA`` findings are never waived (a bundle that cannot be read or
  checked is never accepted), and a configuration naming them is refused.

Bundles: the bundle format (``appcheck/1``) carries no bundle id, so each entry of ``bundles`` is a
glob matched (``*`` also across ``/``) against the file name as given and against the path relative
to the configuration file's directory; a bundle given in memory is named ``#INDEX`` (its place in
the batch). A batch finding (a quota, an identity) is waived when every bundle it names is covered.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from . import pointer as _pointer
from .converters import to_tuple
from .model import LOAD, SCHEMA, TOPIC, WAIVER, Finding, Severity, Status

#: how a batch finding names a bundle given in memory
IN_MEMORY = re.compile(r"#[0-9]+")

#: requirement ids no waiver may name
NEVER = (LOAD, TOPIC, SCHEMA, WAIVER)
FIELDS = ("requirement", "bundles", "pointer", "reason", "approved_by", "expires_on")
REQUIRED = ("requirement", "bundles", "reason", "approved_by", "expires_on")


class WaiverError(ValueError):
    """A waiver entry that cannot be used; ``key`` is the field at fault (None for the entry)."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def _text(data: Mapping, key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise WaiverError(f"{key} is a non-empty text, not {value!r}", key)
    return value


def _date(value: Any) -> dt.date:
    from .config import date_value

    found = date_value(value)
    if found is not None:
        return found
    raise WaiverError(f"expires_on is a date (expires_on = 2026-06-30), not {value!r}", "expires_on")


@attrs.frozen
class Waiver:
    """One waiver entry (see the module's documentation); ``origin`` says where it was written."""

    requirement: str
    bundles: tuple = attrs.field(converter=to_tuple)
    reason: str
    approved_by: str
    expires_on: dt.date
    pointer: str | None = None
    #: where it was written (``FILE:LINE``), and the directory its bundle globs are relative to
    origin: str = ""
    base: str | None = None

    @classmethod
    def from_mapping(cls, data: Any, origin: str = "", base: str | os.PathLike | None = None) -> Waiver:
        """A waiver from a configuration table; :class:`WaiverError` naming the field and what it accepts."""
        if not isinstance(data, Mapping):
            raise WaiverError(f"a waiver is a table with {', '.join(REQUIRED)} and optionally pointer, not {data!r}")
        unknown = [key for key in data if key not in FIELDS]
        if unknown:
            raise WaiverError(f"unknown field {unknown[0]!r}; accepted: {', '.join(FIELDS)}", unknown[0])
        missing = [key for key in REQUIRED if key not in data]
        if missing:
            raise WaiverError(f"{missing[0]} is required (a waiver needs {', '.join(REQUIRED)})")
        requirement = _text(data, "requirement")
        if requirement in NEVER:
            raise WaiverError(f"{requirement} findings are never waived (nor {', '.join(n for n in NEVER if n != requirement)})", "requirement")
        from . import catalog

        if requirement not in catalog.requirements():
            raise WaiverError(f"unknown requirement {requirement!r}; a waiver names a requirement id of the catalog (appcheck explain CALL/TOPIC lists them)", "requirement")
        bundles = data["bundles"]
        if isinstance(bundles, str):
            bundles = [bundles]
        if not isinstance(bundles, list) or not bundles or not all(isinstance(b, str) and b for b in bundles):
            raise WaiverError(f'bundles is a glob or an array of globs over file names (bundles = ["submissions/acme-*.json"]), not {data["bundles"]!r}', "bundles")
        pointer = data.get("pointer")
        if pointer is not None:
            if not isinstance(pointer, str):
                raise WaiverError(f"pointer is a JSON Pointer (pointer = \"/project/end_date\"), not {pointer!r}", "pointer")
            try:
                _pointer.parse(pointer)
            except ValueError as error:
                raise WaiverError(f"pointer is a JSON Pointer (RFC 6901): {error}", "pointer") from None
        return cls(requirement, tuple(bundles), _text(data, "reason"), _text(data, "approved_by"),
                   _date(data["expires_on"]), pointer, origin, os.path.abspath(base) if base is not None else None)

    def expired(self, on: dt.date) -> bool:
        """True when the waiver no longer holds on ``on`` (``expires_on`` is the last day it holds)."""
        return self.expires_on < on

    def covers_bundle(self, name: str, is_file: bool) -> bool:
        """True when a glob matches the bundle's name: a file name as given or relative to ``base``,
        or ``#INDEX`` for a bundle given in memory."""
        names = [name]
        if is_file:
            names[0] = Path(name).as_posix()
            if self.base is not None:
                try:
                    names.append(Path(os.path.abspath(name)).relative_to(self.base).as_posix())
                except ValueError:
                    pass
        return any(fnmatch.fnmatchcase(each, glob) for each in names for glob in self.bundles)

    def covers_path(self, path: str) -> bool:
        if self.pointer is None or self.pointer == "":
            return True
        return path == self.pointer or path.startswith(self.pointer + "/")

    def note(self) -> dict:
        """What a waived finding carries of its waiver."""
        return {"reason": self.reason, "approved_by": self.approved_by, "expires_on": self.expires_on.isoformat(), "origin": self.origin}

    def to_dict(self) -> dict:
        data = {"requirement": self.requirement, "bundles": list(self.bundles)}
        if self.pointer is not None:
            data["pointer"] = self.pointer
        data.update(reason=self.reason, approved_by=self.approved_by, expires_on=self.expires_on.isoformat(), origin=self.origin)
        if self.base is not None:
            data["base"] = self.base
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> Waiver:
        """The waiver :meth:`to_dict` wrote (a report's provenance)."""
        return cls(data["requirement"], tuple(data["bundles"]), data["reason"], data["approved_by"],
                   _date(data["expires_on"]), data.get("pointer"), data.get("origin", ""), data.get("base"))

    def describe(self) -> str:
        where = f" at {self.pointer}" if self.pointer else ""
        return (f"{self.requirement}{where} for {', '.join(self.bundles)}: {self.reason} "
                f"(approved by {self.approved_by}, until {self.expires_on.isoformat()}) [{self.origin}]")


@attrs.frozen
class Waivers:
    """The waivers of one run, split on its date (picklable: worker processes get it with each bundle).

    ``active`` are those that hold on the day of the run (its ``as_of``), ``expired`` the others.
    """

    active: tuple = ()
    expired: tuple = ()

    @classmethod
    def of(cls, waivers: Iterable[Waiver], on: dt.date) -> Waivers:
        items = tuple(waivers)
        for waiver in items:
            if not isinstance(waiver, Waiver):
                raise TypeError(f"waivers are appcheck.waivers.Waiver values, not {type(waiver).__name__}")
        return cls(tuple(w for w in items if not w.expired(on)), tuple(w for w in items if w.expired(on)))

    def __bool__(self) -> bool:
        return bool(self.active or self.expired)

    def match(self, requirement: str, status: Status, path: str, name: str, is_file: bool) -> int | None:
        """The index (in ``active``) of the first waiver covering a finding, or None."""
        if status is not Status.FAILED or requirement in NEVER:
            return None
        for index, waiver in enumerate(self.active):
            if waiver.requirement == requirement and waiver.covers_path(path) and waiver.covers_bundle(name, is_file):
                return index
        return None

    def waive(self, finding: Finding, index: int) -> Finding:
        return attrs.evolve(finding, status=Status.WAIVED, waiver=self.active[index].note())

    def apply(self, finding: Finding, name: str, is_file: bool) -> tuple[Finding, int | None]:
        """``finding`` waived if a waiver covers it (and that waiver's index), else as it was."""
        found = self.match(finding.requirement, finding.status, finding.path, name, is_file)
        return (finding, None) if found is None else (self.waive(finding, found), found)

    def apply_batch(self, finding: Finding) -> tuple[Finding, int | None]:
        """A batch finding, waived when one waiver covers every bundle it names."""
        if not finding.bundles or finding.status is not Status.FAILED or finding.requirement in NEVER:
            return finding, None
        for index, waiver in enumerate(self.active):
            if waiver.requirement == finding.requirement and waiver.covers_path(finding.path) and all(
                waiver.covers_bundle(name, not IN_MEMORY.fullmatch(name)) for name in finding.bundles
            ):
                return self.waive(finding, index), index
        return finding, None

    def findings(self, used: Iterable[int]) -> list[Finding]:
        """The ``WAIVER`` findings of a run: one error per expired waiver, one warning per unused one."""
        used = set(used)
        found = []
        for waiver in self.expired:
            found.append(Finding(
                WAIVER, Status.FAILED, Severity.ERROR, (),
                f"豁免已于 {waiver.expires_on.isoformat()} 到期，未予适用：{waiver.describe()}",
                f"waiver expired on {waiver.expires_on.isoformat()} and was not applied: {waiver.describe()}",
                waiver.origin, actual=waiver.to_dict(),
            ))
        for index, waiver in enumerate(self.active):
            if index not in used:
                found.append(Finding(
                    WAIVER, Status.FAILED, Severity.WARNING, (),
                    f"豁免未匹配本次检查中任何未通过的结论（可删除）：{waiver.describe()}",
                    f"waiver matched no failed finding in this run (unused; remove it?): {waiver.describe()}",
                    waiver.origin, actual=waiver.to_dict(),
                ))
        return found
