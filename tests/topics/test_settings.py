"""Call settings: checked in one place (topics.resolve_settings), for Python, --set and the config file alike."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import appcheck
from appcheck import engine, topics

from ..conftest import EXAMPLES
from ..test_cli import run

VALID = EXAMPLES / "gd-2022" / "training" / "valid.json"
ZJ22 = EXAMPLES / "zj-2022" / "bilateral-industrial" / "valid-austria.json"
YEAR = "zj-2022.deadline_year"
PUBLISHED = "gd-2022.published_on"
DOMESTIC = "zj-2026.domestic_deadline"


@pytest.mark.parametrize("settings", ["x", b"x", [(PUBLISHED, "2022-04-15")], 5])
def test_settings_that_are_not_a_mapping_are_a_type_error(settings: object) -> None:
    with pytest.raises(TypeError, match="settings must be a mapping"):
        appcheck.validate(VALID, settings=settings)
    with pytest.raises(TypeError, match="settings must be a mapping"):
        appcheck.validate_batch([VALID], settings=settings)


def test_a_setting_name_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="setting names are str"):
        appcheck.validate(VALID, settings={5: 2021})


def test_no_settings_and_empty_settings_are_the_defaults() -> None:
    assert appcheck.validate(VALID, settings={}).to_dict() == appcheck.validate(VALID).to_dict()
    assert topics.resolve_settings({}) == topics.resolve_settings(None) == {
        PUBLISHED: None, YEAR: 2021, DOMESTIC: None,
    }


@pytest.mark.parametrize(("name", "value"), [
    (PUBLISHED, 12345), (PUBLISHED, "15 April 2022"), (PUBLISHED, "2022-02-30"), (PUBLISHED, "20220415"),
    (PUBLISHED, "2022-W15-5"), (PUBLISHED, "２０２２-04-15"), (PUBLISHED, dt.datetime(2022, 4, 15, 12)),
    (PUBLISHED, True), (PUBLISHED, ""), (DOMESTIC, 2025), (DOMESTIC, ["2025-10-31"]),
    (YEAR, 0), (YEAR, -5), (YEAR, 2021.5), (YEAR, 2021.0), (YEAR, True), (YEAR, False), (YEAR, "２０２１"),
    (YEAR, "0"), (YEAR, "-5"), (YEAR, "2021.5"), (YEAR, "True"), (YEAR, "02021"), (YEAR, "+2021"), (YEAR, " 2021"),
    (YEAR, Decimal(2021)), (YEAR, None), (YEAR, 9999), (YEAR, "9999"), (YEAR, 10**100), (YEAR, ""),
])
def test_a_value_a_setting_does_not_accept_is_a_value_error_naming_it_and_what_it_accepts(name: str, value: object) -> None:
    accepts = "a year: a whole number from 1 to 9998" if name == YEAR else "a date: the text YYYY-MM-DD or a datetime.date"
    for call in (
        lambda: appcheck.validate(VALID, settings={name: value}),
        lambda: appcheck.validate_batch([VALID], settings={name: value}),
        lambda: engine.check_batch([VALID], settings={name: value}),
    ):
        with pytest.raises(ValueError) as raised:
            call()
        message = str(raised.value)
        assert message.startswith(f"setting {name!r} accepts {accepts}") and f"; got {value!r}"[:30] in message


@pytest.mark.parametrize(("name", "value", "expected"), [
    (PUBLISHED, "2022-04-15", dt.date(2022, 4, 15)), (PUBLISHED, dt.date(2022, 4, 15), dt.date(2022, 4, 15)),
    (PUBLISHED, "2024-02-29", dt.date(2024, 2, 29)), (PUBLISHED, None, None), (DOMESTIC, "2025-10-31", dt.date(2025, 10, 31)),
    (YEAR, 2022, 2022), (YEAR, "2022", 2022), (YEAR, 1, 1), (YEAR, "9998", 9998),
])
def test_accepted_values_are_converted_as_the_rules_read_them(name: str, value: object, expected: object) -> None:
    assert topics.resolve_settings({name: value})[name] == expected


@given(st.integers(min_value=-20_000, max_value=20_000))
@example(0)
@example(1)
@example(2)
@example(9_997)
@example(9_998)
@example(9_999)
def test_a_year_setting_is_a_calendar_year_whose_next_year_is_one_too(year: int) -> None:
    accepted = 1 <= year <= dt.MAXYEAR - 1
    for value in (year, str(year)):
        try:
            resolved = topics.resolve_settings({YEAR: value})[YEAR]
        except ValueError:
            assert not accepted
        else:
            assert accepted and resolved == year


@pytest.mark.parametrize("value", ["0", "-5", "2021.5", "True", "２０２１", "2022-13-01"])
def test_a_bad_set_on_the_command_line_is_a_usage_error(value: str) -> None:
    name = PUBLISHED if "-" in value[1:] else YEAR
    code, out, err = run("validate", str(ZJ22), "--set", f"{name}={value}", "--lang", "en")
    assert code == 2 and out == ""
    assert err.startswith(f"appcheck validate: setting {name!r} accepts ") and repr(value) in err
    assert len(err.splitlines()) == 1
    code, out, err = run("validate", str(ZJ22), "--set", f"{name}={value}")  # Chinese by default
    assert code == 2 and err.startswith(f"appcheck validate：用法错误：设置 {name!r} 应为") and repr(value) in err


def test_a_good_set_on_the_command_line_is_applied() -> None:
    assert run("validate", str(ZJ22), "--set", f"{YEAR}=2021")[0] == 0
