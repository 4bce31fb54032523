"""Rules about money: the subsidy applied for, caps, exact grants, co-funding. All in 万元, all exact."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import attrs

from ..converters import to_frozenset, to_tuple
from .base import Context, MissingInput, Outcome, _text, failed, money, optional_decimal, passed_saying, positive
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
        expected = {"minimum": self.minimum, "maximum": self.maximum}
        if (self.minimum is not None and amount < self.minimum) or (self.maximum is not None and amount > self.maximum):
            want_zh, want_en = _bounds_text(self.minimum, self.maximum)
            return failed(
                f"申请财政资助 {money(amount)} 万元，应{want_zh}",
                f"the subsidy requested is {money(amount)} (10k CNY), expected {want_en}",
                SUBSIDY, expected=expected, actual=amount,
            )

        def words() -> tuple[str, str]:
            want_zh, want_en = _bounds_text(self.minimum, self.maximum)
            return f"申请财政资助 {money(amount)} 万元，{want_zh}", f"the subsidy requested is {money(amount)} (10k CNY), {want_en}"

        return passed_saying(words, SUBSIDY, expected=expected, actual=amount)

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
        return passed_saying(
            lambda: (
                f"举办地 {country}（{where_zh}），申请资助 {money(amount)} 万元",
                f"held in {country} ({where_en}); requested {money(amount)} (10k CNY) as granted",
            ),
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
        if not triggering:
            return passed_saying(self._none_takes_part, ("partners",), actual=0)
        subsidy = ctx.number(*SUBSIDY)
        raised = self_raised_by_org(ctx)
        contributors = [org for org in ctx.organizations if self.contributors.matches(ctx, org)]
        total = sum((raised.get(org.id, Decimal(0)) for org in contributors), Decimal(0))
        names = [org.label for org in contributors]  # the words keep names, never an Org
        if total < subsidy:
            return failed(
                f"企业（{'、'.join(names)}）自筹经费合计 {money(total)} 万元，低于财政资助 {money(subsidy)} 万元",
                f"{'the enterprise' if len(names) == 1 else 'the enterprises'} ({', '.join(names)}) {'raises' if len(names) == 1 else 'raise'} {money(total)} (10k CNY) in total, less than the subsidy {money(subsidy)}",
                ("budget",), expected=subsidy, actual=total,
            )
        return passed_saying(
            lambda: (
                f"企业（{'、'.join(names)}）自筹经费合计 {money(total)} 万元，不低于财政资助 {money(subsidy)} 万元",
                f"{'the enterprise' if len(names) == 1 else 'the enterprises'} ({', '.join(names)}) {'raises' if len(names) == 1 else 'raise'} {money(total)} (10k CNY) in total, at least the subsidy {money(subsidy)}",
            ),
            ("budget",), expected=subsidy, actual=total,
        )

    def _none_takes_part(self) -> tuple[str, str]:
        want_zh, want_en = self.trigger.describe()
        return f"无{want_zh}参与，不要求企业自筹经费", f"no organization ({want_en}) takes part: no enterprise co-funding is required"

    def describe(self) -> tuple[str, str]:
        trigger_zh, trigger_en = self.trigger.describe()
        who_zh, who_en = self.contributors.describe()
        return (
            f"有{trigger_zh}参与时，{who_zh}自筹经费合计不低于财政资助",
            f"when {trigger_en} takes part, the self-raised funds of {who_en} add up to at least the subsidy",
        )
