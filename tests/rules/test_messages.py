"""Every rule module's exact output: status, where, both messages, expected and actual for each case of
``tests/rules/messages/<module>.py`` (``CASES``/``OUTCOMES`` for rules run on one bundle,
``BATCH_CASES``/``BATCH_OUTCOMES`` for rules run on a batch), and how each of its rules describes itself."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from . import messages
from .helpers import context, facts, outcome

MODULES = {info.name: importlib.import_module(f"{messages.__name__}.{info.name}") for info in pkgutil.iter_modules(messages.__path__)}
CASES = [(f"{name}/{case}", module, case) for name, module in MODULES.items() for case in getattr(module, "CASES", {})]
BATCH_CASES = [(f"{name}/{case}", module, case) for name, module in MODULES.items() for case in getattr(module, "BATCH_CASES", {})]
DESCRIBED = [(f"{name}/{rule}", module, rule) for name, module in MODULES.items() for rule in module.DESCRIBED]


@pytest.mark.parametrize("module,case", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_outcome_states_what_was_found_and_what_was_expected(module, case) -> None:
    rule, data, kwargs = module.CASES[case]
    assert facts(outcome(rule, data, **kwargs)) == module.OUTCOMES[case]


@pytest.mark.parametrize("module,case", [c[1:] for c in BATCH_CASES], ids=[c[0] for c in BATCH_CASES])
def test_batch_outcomes_and_breaches_state_what_was_found_and_what_was_expected(module, case) -> None:
    rule, bundles = module.BATCH_CASES[case]
    outcomes, breaches = rule.check_batch([context(b) for b in bundles])
    assert ([facts(o) for o in outcomes], [(facts(o), members) for o, members in breaches]) == module.BATCH_OUTCOMES[case]


@pytest.mark.parametrize("module,rule", [d[1:] for d in DESCRIBED], ids=[d[0] for d in DESCRIBED])
def test_rule_describes_itself(module, rule) -> None:
    assert module.DESCRIBED[rule].describe() == module.DESCRIPTIONS[rule]


def test_every_case_has_its_outcome_and_every_rule_its_description() -> None:
    for module in MODULES.values():
        assert set(getattr(module, "CASES", {})) == set(getattr(module, "OUTCOMES", {}))
        assert set(getattr(module, "BATCH_CASES", {})) == set(getattr(module, "BATCH_OUTCOMES", {}))
        assert set(module.DESCRIBED) == set(module.DESCRIPTIONS)
