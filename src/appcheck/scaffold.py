"""``appcheck new-call ID --from CALL``: a new call pack, copied from an installed call.

The pack is written to a new folder (``appcheck-<id>`` by default)::

    pyproject.toml                      the distribution appcheck-<id>, its entry point <id> = "<package>.<module>:CALL"
    README.md
    src/<package>/__init__.py
    src/<package>/<module>.py           the call module, ids renamed, imports made absolute
    src/<package>/data/catalog.json     the call's catalog entries, ids renamed
    src/<package>/data/clauses.json     the clauses derived from the guideline, ids renamed
    src/<package>/data/guidelines/<id>.txt   the guideline text, when given (--guideline)
    src/<package>/schemas/<id>/*.json   the topics' schemas, ids renamed
    examples/<id>/...                   the call's examples, ids renamed (where the source call's are at hand)
    tests/test_pack.py                  appcheck.testing.check_pack over the pack and its examples

Renaming replaces the call id (``zj-2026`` -> ``zj-2027``) and the requirement-id prefix the call's
requirements share (``ZJ26-`` -> ``ZJ27-``; derived from an id like ``zj-2027``, else given) in
every file and file name. Nothing is written when something is wrong: a ``ValueError`` says what.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from pathlib import Path

import attrs

from . import catalog, clauses, packs, topics

_CALL_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_PREFIX = re.compile(r"[A-Z][A-Z0-9]*-")


@attrs.frozen
class Renaming:
    """What ``new-call`` replaces: the call id and the requirement-id prefix."""

    old_id: str
    new_id: str
    old_prefix: str
    new_prefix: str

    def __call__(self, text: str) -> str:
        return text.replace(self.old_id, self.new_id).replace(self.old_prefix, self.new_prefix)


def requirement_prefix(requirement_ids) -> str:
    """The prefix a call's requirement ids share, up to and with its dash (``ZJ26-``)."""
    common = os.path.commonprefix(sorted(requirement_ids))
    cut = common.rfind("-")
    if cut <= 0:
        raise ValueError(f"the requirement ids share no prefix ending in '-' ({', '.join(sorted(requirement_ids)[:3])}, ...)")
    return common[: cut + 1]


def default_prefix(call_id: str) -> str:
    """``zj-2027`` -> ``ZJ27-``: the letters, upper case, and the year's last two digits."""
    found = re.fullmatch(r"([a-z]+)-([0-9]{4})", call_id)
    if found is None:
        raise ValueError(f"cannot derive a requirement-id prefix from {call_id!r}; give one (--prefix, e.g. ACME30-)")
    return f"{found.group(1).upper()}{found.group(2)[2:]}-"


def package_name(call_id: str) -> str:
    return "appcheck_" + call_id.replace("-", "")


def _absolute_imports(source: str, package: str) -> str:
    """Relative imports of a module of ``package`` made absolute (the copy lives in another package)."""
    parent = package.rpartition(".")[0]

    def absolute(match: re.Match) -> str:
        dots, rest = match.group(1), match.group(2)
        base = package if len(dots) == 1 else parent
        return f"from {base}{'.' + rest if rest else ''} import"

    return re.sub(r"^from (\.{1,2})([\w.]*) import", absolute, source, flags=re.M)


def _examples_of(pack: packs.Pack, call_id: str) -> Path | None:
    """The source call's example folder, where it is at hand (appcheck's source checkout)."""
    if not packs.is_host(pack):
        return None
    folder = Path(__file__).resolve().parents[2] / "examples" / call_id
    return folder if folder.is_dir() else None


def _schema_files(pack: packs.Pack, call_id: str):
    """``(name, text)`` of the schemas under ``<call_id>/`` of the pack's schemas folder."""
    from .schemas import json_files, schema_root

    entries = json_files(schema_root() if packs.is_host(pack) else packs.data_root(pack).joinpath("schemas"))
    return [(name, entry.read_text(encoding="utf-8")) for name, entry in entries if name.startswith(f"{call_id}/")]


def new_call(new_id: str, source_id: str, folder: Path | str | None = None, prefix: str | None = None,
             guideline: Path | str | None = None) -> dict:
    """Write a new pack for call ``new_id`` copied from the installed call ``source_id``.

    Returns ``{"folder", "distribution", "package", "module", "files", "examples"}`` (``examples``:
    how many example files were copied). ``ValueError`` for a bad id or prefix, an unknown source
    call, or a folder that exists.
    """
    if not isinstance(new_id, str) or not _CALL_ID.fullmatch(new_id):
        raise ValueError(f"a call id is lower-case letters and digits in parts joined by '-' (e.g. zj-2027); got {new_id!r}")
    if new_id in {call_id for pack in packs.installed().values() for call_id in pack.call_ids}:
        raise ValueError(f"call {new_id} is already installed (from {packs.pack_of(new_id).label}); choose another id")
    source = topics.call(source_id)
    if source is None:
        refused = topics.refusal(source_id)
        raise ValueError(refused or f"unknown call {source_id!r}; installed: {', '.join(topics.call_ids())}")
    pack = packs.pack_of(source_id)
    own = sorted({check.requirement for topic in source.topics for check in topic.checks})
    old_prefix = requirement_prefix(own)
    new_prefix = prefix if prefix is not None else default_prefix(new_id)
    if not _PREFIX.fullmatch(new_prefix):
        raise ValueError(f"a requirement-id prefix is upper-case letters and digits ending in '-' (e.g. ZJ27-); got {new_prefix!r}")
    if new_prefix == old_prefix:
        raise ValueError(f"the new requirement ids would be the same as {source_id}'s ({old_prefix}...); give another prefix")
    rename = Renaming(source_id, new_id, old_prefix, new_prefix)
    target = Path(folder) if folder is not None else Path.cwd() / f"appcheck-{new_id}"
    if target.exists():
        raise ValueError(f"{target} exists; new-call writes a new folder")
    text = None
    if guideline is not None:
        try:
            text = Path(guideline).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"cannot read the guideline {guideline}: {error}") from None

    package, module = package_name(new_id), new_id.replace("-", "")
    files: dict[str, str] = {}
    point = next(p for p in pack.entry_points if p.name == source_id)
    source_module = importlib.import_module(point.value.partition(":")[0])
    code = Path(source_module.__file__).read_text(encoding="utf-8")
    files[f"src/{package}/{module}.py"] = rename(_absolute_imports(code, source_module.__package__))
    files[f"src/{package}/__init__.py"] = f'"""appcheck call pack: {new_id} (copied from {source_id} by appcheck new-call)."""\n'

    listed = catalog.calls()[source_id]
    entries = {}
    for rid in own:
        entry = dict(packs.raw_catalog(pack)["requirements"][rid])
        entry["topics"] = [name for name in entry["topics"] if name.startswith(f"{source_id}/")]
        entries[rename(rid)] = json.loads(rename(json.dumps(entry, ensure_ascii=False)))
    call_entry = json.loads(rename(json.dumps(listed, ensure_ascii=False)))
    call_entry["guideline"] = f"guidelines/{new_id}.txt"
    files[f"src/{package}/data/catalog.json"] = _json({"calls": {new_id: call_entry}, "requirements": entries})
    derived = clauses._derived().get(source_id, {})
    files[f"src/{package}/data/clauses.json"] = _json({new_id: json.loads(rename(json.dumps(derived, ensure_ascii=False)))})
    if text is not None:
        files[f"src/{package}/data/guidelines/{new_id}.txt"] = text
    for name, schema_text in _schema_files(pack, source_id):
        files[f"src/{package}/schemas/{rename(name)}"] = rename(schema_text)

    examples = _examples_of(pack, source_id)
    count = 0
    if examples is not None:
        for path in sorted(examples.rglob("*")):
            if path.is_file():
                relative = rename(path.relative_to(examples).as_posix())
                files[f"examples/{new_id}/{relative}"] = rename(path.read_text(encoding="utf-8"))
                count += 1

    distribution = f"appcheck-{new_id}"
    from . import __version__

    files["pyproject.toml"] = _PYPROJECT.format(distribution=distribution, new_id=new_id, source_id=source_id, package=package,
                                                module=module, version=__version__)
    files["tests/test_pack.py"] = _TEST.format(distribution=distribution)
    files["README.md"] = _README.format(distribution=distribution, new_id=new_id, source_id=source_id, package=package, module=module,
                                        examples="" if count else _NO_EXAMPLES.format(source_id=source_id))
    for relative, content in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return {"folder": str(target), "distribution": distribution, "package": package, "module": f"{package}.{module}",
            "files": len(files), "examples": count}


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_PYPROJECT = '''[build-system]
requires = ["hatchling>=1.18"]
build-backend = "hatchling.build"

[project]
name = "{distribution}"
version = "0.1.0"
description = "appcheck call pack: {new_id} (copied from {source_id})"
requires-python = ">=3.10"
dependencies = ["appcheck>={version}"]

[project.optional-dependencies]
test = ["pytest>=7.4"]

# appcheck finds the call here: the name is the call's id, the value its module's CALL
[project.entry-points."appcheck.calls"]
{new_id} = "{package}.{module}:CALL"

[tool.hatch.build.targets.wheel]
packages = ["src/{package}"]

[tool.pytest.ini_options]
testpaths = ["tests"]
filterwarnings = ["error"]
'''

_TEST = '''"""The pack passes appcheck's generic checks: every topic declares exactly its catalog requirements,
every example is classified as its name says, every quoted clause occurs in the guideline (when shipped)."""

from pathlib import Path

from appcheck.testing import check_pack

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_the_pack_passes_appchecks_generic_checks() -> None:
    check_pack("{distribution}", examples=EXAMPLES)
'''

_README = '''# {distribution}

An appcheck call pack for the call `{new_id}`, scaffolded from `{source_id}` by `appcheck new-call`.

- `src/{package}/{module}.py`: the topics, tracks and checks (edit thresholds, tracks, ids here);
- `src/{package}/data/catalog.json`: one entry per requirement the topics check;
- `src/{package}/data/clauses.json`: the clause each finding quotes (a call module's `CLAUSES` wins);
- `src/{package}/schemas/{new_id}/`: the topics' JSON Schemas (Draft 2020-12);
- `examples/{new_id}/`: `valid*.json` pass, `<REQUIREMENT>[--variant].json` fail exactly that requirement.
{examples}
Install and check:

    pip install -e '.[test]'
    appcheck topics                     # lists {new_id} with this pack and its version
    python -m pytest                    # appcheck.testing.check_pack over the pack and its examples
    appcheck validate examples/{new_id}
'''

_NO_EXAMPLES = '''
The examples of `{source_id}` were not at hand (they are in appcheck's source checkout, not in its
wheel): write `examples/` before running the tests.
'''
