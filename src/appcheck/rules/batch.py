"""Batch rules: requirements that need several bundles at once (one identity per person here; quotas in
:mod:`appcheck.rules.quotas`).

A batch rule works in two steps, so that a batch of any size is checked without holding its bundles:

- ``key_of(ctx)`` reads, from one bundle, the little the rule compares across bundles (a person's id and
  identity, a platform's name). It raises :class:`~appcheck.rules.base.MissingInput` when it cannot
  read it, or returns an :class:`~appcheck.rules.base.Outcome` when the bundle is outside the rule.
- ``judge(reads) -> (outcomes, breaches)`` compares those reads (a key, or the bundle's own outcome):
  one outcome per bundle, in the order given, and for every breach an outcome with the indices of
  the bundles involved. Every bundle in a breach fails: the guideline caps the group, and nothing
  says which one is kept.

``judge`` is made of two smaller steps, which the engine uses directly so that it can keep the keys
of a large batch on disk (:mod:`appcheck.stores`) and judge one group at a time:
``group_of(key)`` names the group a key belongs to (a string: bundles with the same one are
compared), and ``verdict(keys, total)`` is the one outcome every bundle of a group gets, from the
group's keys (an iterable, read once, in batch order) and the number of bundles the rule judged in
the batch, with whether the group is a breach.

``paths`` lists every path an outcome of ``judge`` points at, so the engine can place those findings
in the file before it lets the bundle go. ``check_batch(contexts)`` is both steps at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from .base import Context, Outcome, failed, guarded, passed_saying, plural, review

_OUTSIDE_MAINLAND = {"foreign", "hong_kong", "macao", "taiwan"}


def _identity_class(identity: str) -> str:
    return "mainland" if identity == "mainland" else "outside"


def judge(rule, reads: Sequence) -> tuple[list[Outcome], list[tuple[Outcome, tuple]]]:
    """``rule.judge(reads)``, made of ``rule.group_of`` and ``rule.verdict``: a read that is an outcome
    stays the bundle's own; the others are grouped, and each group's members get its verdict. The
    breaches come in the order of their groups' first bundles."""
    outcomes: list = [found if isinstance(found, Outcome) else None for found in reads]
    groups: dict[str, list[int]] = {}
    for index, found in enumerate(reads):
        if not isinstance(found, Outcome):
            groups.setdefault(rule.group_of(found), []).append(index)
    breaches = []
    for members in groups.values():
        outcome, breached = rule.verdict([reads[m] for m in members], len(reads))
        if breached:
            breaches.append((outcome, tuple(members)))
        for m in members:
            outcomes[m] = outcome
    return outcomes, breaches


def read(rule, ctx: Context):
    """``rule.key_of(ctx)``, or the bundle's own outcome: the key cannot be read (failed, pointing at the
    input), the data is malformed (failed), or the bundle is outside the rule."""
    return guarded(rule.key_of, ctx)


@attrs.frozen(slots=False)
class OneIdentityPerPerson:
    """The same person does not apply both as a mainland and as an outside-the-mainland researcher.

    What it checks:
        Across the batch, bundles whose ``principal_investigator.person_id`` is the same must not
        mix ``identity`` ``mainland`` with ``foreign`` / ``hong_kong`` / ``macao`` / ``taiwan``: all of
        them fail. Bundles without ``person_id`` are matched by ``principal_investigator.name``, and
        a mix there gives needs review (a name is not an identity).

    Why:
        不得同时以境内、境外两种身份申报或参与项目.

    Failing example:
        Two bundles with ``person_id`` ``p-1``, one ``identity: mainland``, the other ``hong_kong``.

    Passing example:
        The same two bundles, both ``identity: hong_kong``.
    """

    #: where the outcomes of :meth:`judge` point
    paths = (("principal_investigator", "identity"),)

    def key_of(self, ctx: Context) -> tuple[str, str, str]:
        identity = ctx.string("principal_investigator", "identity")
        person = ctx.value("principal_investigator", "person_id")
        if isinstance(person, str) and person.strip():
            return ("id", person.strip(), identity)
        return ("name", ctx.string("principal_investigator", "name").strip(), identity)

    def check_batch(self, contexts: Sequence[Context]) -> tuple[list[Outcome], list[tuple[Outcome, tuple]]]:
        return self.judge([read(self, ctx) for ctx in contexts])

    def judge(self, reads: Sequence) -> tuple[list[Outcome], list[tuple[Outcome, tuple]]]:
        return judge(self, reads)

    @staticmethod
    def group_of(key: tuple[str, str, str]) -> str:
        """One person: ``id:`` and the person's id, or ``name:`` and the name (neither kind has a colon)."""
        return f"{key[0]}:{key[1]}"

    def verdict(self, keys: Iterable, total: int) -> tuple[Outcome, bool]:
        count, identities, first = 0, set(), None
        for key in keys:
            count += 1
            identities.add(key[2])
            first = first or key
        by, who = first[0], first[1]
        classes = {_identity_class(identity) for identity in identities}
        identities = sorted(identities)
        if len(classes) > 1:
            make = failed if by == "id" else review
            return make(
                f"同一申报人（{'编号' if by == 'id' else '姓名'} {who}）在本批 {count} 份申报书中以境内、境外两种身份申报（{'、'.join(identities)}）",
                f"the same person ({'person_id' if by == 'id' else 'name'} {who}) applies in {plural(count, 'bundle')} of this batch with both mainland and outside identities ({', '.join(identities)})",
                ("principal_investigator", "identity"), expected="one identity", actual=identities,
            ), True
        identity = identities[0]
        return passed_saying(
            lambda: (
                f"本批 {total} 份申报书中，申报人 {who} 仅以 {identity} 身份申报（{count} 份）",
                f"in this batch of {plural(total, 'bundle')}, {who} applies with the single identity {identity} ({plural(count, 'bundle')})",
            ),
            ("principal_investigator", "identity"), actual=identity,
        ), False

    def describe(self) -> tuple[str, str]:
        return "同一申报人不得同时以境内、境外两种身份申报（批量检查）", "one person does not apply with both a mainland and an outside identity (batch)"


__all__ = ["OneIdentityPerPerson", "judge", "read"]
