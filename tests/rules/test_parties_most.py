"""PartnersAre (every partner of a group qualifies) and PartnerCountries (partners from N of a list)."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.reference import country_list
from appcheck.rules.parties import Orgs
from appcheck.rules.places import PartnerCountries, PartnersAre

from .helpers import DAY, org, outcome, status

FRENCH = Orgs(roles={"foreign_partner"}, countries={"FR"})
RESEARCH_FR = Orgs(kinds={"research_institute", "university"}, countries={"FR"})
FR_PARTNER = PartnersAre(FRENCH, RESEARCH_FR, legal_entity=True, registered_years=3)
JP_PARTNER = PartnersAre(Orgs(roles={"foreign_partner"}), Orgs(kinds={"enterprise"}, countries={"JP"}))


def french(registered_on="2010-01-01", kind="research_institute", legal=True, **extra) -> dict:
    partner = org("fr", role="foreign_partner", kind=kind, country="FR", registered_on=registered_on, **extra)
    if legal is not None:
        partner["independent_legal_entity"] = legal
    return {"applicant": org("lead", subdivision="CN-BJ"), "partners": [partner]}


# ------------------------------------------------------------------ registered at least N years before submission

THREE_YEARS = DAY - relativedelta(years=3)  # 2019-05-10


@given(registered=st.dates(min_value=dt.date(2015, 1, 1), max_value=DAY))
@example(registered=THREE_YEARS).via("exactly 3 years")
@example(registered=THREE_YEARS + dt.timedelta(days=1)).via("one day short")
@example(registered=THREE_YEARS - dt.timedelta(days=1)).via("one day more")
def test_registered_three_calendar_years_before_submission(registered: dt.date) -> None:
    passes = status(FR_PARTNER, french(registered.isoformat())) == "passed"
    assert passes == (registered <= DAY - relativedelta(years=3))


def test_leap_day_submission_counts_back_to_the_28th() -> None:
    day = dt.date(2024, 2, 29)
    assert status(FR_PARTNER, french("2021-02-28"), day=day) == "passed"
    assert status(FR_PARTNER, french("2021-03-01"), day=day) == "failed"


def test_the_registration_message_gives_the_dates() -> None:
    result = outcome(FR_PARTNER, french("2019-05-11"))
    assert result.status.value == "failed" and result.segments == ("partners", 0, "registered_on")
    assert "2019-05-11" in result.message and "2019-05-10" in result.message_en and result.actual == dt.date(2019, 5, 11)


@pytest.mark.parametrize("kind,expected", [("research_institute", "passed"), ("university", "passed"), ("enterprise", "failed"), ("other", "failed")])
def test_the_french_partner_is_a_research_institute_or_university(kind, expected) -> None:
    assert status(FR_PARTNER, french(kind=kind)) == expected


def test_the_french_partner_is_an_independent_legal_entity() -> None:
    assert status(FR_PARTNER, french(legal=False)) == "failed"
    missing = outcome(FR_PARTNER, french(legal=None))
    assert missing.status.value == "failed" and missing.segments == ("partners", 0, "independent_legal_entity")


def test_missing_registration_date_never_passes() -> None:
    bundle = french()
    del bundle["partners"][0]["registered_on"]
    assert outcome(FR_PARTNER, bundle).segments == ("partners", 0, "registered_on")


def test_no_french_partner_fails() -> None:
    bundle = french()
    bundle["partners"][0]["country"] = "DE"
    assert status(FR_PARTNER, bundle) == "failed"


def test_every_partner_of_the_group_must_qualify() -> None:
    bundle = french()
    bundle["partners"].append(org("fr2", role="foreign_partner", kind="enterprise", country="FR", registered_on="2000-01-01", independent_legal_entity=True))
    result = outcome(FR_PARTNER, bundle)
    assert result.status.value == "failed" and result.segments == ("partners", 1)


# ------------------------------------------------------------------ Japan: every foreign partner a Japanese enterprise

def japanese(*partners) -> dict:
    return {"applicant": org("lead", subdivision="CN-BJ"), "partners": list(partners)}


def test_japanese_partners_only_enterprises_registered_in_japan() -> None:
    ent = org("jp", role="foreign_partner", kind="enterprise", country="JP")
    assert status(JP_PARTNER, japanese(ent)) == "passed"
    assert status(JP_PARTNER, japanese(ent, org("jpu", role="foreign_partner", kind="university", country="JP"))) == "failed"
    assert status(JP_PARTNER, japanese(ent, org("us", role="foreign_partner", kind="enterprise", country="US"))) == "failed"
    assert status(JP_PARTNER, japanese(ent, org("cn", role="domestic_partner", kind="university", subdivision="CN-BJ"))) == "passed"
    assert status(JP_PARTNER, japanese()) == "failed"


def test_a_partner_without_kind_cannot_be_checked() -> None:
    partner = org("jp", role="foreign_partner", kind="enterprise", country="JP")
    del partner["kind"]
    assert outcome(JP_PARTNER, japanese(partner)).segments == ("partners", 0, "kind")


@pytest.mark.parametrize("bad", [dict(registered_years=0), dict(minimum=-1)])
def test_bad_parameters_fail_when_built(bad) -> None:
    with pytest.raises(ValueError):
        PartnersAre(FRENCH, RESEARCH_FR, **bad)


def test_describe_states_the_conditions() -> None:
    zh, en = FR_PARTNER.describe()
    assert "3 年" in zh and "独立法人" in zh and "3 years" in en


# ------------------------------------------------------------------ PartnerCountries

OTHER_BRICS = frozenset({"BR", "RU", "IN", "ZA"})
BRICS = PartnerCountries(Orgs(roles={"foreign_partner"}), OTHER_BRICS, 2)


def partners_in(*countries) -> dict:
    return {"applicant": org("lead", subdivision="CN-BJ"),
            "partners": [org(f"p{i}", role="foreign_partner", country=c) for i, c in enumerate(countries)]}


@given(countries=st.lists(st.sampled_from(["BR", "RU", "IN", "ZA", "EG", "DE", "US"]), max_size=5))
@example(countries=["BR", "ZA"]).via("two")
@example(countries=["BR", "BR"]).via("one country twice")
@example(countries=["BR", "EG"]).via("Egypt is not one of the four")
def test_partners_from_at_least_two_of_the_other_four(countries) -> None:
    assert (status(BRICS, partners_in(*countries)) == "passed") == (len(set(countries) & OTHER_BRICS) >= 2)


def test_domestic_partners_do_not_count() -> None:
    bundle = partners_in("BR")
    bundle["partners"].append(org("ru", role="domestic_partner", country="RU"))
    assert status(BRICS, bundle) == "failed"


def test_the_other_four_are_in_the_shipped_brics_list() -> None:
    assert OTHER_BRICS <= country_list("brics").countries


def test_the_message_names_the_countries_found() -> None:
    result = outcome(BRICS, partners_in("BR", "BR"))
    assert result.actual == ["BR"] and "BR" in result.message and "2" in result.message_en


def test_partner_countries_parameters_are_checked() -> None:
    with pytest.raises(ValueError):
        PartnerCountries(Orgs(roles={"foreign_partner"}), {"BR"}, 2)
    with pytest.raises(ValueError):
        PartnerCountries(Orgs(roles={"foreign_partner"}), set(), 1)


def test_a_partner_without_country_cannot_be_counted() -> None:
    bundle = partners_in("BR", "ZA")
    del bundle["partners"][1]["country"]
    assert outcome(BRICS, bundle).segments == ("partners", 1, "country")
