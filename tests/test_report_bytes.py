"""Every reporter's output, byte for byte, is what it was when ``tests/report_bytes.json`` was recorded.

Pinned, on both schema engines (jsonschema-rs, the default fast path, and the pure-Python one of
``APPCHECK_ENGINE=python``), as SHA-256 digests (the first 16 hex digits) of:

- each example bundle under ``examples/`` checked alone, in every output of :data:`OUTPUTS` (every
  format of ``appcheck validate --format``, in both languages where the format has them, and the
  text format's ``--verbose``, ``--quiet``, ``--summary``, ``--strict`` and colour), plus
  ``validate(...).to_dict()`` written as JSON and ``repr(validate(...))`` (every field of every
  finding, as a caller sees it);
- each example batch folder (``examples/*/batches/*``) and the whole ``examples/`` tree as one batch,
  in every output (the whole tree also in two worker processes, which must write the same bytes);
- :data:`GENERATED` bundles of ``benchmarks/generate.py`` (seeded; valid, failing a rule and failing
  the schema, mixed) given as bytes: each one's ``to_dict()`` and ``repr``, and all of them as one
  batch in every output; and ``appcheck validate`` itself on a folder of them (``--format json``).

The outputs are made deterministic: a fixed ``--as-of``, paths relative to the repository, no
configuration file, and the provenance's time of the run and appcheck's version replaced by
placeholders (:func:`normalized`).

A speed or refactoring change never changes an output byte, so this test is not re-recorded for
one. Re-record (``python scripts/record_report_bytes.py``) only with a deliberate output change
that ``CHANGELOG.md`` states (a message reworded, a field added), in the same commit. On a failure
the test names the case and writes the actual output under ``$APPCHECK_REPORT_BYTES_OUT`` (default:
a folder in the system's temporary directory); ``python scripts/record_report_bytes.py --outputs DIR``
run on the commit before writes the expected outputs under the same names, for a diff.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import appcheck
from appcheck import cli, engine, fastpath, provenance
from appcheck.formats import FORMATS
from appcheck.model import dumps
from appcheck.reporters import Options, render_with, reporter

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = Path(__file__).with_name("report_bytes.json")
AS_OF = "2022-03-01"
#: how many generated bundles (benchmarks/generate.py, seed SEED)
GENERATED = 240
SEED = 16
ENGINES = ("jsonschema-rs", "python")

#: (name, format, options) of every output compared
OUTPUTS = (
    ("text", "text", Options()),
    ("text-en", "text", Options(lang="en")),
    ("text-verbose", "text", Options(verbose=True)),
    ("text-verbose-en", "text", Options(lang="en", verbose=True)),
    ("text-quiet-en", "text", Options(lang="en", quiet=True)),
    ("text-summary", "text", Options(summary=True)),
    ("text-strict-color", "text", Options(strict=True, color=True)),
    ("json", "json", Options()),
    ("json-strict", "json", Options(strict=True)),
    ("sarif", "sarif", Options()),
    ("sarif-en-strict", "sarif", Options(lang="en", strict=True)),
    ("junit", "junit", Options()),
    ("junit-en-strict", "junit", Options(lang="en", strict=True)),
    ("github", "github", Options()),
    ("github-en-strict", "github", Options(lang="en", strict=True)),
    ("html", "html", Options()),
    ("html-en-strict", "html", Options(lang="en", strict=True)),
)

#: the outputs of each bundle checked alone (a batch of all of them is written in every output)
ALONE = ("text", "text-verbose-en", "json", "sarif", "junit-en-strict", "github", "html-en-strict")
#: the provenance's time of the run, in every case
RUN_AT = "2000-01-01T00:00:00Z"


def normalized(text: str) -> str:
    """``text`` without appcheck's version (a release changes it; a report writes it in the provenance)."""
    return text.replace(appcheck.__version__, "VERSION")


# ----------------------------------------------------------------------------- the cases

def example_files() -> list[str]:
    """Every example bundle (outside the batch folders), as a path relative to the repository."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "examples").rglob("*")
        if path.suffix in (".json", ".yaml", ".yml") and "batches" not in path.parts
    )


def batch_folders() -> list[str]:
    return sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "examples").glob("*/batches/*") if path.is_dir())


def _bundle_files(folder: str) -> list[str]:
    return sorted(
        path.relative_to(ROOT).as_posix() for path in (ROOT / folder).rglob("*") if path.suffix in (".json", ".yaml", ".yml")
    )


def generated() -> list[tuple[str, str]]:
    """``(name, text)`` of the generated bundles."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return [(name, text) for name, text, _ in generate.bundles(GENERATED, seed=SEED)]


@contextlib.contextmanager
def schema_engine(name: str) -> Iterator[None]:
    """Run with schema engine ``name`` (``"jsonschema-rs"``: the default fast path; ``"python"``)."""
    fastpath.use_engine("python" if name == "python" else "auto")
    try:
        if name != "python" and fastpath.engine() != name:
            pytest.skip("jsonschema-rs is not installed")
        yield
    finally:
        fastpath.use_engine(None)


@contextlib.contextmanager
def at_root() -> Iterator[None]:
    """Run in the repository (paths in reports relative to it), with the provenance's time fixed."""
    before, now = os.getcwd(), provenance.now
    os.chdir(ROOT)
    provenance.now = lambda: RUN_AT
    try:
        yield
    finally:
        os.chdir(before)
        provenance.now = now


def rendered(bundles: list, jobs: int = 1, names: tuple | None = None) -> Iterator[tuple[str, str]]:
    """``(output name, text)`` of every output of :data:`OUTPUTS` (or those ``names``) for ``bundles``
    checked as one batch."""
    with engine.check_batch(bundles, as_of=AS_OF, jobs=jobs) as batch:
        for name, fmt, options in OUTPUTS:
            if names is None or name in names:
                yield name, normalized(render_with(reporter(fmt).write, batch, options))


def report_values(bundle) -> Iterator[tuple[str, str]]:
    """``validate(bundle)`` as a caller sees it: ``to_dict()`` as JSON, and the report's ``repr``."""
    report = appcheck.validate(bundle, as_of=AS_OF)
    yield "to_dict", dumps(report.to_dict(), indent=2)
    yield "repr", repr(report)


def cli_output(args: list[str]) -> str:
    """What ``appcheck validate ARGS`` writes to standard output (run in this process)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["validate", "--no-config", "--no-progress", "--as-of", AS_OF, *args])
    return normalized(out.getvalue())


def file_case(path: str) -> Iterator[tuple[str, str]]:
    yield from rendered([path], names=ALONE)
    yield from report_values(path)


def _source(name: str, text: str) -> engine.Source:
    return engine.Source(name, text.encode("utf-8"))


def generated_cli_case(texts: list[tuple[str, str]], folder: Path) -> Iterator[tuple[str, str]]:
    for name, text in texts:
        (folder / name).write_text(text, encoding="utf-8")
    out = cli_output(["--format", "json", "--jobs", "1", str(folder)])
    yield "json", out.replace(str(folder), "GENERATED")


def all_cases() -> Iterator[tuple[str, Callable[[], Iterator[tuple[str, str]]]]]:
    """``(case, outputs)`` of every case: ``outputs()`` yields ``(output name, text)``."""
    for path in example_files():
        yield path, lambda path=path: file_case(path)
    for folder in batch_folders():
        yield f"{folder}/ (batch)", lambda folder=folder: rendered(_bundle_files(folder))
    yield "examples/ (batch)", lambda: rendered(_bundle_files("examples"))
    texts = generated()
    for name, text in texts:
        yield f"generated/{name}", lambda name=name, text=text: report_values(_source(name, text))
    yield "generated/ (batch)", lambda: rendered([_source(name, text) for name, text in texts])


def _cases_outputs(cases: Iterator[tuple[str, Callable[[], Iterator[tuple[str, str]]]]]) -> Iterator[tuple[str, str, str]]:
    for case, made in cases:
        for name, text in made():
            yield case, name, text


class Digests:
    """The digests of a run: one per case (over all its outputs) and one per output name (over that
    output of every case, in case order), so that a difference names both the case and the output."""

    def __init__(self) -> None:
        self._cases: dict = {}
        self._outputs: dict = {}

    def add(self, case: str, output: str, text: str) -> None:
        self._cases.setdefault(case, hashlib.sha256()).update(f"{output}\0{text}\0".encode("utf-8", "surrogatepass"))
        self._outputs.setdefault(output, hashlib.sha256()).update(f"{case}\0{text}\0".encode("utf-8", "surrogatepass"))

    @staticmethod
    def of(outputs: list[tuple[str, str]]) -> str:
        """The digest of one case's ``(output name, text)`` pairs, as :meth:`cases` has it."""
        made = hashlib.sha256()
        for output, text in outputs:
            made.update(f"{output}\0{text}\0".encode("utf-8", "surrogatepass"))
        return made.hexdigest()[:16]

    def cases(self) -> dict:
        return {case: made.hexdigest()[:16] for case, made in self._cases.items()}

    def outputs(self) -> dict:
        return {output: made.hexdigest()[:16] for output, made in sorted(self._outputs.items())}


def all_outputs(folder: Path) -> Iterator[tuple[str, str, str]]:
    """``(case, output name, text)`` of every case; ``folder``: an empty folder for the command line's case."""
    yield from _cases_outputs(all_cases())
    for name, text in generated_cli_case(generated(), folder):
        yield "appcheck validate generated/", name, text


def record(outputs: Path | None = None) -> dict:
    """The snapshot of the code as it is (and each output written under ``outputs``, when given)."""
    digests = Digests()
    with at_root(), schema_engine("jsonschema-rs"), tempfile.TemporaryDirectory() as folder:
        for case, name, text in all_outputs(Path(folder)):
            digests.add(case, name, text)
            if outputs is not None:
                _write(outputs, case, name, text)
    return {"as_of": AS_OF, "generated": GENERATED, "seed": SEED, "outputs": digests.outputs(), "cases": digests.cases()}


def _write(folder: Path, case: str, output: str, text: str) -> Path:
    target = folder / re.sub(r"[^A-Za-z0-9._-]+", "_", case) / (re.sub(r"[^A-Za-z0-9._-]+", "_", output) + ".txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    return target


# ----------------------------------------------------------------------------- the test

def snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def _out_folder(schema: str) -> Path:
    return Path(os.environ.get("APPCHECK_REPORT_BYTES_OUT") or Path(tempfile.gettempdir()) / "appcheck-report-bytes") / schema


def _compare(expected: dict, schema: str, outputs: Iterator[tuple[str, str, str]]) -> None:
    """Compare every output with the snapshot ``expected``; write the outputs of each case that differs."""
    digests, case_outputs, differ = Digests(), [], []
    shutil.rmtree(_out_folder(schema), ignore_errors=True)

    def close(case: str) -> None:
        if Digests.of(case_outputs) != expected["cases"].get(case):
            differ.append(case)
            for name, text in case_outputs:
                _write(_out_folder(schema), case, name, text)
        case_outputs.clear()

    current = None
    for case, name, text in outputs:
        if case != current and current is not None:
            close(current)
        current = case
        case_outputs.append((name, text))
        digests.add(case, name, text)
    close(current)
    made = digests.outputs()
    outputs_differ = sorted(name for name in set(made) | set(expected["outputs"]) if made.get(name) != expected["outputs"].get(name))
    missing = sorted(set(expected["cases"]) - set(digests.cases()))
    if differ or missing or outputs_differ:
        pytest.fail(
            f"{schema} engine: not byte-identical to tests/report_bytes.json. Outputs that differ: {', '.join(outputs_differ) or 'none'}; "
            f"{len(differ)} cases differ, their actual outputs are under {_out_folder(schema)} (the expected ones: "
            "python scripts/record_report_bytes.py --outputs DIR, on the commit before); "
            f"cases no longer made: {', '.join(missing) or 'none'}; the first cases that differ: {', '.join(differ[:10])}",
            pytrace=False,
        )


def test_the_snapshot_covers_every_example_and_output() -> None:
    recorded = snapshot()
    assert (recorded["as_of"], recorded["generated"], recorded["seed"]) == (AS_OF, GENERATED, SEED)
    with at_root():
        cases = [case for case, _ in all_cases()]
    assert sorted([*cases, "appcheck validate generated/"]) == sorted(recorded["cases"])
    assert set(example_files()) <= set(cases) and len(example_files()) > 400
    assert sorted(recorded["outputs"]) == sorted([*(name for name, _, _ in OUTPUTS), "to_dict", "repr"])
    assert {fmt for _, fmt, _ in OUTPUTS} == set(FORMATS)


@pytest.mark.parametrize("schema", ENGINES)
def test_every_reporter_writes_the_same_bytes(schema: str, tmp_path: Path) -> None:
    """Every example alone, every example batch, the generated bundles alone and as a batch, and the
    command line on a folder of them: each output as recorded, on each schema engine."""
    with at_root(), schema_engine(schema):
        _compare(snapshot(), schema, all_outputs(tmp_path))


def test_worker_processes_write_the_same_bytes() -> None:
    """The whole examples/ tree as one batch checked in two processes (the findings pickled on the way)."""
    recorded = snapshot()["cases"]["examples/ (batch)"]
    with at_root(), schema_engine("jsonschema-rs"):
        outputs = list(rendered(_bundle_files("examples"), jobs=2))
    if Digests.of(outputs) != recorded:
        shutil.rmtree(_out_folder("jobs-2"), ignore_errors=True)
        for name, text in outputs:
            _write(_out_folder("jobs-2"), "examples/ (batch)", name, text)
        pytest.fail(f"examples/ (batch) in two processes: not byte-identical to the snapshot; the outputs are under {_out_folder('jobs-2')}", pytrace=False)
