"""Rules about money: the subsidy applied for, caps, exact grants, co-funding. All in 万元, all exact."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import attrs

from ..converters import to_frozenset, to_tuple
from .base import Context, MissingInput, Outcome, _text, failed, money, optional_decimal, passed, percent, plain, plural, positive, shown_en
from .parties import Orgs

SUBSIDY = ("budget", "subsidy_requested")


def self_raised_by_org(ctx: Context) -> dict:
    """Self-raised (matching) funds per organization id, from ``budget.self_raised`` or ``budget.allocation``.

    Both forms at once is ambiguous and is reported as a missing input on ``/budget``.
    """
    budget = ctx.mapping("budget")
    if "self_raised" in budget and "allocation" in budget and any(
        isinstance(row, dict) and "self_raised" in row for row in budget.get("allocation") or ()
    ):
        raise MissingInput(("budget",), "self_raised 与 allocation 中的自筹经费二选一", "self-raised funds in self_raised or in allocation, not both", "both")
    totals: dict = {}
    if "self_raised" in budget:
        for where, row in ctx.objects("budget", "self_raised"):
            org = row.get("organization")
            totals[org] = totals.get(org, Decimal(0)) + ctx.number_in(row, where, "amount")
    else:
        for where, row in ctx.objects("budget", "allocation", optional=True):
            if "self_raised" in row:
                org = row.get("organization")
                totals[org] = totals.get(org, Decimal(0)) + ctx.number_in(row, where, "self_raised")
    return totals


@lru_cache(maxsize=256)  # a rule's bounds read the same on every check
def _bounds_text(minimum: Decimal | None, maximum: Decimal | None) -> tuple[str, str]:
    if minimum is not None and minimum == maximum:
        return f"恰为 {money(minimum)} 万元", f"exactly {money(minimum)} (10k CNY)"
    if minimum is not None and maximum is not None:
        return f"在 {money(minimum)}–{money(maximum)} 万元之间", f"between {money(minimum)} and {money(maximum)} (10k CNY)"
    if maximum is not None:
        return f"不超过 {money(maximum)} 万元", f"at most {money(maximum)} (10k CNY)"
    return f"不少于 {money(minimum)} 万元", f"at least {money(minimum)} (10k CNY)"


@attrs.frozen(slots=False)
class SubsidyBounds:
    """The subsidy applied for is within bounds (an exact grant when both bounds are equal).

    What it checks:
        ``budget.subsidy_requested`` >= ``minimum`` and <= ``maximum`` (either may be omitted), compared
        as exact decimals in 万元: ``150`` passes a cap of 150, ``150.0001`` fails it.

    Why:
        Each call fixes the grant (每项资助 50 万元) or caps it (150万元以内); 以内/不超过 include the bound.

    Failing example:
        ``SubsidyBounds(maximum=150)`` with ``{"budget": {"subsidy_requested": 150.0001}}``.

    Passing example:
        The same rule with ``{"budget": {"subsidy_requested": 150}}``.
    """

    minimum: Decimal | None = attrs.field(default=None, converter=optional_decimal, validator=positive)
    maximum: Decimal | None = attrs.field(default=None, converter=optional_decimal, validator=positive)

    def __attrs_post_init__(self) -> None:
        if self.minimum is None and self.maximum is None:
            raise ValueError("SubsidyBounds needs a minimum, a maximum or both")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"SubsidyBounds: minimum {self.minimum} exceeds maximum {self.maximum}")

    def check(self, ctx: Context) -> Outcome:
        amount = ctx.number(*SUBSIDY)
        want_zh, want_en = _bounds_text(self.minimum, self.maximum)
        expected = {"minimum": self.minimum, "maximum": self.maximum}
        shown = money(amount)
        if (self.minimum is not None and amount < self.minimum) or (self.maximum is not None and amount > self.maximum):
            return failed(
                f"申请财政资助 {shown} 万元，应{want_zh}",
                f"the subsidy requested is {shown} (10k CNY), expected {want_en}",
                SUBSIDY, expected=expected, actual=amount,
            )
        return passed(f"申请财政资助 {shown} 万元，{want_zh}", f"the subsidy requested is {shown} (10k CNY), {want_en}", SUBSIDY, expected=expected, actual=amount)

    def describe(self) -> tuple[str, str]:
        zh, en = _bounds_text(self.minimum, self.maximum)
        return f"申请财政资助{zh}", f"the subsidy requested is {en}"


@attrs.frozen(slots=False)
class SubsidyByPlace:
    """The exact grant depends on where the project takes place (at home or abroad).

    What it checks:
        Reads the country at ``place`` (a path); when it is one of ``home`` the subsidy must equal
        ``home_amount``, otherwise ``abroad_amount`` (exact decimals, 万元).

    Why:
        在境外举办的项目，每项资助 30 万元；在境内举办的项目，每项资助 20 万元.

    Failing example:
        ``{"exchange": {"venue_country": "CN"}, "budget": {"subsidy_requested": 30}}``: held in China, 20 expected.

    Passing example:
        ``{"exchange": {"venue_country": "SG"}, "budget": {"subsidy_requested": 30}}``.
    """

    place: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(1))
    home_amount: Decimal = attrs.field(converter=optional_decimal, validator=positive)
    abroad_amount: Decimal = attrs.field(converter=optional_decimal, validator=positive)
    home: frozenset = attrs.field(default=frozenset({"CN"}), converter=to_frozenset)

    def check(self, ctx: Context) -> Outcome:
        country = ctx.string(*self.place)
        amount = ctx.number(*SUBSIDY)
        at_home = country in self.home
        want = self.home_amount if at_home else self.abroad_amount
        where_zh, where_en = ("境内", "at home") if at_home else ("境外", "abroad")
        if amount != want:
            return failed(
                f"举办地 {country}（{where_zh}）的项目每项资助 {money(want)} 万元，申请 {money(amount)} 万元",
                f"a project held in {country} ({where_en}) is granted exactly {money(want)} (10k CNY); requested {money(amount)}",
                SUBSIDY, expected=want, actual=amount,
            )
        return passed(
            f"举办地 {country}（{where_zh}），申请资助 {money(amount)} 万元",
            f"held in {country} ({where_en}); requested {money(amount)} (10k CNY) as granted",
            SUBSIDY, expected=want, actual=amount,
        )

    def describe(self) -> tuple[str, str]:
        return (
            f"境内举办资助 {money(self.home_amount)} 万元，境外举办资助 {money(self.abroad_amount)} 万元",
            f"{money(self.home_amount)} (10k CNY) when held at home, {money(self.abroad_amount)} abroad",
        )


@attrs.frozen(slots=False)
class EnterpriseCofunding:
    """Enterprises that take part raise at least as much as the public subsidy, in total.

    What it checks:
        When some organization selected by ``trigger`` takes part, the self-raised funds of every
        organization selected by ``contributors`` (from ``budget.self_raised`` or
        ``budget.allocation``) add up to at least ``budget.subsidy_requested``, exactly. When no
        organization is selected by ``trigger`` the requirement does not apply and passes, saying so.

    Why:
        企业自筹经费总额不低于本专题项目财政资助金额: the enterprise's stake is the test of real demand.

    Failing example:
        A domestic enterprise partner, subsidy 50, self-raised 49.9999.

    Passing example:
        The same with self-raised 50.
    """

    trigger: Orgs
    contributors: Orgs

    def check(self, ctx: Context) -> Outcome:
        triggering = [org for org in ctx.organizations if self.trigger.matches(ctx, org)]
        want_zh, want_en = self.trigger.describe()
        if not triggering:
            return passed(
                f"无{want_zh}参与，不要求企业自筹经费",
                f"no organization ({want_en}) takes part: no enterprise co-funding is required",
                ("partners",), actual=0,
            )
        subsidy = ctx.number(*SUBSIDY)
        raised = self_raised_by_org(ctx)
        contributors = [org for org in ctx.organizations if self.contributors.matches(ctx, org)]
        total = sum((raised.get(org.id, Decimal(0)) for org in contributors), Decimal(0))
        names = "、".join(org.label for org in contributors)
        names_en = ", ".join(org.label for org in contributors)
        if total < subsidy:
            return failed(
                f"企业（{names}）自筹经费合计 {money(total)} 万元，低于财政资助 {money(subsidy)} 万元",
                f"{'the enterprise' if len(contributors) == 1 else 'the enterprises'} ({names_en}) {'raises' if len(contributors) == 1 else 'raise'} {money(total)} (10k CNY) in total, less than the subsidy {money(subsidy)}",
                ("budget",), expected=subsidy, actual=total,
            )
        return passed(
            f"企业（{names}）自筹经费合计 {money(total)} 万元，不低于财政资助 {money(subsidy)} 万元",
            f"{'the enterprise' if len(contributors) == 1 else 'the enterprises'} ({names_en}) {'raises' if len(contributors) == 1 else 'raise'} {money(total)} (10k CNY) in total, at least the subsidy {money(subsidy)}",
            ("budget",), expected=subsidy, actual=total,
        )

    def describe(self) -> tuple[str, str]:
        trigger_zh, trigger_en = self.trigger.describe()
        who_zh, who_en = self.contributors.describe()
        return (
            f"有{trigger_zh}参与时，{who_zh}自筹经费合计不低于财政资助",
            f"when {trigger_en} takes part, the self-raised funds of {who_en} add up to at least the subsidy",
        )


def _share(value) -> Decimal:
    share = Decimal(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else value
    if not isinstance(share, Decimal) or not share.is_finite() or not 0 < share <= 1:
        raise ValueError(f"SubsidyShareOf.share must be a decimal in (0, 1] given as a string or Decimal, got {value!r}")
    return share


@attrs.frozen(slots=False)
class SubsidyShareOf:
    """The subsidy applied for is at most a share of another amount (the enterprise's own R&D spending).

    What it checks:
        ``budget.subsidy_requested`` <= ``share`` x the amount at ``base`` (default
        ``budget.enterprise_rd_investment``), computed exactly in decimals: with a share of 0.2 and an
        investment of 750, 150 passes and 150.0001 fails. A missing base fails (it cannot be checked).

    Why:
        省财政经费支持强度……不超过浙江企业实际投入研发经费的 20%: public money tops up the enterprise's
        own R&D spending, never the other way round.

    Failing example:
        ``SubsidyShareOf("0.2")`` with ``{"budget": {"subsidy_requested": 100, "enterprise_rd_investment": 499.9999}}``.

    Passing example:
        The same rule with ``"enterprise_rd_investment": 500``.
    """

    share: Decimal = attrs.field(converter=_share)
    base: tuple = attrs.field(default=("budget", "enterprise_rd_investment"), converter=to_tuple)

    def check(self, ctx: Context) -> Outcome:
        amount = ctx.number(*SUBSIDY)
        base = ctx.number(*self.base)
        limit = plain(self.share * base)
        percent_shown = percent(self.share)
        amount_shown, base_shown, limit_shown = money(amount), money(base), money(limit)
        if amount > limit:
            return failed(
                f"申请财政资助 {amount_shown} 万元，超过企业实际投入研发经费 {base_shown} 万元的 {percent_shown}%（{limit_shown} 万元）",
                f"the subsidy requested, {amount_shown} (10k CNY), exceeds {percent_shown}% of the enterprise's R&D investment {base_shown} ({limit_shown})",
                SUBSIDY, expected={"maximum": limit, "share": self.share, "base": base}, actual=amount,
            )
        return passed(
            f"申请财政资助 {amount_shown} 万元，不超过企业实际投入研发经费 {base_shown} 万元的 {percent_shown}%（{limit_shown} 万元）",
            f"the subsidy requested, {amount_shown} (10k CNY), is within {percent_shown}% of the enterprise's R&D investment {base_shown} ({limit_shown})",
            SUBSIDY, expected={"maximum": limit, "share": self.share, "base": base}, actual=amount,
        )

    def describe(self) -> tuple[str, str]:
        return (
            f"申请财政资助不超过 {'/'.join(self.base)} 的 {percent(self.share)}%",
            f"the subsidy requested is at most {percent(self.share)}% of {'/'.join(self.base)}",
        )


# ----------------------------------------------------------------------------- direction budgets, matching per enterprise

from .base import to_decimal as _to_decimal  # noqa: E402  (appended section)


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


def _by_average(line: BudgetLine) -> tuple:
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
        zh, en = _line_text(line)
        expected = {"maximum": total, "average": line.average, "projects": projects}
        shown = money(amount)
        if amount > total:
            return failed(
                f"申请财政资助 {shown} 万元，超过{zh}",
                f"the subsidy requested, {shown} (10k CNY), exceeds the whole budget of {en}",
                SUBSIDY, expected=expected, actual=amount,
            )
        return passed(
            f"申请财政资助 {shown} 万元，不超过经费总额；{zh}",
            f"the subsidy requested, {shown} (10k CNY), is within the whole budget of {en}",
            SUBSIDY, expected=expected, actual=amount,
        )

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
        zh, en = _line_text(line)
        average = line.average
        expected = {"average": average, "maximum": total, "projects": projects}
        shown = money(amount)
        if amount > total:
            return passed(
                f"申请财政资助 {shown} 万元超过经费总额（另行报错），不再提示平均额；{zh}",
                f"the subsidy requested, {shown} (10k CNY), exceeds the whole budget (reported as an error elsewhere); no average note; {en}",
                SUBSIDY, expected=expected, actual=amount,
            )
        if line.above_average(amount):
            return failed(
                f"申请财政资助 {shown} 万元，高于平均每项约 {money(average)} 万元（{zh}）",
                f"the subsidy requested, {shown} (10k CNY), is above the average of about {money(average)} per project ({en})",
                SUBSIDY, expected=expected, actual=amount,
            )
        return passed(
            f"申请财政资助 {shown} 万元，不高于平均每项约 {money(average)} 万元（{zh}）",
            f"the subsidy requested, {shown} (10k CNY), is not above the average of about {money(average)} per project ({en})",
            SUBSIDY, expected=expected, actual=amount,
        )

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
        want_zh, want_en = self.enterprises.describe()
        if not taking_part:
            return passed(f"无{want_zh}参与，不要求企业配套出资", f"no organization ({want_en}) takes part: no matching funds are required", ("partners",), actual=0)
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
        return passed(
            "每家企业配套出资均不低于其获得的政府资助：" + "；".join(f"{k} {money(v['self_raised'])} ≥ {money(v['subsidy'])}" for k, v in rows.items()),
            "every enterprise raises at least its subsidy: " + "; ".join(f"{k} {money(v['self_raised'])} >= {money(v['subsidy'])}" for k, v in rows.items()),
            ("budget", "allocation"), expected={k: v["subsidy"] for k, v in rows.items()}, actual={k: v["self_raised"] for k, v in rows.items()},
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.enterprises.describe()
        return f"每家{zh}的配套出资不低于其获得的政府资助（按 budget.allocation）", f"every organization that is {en} raises at least the subsidy allocated to it (budget.allocation)"
