"""Exact-output tables of the rule modules, one module each: ``CASES`` (rule, bundle, context options)
with the ``OUTCOMES`` they give, and ``DESCRIBED`` rules with their ``DESCRIPTIONS``;
``tests/rules/test_messages.py`` checks them all."""
