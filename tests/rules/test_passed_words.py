"""A rule's passed message given as words (``passed_saying``) reads the same whenever it is formatted,
and keeps nothing of the bundle's checking alive: every rule module, over every example bundle and batch.

The words of a passed outcome may be formatted long after the check (when a reporter first reads the
message), so they must read only values that do not change afterwards: never a loop's variable that
moves on, never a container filled later. And a report may be held long after its bundle: the words
must not hold the :class:`~appcheck.rules.base.Context` (the whole bundle) or an organization's view.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import appcheck
import appcheck.rules
from appcheck.rules import base
from appcheck.rules.base import Context, Org

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _rule_modules() -> list:
    return [importlib.import_module(f"appcheck.rules.{info.name}") for info in pkgutil.iter_modules(appcheck.rules.__path__)]


@pytest.fixture(scope="module")
def words_given() -> list:
    """``(words, what it said when given)`` of every passed outcome given as words, over every example."""
    given = []
    saying = base.passed_saying

    def spy(words, *args, **kwargs):
        given.append((words, words()))
        return saying(words, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        for module in _rule_modules():
            if getattr(module, "passed_saying", None) is saying:
                patch.setattr(module, "passed_saying", spy)
        for path in sorted(EXAMPLES.glob("*/*/*.json")):
            if path.parent.name != "batches":
                appcheck.validate(path)
        for folder in sorted(EXAMPLES.glob("*/batches/*/")):
            appcheck.validate_batch(sorted(folder.glob("*.json")))
    return given


def test_the_examples_give_passed_messages_as_words(words_given) -> None:
    assert len(words_given) > 100
    assert len({words.__code__.co_filename for words, _ in words_given}) > 3


def test_a_passed_message_reads_the_same_when_formatted_after_every_later_check(words_given) -> None:
    changed = [(words.__qualname__, said, words()) for words, said in words_given if words() != said]
    assert changed == []


def test_a_passed_message_keeps_no_context_or_organization_alive(words_given) -> None:
    held = {
        (words.__code__.co_filename.rsplit("/", 1)[-1], words.__code__.co_firstlineno, type(cell.cell_contents).__name__)
        for words, _ in words_given
        for cell in words.__closure__ or ()
        if isinstance(cell.cell_contents, (Context, Org))
    }
    assert held == set()
