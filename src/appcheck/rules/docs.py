"""The fixed shape of a rule class's documentation, and the registry of rule classes.

A rule class's docstring is a one-line summary, then four sections in this order, each a heading
line followed by indented text::

    What it checks:
    Why:
    Failing example:
    Passing example:

``appcheck explain`` is generated from these sections and from each rule object's ``describe()``;
a test fails when a rule class lacks a section.
"""

from __future__ import annotations

import importlib
import inspect
import textwrap

SECTIONS = ("What it checks", "Why", "Failing example", "Passing example")
MODULES = ("parties", "places", "agreements", "labs", "submission", "funding", "shares", "budget", "dates", "schedule", "documents", "events", "project", "scope", "balance", "batch", "quotas", "platforms")


class MissingSection(ValueError):
    pass


def sections(cls: type) -> dict[str, str]:
    """The summary and the four sections of a rule class's docstring; raises MissingSection if one is absent."""
    doc = inspect.getdoc(cls) or ""
    lines = doc.splitlines()
    found: dict[str, list[str]] = {"summary": []}
    current = "summary"
    for line in lines:
        heading = line.rstrip(":").strip()
        if line.endswith(":") and heading in SECTIONS and not line.startswith(" "):
            current = heading
            found[current] = []
        else:
            found[current].append(line)
    result = {name: textwrap.dedent("\n".join(body)).strip() for name, body in found.items()}
    missing = [name for name in SECTIONS if not result.get(name)]
    if missing or not result["summary"]:
        raise MissingSection(f"{cls.__name__}'s docstring lacks: {', '.join(missing or ['a summary'])}")
    order = [name for name in found if name != "summary"]
    if order != list(SECTIONS):
        raise MissingSection(f"{cls.__name__}'s sections are out of order: {order}")
    return result


def rule_classes() -> dict[str, type]:
    """Every rule class of the package, by name (a class with a ``check`` or ``check_batch`` method)."""
    classes: dict[str, type] = {}
    for module_name in MODULES:
        module = importlib.import_module(f"{__package__}.{module_name}")
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and obj.__module__ == module.__name__ and not name.startswith("_"):
                if callable(getattr(obj, "check", None)) or callable(getattr(obj, "check_batch", None)):
                    classes[name] = obj
    return classes
