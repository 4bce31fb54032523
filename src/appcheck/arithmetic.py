"""The decimal context appcheck's checks work in, whatever context the caller's thread has.

Amounts are exact decimals (``Decimal``, as the bundle wrote them), and a check that adds them up
(co-funding sources, a budget's lines) or multiplies them (a share of an amount, ``amount *
projects`` instead of dividing) must get the exact result: a sum rounded to the thread's precision
(28 digits by default, or whatever a host program set) could make 49.99999999999999999999999999999
raise 50 and pass a check it fails. :data:`EXACT` holds enough digits for the exact sum or product
of any numbers the loader accepts (:data:`~appcheck.loading.MAX_NUMBER_DIGITS` digits, exponents
written up to :data:`~appcheck.loading.MAX_EXPONENT`); :func:`exactly` runs a function in it. The
engine runs every check of a bundle, every batch verdict, and a passed message formatted when first
read, in it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, DivisionByZero, InvalidOperation, Overflow, localcontext
from typing import Any, TypeVar

from .loading import MAX_EXPONENT, MAX_NUMBER_DIGITS

#: Digits enough for the exact sum or product of two accepted numbers, each up to MAX_NUMBER_DIGITS
#: digits with its point moved up to MAX_EXPONENT places either way, with room to add many of them.
EXACT_DIGITS = 4 * (MAX_NUMBER_DIGITS + MAX_EXPONENT)

# every field given: a field left out would be taken from decimal.DefaultContext, which a host program may
# have changed before importing appcheck
EXACT = Context(
    prec=EXACT_DIGITS, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX, capitals=1, clamp=0, flags=[],
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
"""The context of every check: exact sums and products, half-even rounding where a rule divides or
quantizes for display, and an invalid operation, a division by zero or an overflow raised (a rule
meeting one fails as malformed, never passes)."""

F = TypeVar("F", bound=Callable[..., Any])


def exactly(function: F) -> F:
    """``function``, run in :data:`EXACT` (the caller's context is back when it returns)."""

    @functools.wraps(function)
    def exact(*args: Any, **kwargs: Any) -> Any:
        with localcontext(EXACT):
            return function(*args, **kwargs)

    return exact  # type: ignore[return-value]


def said(words: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """``words()`` (a passed outcome's messages, formatted when first read) in :data:`EXACT`, as the
    check that gave them ran.

    Words that fail (a rule's fault, not the bundle's: what can fail on the bundle's values is worked
    out before the outcome is made) give a message saying so and naming the error, never an
    exception where a reporter reads the message: the verdict stands, only its wording is lost."""
    try:
        with localcontext(EXACT):
            return words()
    except Exception as error:  # noqa: BLE001 - a message read must never crash a report
        kind = type(error).__name__
        return f"（本条说明未能生成：{kind}）", f"(this message could not be written: {kind})"
