"""Loading, the first stage: bytes, streams and mappings read as a file would be, never changed."""

from __future__ import annotations

import copy


import appcheck
from appcheck.engine import Source

from ..conftest import EXAMPLES, example


def test_the_bundle_is_never_changed() -> None:
    bundle = example("gd-2022", "exchange")
    before = copy.deepcopy(bundle)
    appcheck.validate(bundle)
    assert bundle == before


def test_source_bytes(tmp_path) -> None:
    from pathlib import Path

    raw = Path("examples/gd-2022/training/valid.json").read_bytes()
    report = appcheck.validate_batch([Source("stdin", raw)]).reports[0]
    assert report.ok and report.file == "stdin" and report.findings[0].line is not None
    bad = appcheck.validate_batch([Source("stdin", b'{"a": 1, "a": 2}')]).reports[0]
    assert [f.requirement for f in bad.findings] == ["LOAD"] and bad.findings[0].line == 1


def test_a_source_read_from_a_stream_is_checked_as_its_bytes_up_to_the_size_limit() -> None:
    import io

    from appcheck.loading import Limits

    raw = (EXAMPLES / "gd-2022" / "training" / "valid.json").read_bytes()
    read = Source.read("upload", io.BytesIO(raw))
    assert read == Source("upload", raw)
    assert appcheck.validate(read).to_dict() == appcheck.validate(Source("upload", raw)).to_dict()
    limits = Limits(max_bytes=len(raw) - 1)
    too_large = Source.read("upload", io.BytesIO(raw), limits)
    assert too_large.data == b"" and too_large.problem.code == "too-large"
    [finding] = appcheck.validate(too_large, limits=limits).findings
    assert finding.requirement == "LOAD" and finding.actual == {"code": "too-large", "offset": None}
    assert finding.message_en == f"the file 'upload' has at least {len(raw)} bytes, more than the limit of {len(raw) - 1}"


def test_mapping_with_values_json_cannot_hold() -> None:
    report = appcheck.validate({"call": "gd-2022", "x": {1, 2}})
    assert [f.requirement for f in report.findings] == ["LOAD"] and report.findings[0].path == "/x"
    report = appcheck.validate({"call": "gd-2022", "x": float("nan")})
    assert report.findings[0].requirement == "LOAD"


def test_a_value_json_cannot_hold_is_named_with_its_article() -> None:
    report = appcheck.validate({"format": "appcheck/1", "x": {1: "a"}}, as_of="2022-05-10")
    assert report.findings[0].requirement == "LOAD" and report.findings[0].message_en == "/x: the key 1 of this object is an int; keys are text"
    report = appcheck.validate({"format": "appcheck/1", "x": [1, int]}, as_of="2022-05-10")
    assert report.findings[0].message_en == "/x/1: a type value <class 'int'> cannot be part of a bundle (JSON values only)"
    report = appcheck.validate({"format": "appcheck/1", "x": {"a", "b"}}, as_of="2022-05-10")
    assert ": a set value" in report.findings[0].message_en
