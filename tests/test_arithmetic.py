"""Checks work in exact decimals, whatever decimal context the caller's thread has (appcheck.arithmetic)."""

from __future__ import annotations

import decimal
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import appcheck
import appcheck.rules.base
from appcheck.arithmetic import EXACT, EXACT_DIGITS, exactly, said
from appcheck.engine import Source
from appcheck.loading import MAX_EXPONENT, MAX_NUMBER_DIGITS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*/*.json"))
COFUNDING = ROOT / "examples" / "gd-2022" / "research" / "GD22-COFUNDING.json"
AS_OF = "2022-01-01"


def hostile() -> decimal.Context:
    """A context a host program might have: two digits, rounding down, every signal trapped."""
    return decimal.Context(prec=2, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation])


def test_exactly_runs_in_the_exact_context_and_gives_the_callers_back() -> None:
    seen = exactly(lambda: decimal.getcontext().prec)
    with decimal.localcontext(hostile()):
        assert seen() == EXACT_DIGITS
        assert decimal.getcontext().prec == 2


def test_the_exact_context_adds_and_multiplies_the_loaders_extremes_exactly() -> None:
    biggest = Decimal("9" * MAX_NUMBER_DIGITS + f"E+{MAX_EXPONENT}")
    smallest = Decimal("0." + "0" * (MAX_NUMBER_DIGITS - 2) + f"1E-{MAX_EXPONENT}")
    for a, b in ((biggest, smallest), (biggest, biggest), (smallest, smallest)):
        assert Fraction(EXACT.add(a, b)) == Fraction(a) + Fraction(b)
        assert Fraction(EXACT.multiply(a, b)) == Fraction(a) * Fraction(b)
    assert not EXACT.flags[decimal.Inexact] and not EXACT.flags[decimal.Rounded]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "examples")))
def test_a_report_does_not_depend_on_the_callers_decimal_context(path: Path) -> None:
    expected = appcheck.validate(path, as_of=AS_OF).to_dict()
    with decimal.localcontext(hostile()):
        report = appcheck.validate(path, as_of=AS_OF)
    assert report.to_dict() == expected  # its passed messages said outside the hostile context, too
    with decimal.localcontext(hostile()):
        assert appcheck.validate(path, as_of=AS_OF).to_dict() == expected  # and said inside it


def test_a_batch_does_not_depend_on_the_callers_decimal_context() -> None:
    folder = ROOT / "examples" / "gd-2022" / "research"
    bundles = sorted(folder.glob("*.json"))
    expected = appcheck.validate_batch(bundles, as_of=AS_OF).to_dict()
    with decimal.localcontext(hostile()):
        found = appcheck.validate_batch(bundles, as_of=AS_OF).to_dict()
    for data in (expected, found):
        data.pop("provenance", None)
    assert found == expected


def _cofunding(raised: list[Decimal]) -> appcheck.Report:
    data = json.loads(COFUNDING.read_text(encoding="utf-8"))
    data["budget"]["self_raised"] = [{"organization": "bio-co", "amount": "AMOUNT"} for _ in raised]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for amount in raised:  # the amounts as numbers with every digit written
        text = text.replace('"AMOUNT"', format(amount, "f"), 1)
    return appcheck.validate(Source("cofunding.json", text.encode("utf-8")), as_of=AS_OF)


def _status(report: appcheck.Report) -> str:
    (finding,) = [finding for finding in report.findings if finding.requirement == "GD22-COFUNDING"]
    return finding.status.value


@given(
    part=st.decimals(min_value=0, max_value=50, places=40, allow_nan=False, allow_infinity=False),
    digits=st.integers(min_value=1, max_value=60),
    step=st.sampled_from([-1, 0, 1]),
)
@example(part=Decimal("25"), digits=29, step=-1)  # one step below the subsidy, past 28 digits
@example(part=Decimal("25"), digits=29, step=0)  # at it
@example(part=Decimal("25"), digits=29, step=1)  # one step above
@example(part=Decimal("0.1234567890123456789012345678901"), digits=40, step=-1)
def test_cofunding_adds_long_amounts_exactly(part: Decimal, digits: int, step: int) -> None:
    subsidy = Decimal(50)
    delta = Decimal(step).scaleb(-digits)
    rest = EXACT.add(EXACT.subtract(subsidy, part), delta)
    with decimal.localcontext(hostile()):  # whatever the caller's context
        report = _cofunding([part, rest])
    assert _status(report) == ("passed" if Fraction(part) + Fraction(rest) >= Fraction(subsidy) else "failed")


def test_words_are_said_in_the_exact_context() -> None:
    with decimal.localcontext(hostile()):
        assert said(lambda: (str(Decimal(1) / 3)[:6], str(decimal.getcontext().prec))) == ("0.3333", str(EXACT_DIGITS))


@pytest.mark.parametrize("error", [AttributeError("x"), TypeError("x"), KeyError("x"), decimal.InvalidOperation()])
def test_words_that_fail_give_a_message_saying_so_not_an_exception(error: Exception) -> None:
    def words():
        raise error

    kind = type(error).__name__
    assert said(words) == (f"（本条说明未能生成：{kind}）", f"(this message could not be written: {kind})")
    outcome = appcheck.rules.base.passed_saying(words, ("a",))
    assert (outcome.status.value, outcome.message_en) == ("passed", f"(this message could not be written: {kind})")


def test_the_exact_context_does_not_take_the_defaults_a_host_set_before_importing_appcheck() -> None:
    # decimal.DefaultContext is where a host program sets the defaults of every new context (its
    # threads'): set before appcheck is imported, it still changes nothing of a check's arithmetic
    # or of how its messages write numbers
    import subprocess
    import sys

    code = (
        "import decimal\n"
        "decimal.DefaultContext.rounding, decimal.DefaultContext.capitals, decimal.DefaultContext.clamp = decimal.ROUND_UP, 0, 1\n"
        "from decimal import Decimal\n"
        "from appcheck.arithmetic import EXACT, said\n"
        "print(EXACT.rounding, EXACT.capitals, EXACT.clamp)\n"
        "print(*said(lambda: (str(Decimal('1E+1')), str((Decimal(100) / 3).quantize(Decimal('0.1'))))))\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert found == [f"{decimal.ROUND_HALF_EVEN} 1 0", "1E+1 33.3"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_groups_its_keys_in_the_exact_context(monkeypatch, jobs: int) -> None:
    from appcheck.rules.batch import OneIdentityPerPerson

    precisions = []
    real = OneIdentityPerPerson.group_of

    def spy(key):
        precisions.append(decimal.getcontext().prec)
        return real(key)

    monkeypatch.setattr(OneIdentityPerPerson, "group_of", staticmethod(spy))
    bundles = sorted((ROOT / "examples" / "gd-2022" / "research").glob("*.json"))
    with decimal.localcontext(hostile()):
        appcheck.validate_batch(bundles, as_of=AS_OF, jobs=jobs)
    assert precisions and set(precisions) == {EXACT_DIGITS}


def test_numbers_are_written_as_the_bundle_wrote_them_whatever_the_callers_context() -> None:
    from appcheck.model import dumps, jsonable

    values = {"a": Decimal("1E+1"), "b": Decimal("1.10"), "c": Decimal("-0"), "d": Decimal("2.5E-7")}
    expected = dumps(jsonable(values))
    with decimal.localcontext(decimal.Context(capitals=0)):
        assert dumps(jsonable(values)) == expected == '{"a": 1E+1, "b": 1.10, "c": -0, "d": 2.5E-7}'
