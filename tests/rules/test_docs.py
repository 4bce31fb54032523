"""Every rule class documents itself in the fixed shape ``appcheck explain`` is generated from."""

from __future__ import annotations

import pkgutil

import pytest

from appcheck import rules
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


# ------------------------------------------------------------------ reading the fixed shape

def test_sections_are_read_in_their_order() -> None:
    class Documented:
        """Summary line.

        What it checks:
            the thing
            over two lines.

        Why:
            reasons.

        Failing example:
            bad.

        Passing example:
            good.
        """

    assert docs.sections(Documented) == {
        "summary": "Summary line.", "What it checks": "the thing\nover two lines.", "Why": "reasons.",
        "Failing example": "bad.", "Passing example": "good.",
    }


def test_a_missing_summary_or_section_is_named() -> None:
    class NoSummary:
        """What it checks:
            x.

        Why:
            x.

        Failing example:
            x.

        Passing example:
            x.
        """

    with pytest.raises(docs.MissingSection, match="^NoSummary's docstring lacks: a summary$"):
        docs.sections(NoSummary)

    class Thin:
        """Summary.

        What it checks:
            x.
        """

    with pytest.raises(docs.MissingSection, match="^Thin's docstring lacks: Why, Failing example, Passing example$"):
        docs.sections(Thin)

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

    with pytest.raises(docs.MissingSection, match=r"^Shuffled's sections are out of order: \['Why', 'What it checks', 'Failing example', 'Passing example'\]$"):
        docs.sections(Shuffled)

    class Undocumented:
        pass

    with pytest.raises(docs.MissingSection, match="^Undocumented's docstring lacks: What it checks, Why, Failing example, Passing example$"):
        docs.sections(Undocumented)


def test_rule_classes_come_from_every_rule_module() -> None:
    classes = docs.rule_classes()
    assert {"SubsidyBounds", "ApplicantIs", "SignedAgreement", "HasDocument", "TrainingScale", "ForeignSubmission", "TargetMinimums"} <= set(classes)
    assert not {"Orgs", "Agency", "BudgetLine", "Region", "MissingInput", "Context"} & set(classes)
    assert all(cls.__module__ == f"appcheck.rules.{module}" for module in docs.MODULES for cls in classes.values() if cls.__module__.endswith(f".{module}"))
    assert {cls.__module__.rsplit(".", 1)[1] for cls in classes.values()} == set(docs.MODULES)


def test_every_rule_module_is_listed() -> None:
    """A module of rule classes left out of ``MODULES`` would hide its classes from ``appcheck explain``."""
    found = {info.name for info in pkgutil.iter_modules(rules.__path__)} - {"base", "docs"}
    assert found == set(docs.MODULES)




def test_only_unindented_lines_are_headings() -> None:
    class Nested:
        """Summary.

        What it checks:
            a list:
            Why:
            is part of this section.

        Why:
            reasons.

        Failing example:
            x.

        Passing example:
            y.
        """

    assert docs.sections(Nested)["What it checks"] == "a list:\nWhy:\nis part of this section."
