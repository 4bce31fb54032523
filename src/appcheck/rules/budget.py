"""Rules about a call's budget lines: the subsidy of each direction, its average per project, and the
matching funds of each enterprise (the most calls)."""

from __future__ import annotations

from decimal import Decimal, localcontext
from functools import lru_cache

import attrs

from ..arithmetic import EXACT
from ..converters import to_frozenset, to_tuple
from .base import Context, MissingInput, Outcome, _text, failed, money, passed_saying, plain, plural, positive, shown_en
from .base import to_decimal as _to_decimal
from .funding import SUBSIDY, self_raised_by_org
from .parties import Orgs


def _positive_int(instance, attribute, value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a positive whole number, got {value!r}")


@attrs.frozen(slots=False)
class BudgetLine:
    """One line of a guideline's budget table: 拟支持项目数 ``projects``, 共拟支持经费 ``total`` (万元).

    ``fields`` is the field labels the line covers (``None``: every field of the topic); ``label``
    names the line in messages (``能源领域``).
    """

    total: Decimal = attrs.field(converter=_to_decimal, validator=positive)
    projects: int = attrs.field(validator=_positive_int)
    fields: frozenset | None = attrs.field(default=None, converter=attrs.converters.optional(to_frozenset))
    label: str = ""

    def __attrs_post_init__(self) -> None:
        if self.fields is not None and (not self.fields or not all(isinstance(f, str) and f for f in self.fields)):
            raise ValueError("BudgetLine.fields must be a non-empty set of field labels or None")

    @property
    def average(self) -> Decimal:
        """The average per project, rounded to 1 元 for display (comparisons use ``total`` and ``projects``)."""
        return _average(self.total, self.projects)

    def above_average(self, amount: Decimal) -> bool:
        """amount > total / projects, exactly (without dividing)."""
        return amount * self.projects > self.total


@lru_cache(maxsize=512)  # a budget line's average reads the same on every check
def _average(total: Decimal, projects: int) -> Decimal:
    # kept for every later check: worked out in the exact context (half-even), never in the context of
    # whoever asks first (a rule described by appcheck explain, in a host's context)
    with localcontext(EXACT):
        return plain((total / projects).quantize(Decimal("0.0001")))


def _budget_lines(instance, attribute, value) -> None:
    if not value or not all(isinstance(line, BudgetLine) for line in value):
        raise ValueError(f"{type(instance).__name__}.lines must be a non-empty tuple of BudgetLine")
    if len(value) > 1 and any(line.fields is None for line in value):
        raise ValueError(f"{type(instance).__name__}: with several budget lines every line names its fields")


def _line_for(ctx: Context, lines: tuple, aliases: tuple, key) -> BudgetLine:
    """The budget line a project falls under: the only line, else the line(s) its fields belong to.

    A project whose fields touch several lines is held to the strictest of them (``key``); a project
    none of whose fields belongs to a line cannot be placed: missing input on ``project.fields``.
    """
    if len(lines) == 1:
        return lines[0]
    aliases = dict(aliases)
    fields = ctx.array("project", "fields")
    labels = {aliases.get(v.strip(), v.strip()) for v in fields if isinstance(v, str)}
    touched = [line for line in lines if line.fields & labels]
    if not touched:
        known = "、".join(sorted(set().union(*(line.fields for line in lines))))
        raise MissingInput(("project", "fields"), f"至少一个属于经费分项的领域（{known}）", f"a field of one of the budget lines ({known})", list(fields))
    return min(touched, key=key)


@lru_cache(maxsize=512)  # a budget line reads the same on every check
def _line_text(line: BudgetLine) -> tuple[str, str]:
    average = money(line.average)
    scope_zh = f"{line.label}" if line.label else "本方向"
    scope_en = f"{line.label}" if line.label else "this direction"
    return (
        f"{scope_zh}共拟支持经费 {money(line.total)} 万元、拟支持项目 {line.projects} 个（平均每项约 {average} 万元）",
        f"{scope_en}: {money(line.total)} (10k CNY) for {plural(line.projects, 'project')} (about {average} per project)",
    )


def _by_total(line: BudgetLine) -> Decimal:
    return line.total


@lru_cache(maxsize=512)  # a budget line's key reads the same on every check (a long division in the exact context)
def _by_average(line: BudgetLine) -> tuple:
    with localcontext(EXACT):
        return (line.total / line.projects, line.total)


@attrs.frozen(slots=False)
class DirectionBudget:
    """The subsidy requested does not exceed the direction's whole budget (共拟支持经费).

    What it checks:
        ``budget.subsidy_requested`` <= the ``total`` of the direction's budget line, exactly in 万元.
        With several lines (Finland: 能源领域 2500 万元, the other fields 3000 万元) the line is chosen
        by ``project.fields`` (through ``aliases``); fields in several lines: the smallest total applies;
        no field in any line: the line cannot be chosen and the rule fails on ``project.fields``.
        The message also gives the average per project.

    Why:
        拟支持项目数 / 共拟支持经费: a single project cannot be granted more than its direction has in all.

    Failing example:
        ``DirectionBudget((BudgetLine(4500, 15),))`` with ``{"budget": {"subsidy_requested": 4500.0001}}``.

    Passing example:
        The same rule with ``{"budget": {"subsidy_requested": 4500}}``.
    """

    lines: tuple = attrs.field(converter=to_tuple, validator=_budget_lines)
    aliases: tuple = attrs.field(default=(), converter=lambda m: tuple(dict(m).items()))

    def check(self, ctx: Context) -> Outcome:
        amount = ctx.number(*SUBSIDY)
        line = _line_for(ctx, self.lines, self.aliases, _by_total)
        total, projects = line.total, line.projects
        expected = {"maximum": total, "average": line.average, "projects": projects}
        if amount > total:
            zh, en = _line_text(line)
            return failed(
                f"申请财政资助 {money(amount)} 万元，超过{zh}",
                f"the subsidy requested, {money(amount)} (10k CNY), exceeds the whole budget of {en}",
                SUBSIDY, expected=expected, actual=amount,
            )

        def words() -> tuple[str, str]:
            zh, en = _line_text(line)
            return (
                f"申请财政资助 {money(amount)} 万元，不超过经费总额；{zh}",
                f"the subsidy requested, {money(amount)} (10k CNY), is within the whole budget of {en}",
            )

        return passed_saying(words, SUBSIDY, expected=expected, actual=amount)

    def describe(self) -> tuple[str, str]:
        parts = [_line_text(line) for line in self.lines]
        return "申请财政资助不超过方向经费总额：" + "；".join(p[0] for p in parts), "the subsidy requested is at most the direction's whole budget: " + "; ".join(p[1] for p in parts)


@attrs.frozen(slots=False)
class DirectionAverage:
    """A note when the subsidy requested is above the direction's average per project.

    What it checks:
        ``budget.subsidy_requested`` > ``total`` / ``projects`` of the direction's budget line (compared
        as ``amount * projects > total``, exact) fails, with both numbers. The line is chosen as by
        :class:`DirectionBudget`; fields in several lines: the lowest average applies. A request above
        the whole budget is not noted here (that is :class:`DirectionBudget`'s error): the note is
        about requests within the budget but above the average.

    Why:
        拟支持项目数 / 共拟支持经费: the guideline does not cap a project below the direction's budget,
        but the budget divided by the number of projects is what a project can expect on average.

    Failing example:
        ``DirectionAverage((BudgetLine(4500, 15),))`` (average 300) with ``subsidy_requested`` 300.0001.

    Passing example:
        The same rule with ``subsidy_requested`` 300.
    """

    lines: tuple = attrs.field(converter=to_tuple, validator=_budget_lines)
    aliases: tuple = attrs.field(default=(), converter=lambda m: tuple(dict(m).items()))

    def check(self, ctx: Context) -> Outcome:
        amount = ctx.number(*SUBSIDY)
        line = _line_for(ctx, self.lines, self.aliases, _by_average)
        total, projects = line.total, line.projects
        average = line.average
        expected = {"average": average, "maximum": total, "projects": projects}
        if amount > total:

            def beyond() -> tuple[str, str]:
                zh, en = _line_text(line)
                return (
                    f"申请财政资助 {money(amount)} 万元超过经费总额（另行报错），不再提示平均额；{zh}",
                    f"the subsidy requested, {money(amount)} (10k CNY), exceeds the whole budget (reported as an error elsewhere); no average note; {en}",
                )

            return passed_saying(beyond, SUBSIDY, expected=expected, actual=amount)
        if line.above_average(amount):
            zh, en = _line_text(line)
            return failed(
                f"申请财政资助 {money(amount)} 万元，高于平均每项约 {money(average)} 万元（{zh}）",
                f"the subsidy requested, {money(amount)} (10k CNY), is above the average of about {money(average)} per project ({en})",
                SUBSIDY, expected=expected, actual=amount,
            )

        def words() -> tuple[str, str]:
            zh, en = _line_text(line)
            return (
                f"申请财政资助 {money(amount)} 万元，不高于平均每项约 {money(average)} 万元（{zh}）",
                f"the subsidy requested, {money(amount)} (10k CNY), is not above the average of about {money(average)} per project ({en})",
            )

        return passed_saying(words, SUBSIDY, expected=expected, actual=amount)

    def describe(self) -> tuple[str, str]:
        parts = [_line_text(line) for line in self.lines]
        return "申请财政资助高于平均每项经费时提示：" + "；".join(p[0] for p in parts), "a note when the subsidy requested is above the average per project: " + "; ".join(p[1] for p in parts)


@attrs.frozen(slots=False)
class MatchingPerEnterprise:
    """Every enterprise of a group raises at least the subsidy allocated to it (配套出资, per enterprise).

    What it checks:
        When an organization selected by ``enterprises`` (applicant or partner) takes part,
        ``budget.allocation`` is required, its ``subsidy`` values must add up to
        ``budget.subsidy_requested`` exactly (else the allocation cannot be read), and for each such
        enterprise its self-raised funds (``allocation[].self_raised`` or ``budget.self_raised``) are
        >= the subsidy allocated to it, exactly in 万元. An enterprise with no allocation row is
        allocated no subsidy. No such enterprise: the requirement does not apply and passes, saying so.

    Why:
        参与企业应提供至少与其获得的政府资助等额的配套出资: the match is per enterprise, not a total.

    Failing example:
        A Chinese enterprise allocated a subsidy of 100 with ``self_raised`` 99.9999.

    Passing example:
        The same enterprise with ``self_raised`` 100.
    """

    enterprises: Orgs

    def check(self, ctx: Context) -> Outcome:
        taking_part = [org for org in ctx.organizations if self.enterprises.matches(ctx, org)]
        if not taking_part:

            def none_taking_part() -> tuple[str, str]:
                want_zh, want_en = self.enterprises.describe()
                return f"无{want_zh}参与，不要求企业配套出资", f"no organization ({want_en}) takes part: no matching funds are required"

            return passed_saying(none_taking_part, ("partners",), actual=0)
        requested = ctx.number(*SUBSIDY)
        allocated: dict = {}
        for where, row in ctx.objects("budget", "allocation"):
            organization = ctx.string_in(row, where, "organization")
            allocated[organization] = allocated.get(organization, Decimal(0)) + ctx.number_in(row, where, "subsidy")
        for where, row in ctx.objects("budget", "self_raised", optional=True):
            ctx.string_in(row, where, "organization")
        total = sum(allocated.values(), Decimal(0))
        if total != requested:
            raise MissingInput(
                ("budget", "allocation"),
                f"各单位 subsidy 合计等于申请财政资助 {money(requested)} 万元的分配表",
                f"an allocation whose subsidies add up to the subsidy requested, {money(requested)}",
                f"subsidies adding up to {money(total)}",
            )
        raised = self_raised_by_org(ctx)
        rows, short = {}, []
        for org in taking_part:
            ctx.field(org, "id", "单位编号", "an id", _text)
            subsidy = allocated.get(org.id, Decimal(0))
            own = raised.get(org.id, Decimal(0))
            rows[shown_en(org.id)] = {"subsidy": subsidy, "self_raised": own}
            if own < subsidy:
                short.append((org, subsidy, own))
        if short:
            return failed(
                "企业配套出资低于其获得的政府资助：" + "；".join(f"{org.label} 获资助 {money(s)} 万元，配套 {money(o)} 万元" for org, s, o in short),
                "matching funds below the subsidy allocated: " + "; ".join(f"{org.label} is allocated {money(s)} (10k CNY) and raises {money(o)}" for org, s, o in short),
                ("budget", "allocation"), expected={shown_en(org.id): s for org, s, _ in short}, actual={shown_en(org.id): o for org, _, o in short},
            )
        return passed_saying(
            lambda: (
                "每家企业配套出资均不低于其获得的政府资助：" + "；".join(f"{k} {money(v['self_raised'])} ≥ {money(v['subsidy'])}" for k, v in rows.items()),
                "every enterprise raises at least its subsidy: " + "; ".join(f"{k} {money(v['self_raised'])} >= {money(v['subsidy'])}" for k, v in rows.items()),
            ),
            ("budget", "allocation"), expected={k: v["subsidy"] for k, v in rows.items()}, actual={k: v["self_raised"] for k, v in rows.items()},
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.enterprises.describe()
        return f"每家{zh}的配套出资不低于其获得的政府资助（按 budget.allocation）", f"every organization that is {en} raises at least the subsidy allocated to it (budget.allocation)"
