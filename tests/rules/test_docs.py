"""Every rule class documents itself in the fixed shape ``appcheck explain`` is generated from."""

from __future__ import annotations

import pytest

from appcheck.rules import docs


@pytest.mark.parametrize("name,cls", sorted(docs.rule_classes().items()))
def test_rule_class_has_every_section(name, cls) -> None:
    sections = docs.sections(cls)
    for section in docs.SECTIONS:
        assert len(sections[section]) > 10, f"{name}: {section} is too thin"


@pytest.mark.parametrize("name,cls", sorted(docs.rule_classes().items()))
def test_rule_class_is_frozen_and_describes_itself(name, cls) -> None:
    assert getattr(cls, "__attrs_attrs__", None) is not None, f"{name} is not an attrs class"
    assert cls.__setattr__ is not object.__setattr__, f"{name} is not frozen"
    assert callable(getattr(cls, "describe", None))


def test_a_missing_section_is_detected() -> None:
    class Undocumented:
        """Does something.

        What it checks:
            a thing.

        Why:
            reasons.
        """

    with pytest.raises(docs.MissingSection):
        docs.sections(Undocumented)


def test_sections_out_of_order_are_detected() -> None:
    class Shuffled:
        """Summary.

        Why:
            x.

        What it checks:
            x.

        Failing example:
            x.

        Passing example:
            x.
        """

    with pytest.raises(docs.MissingSection):
        docs.sections(Shuffled)
