from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.events import Attendance, TitleFormat, TrackRecord, TraineeCountries, TrainingContent, TrainingScale, VenueIn

from .helpers import outcome, status
from .messages import events as cases
from .messages.events import TRACK, attendance, track

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


# ------------------------------------------------------------------ parameters are checked when a rule is built

def test_event_rule_parameters() -> None:
    with pytest.raises(ValueError):
        TrainingContent(set())
    with pytest.raises(ValueError):
        TraineeCountries(0, ("asean",))
    with pytest.raises(ValueError):
        TraineeCountries(3, ())
    with pytest.raises(FileNotFoundError):
        TraineeCountries(3, ("no_such_list",))
    assert TraineeCountries(3, ["asean"]).excluded == frozenset({"CN", "HK", "MO", "TW"}) and TraineeCountries(3, ["asean"]).lists == ("asean",)
    for bad in ([], [(20,)], [(20, 0)], [(20, 20, 1)], [(20, "20")], [(-1, 5)]):
        with pytest.raises(ValueError, match=r"^TrainingScale.baselines is a non-empty sequence of \(trainees, days\) positive integer pairs$"):
            TrainingScale(bad)
    assert TrainingScale([[1, 1]]).baselines == ((1, 1),)
    for bad in ({"path": ()}, {"countries": ()}):
        with pytest.raises(ValueError):
            VenueIn(**{"path": ("x",), "countries": {"CN"}, **bad})
    assert VenueIn(["x"], ["CN"]).subdivisions is None
    with pytest.raises(ValueError):
        TitleFormat("")


@pytest.mark.parametrize("share", ["0", "1.0001", "-0.5"])
def test_attendance_share_must_be_within_zero_and_one(share) -> None:
    with pytest.raises(ValueError, match=f"^Attendance.min_share must be in \\(0, 1\\], got {share}$"):
        Attendance(150, 2, share, 3)


def test_attendance_parameters() -> None:
    assert Attendance(1, 0, "1", 1).min_share == Decimal(1)
    for bad in ((0, 2, "0.8", 3), (150, -1, "0.8", 3), (150, 2, "0.8", 0)):
        with pytest.raises(ValueError):
            Attendance(*bad)


def test_attendance_share_is_exact_at_the_bound() -> None:
    rule = Attendance(1, 0, "0.8", 3)
    assert outcome(rule, attendance([("o", 1, True), ("a", 3, False), ("b", 1, False)], academicians=0)).status.value == "passed"
    assert outcome(rule, attendance([("o", 2, True), ("a", 3, False), ("b", 3, False), ("c", 1, False)], academicians=0)).status.value == "failed"
    merged = attendance([("o", 1, True), (" a", 2, False), ("a ", 2, False)], academicians=0)
    assert outcome(rule, merged).actual["external_capped"] == 3
    assert outcome(rule, attendance([("o", 1, False), ("o", 1, True)], academicians=0)).actual["organizer"] == 2


@pytest.mark.parametrize("host", [
    decimal.Context(prec=2, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation]),
    decimal.Context(rounding=decimal.ROUND_UP),
], ids=["two-digits", "rounding-up"])
def test_attendance_describes_its_share_alike_in_any_host_context(host: decimal.Context) -> None:
    # what appcheck explain and a SARIF log's rule text print, from a host program's thread
    rule = Attendance(150, 2, "0.665", 3)
    with decimal.localcontext(host):
        described = rule.describe()
    assert described == rule.describe() and "不少于 66%" in described[0] and "66% external" in described[1]


def test_track_record_window_is_inclusive_and_projects_start_by_the_day() -> None:
    assert outcome(TRACK, track([cases.project("A"), cases.project("B", ended_on="2020-05-10")])).status.value == "passed"
    assert outcome(TRACK, track([cases.project("A"), cases.project("B", ended_on=None, started_on="2022-05-11")])).status.value == "failed"
    assert outcome(TRACK, track([cases.project("A"), cases.project("B", ended_on=None, started_on="2022-05-10")])).status.value == "passed"
    assert outcome(TRACK, track([cases.project("A"), cases.project("B", field=" 脑科学 ")], fields=(" 脑科学", 3))).status.value == "passed"
    assert outcome(TRACK, track([cases.project("A"), cases.project("B", field=7)])).status.value == "failed"
    untitled = track([{k: v for k, v in cases.project("A").items() if k != "title"}, cases.project("B")])
    assert outcome(TRACK, untitled).message == "过去 24 个月内承担所申报领域省级及以上项目 2 项（0、B）"
    assert outcome(TrackRecord(1, 1, {"national"}), track([cases.project("A", level="national", ended_on="2022-04-10")])).status.value == "passed"
    assert outcome(TrackRecord(1, 1, {"national"}), track([cases.project("A", level="national", ended_on="2022-04-09")])).status.value == "failed"
    unnamed = track([], [{"held_on": "2021-06-01", "met_targets": True}])
    assert outcome(TRACK, unnamed).message == "曾成功组织达到考核指标的国际学术交流项目：0"


def test_track_record_parameters() -> None:
    for bad in ((0, 24, {"x"}), (2, 0, {"x"}), (2, 24, set())):
        with pytest.raises(ValueError):
            TrackRecord(*bad)
    assert outcome(TRACK, track([cases.project("A")]), day=dt.date(2022, 5, 10)).status.value == "failed"
