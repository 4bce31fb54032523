"""One reporter per output format: ``write(batch, options, out)`` and ``render(batch, options) -> str``.

Reporters turn a batch into text; they never print, exit or read files. ``write`` writes to a text
stream as it goes, one report at a time, so that a batch of any size is written in flat memory;
``render`` is ``write`` into a string. A batch is a :class:`~appcheck.model.BatchReport` or an
:class:`~appcheck.engine.CheckedBatch`: both have ``reports`` (sized, iterable), ``findings``,
``ok``, ``strict_ok`` and ``latest_checked_on``, and a ``provenance`` (None when the batch was not
checked here).
"""

from __future__ import annotations

import collections.abc
import importlib
import re

import attrs

from ..formats import FORMATS


def write_json(value, level: int, out) -> None:
    """Write ``value`` to ``out`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it
    ``level`` levels deep in a document, with any iterator in it (a provenance's ``bundles``, see
    :meth:`appcheck.provenance.Provenance.to_dict`) written as a JSON array one item at a time."""
    from ..model import dumps

    pad = "\n" + "  " * (level + 1)
    if isinstance(value, dict) and value:
        for number, (key, item) in enumerate(value.items()):
            out.write(("{" if number == 0 else ",") + pad + dumps(key) + ": ")
            write_json(item, level + 1, out)
        out.write("\n" + "  " * level + "}")
    elif isinstance(value, collections.abc.Iterator):
        empty = True
        for item in value:
            out.write("[" + pad if empty else "," + pad)
            write_json(item, level + 1, out)
            empty = False
        out.write("[]" if empty else "\n" + "  " * level + "]")
    else:
        out.write(dumps(value, indent=2).replace("\n", "\n" + "  " * level))


@attrs.frozen
class Options:
    lang: str = attrs.field(default="zh", validator=attrs.validators.in_(("zh", "en")))
    color: bool = False
    strict: bool = False
    verbose: bool = False
    #: text format: only the bundles not ok and their failures, then the summary line
    quiet: bool = False
    #: text format: one line per bundle, then the summary line
    summary: bool = False


def label(finding) -> str:
    """A finding's one-word kind in reports: ``passed``, ``review``, ``waived``, or its severity."""
    from ..model import Status

    if finding.status is Status.PASSED:
        return "passed"
    if finding.status is Status.NEEDS_REVIEW:
        return "review"
    if finding.status is Status.WAIVED:
        return "waived"
    return finding.severity.value


def reporter(name: str):
    """The module rendering format ``name`` (imported only when used)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; formats: {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{name}_format" if name == "json" else f"{__name__}.{name}")


def render_with(write, batch, options: Options) -> str:
    """What ``write(batch, options, out)`` writes, as a string."""
    import io

    out = io.StringIO()
    write(batch, options, out)
    return out.getvalue()


#: how a batch finding names a bundle given as a mapping ("#3")
IN_MEMORY = re.compile(r"#[0-9]+")


class BundleFiles:
    """The files a batch finding names, once every report has gone by (``seen`` each).

    A name is a file unless it looks like an in-memory bundle's (``#3``) and no report had that file
    name; a finding that names no file gets ``[None]``.
    """

    def __init__(self) -> None:
        self._files_like_in_memory: set[str] = set()  # the only names that can be mistaken

    def seen(self, report) -> None:
        if report.file is not None and IN_MEMORY.fullmatch(report.file):
            self._files_like_in_memory.add(report.file)

    def of(self, finding) -> list:
        return [name for name in finding.bundles if name in self._files_like_in_memory or not IN_MEMORY.fullmatch(name)] or [None]


def place(report, index: int) -> str:
    """How a batch finding names the bundle of ``report``, the ``index``-th of its batch."""
    return report.file if report.file is not None else f"#{index}"


def pairs(batch) -> set[tuple[str, str]]:
    """``(bundle, requirement)`` of each bundle a batch finding of ``batch`` names: every pair
    :meth:`Places.left` can be asked about."""
    return {(name, finding.requirement) for finding in batch.findings for name in finding.bundles}


class Places(BundleFiles):
    """Where each finding has been reported, so that a batch finding is reported once per place.

    The engine gives every bundle of a batch breach the batch check's finding in its own report; a
    reporter that places findings in files reports it there, with the bundle's line and column, and
    reports a batch finding only at the bundles whose reports do not carry it (``left``): none, for
    a batch from the engine.

    Given the ``batch``, it remembers only the pairs :meth:`left` can ask about (each bundle a batch
    finding names, with the finding's requirement), so that its memory grows with the bundles the
    batch findings name, not with every finding of every report.
    """

    def __init__(self, batch=None, wanted=None) -> None:
        super().__init__()
        self._reported: set[tuple[str, str]] = set()
        #: the pairs to remember (any container of them: a reporter that keeps its own may pass it)
        self._wanted = wanted if wanted is not None else None if batch is None else pairs(batch)

    def seen(self, report, index: int | None = None) -> None:
        super().seen(report)
        if index is not None and self._wanted != set():
            where = place(report, index)
            found = ((where, finding.requirement) for finding in report.findings if finding.status.value != "passed")
            self._reported.update(found if self._wanted is None else (pair for pair in found if pair in self._wanted))

    def left(self, finding) -> list:
        """The bundles ``finding`` names whose reports do not carry it (the same requirement, not
        passed), as :meth:`BundleFiles.of` names them; ``[]`` when every one of them does."""
        names = [name for name in finding.bundles if (name, finding.requirement) not in self._reported]
        if finding.bundles and not names:
            return []
        return self.of(attrs.evolve(finding, bundles=tuple(names)))


def message(finding, lang: str) -> str:
    return finding.message_en if lang == "en" and finding.message_en else finding.message


def waiver_note(finding, lang: str) -> str:
    """For a waived finding, its waiver's reason, approver and expiry in words; ``""`` otherwise."""
    waiver = finding.waiver
    if not waiver:
        return ""
    if lang == "en":
        return f"waived: {waiver.get('reason')} (approved by {waiver.get('approved_by')}, until {waiver.get('expires_on')})"
    return f"已豁免：{waiver.get('reason')}（批准：{waiver.get('approved_by')}，有效期至 {waiver.get('expires_on')}）"


def message_with_waiver(finding, lang: str) -> str:
    """:func:`message`, followed by the waiver note of a waived finding."""
    note = waiver_note(finding, lang)
    text = message(finding, lang)
    return f"{text} [{note}]" if note else text
