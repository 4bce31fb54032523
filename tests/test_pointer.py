from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from appcheck import pointer


@pytest.mark.parametrize("segments,rendered", [
    ((), ""), (("a",), "/a"), (("a", 0, "b"), "/a/0/b"), (("a/b",), "/a~1b"), (("m~n",), "/m~0n"), (("~1",), "/~01"), (("",), "/"),
])
def test_render(segments, rendered) -> None:
    assert pointer.render(segments) == rendered


@given(st.lists(st.text(), max_size=5))
def test_round_trip(segments) -> None:
    assert pointer.parse(pointer.render(segments)) == tuple(segments)


@pytest.mark.parametrize("bad", ["a", "/a~", "/a~2"])
def test_parse_rejects_malformed(bad) -> None:
    with pytest.raises(ValueError):
        pointer.parse(bad)
