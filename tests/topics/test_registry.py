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
