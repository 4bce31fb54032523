"""Every reporter writes a batch a report at a time, and the text is the same whatever the batch is:
a :class:`~appcheck.model.BatchReport` rendered whole, or an engine's ``CheckedBatch`` read back."""

from __future__ import annotations

import io

import pytest

from appcheck import engine
from appcheck.reporters import FORMATS, Options, reporter

from ..conftest import EXAMPLES

OPTIONS = [Options(), Options(lang="en", strict=True, verbose=True)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["example_batch", "odd_batch", "nasty_batch", "empty_batch"])
def test_write_is_render(fmt, name, request) -> None:
    batch = request.getfixturevalue(name)
    for options in OPTIONS:
        out = io.StringIO()
        reporter(fmt).write(batch, options, out)
        assert out.getvalue() == reporter(fmt).render(batch, options)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_checked_batch_renders_like_its_report(fmt) -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("zj-2026/**/*.json"))
    with engine.check_batch(files, as_of="2022-05-10", hold=0) as checked:
        whole = checked.report()
        for options in OPTIONS:
            assert reporter(fmt).render(checked, options) == reporter(fmt).render(whole, options)


def test_a_batch_finding_names_the_files_it_can() -> None:
    from appcheck.model import Finding, Report
    from appcheck.reporters import BundleFiles

    files_of = BundleFiles()
    for name in ("a.json", "#3", None):
        files_of.seen(Report((), file=name))
    finding = Finding("X", "failed", "error", bundles=("a.json", "#3", "#5", "b.json"))
    assert files_of.of(finding) == ["a.json", "#3", "b.json"]  # "#5" is an in-memory bundle, "#3" a file of that name
    assert files_of.of(Finding("X", "failed", "error", bundles=("#5",))) == [None]


@pytest.mark.parametrize("name", ["example_batch", "odd_batch", "nasty_batch", "empty_batch"])
def test_places_remember_only_what_a_batch_finding_can_ask(name, request) -> None:
    """Given its batch, Places keeps a pair only for a bundle a batch finding names (its memory grows
    with the breaches, not with every finding of every report), and answers left() as it did keeping
    every pair."""
    from appcheck.reporters import Places, pairs

    batch = request.getfixturevalue(name)
    narrow, wide = Places(batch), Places()
    for index, report in enumerate(batch.reports):
        narrow.seen(report, index)
        wide.seen(report, index)
    assert narrow._reported <= pairs(batch) and narrow._reported <= wide._reported
    assert [narrow.left(finding) for finding in batch.findings] == [wide.left(finding) for finding in batch.findings]
