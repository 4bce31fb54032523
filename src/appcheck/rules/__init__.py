"""Rule classes, by concern: parties, places, agreements, labs (a joint laboratory), submission, funding,
shares (the subsidy as a share of another amount), budget, dates, schedule, documents, events, project,
scope (a track's scope), balance, batch, quotas (batch quotas), platforms.

Every rule class is a frozen ``attrs`` class whose parameters are validated when a topic is built,
with ``check(ctx) -> Outcome`` and ``describe() -> (zh, en)``, documented in the fixed shape
:mod:`appcheck.rules.docs` reads.
"""
