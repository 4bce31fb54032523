"""The registry of calls: a call's module is found by its id and imported once."""

from __future__ import annotations

import pytest

from appcheck import topics


@pytest.mark.parametrize("call_id", topics.call_ids())
def test_a_call_is_looked_up_once(call_id) -> None:
    found = topics.call(call_id)
    assert found is not None and found.id == call_id and topics.call(call_id) is found


@pytest.mark.parametrize("call_id", ["", "gd-2021", "gd_2022", "../gd-2022", "gd-2022 ", None, 2022, ["gd-2022"]])
def test_an_unknown_call_is_none(call_id) -> None:
    assert topics.call(call_id) is None
    assert not isinstance(call_id, str) or call_id not in topics._CALLS  # nothing cached for it


def test_every_call_is_registered_through_the_entry_points() -> None:
    from importlib import metadata

    registered = {point.name: point.value for point in metadata.entry_points(group="appcheck.calls") if point.dist.metadata["Name"] == "appcheck"}
    assert sorted(registered) == list(topics.call_ids())
    for call_id, value in registered.items():
        assert value == f"appcheck.topics.{call_id.replace('-', '')}:CALL"


def test_appcheck_is_the_pack_of_its_own_calls() -> None:
    from appcheck import __version__, packs

    for call_id in topics.call_ids():
        pack = packs.pack_of(call_id)
        assert (pack.name, pack.version) == ("appcheck", __version__)
    assert packs.refusals() == []
