"""Rule classes, by concern: parties, places, agreements, funding, budget, dates, schedule, documents,
events, project, balance, batch.

Every rule class is a frozen ``attrs`` class whose parameters are validated when a topic is built,
with ``check(ctx) -> Outcome`` and ``describe() -> (zh, en)``, documented in the fixed shape
:mod:`appcheck.rules.docs` reads.
"""
