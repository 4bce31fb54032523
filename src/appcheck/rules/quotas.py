"""Batch rules about quotas: at most so many bundles of a batch share one key (an R&D centre, a platform, a
recommender). A batch rule, in the two steps :mod:`appcheck.rules.batch` describes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from .base import Context, MissingInput, Outcome, failed, passed_saying, plural
from .batch import judge, read


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
            return passed_saying(
                lambda: ("本申报纳入推荐单位限额，不计入此项指标", "this bundle counts against the recommender's quota: not subject to this limit"),
                ("counts_against_quota",),
            )
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
        return passed_saying(
            lambda: (
                f"本批中涉及{name_zh} {label} 的申报书 {count} 份，未超过 {self.limit} 份",
                f"{plural(count, 'bundle')} of this batch {'concerns' if count == 1 else 'concern'} the {name_en} {label}, within the limit of {self.limit}",
            ),
            where, expected=self.limit, actual=count,
        ), False

    def describe(self) -> tuple[str, str]:
        _, _, name_zh, name_en = QUOTA_KEYS[self.key]
        scope = ("（不纳入限额的申报）", " (among bundles outside the quota)") if self.outside_quota_only else ("", "")
        return f"每个{name_zh}在一批中至多 {self.limit} 份{scope[0]}", f"at most {plural(self.limit, 'bundle')} per {name_en} in a batch{scope[1]}"


__all__ = ["QUOTA_KEYS", "QuotaPerKey"]
