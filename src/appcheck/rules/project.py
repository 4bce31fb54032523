"""Rules about what the project declares: its fields, its performance targets, its declarations."""

from __future__ import annotations

from functools import lru_cache

import attrs

from ..converters import to_tuple
from .base import MISSING, Context, Outcome, failed, passed_saying

TARGETS = (
    "new_varieties", "demo_bases", "talents_trained", "medical_staff_trained", "technical_specifications",
    "technical_standards", "industry_standards", "new_products", "new_processes", "new_technologies", "pilot_lines",
    "technology_systems", "processing_technologies", "saline_water_technologies", "landmark_results",
    "key_results", "reports", "visits", "meetings_per_year", "exchange_events", "joint_papers",
    "technology_transfers", "training_classes", "summary_reports", "media_reports", "proceedings",
)


def _minimums(instance, attribute, value) -> None:
    for key, minimum in value.items():
        names = key if isinstance(key, tuple) else (key,)
        if not names or not set(names) <= set(TARGETS):
            raise ValueError(f"{type(instance).__name__}: unknown target(s) {names}")
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
            raise ValueError(f"{type(instance).__name__}: the minimum for {names} must be a positive integer, got {minimum!r}")


_TARGETS = ("targets",)


@lru_cache(maxsize=256)  # a rule's targets read the same on every check
def _targets(minimums: tuple) -> tuple[tuple[tuple, str, int], ...]:
    """``(names, label, minimum)`` for each entry of :attr:`TargetMinimums.minimums` (a tuple of names is a sum)."""
    return tuple(((key if isinstance(key, tuple) else (key,)), ("+".join(key) if isinstance(key, tuple) else key), minimum) for key, minimum in minimums)


@attrs.frozen(slots=False)
class TargetMinimums:
    """The performance targets the application commits to reach the guideline's minimums.

    What it checks:
        For each entry of ``minimums``, ``targets.<name>`` >= the minimum; a tuple of names is a sum
        (新产品（新品种）: ``("new_products", "new_varieties")`` >= 1). A target not given counts as 0;
        every shortfall is listed with its numbers.

    Why:
        考核指标: what the project will be judged on at the end must at least match the call.

    Failing example:
        ``TargetMinimums({"demo_bases": 2})`` with ``{"targets": {"demo_bases": 1}}``.

    Passing example:
        The same rule with ``{"targets": {"demo_bases": 2}}``.
    """

    minimums: tuple = attrs.field(converter=lambda m: tuple(dict(m).items()), validator=attrs.validators.min_len(1))

    def __attrs_post_init__(self) -> None:
        _minimums(self, None, dict(self.minimums))

    def check(self, ctx: Context) -> Outcome:
        targets = ctx.mapping("targets")
        shortfalls, found = [], {}
        for names, label, minimum in _targets(self.minimums):
            total = 0
            for name in names:
                if ctx.value_in(targets, _TARGETS, name) is not MISSING:
                    total += ctx.integer_in(targets, _TARGETS, name)
            found[label] = total
            if total < minimum:
                shortfalls.append((label, total, minimum, names[0]))
        expected = {label: minimum for _, label, minimum in _targets(self.minimums)}
        if shortfalls:
            return failed(
                "考核指标不足：" + "；".join(f"{label} 为 {total}，要求不少于 {minimum}" for label, total, minimum, _ in shortfalls),
                "targets below the minimum: " + "; ".join(f"{label} is {total}, at least {minimum} required" for label, total, minimum, _ in shortfalls),
                ("targets", shortfalls[0][3]), expected=expected, actual=found,
            )
        return passed_saying(
            lambda: (
                "考核指标均达到要求：" + "；".join(f"{label} {found[label]} ≥ {minimum}" for label, minimum in expected.items()),
                "every target meets its minimum: " + "; ".join(f"{label} {found[label]} >= {minimum}" for label, minimum in expected.items()),
            ),
            ("targets",), expected=expected, actual=found,
        )

    def describe(self) -> tuple[str, str]:
        parts = [("+".join(k) if isinstance(k, tuple) else k, v) for k, v in self.minimums]
        return "考核指标：" + "，".join(f"{k} ≥ {v}" for k, v in parts), "targets: " + ", ".join(f"{k} >= {v}" for k, v in parts)


@attrs.frozen(slots=False)
class FieldsWithin:
    """Every field the project declares is one of the guideline's labels.

    What it checks:
        Each ``project.fields`` value, trimmed and mapped through ``aliases`` (spellings that differ
        between guideline texts), is one of ``labels``. The first value outside is named with the
        allowed labels. Whether that blocks depends on the requirement's kind: a scope (hard), a
        priority (info) or an open list ending in 等 (soft).

    Why:
        Guidelines list the technology fields of a topic, as its scope (领域方向) or as priorities (优先支持).

    Failing example:
        ``FieldsWithin(("清洁技术", "智慧城市"))`` with ``{"project": {"fields": ["区块链"]}}``.

    Passing example:
        The same rule with ``{"project": {"fields": ["智慧城市"]}}``.
    """

    labels: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(1))
    aliases: tuple = attrs.field(default=(), converter=lambda m: tuple(dict(m).items()))

    def __attrs_post_init__(self) -> None:
        unknown = [target for _, target in self.aliases if target not in self.labels]
        if unknown:
            raise ValueError(f"FieldsWithin: aliases point at unknown labels {unknown}")

    def check(self, ctx: Context) -> Outcome:
        fields = ctx.array("project", "fields")
        if not fields:
            ctx.string("project", "fields", 0)
        aliases = dict(self.aliases)
        outside = []
        for index, value in enumerate(fields):
            if not isinstance(value, str) or not value.strip():  # an empty field is not filled in, not a field outside
                ctx.string("project", "fields", index)
            label = aliases.get(value.strip(), value.strip())
            if label not in self.labels:
                outside.append((index, value))
        if outside:
            allowed = "、".join(self.labels)
            index, value = outside[0]
            names = "、".join(v for _, v in outside)
            return failed(
                f"领域 {names} 不在本方向所列领域内：{allowed}",
                f"{'field' if len(outside) == 1 else 'fields'} {', '.join(v for _, v in outside)} {'is' if len(outside) == 1 else 'are'} not among this topic's fields: {', '.join(self.labels)}",
                ("project", "fields", index), expected=list(self.labels), actual=[v for _, v in outside],
            )
        listed = tuple(fields)  # the words keep this copy, never the bundle's own list
        return passed_saying(
            lambda: (f"所报领域均在所列领域内：{'、'.join(listed)}", f"every field is listed: {', '.join(listed)}"),
            ("project", "fields"), expected=list(self.labels), actual=list(fields),
        )

    def describe(self) -> tuple[str, str]:
        return f"项目领域属于：{'、'.join(self.labels)}", f"the project's fields are among: {', '.join(self.labels)}"


@attrs.frozen(slots=False)
class Declaration:
    """A yes/no declaration of the bundle has the required answer.

    What it checks:
        The boolean at ``path`` equals ``required``; not a boolean fails (it cannot be read). Absent,
        it fails too, unless the bundle format gives the field a ``default`` (``counts_against_quota``
        is false unless declared): then the default is the answer.

    Why:
        Some conditions are the applicant's own declaration: 不支持本年度已获得其他省级部门经费支持的专项培训项目;
        国合项目不计入限额申报数 (an application declared as counting against the quota gets a note).

    Failing example:
        ``Declaration(("training", "other_provincial_funding_this_year"), False, …)`` with the value ``true``.

    Passing example:
        The same rule with the value ``false``; ``Declaration(("counts_against_quota",), False, …,
        default=False)`` with no ``counts_against_quota``.
    """

    path: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(1))
    required: bool
    meaning: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(2))
    #: the answer when the field is absent (the bundle format's default); None: absent fails
    default: bool | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool)))

    def check(self, ctx: Context) -> Outcome:
        defaulted = self.default is not None and ctx.value(*self.path) is MISSING
        value = self.default if defaulted else ctx.boolean(*self.path)
        if value is not self.required:
            (zh, en), name = self.meaning, "/".join(self.path)
            return failed(f"声明 {name} 为 {str(value).lower()}，应为 {str(self.required).lower()}（{zh}）", f"{name} is {str(value).lower()}, must be {str(self.required).lower()} ({en})", self.path, expected=self.required, actual=value)
        if defaulted:
            return passed_saying(self._defaulted, self.path[:-1], expected=self.required, actual=value)
        return passed_saying(self._declared, self.path, expected=self.required, actual=value)

    # what a declaration with the required answer says (``value`` is then ``required``)
    def _declared(self) -> tuple[str, str]:
        (zh, en), name, value = self.meaning, "/".join(self.path), str(self.required).lower()
        return f"声明 {name} 为 {value}（{zh}）", f"{name} is {value} ({en})"

    def _defaulted(self) -> tuple[str, str]:
        (zh, en), name, value = self.meaning, "/".join(self.path), str(self.required).lower()
        return f"未声明 {name}，按默认值 {value}（{zh}）", f"{name} is not given: {value} by default ({en})"

    def describe(self) -> tuple[str, str]:
        if self.default is not None:
            name, required, default = "/".join(self.path), str(self.required).lower(), str(self.default).lower()
            return f"{name} 为 {required}（未填按 {default}）：{self.meaning[0]}", f"{name} is {required} (absent: {default}): {self.meaning[1]}"
        return f"声明：{self.meaning[0]}", f"declared: {self.meaning[1]}"
