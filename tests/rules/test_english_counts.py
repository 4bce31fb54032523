"""English messages agree with their numbers: one academician, two academicians; an agreement, a memorandum."""

from __future__ import annotations

import pytest

from appcheck.rules.agreements import SignedAgreement
from appcheck.rules.base import Duration, a_or_an, plural
from appcheck.rules.dates import DurationMonths
from appcheck.rules.events import Attendance, TraineeCountries
from appcheck.rules.parties import HasParty, Orgs
from appcheck.rules.places import PartnersAre
from appcheck.rules.quotas import QuotaPerKey
from appcheck.rules.schedule import OnsiteEveryYear

from .helpers import context, org, outcome


@pytest.mark.parametrize(("args", "text"), [
    ((1, "academician"), "1 academician"),
    ((2, "academician"), "2 academicians"),
    ((0, "academician"), "0 academicians"),
    ((1, "country", "countries"), "1 country"),
    ((2, "country", "countries"), "2 countries"),
    ((0, "country", "countries"), "0 countries"),
    ((1, "entry", "entries"), "1 entry"),
    ((11, "entry", "entries"), "11 entries"),
    ((1, "project year"), "1 project year"),
    ((3, "project year"), "3 project years"),
])
def test_plural_agrees_with_the_count(args, text) -> None:
    assert plural(*args) == text


@pytest.mark.parametrize(("word", "text"), [
    ("agreement", "an agreement"),
    ("memorandum", "a memorandum"),
    ("letter_of_intent", "a letter_of_intent"),
    ("other_base", "an other_base"),
    ("Enterprise", "an Enterprise"),
    (None, "a None"),
    ("", "a "),
])
def test_a_or_an_follows_the_first_letter(word, text) -> None:
    assert a_or_an(word) == text


def test_durations_read_in_the_singular_at_one() -> None:
    assert Duration(1, 1).en() == "1 month 1 day"
    assert Duration(2, 2).en() == "2 months 2 days"
    assert Duration(1, 0).en() == "1 month"
    assert Duration(0, 1).en() == "0 months 1 day"
    assert DurationMonths(minimum=1, maximum=1).describe()[1] == "the implementation period is exactly 1 month"
    assert DurationMonths(maximum=1).describe()[1] == "the implementation period is at most 1 month"
    assert DurationMonths(minimum=2).describe()[1] == "the implementation period is at least 2 months"


def exchange(academicians: int) -> dict:
    return {"exchange": {"academicians": academicians, "attendance": [
        {"unit": "host", "count": 1, "organizer": True}, {"unit": "guest", "count": 3, "organizer": False},
    ]}}


def test_academicians_at_one_and_two() -> None:
    rule = Attendance(4, 0, "0.5", 3)
    assert outcome(rule, exchange(1)).message_en == "4 attendees, 1 academician, external share 3/4 (75.0%)"
    assert outcome(rule, exchange(2)).message_en == "4 attendees, 2 academicians, external share 3/4 (75.0%)"
    short = outcome(Attendance(5, 2, "0.5", 3), exchange(1))
    assert short.message_en == "4 attendees in total, at least 5 required; 1 academician, at least 2 required"
    assert Attendance(1, 1, "0.5", 3).describe()[1] == "at least 1 attendee, 1 academician, 50% external (at most 3 counted per unit)"


def trainees(*countries: str) -> dict:
    return {"training": {"trainees": [{"country": c, "count": 2} for c in countries], "days": 10}}


def test_trainee_countries_at_one_and_two() -> None:
    rule = TraineeCountries(3, ("asean",))
    assert outcome(rule, trainees("SG")).message_en == "trainees come from 1 country (SG); at least 3 required"
    assert outcome(rule, trainees("SG", "MY")).message_en == "trainees come from 2 countries (MY, SG); at least 3 required"
    assert TraineeCountries(1, ("asean",)).describe()[1] == "trainees from at least 1 country (lists: ASEAN member states)"
    assert outcome(TraineeCountries(1, ("asean",)), trainees("JP")).message_en.startswith("trainees come from 1 country; JP is in none of the shipped lists")


def test_quota_bundles_at_one_and_two() -> None:
    rule = QuotaPerKey("recommended_by", 1)
    one, _ = rule.check_batch([context({"recommended_by": "省科技厅"})])
    assert one[0].message_en == "1 bundle of this batch concerns the recommending organization 省科技厅, within the limit of 1"
    two, _ = rule.check_batch([context({"recommended_by": "省科技厅"}), context({"recommended_by": "省科技厅"})])
    assert two[0].message_en == "2 bundles of this batch concern the same recommending organization 省科技厅; at most 1 allowed"
    assert rule.describe()[1] == "at most 1 bundle per recommending organization in a batch"


def onsite(years: int, days: int) -> dict:
    return {"project": {"start_date": "2026-01-01", "end_date": f"{2025 + years}-12-31"},
            "onsite_plan": [{"project_year": y, "days": days} for y in range(1, years + 1)]}


def test_onsite_years_and_days_at_one_and_two() -> None:
    assert outcome(OnsiteEveryYear(1), onsite(1, 1)).message_en == "the 1 project year plans at least 1 day on site: year 1: 1 day"
    assert outcome(OnsiteEveryYear(2), onsite(2, 2)).message_en == "each of the 2 project years plans at least 2 days on site: year 1: 2 days, year 2: 2 days"
    assert outcome(OnsiteEveryYear(2), onsite(1, 1)).message_en == "project year 1 (2026-01-01 to 2026-12-31) plans 1 day on site, at least 2 required (1 project year in all)"
    assert OnsiteEveryYear(1).describe()[1] == "the principal investigator spends at least 1 day on site in every project year"


def test_matching_organizations_at_one_and_two() -> None:
    rule = HasParty(Orgs(countries={"DE"}), minimum=3)
    one = {"applicant": org("lead"), "partners": [org("tum", country="DE")]}
    two = {"applicant": org("lead"), "partners": [org("tum", country="DE"), org("kit", country="DE")]}
    assert outcome(rule, one).message_en == "1 of the partners matches (an organization in DE); at least 3 required"
    assert outcome(rule, two).message_en == "2 of the partners match (an organization in DE); at least 3 required"
    assert outcome(HasParty(Orgs(countries={"DE"})), one).message_en == "1 organization matches (an organization in DE): TUM"
    assert outcome(HasParty(Orgs(countries={"DE"})), two).message_en == "2 organizations match (an organization in DE): TUM, KIT"


def test_registration_years_at_one_and_two() -> None:
    select, require = Orgs(countries={"DE"}), Orgs(kinds={"university"})
    assert PartnersAre(select, require, registered_years=1).describe()[1] == (
        "every partner that is an organization in DE is a university, registered at least 1 year before the submission date "
        "(on or before the same day 1 calendar year earlier)"
    )
    assert PartnersAre(select, require, registered_years=2).describe()[1] == (
        "every partner that is an organization in DE is a university, registered at least 2 years before the submission date "
        "(on or before the same day 2 calendar years earlier)"
    )
    bundle = {"applicant": org("lead"), "partners": [org("tum", country="DE", registered_on="2021-06-01")]}
    assert outcome(PartnersAre(select, require, registered_years=1), bundle).message_en == (
        "TUM was registered on 2021-06-01, less than 1 year before the submission date 2022-05-10 (registered on or before 2021-05-10 required)"
    )


def agreement(*parties: str) -> dict:
    return {"purpose": "project_cooperation", "kind": "agreement", "signed_on": "2022-03-01", "parties": ["lead", *parties], "covers": ["task_division"]}


def test_partners_and_agreements_at_one_and_two() -> None:
    rule = SignedAgreement({"task_division"})
    one = {"applicant": org("lead"), "partners": [org("tum", country="DE")], "agreements": [agreement("tum")]}
    two = {"applicant": org("lead"), "partners": [org("tum", country="DE"), org("kit", country="DE")], "agreements": [agreement("tum"), agreement("kit")]}
    assert outcome(rule, one).message_en == "the 1 partner signed with the applicant (1 agreement), covering task division"
    assert outcome(rule, two).message_en == "all 2 partners signed with the applicant (2 agreements), covering task division"
    assert outcome(rule, two | {"agreements": [agreement("tum", "kit")]}).message_en == (
        "all 2 partners signed with the applicant (1 agreement), covering task division"
    )
    unsigned = outcome(rule, two | {"agreements": []})
    assert unsigned.message_en == "these partners have no qualifying agreement with the applicant: TUM, KIT"
    assert outcome(rule, one | {"agreements": []}).message_en == "this partner has no qualifying agreement with the applicant: TUM"
    assert rule.describe()[1].startswith("every partner signed an agreement with the applicant, judged partner by partner")
    assert SignedAgreement({"task_division"}, kinds={"memorandum"}).describe()[1].startswith(
        "every partner signed a memorandum with the applicant, judged partner by partner"
    )
