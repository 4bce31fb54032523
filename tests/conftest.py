"""Shared test helpers: example bundles, findings by requirement, Hypothesis profiles."""

from __future__ import annotations

import copy
import json
import os
import socket
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def _no_network(self, address, *args, **kwargs):
    if self.family == socket.AF_UNIX:
        return _connect(self, address, *args, **kwargs)
    raise OSError(f"the test suite runs with network sockets blocked (tried {address!r})")


_connect = socket.socket.connect


def pytest_configure(config) -> None:
    """Block every network socket for the whole suite: nothing in appcheck may touch the network."""
    socket.socket.connect = _no_network
    socket.socket.connect_ex = _no_network


def read_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal, parse_int=Decimal)


def example(call: str, topic: str, name: str = "valid.json") -> dict:
    """A fresh copy of an example bundle (numbers as Decimal, as the loader reads them)."""
    return copy.deepcopy(read_json(EXAMPLES / call / topic / name))


def by_requirement(report) -> dict:
    """``{requirement: finding}`` for a report (each requirement appears once)."""
    found = {}
    for finding in report.findings:
        assert finding.requirement not in found or finding.requirement in ("SCHEMA", "LOAD"), f"{finding.requirement} reported twice"
        found.setdefault(finding.requirement, finding)
    return found


def failed_ids(report) -> set:
    return {f.requirement for f in report.findings if f.status.value == "failed"}


@pytest.fixture
def gd_training():
    return example("gd-2022", "training")
