from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.events import Attendance, TitleFormat, TrackRecord, TraineeCountries, TrainingContent, TrainingScale, VenueIn

from .helpers import outcome, status

ATTENDANCE = Attendance(min_total=150, min_academicians=2, min_share="0.8", per_unit_cap=3)


def exchange(organizer: int, external_units: list[int], academicians: int = 2) -> dict:
    rows = [{"unit": "organizer", "count": organizer, "organizer": True}] if organizer else []
    rows += [{"unit": f"unit-{i}", "count": count, "organizer": False} for i, count in enumerate(external_units)]
    return {"exchange": {"attendance": rows, "academicians": academicians}}


def reference_ok(organizer: int, units: list[int], academicians: int) -> bool:
    capped = sum(min(c, 3) for c in units)
    return organizer + sum(units) >= 150 and academicians >= 2 and capped + organizer > 0 and Decimal(capped) / (capped + organizer) >= Decimal("0.8")


def test_150_attendees_at_exactly_80_percent_pass() -> None:
    assert status(ATTENDANCE, exchange(30, [3] * 40)) == "passed"


def test_149_attendees_fail() -> None:
    result = outcome(ATTENDANCE, exchange(29, [3] * 40))
    assert result.status.value == "failed" and "149" in result.message


def test_a_fourth_person_from_one_unit_does_not_count() -> None:
    # 150 attendees, 120 external: 80 % uncapped, but one unit sends 6 of whom 3 count: 117/147
    assert status(ATTENDANCE, exchange(30, [3] * 38 + [6])) == "failed"
    assert status(ATTENDANCE, exchange(30, [3] * 40 + [1])) == "passed"


def test_rows_of_one_unit_are_merged_before_the_cap() -> None:
    bundle = exchange(30, [3] * 40)
    bundle["exchange"]["attendance"].append({"unit": " unit-0 ", "count": 2, "organizer": False})
    ctx_total = outcome(ATTENDANCE, bundle)
    assert ctx_total.actual["external_capped"] == 120 and ctx_total.actual["total"] == 152


def test_academicians_minimum() -> None:
    assert status(ATTENDANCE, exchange(30, [3] * 40, academicians=1)) == "failed"
    assert outcome(ATTENDANCE, exchange(30, [3] * 40, academicians=1)).segments == ("exchange", "academicians")


def test_missing_attendance_fails_on_it() -> None:
    result = outcome(ATTENDANCE, {"exchange": {"academicians": 3}})
    assert result.status.value == "failed" and result.segments == ("exchange", "attendance")


def test_no_one_counted_fails() -> None:
    assert status(ATTENDANCE, {"exchange": {"attendance": [], "academicians": 3}}) == "failed"


@given(organizer=st.integers(0, 80), units=st.lists(st.integers(1, 8), max_size=70), academicians=st.integers(0, 4))
@example(organizer=30, units=[3] * 40, academicians=2)
@example(organizer=31, units=[3] * 40, academicians=2)
@example(organizer=29, units=[3] * 40 + [1], academicians=2)
def test_attendance_matches_the_reference(organizer, units, academicians) -> None:
    assert (status(ATTENDANCE, exchange(organizer, units, academicians)) == "passed") == reference_ok(organizer, units, academicians)


@pytest.mark.parametrize("bad", [dict(min_share="0"), dict(min_share="1.01"), dict(per_unit_cap=0), dict(min_total=0)])
def test_bad_attendance_parameters_fail_when_built(bad) -> None:
    params = dict(min_total=150, min_academicians=2, min_share="0.8", per_unit_cap=3) | bad
    with pytest.raises(ValueError):
        Attendance(**params)


# ------------------------------------------------------------------ training

COUNTRIES = TraineeCountries(3, ("un_developing", "belt_and_road", "asean"))


def trainees(*rows) -> dict:
    return {"training": {"trainees": [{"country": c, "count": n} for c, n in rows]}}


@pytest.mark.parametrize("rows,expected", [
    ((("VN", 12), ("TH", 10), ("KE", 8)), "passed"),
    ((("VN", 12), ("TH", 18)), "failed"),
    ((("VN", 12), ("TH", 10), ("CN", 8)), "failed"),
    ((("VN", 12), ("VN", 10), ("TH", 8)), "failed"),
    ((("VN", 12), ("TH", 10), ("KE", 0)), "failed"),
    ((("VN", 12), ("TH", 10), ("DE", 8)), "needs_review"),
])
def test_trainee_countries(rows, expected) -> None:
    assert status(COUNTRIES, trainees(*rows)) == expected


@given(st.sets(st.sampled_from(["VN", "TH", "KE", "LA", "KH", "ET", "EG", "PK"]), max_size=8))
def test_trainee_countries_reference(countries) -> None:
    rows = [(c, 5) for c in countries]
    assert (status(COUNTRIES, trainees(*rows)) == "passed") == (len(countries) >= 3)


def test_trainee_country_list_must_exist() -> None:
    with pytest.raises(FileNotFoundError):
        TraineeCountries(3, ("no_such_list",))


SCALE = TrainingScale(((20, 20), (30, 15)))


def scale_bundle(people: int, days: int) -> dict:
    return {"training": {"trainees": [{"country": "VN", "count": people}], "days": days}}


@given(people=st.integers(1, 60), days=st.integers(1, 40))
@example(people=30, days=15)
@example(people=29, days=15)
@example(people=30, days=14)
@example(people=20, days=20)
@example(people=19, days=20)
@example(people=20, days=19)
def test_training_scale(people, days) -> None:
    expected = (people >= 20 and days >= 20) or (people >= 30 and days >= 15)
    assert (status(SCALE, scale_bundle(people, days)) == "passed") == expected


def test_content_areas() -> None:
    rule = TrainingContent({"innovation_policy_management", "incubation_system"})
    assert status(rule, {"training": {"content_areas": ["incubation_system"]}}) == "passed"
    assert status(rule, {"training": {"content_areas": []}}) == "failed"
    assert outcome(rule, {"training": {"content_areas": ["incubation_system", "other"]}}).segments == ("training", "content_areas", 1)
    assert status(rule, {"training": {}}) == "failed"


def test_venue() -> None:
    rule = VenueIn(("training", "venue"), {"CN"}, {"CN-GD"})
    assert status(rule, {"training": {"venue": {"country": "CN", "subdivision": "CN-GD"}}}) == "passed"
    assert status(rule, {"training": {"venue": {"country": "CN", "subdivision": "CN-FJ"}}}) == "failed"
    assert status(rule, {"training": {"venue": {"country": "CN"}}}) == "failed"


# ------------------------------------------------------------------ exchange

@pytest.mark.parametrize("title,expected", [
    ("2023 脑科学国际学术交流项目", "passed"), ("脑科学 学术交流项目", "passed"), ("学术交流项目", "failed"),
    ("  学术交流项目 ", "failed"), ("脑科学国际研讨会", "failed"), ("脑科学学术交流项目（第二届）", "failed"),
])
def test_title_format(title, expected) -> None:
    assert status(TitleFormat("学术交流项目"), {"project": {"title": title}}) == expected


RECORD = TrackRecord(min_projects=2, months=24, levels={"national", "provincial"})


def record(*projects, events=()) -> dict:
    return {
        "project": {"fields": ["脑科学与类脑研究"]},
        "exchange": {"track_record": {"projects": list(projects), "events": list(events)}},
    }


def project(ended: str | None, level: str = "provincial", field: str = "脑科学与类脑研究", started: str = "2019-01-01") -> dict:
    data = {"title": "p", "field": field, "level": level, "started_on": started}
    if ended:
        data["ended_on"] = ended
    return data


@given(st.dates(dt.date(2019, 1, 1), dt.date(2022, 5, 10)))
@example(dt.date(2020, 5, 10)).via("exactly 24 months before submission")
@example(dt.date(2020, 5, 9)).via("one day earlier")
def test_track_record_window(ended) -> None:
    bundle = record(project(ended.isoformat()), project(None))
    assert (status(RECORD, bundle) == "passed") == (ended >= dt.date(2020, 5, 10))


def test_track_record_level_and_field() -> None:
    assert status(RECORD, record(project(None, level="municipal"), project(None))) == "failed"
    assert status(RECORD, record(project(None, field="材料基因工程"), project(None))) == "failed"
    assert status(RECORD, record(project(None, started="2022-05-11"), project(None))) == "failed"


def test_track_record_by_event() -> None:
    event = {"name": "2021 国际脑科学论坛", "held_on": "2021-11-01", "met_targets": True}
    assert status(RECORD, record(events=[event])) == "passed"
    assert status(RECORD, record(events=[dict(event, met_targets=False)])) == "failed"
    assert status(RECORD, record(events=[dict(event, held_on="2022-05-10")])) == "failed"


def test_track_record_missing_fails() -> None:
    assert status(RECORD, {"project": {"fields": ["x"]}, "exchange": {}}) == "failed"
