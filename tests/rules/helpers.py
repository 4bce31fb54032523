"""Small builders for rule tests: a context over a bundle, and the status a rule gives."""

from __future__ import annotations

import datetime as dt

from appcheck.engine import normalize
from appcheck.rules.base import Context, run

DAY = dt.date(2022, 5, 10)


def context(bundle: dict, *, day: dt.date | None = DAY, track: str | None = None, settings: dict | None = None) -> Context:
    return Context(normalize(bundle), checked_on=day, settings=settings or {}, call="test", topic="test", track=track)


def outcome(rule, bundle: dict, **kwargs):
    return run(rule, context(bundle, **kwargs))


def status(rule, bundle: dict, **kwargs) -> str:
    return outcome(rule, bundle, **kwargs).status.value


def org(org_id: str, *, role: str | None = None, kind: str = "university", country: str = "CN", subdivision: str | None = None, **extra) -> dict:
    data = {"id": org_id, "name": org_id.upper(), "kind": kind, "country": country, **extra}
    if role:
        data["role"] = role
    if subdivision:
        data["subdivision"] = subdivision
    return data


def facts(result) -> dict:
    """What a rule reported, as a plain dict: status, where, both messages, expected and actual."""
    return {
        "status": result.status.value, "segments": result.segments, "message": result.message,
        "message_en": result.message_en, "expected": result.expected, "actual": result.actual,
    }
