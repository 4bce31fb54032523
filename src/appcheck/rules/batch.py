"""Batch rules: requirements that need several bundles at once (quotas, one identity per person).

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

from collections.abc import Callable, Iterable, Sequence

import attrs

from .base import Context, MissingInput, Outcome, failed, guarded, passed, plural, review

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
        return passed(
            f"本批 {total} 份申报书中，申报人 {who} 仅以 {identities[0]} 身份申报（{count} 份）",
            f"in this batch of {plural(total, 'bundle')}, {who} applies with the single identity {identities[0]} ({plural(count, 'bundle')})",
            ("principal_investigator", "identity"), actual=identities[0],
        ), False

    def describe(self) -> tuple[str, str]:
        return "同一申报人不得同时以境内、境外两种身份申报（批量检查）", "one person does not apply with both a mainland and an outside identity (batch)"


def _foreign_rd_center(ctx: Context) -> str | None:
    for org in ctx.partners:
        if isinstance(org.get("foreign_rd_center"), dict):
            registration = org.get("registration_id")
            if isinstance(registration, str) and registration.strip():
                return "reg:" + registration.strip()
            return "name:" + ctx.field(org, "name", "单位名称", "a name", lambda v: v.strip() if isinstance(v, str) and v.strip() else None)
    raise MissingInput(("partners",), "含 foreign_rd_center 的合作单位", "a partner with a foreign_rd_center block")


def _platform(ctx: Context) -> str:
    """The platform's name, folded (case, spaces, punctuation and quote styles do not make another platform)."""
    from .submission import normalize_name

    name = ctx.string("platform", "name").strip()
    return f"name:{normalize_name(name)}" if normalize_name(name) else name


def _recommended_by(ctx: Context) -> str:
    return ctx.string("recommended_by").strip()


#: how a quota's key is read from a bundle, and how it is named in messages
QUOTA_KEYS: dict[str, tuple[Callable[[Context], str | None], tuple, str, str]] = {
    "foreign_rd_center": (_foreign_rd_center, ("partners",), "外资研发机构", "foreign R&D centre"),
    "platform": (_platform, ("platform", "name"), "平台", "platform"),
    "recommended_by": (_recommended_by, ("recommended_by",), "推荐单位", "recommending organization"),
}


@attrs.frozen(slots=False)
class QuotaPerKey:
    """At most ``limit`` bundles of the batch share one key (an R&D centre, a platform, a recommender).

    What it checks:
        Groups the batch's bundles by ``key`` (``foreign_rd_center``: the partner's ``registration_id``,
        else its name; ``platform``: ``platform.name``; ``recommended_by``). With
        ``outside_quota_only``, bundles with ``counts_against_quota`` true are left out. A group larger
        than ``limit`` fails for every bundle in it; a bundle whose key cannot be read fails on it.
        Only bundles that can go forward take a place (``eligible_only``, the default): a bundle that
        already fails a required check of its own is not counted, and its finding says so.

    Why:
        每个中心各限报1项 / 同一年度与同一个外资企业研发机构合作且不纳入限额申报的项目指标不超过1个 /
        每个组织申报的推荐单位限推荐 5 个中美政府间合作项目. A quota limits the applications that go
        forward; one rejected on its own merits occupies no place.

    Failing example:
        ``QuotaPerKey("platform", 1)`` over two bundles both naming 金砖国家深海资源国际研究中心.

    Passing example:
        The same rule over two bundles naming different platforms (names compare case-, space-, punctuation- and quote-insensitively: “X” and "X" are one platform).
    """

    key: str = attrs.field(validator=attrs.validators.in_(QUOTA_KEYS))
    limit: int = attrs.field(validator=attrs.validators.ge(1))
    outside_quota_only: bool = False
    #: a quota place is taken only by a bundle that can go forward (the engine leaves out bundles
    #: already failing a required check of their own, and says so in their finding)
    eligible_only: bool = True

    @property
    def paths(self) -> tuple:
        """Where the outcomes of :meth:`judge` point."""
        return (QUOTA_KEYS[self.key][1],)

    def key_of(self, ctx: Context) -> tuple[str, str] | Outcome:
        """``(group key, name shown in messages)``, or a passed outcome for a bundle outside the quota."""
        if self.outside_quota_only and ctx.value("counts_against_quota") is True:
            return passed("本申报纳入推荐单位限额，不计入此项指标", "this bundle counts against the recommender's quota: not subject to this limit", ("counts_against_quota",))
        key = QUOTA_KEYS[self.key][0](ctx)
        if self.key == "platform":
            return key, ctx.string("platform", "name").strip()
        return key, key.split(":", 1)[1] if key.startswith(("reg:", "name:")) else key

    def check_batch(self, contexts: Sequence[Context]) -> tuple[list[Outcome], list[tuple[Outcome, tuple]]]:
        return self.judge([read(self, ctx) for ctx in contexts])

    def judge(self, reads: Sequence) -> tuple[list[Outcome], list[tuple[Outcome, tuple]]]:
        return judge(self, reads)

    @staticmethod
    def group_of(key: tuple[str, str]) -> str:
        return key[0]

    def verdict(self, keys: Iterable, total: int) -> tuple[Outcome, bool]:
        _, where, name_zh, name_en = QUOTA_KEYS[self.key]
        count, label = 0, None
        for key in keys:
            count += 1
            if label is None:
                label = key[1]  # the first bundle's spelling names the group
        if count > self.limit:
            return failed(
                f"本批中有 {count} 份申报书涉及同一{name_zh} {label}，限报 {self.limit} 份",
                f"{plural(count, 'bundle')} of this batch {'concerns' if count == 1 else 'concern'} the same {name_en} {label}; at most {self.limit} allowed",
                where, expected=self.limit, actual=count,
            ), True
        return passed(
            f"本批中涉及{name_zh} {label} 的申报书 {count} 份，未超过 {self.limit} 份",
            f"{plural(count, 'bundle')} of this batch {'concerns' if count == 1 else 'concern'} the {name_en} {label}, within the limit of {self.limit}",
            where, expected=self.limit, actual=count,
        ), False

    def describe(self) -> tuple[str, str]:
        _, _, name_zh, name_en = QUOTA_KEYS[self.key]
        scope = ("（不纳入限额的申报）", " (among bundles outside the quota)") if self.outside_quota_only else ("", "")
        return f"每个{name_zh}在一批中至多 {self.limit} 份{scope[0]}", f"at most {plural(self.limit, 'bundle')} per {name_en} in a batch{scope[1]}"


__all__ = ["OneIdentityPerPerson", "QuotaPerKey", "judge", "read"]
