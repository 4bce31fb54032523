"""attrs fields convert with plain functions (:mod:`appcheck.converters`), never with a builtin type:
attrs reads a converter's signature when it creates the class, and a builtin's costs a tokenizer run
(and, the first time in a process, compiling the tokenizer's patterns) in every process's start-up."""

from __future__ import annotations

import importlib
import pkgutil

import attrs
import pytest

import appcheck
from appcheck.converters import to_frozenset, to_tuple


def _classes():
    for info in pkgutil.walk_packages(appcheck.__path__, "appcheck."):
        if info.name.startswith("appcheck.serve") or info.name == "appcheck.__main__":
            continue  # the serve extra's modules define no attrs class with a converter; __main__ runs the command line
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__:
                yield value


def _builtin(converter) -> bool:
    if isinstance(converter, type) and converter.__module__ == "builtins":
        return True
    inner = [cell.cell_contents for cell in (getattr(converter, "__closure__", None) or ())]
    return any(_builtin(each) for each in inner if callable(each) and each is not converter)


def test_no_field_converts_with_a_builtin_type() -> None:
    found = [(cls.__qualname__, field.name) for cls in _classes() for field in attrs.fields(cls)
             if field.converter is not None and _builtin(getattr(field.converter, "converter", field.converter))]
    assert found == []
    assert _builtin(tuple) and _builtin(attrs.converters.optional(frozenset)) and not _builtin(to_tuple)


@pytest.mark.parametrize("value", [(), [1, 2], (1,), "ab", {3: 4}, range(3)])
def test_the_converters_give_what_the_builtins_give(value) -> None:
    assert to_tuple(value) == tuple(value) and type(to_tuple(value)) is tuple
    assert to_frozenset(value) == frozenset(value) and type(to_frozenset(value)) is frozenset
    same = (1, 2)
    assert to_tuple(same) is same
