"""What the event rules report, exactly: status, where, both messages with the numbers, expected
and actual, and how each rule describes itself."""

from __future__ import annotations

from decimal import Decimal

from appcheck.rules.events import (
    Attendance,
    TitleFormat,
    TrackRecord,
    TraineeCountries,
    TrainingContent,
    TrainingScale,
    VenueIn,
)


CONTENT = TrainingContent({"innovation_policy_management", "incubation_system"})
COUNTRIES = TraineeCountries(3, ("asean", "belt_and_road"))
SCALE = TrainingScale([(20, 20), (30, 15)])
VENUE = VenueIn(("training", "venue"), {"CN"}, {"CN-GD"})
VENUE_ABROAD = VenueIn(("exchange", "venue"), {"SG", "MY"})
ATTENDANCE = Attendance(150, 2, "0.8", 3)
TITLE = TitleFormat("学术交流项目")
TRACK = TrackRecord(2, 24, {"provincial", "national"})


def training(areas=None, trainees=(), days=20, venue=None) -> dict:
    data = {"trainees": [{"country": c, "count": n} for c, n in trainees], "days": days}
    if areas is not None:
        data["content_areas"] = list(areas)
    if venue is not None:
        data["venue"] = venue
    return {"training": data}


def attendance(rows, academicians=2) -> dict:
    return {"exchange": {"academicians": academicians, "attendance": [
        {"unit": unit, "count": count, "organizer": organizer} for unit, count, organizer in rows
    ]}}


def external(units, each=3):
    return [(f"unit {i}", each, False) for i in range(units)]


def track(projects=(), events=(), fields=("脑科学",)) -> dict:
    return {
        "submitted_on": "2022-05-10",
        "project": {"fields": list(fields)},
        "exchange": {"track_record": {"projects": list(projects), "events": list(events)}},
    }


def project(title, ended_on="2021-12-31", level="provincial", field="脑科学", started_on="2019-01-01") -> dict:
    data = {"title": title, "level": level, "field": field, "started_on": started_on}
    if ended_on:
        data["ended_on"] = ended_on
    return data


CASES = {
    "content allowed": (CONTENT, training(["incubation_system", "innovation_policy_management"]), {}),
    "content not allowed": (CONTENT, training(["incubation_system", "digital_economy"]), {}),
    "no content": (CONTENT, training([]), {}),
    "trainees from three listed countries": (COUNTRIES, training(trainees=[("VN", 5), ("TH", 5), ("KZ", 1), ("VN", 2)]), {}),
    "trainees from two countries and China": (COUNTRIES, training(trainees=[("VN", 5), ("TH", 5), ("CN", 9), ("KZ", 0)]), {}),
    "no trainees": (COUNTRIES, training(trainees=[]), {}),
    "an unlisted trainee country": (COUNTRIES, training(trainees=[("VN", 5), ("TH", 5), ("US", 1), ("GB", 1)]), {}),
    "scale reached": (SCALE, training(trainees=[("VN", 15), ("TH", 15)], days=15), {}),
    "scale missed": (SCALE, training(trainees=[("VN", 29)], days=19), {}),
    "venue in Guangdong": (VENUE, training(venue={"country": "CN", "subdivision": "CN-GD"}), {}),
    "venue in Fujian": (VENUE, training(venue={"country": "CN", "subdivision": "CN-FJ"}), {}),
    "venue abroad": (VENUE_ABROAD, {"exchange": {"venue": {"country": "SG"}}}, {}),
    "venue in the wrong country": (VENUE_ABROAD, {"exchange": {"venue": {"country": "TH"}}}, {}),
    "attendance reached": (ATTENDANCE, attendance([("organizer", 20, True), ("organizer ", 10, True), *external(40)]), {}),
    "attendance short everywhere": (ATTENDANCE, attendance([("organizer", 100, True), ("other", 4, False)], academicians=1), {}),
    "academicians short": (ATTENDANCE, attendance([("organizer", 30, True), *external(40)], academicians=1), {}),
    "share short by the cap": (ATTENDANCE, attendance([("organizer", 30, True), *external(38), ("big", 10, False)]), {}),
    "nobody": (ATTENDANCE, attendance([], academicians=2), {}),
    "title follows the format": (TITLE, {"project": {"title": " 2023 脑科学国际 学术交流项目 "}}, {}),
    "title without a name": (TITLE, {"project": {"title": "学术交流项目"}}, {}),
    "title of another format": (TITLE, {"project": {"title": "2023 脑科学国际研讨会"}}, {}),
    "two projects in the field": (TRACK, track([project("A"), project("B", ended_on=None), project("C", field="化学")]), {}),
    "a project ended too early": (TRACK, track([project("A"), project("B", ended_on="2020-05-09"), project("C", level="municipal")]), {}),
    "an event met the targets": (TRACK, track([project("A")], [{"name": "2021 论坛", "held_on": "2021-06-01", "met_targets": True}]), {}),
    "an event on the day": (TRACK, track([], [{"name": "2022 论坛", "held_on": "2022-05-10", "met_targets": True}, {"name": "x", "held_on": "2020-01-01", "met_targets": False}]), {}),
    "content of an unnamed area": (TrainingContent({"incubation_system", "digital_economy"}), training(["digital_economy"]), {}),
    "a single external attendee": (Attendance(1, 0, "1", 3), attendance([("other", 1, False)], academicians=0), {}),
    "no track record": (TRACK, {"submitted_on": "2022-05-10", "project": {"fields": ["脑科学"]}, "exchange": {}}, {}),
    "a track record without lists": (TRACK, {"submitted_on": "2022-05-10", "project": {"fields": ["脑科学"]}, "exchange": {"track_record": {}}}, {}),
    "two events met the targets": (TRACK, track([], [{"name": "论坛甲", "held_on": "2021-06-01", "met_targets": True}, {"name": "论坛乙", "held_on": "2020-06-01", "met_targets": True}]), {}),
}

DESCRIBED = {
    "content": CONTENT,
    "countries": COUNTRIES,
    "scale": SCALE,
    "venue": VENUE,
    "venue abroad": VENUE_ABROAD,
    "venue in two provinces": VenueIn(("training", "venue"), {"CN"}, {"CN-GD", "CN-ZJ"}),
    "content of an unnamed area": TrainingContent({"incubation_system", "digital_economy"}),
    "attendance": ATTENDANCE,
    "title": TITLE,
    "track": TRACK,
}

OUTCOMES = {
    'content allowed': {
        'status': 'passed',
        'segments': ('training', 'content_areas'),
        'message': '培训内容领域：孵化育成体系建设、科技创新政策与管理',
        'message_en': 'content areas: incubation_system, innovation_policy_management',
        'expected': None,
        'actual': ['incubation_system', 'innovation_policy_management'],
    },
    'content not allowed': {
        'status': 'failed',
        'segments': ('training', 'content_areas', 1),
        'message': '培训内容 digital_economy 不在允许的领域内：孵化育成体系建设、科技创新政策与管理',
        'message_en': 'content area digital_economy is not allowed; expected: incubation_system, innovation_policy_management',
        'expected': ['incubation_system', 'innovation_policy_management'],
        'actual': 'digital_economy',
    },
    'no content': {
        'status': 'failed',
        'segments': ('training', 'content_areas'),
        'message': '未填写培训内容领域，应为：孵化育成体系建设、科技创新政策与管理',
        'message_en': 'no content area given; expected: incubation_system, innovation_policy_management',
        'expected': ['incubation_system', 'innovation_policy_management'],
        'actual': [],
    },
    'trainees from three listed countries': {
        'status': 'passed',
        'segments': ('training', 'trainees'),
        'message': '学员来自 3 个国家（KZ、TH、VN），不少于 3 个',
        'message_en': 'trainees come from 3 countries (KZ, TH, VN), at least 3',
        'expected': 3,
        'actual': 3,
    },
    'trainees from two countries and China': {
        'status': 'failed',
        'segments': ('training', 'trainees'),
        'message': '学员来自 2 个国家（TH、VN），要求不少于 3 个；CN 不计为学员国别',
        'message_en': 'trainees come from 2 countries (TH, VN); at least 3 required; CN does not count as a trainee country',
        'expected': 3,
        'actual': 2,
    },
    'no trainees': {
        'status': 'failed',
        'segments': ('training', 'trainees'),
        'message': '学员来自 0 个国家（无），要求不少于 3 个',
        'message_en': 'trainees come from 0 countries (none); at least 3 required',
        'expected': 3,
        'actual': 0,
    },
    'an unlisted trainee country': {
        'status': 'needs_review',
        'segments': ('training', 'trainees'),
        'message': '学员来自 4 个国家；GB、US 不在所附名单（asean、belt_and_road）中，需评审确认是否属于指南所列国家',
        'message_en': 'trainees come from 4 countries; GB, US are in none of the shipped lists (asean, belt_and_road): a reviewer must confirm eligibility',
        'expected': 3,
        'actual': ['GB', 'TH', 'US', 'VN'],
    },
    'scale reached': {
        'status': 'passed',
        'segments': ('training',),
        'message': '办班规模 30 人 15 天，达到基准（20 人及以上 20 天 或 30 人及以上 15 天）',
        'message_en': '30 trainees for 15 days meets the baseline (20+ trainees for 20+ days or 30+ trainees for 15+ days)',
        'expected': [[20, 20], [30, 15]],
        'actual': {'trainees': 30, 'days': 15},
    },
    'scale missed': {
        'status': 'failed',
        'segments': ('training', 'days'),
        'message': '办班规模 29 人 19 天，低于基准（20 人及以上 20 天 或 30 人及以上 15 天）',
        'message_en': '29 trainees for 19 days is below the baseline (20+ trainees for 20+ days or 30+ trainees for 15+ days)',
        'expected': [[20, 20], [30, 15]],
        'actual': {'trainees': 29, 'days': 19},
    },
    'venue in Guangdong': {
        'status': 'passed',
        'segments': ('training', 'venue'),
        'message': '举办地为 CN CN-GD，符合要求',
        'message_en': 'the venue is CN CN-GD, as required',
        'expected': None,
        'actual': {'country': 'CN', 'subdivision': 'CN-GD'},
    },
    'venue in Fujian': {
        'status': 'failed',
        'segments': ('training', 'venue'),
        'message': '举办地为 CN CN-FJ，应在 CN-GD 举办',
        'message_en': 'the venue is CN CN-FJ; must take place in CN-GD',
        'expected': 'must take place in CN-GD',
        'actual': {'country': 'CN', 'subdivision': 'CN-FJ'},
    },
    'venue abroad': {
        'status': 'passed',
        'segments': ('exchange', 'venue'),
        'message': '举办地为 SG，符合要求',
        'message_en': 'the venue is SG, as required',
        'expected': None,
        'actual': {'country': 'SG', 'subdivision': None},
    },
    'venue in the wrong country': {
        'status': 'failed',
        'segments': ('exchange', 'venue'),
        'message': '举办地为 TH，应在 MY/SG 举办',
        'message_en': 'the venue is TH; must take place in MY/SG',
        'expected': 'must take place in MY/SG',
        'actual': {'country': 'TH', 'subdivision': None},
    },
    'attendance reached': {
        'status': 'passed',
        'segments': ('exchange', 'attendance'),
        'message': '总参与人数 150 人，院士 2 人，其他单位人员占比 120/150（80.0%）',
        'message_en': '150 attendees, 2 academicians, external share 120/150 (80.0%)',
        'expected': {'min_total': 150, 'min_academicians': 2, 'min_share': Decimal('0.8'), 'per_unit_cap': 3},
        'actual': {'total': 150, 'academicians': 2, 'external_capped': 120, 'organizer': 30, 'share': '120/150'},
    },
    'attendance short everywhere': {
        'status': 'failed',
        'segments': ('exchange', 'attendance'),
        'message': '总参与人数 104 人，要求不少于 150 人；参会院士 1 人，要求不少于 2 人；其他单位人员占比 3/103（2.9%，每单位最多计 3 人），要求不少于 80%',
        'message_en': '104 attendees in total, at least 150 required; 1 academician, at least 2 required; external share 3/103 (2.9%, at most 3 counted per unit), at least 80% required',
        'expected': {'min_total': 150, 'min_academicians': 2, 'min_share': Decimal('0.8'), 'per_unit_cap': 3},
        'actual': {'total': 104, 'academicians': 1, 'external_capped': 3, 'organizer': 100, 'share': '3/103'},
    },
    'academicians short': {
        'status': 'failed',
        'segments': ('exchange', 'academicians'),
        'message': '参会院士 1 人，要求不少于 2 人',
        'message_en': '1 academician, at least 2 required',
        'expected': {'min_total': 150, 'min_academicians': 2, 'min_share': Decimal('0.8'), 'per_unit_cap': 3},
        'actual': {'total': 150, 'academicians': 1, 'external_capped': 120, 'organizer': 30, 'share': '120/150'},
    },
    'share short by the cap': {
        'status': 'failed',
        'segments': ('exchange', 'attendance'),
        'message': '其他单位人员占比 117/147（79.6%，每单位最多计 3 人），要求不少于 80%',
        'message_en': 'external share 117/147 (79.6%, at most 3 counted per unit), at least 80% required',
        'expected': {'min_total': 150, 'min_academicians': 2, 'min_share': Decimal('0.8'), 'per_unit_cap': 3},
        'actual': {'total': 154, 'academicians': 2, 'external_capped': 117, 'organizer': 30, 'share': '117/147'},
    },
    'nobody': {
        'status': 'failed',
        'segments': ('exchange', 'attendance'),
        'message': '总参与人数 0 人，要求不少于 150 人；其他单位人员占比 0/0（0%，每单位最多计 3 人），要求不少于 80%',
        'message_en': '0 attendees in total, at least 150 required; external share 0/0 (0%, at most 3 counted per unit), at least 80% required',
        'expected': {'min_total': 150, 'min_academicians': 2, 'min_share': Decimal('0.8'), 'per_unit_cap': 3},
        'actual': {'total': 0, 'academicians': 2, 'external_capped': 0, 'organizer': 0, 'share': '0/0'},
    },
    'title follows the format': {
        'status': 'passed',
        'segments': ('project', 'title'),
        'message': '项目名称 “2023 脑科学国际 学术交流项目” 符合格式',
        'message_en': 'the title “2023 脑科学国际 学术交流项目” follows the format',
        'expected': 'XXX学术交流项目',
        'actual': '2023 脑科学国际 学术交流项目',
    },
    'title without a name': {
        'status': 'failed',
        'segments': ('project', 'title'),
        'message': '项目名称 “学术交流项目” 不符合 “XXX学术交流项目” 格式',
        'message_en': 'the title “学术交流项目” does not follow the format “XXX学术交流项目”',
        'expected': 'XXX学术交流项目',
        'actual': '学术交流项目',
    },
    'title of another format': {
        'status': 'failed',
        'segments': ('project', 'title'),
        'message': '项目名称 “2023 脑科学国际研讨会” 不符合 “XXX学术交流项目” 格式',
        'message_en': 'the title “2023 脑科学国际研讨会” does not follow the format “XXX学术交流项目”',
        'expected': 'XXX学术交流项目',
        'actual': '2023 脑科学国际研讨会',
    },
    'two projects in the field': {
        'status': 'passed',
        'segments': ('exchange', 'track_record', 'projects'),
        'message': '过去 24 个月内承担所申报领域省级及以上项目 2 项（A、B）',
        'message_en': '2 provincial-or-higher projects in the field within the last 24 months',
        'expected': 2,
        'actual': {'projects': 2, 'events': 0},
    },
    'a project ended too early': {
        'status': 'failed',
        'segments': ('exchange', 'track_record'),
        'message': '过去 24 个月（2020-05-10 起）内所申报领域的省级及以上项目 1 项，要求不少于 2 项；且无达到考核指标的交流项目',
        'message_en': '1 provincial-or-higher project in the field since 2020-05-10, at least 2 required; and no exchange that met the targets',
        'expected': 2,
        'actual': {'projects': 1, 'events': 0},
    },
    'an event met the targets': {
        'status': 'passed',
        'segments': ('exchange', 'track_record', 'events'),
        'message': '曾成功组织达到考核指标的国际学术交流项目：2021 论坛',
        'message_en': 'the applicant has organized an exchange that met the targets: 2021 论坛',
        'expected': 2,
        'actual': {'projects': 1, 'events': 1},
    },
    'an event on the day': {
        'status': 'failed',
        'segments': ('exchange', 'track_record'),
        'message': '过去 24 个月（2020-05-10 起）内所申报领域的省级及以上项目 0 项，要求不少于 2 项；且无达到考核指标的交流项目',
        'message_en': '0 provincial-or-higher projects in the field since 2020-05-10, at least 2 required; and no exchange that met the targets',
        'expected': 2,
        'actual': {'projects': 0, 'events': 0},
    },
    'content of an unnamed area': {
        'status': 'passed',
        'segments': ('training', 'content_areas'),
        'message': '培训内容领域：digital_economy',
        'message_en': 'content areas: digital_economy',
        'expected': None,
        'actual': ['digital_economy'],
    },
    'a single external attendee': {
        'status': 'passed',
        'segments': ('exchange', 'attendance'),
        'message': '总参与人数 1 人，院士 0 人，其他单位人员占比 1/1（100.0%）',
        'message_en': '1 attendee, 0 academicians, external share 1/1 (100.0%)',
        'expected': {'min_total': 1, 'min_academicians': 0, 'min_share': Decimal('1'), 'per_unit_cap': 3},
        'actual': {'total': 1, 'academicians': 0, 'external_capped': 1, 'organizer': 0, 'share': '1/1'},
    },
    'no track record': {
        'status': 'failed',
        'segments': ('exchange', 'track_record'),
        'message': '无法检查：缺少 /exchange/track_record（应为对象）',
        'message_en': 'cannot check: /exchange/track_record is missing (expected an object)',
        'expected': 'an object',
        'actual': None,
    },
    'a track record without lists': {
        'status': 'failed',
        'segments': ('exchange', 'track_record'),
        'message': '过去 24 个月（2020-05-10 起）内所申报领域的省级及以上项目 0 项，要求不少于 2 项；且无达到考核指标的交流项目',
        'message_en': '0 provincial-or-higher projects in the field since 2020-05-10, at least 2 required; and no exchange that met the targets',
        'expected': 2,
        'actual': {'projects': 0, 'events': 0},
    },
    'two events met the targets': {
        'status': 'passed',
        'segments': ('exchange', 'track_record', 'events'),
        'message': '曾成功组织达到考核指标的国际学术交流项目：论坛甲、论坛乙',
        'message_en': 'the applicant has organized an exchange that met the targets: 论坛甲, 论坛乙',
        'expected': 2,
        'actual': {'projects': 0, 'events': 2},
    },
}

DESCRIPTIONS = {
    'content': (
        '培训内容限于：孵化育成体系建设、科技创新政策与管理',
        'content areas within: incubation system building, S&T innovation policy and management',
    ),
    'countries': (
        '学员来自不少于 3 个国家（名单：东盟成员国、共建“一带一路”国家（已同中国签订共建“一带一路”合作文件的国家））',
        'trainees from at least 3 countries (lists: ASEAN member states; Belt and Road partner countries (countries that have signed a Belt and Road cooperation document with China))',
    ),
    'scale': (
        '办班规模达到基准：20 人 20 天 或 30 人 15 天',
        'class scale at a baseline: 20 trainees / 20 days or 30 trainees / 15 days',
    ),
    'venue': (
        '应在 CN-GD 举办',
        'must take place in CN-GD',
    ),
    'venue abroad': (
        '应在 MY/SG 举办',
        'must take place in MY/SG',
    ),
    'venue in two provinces': (
        '应在 CN-GD/CN-ZJ 举办',
        'must take place in CN-GD/CN-ZJ',
    ),
    'content of an unnamed area': (
        '培训内容限于：digital_economy、孵化育成体系建设',
        'content areas within: digital_economy, incubation system building',
    ),
    'attendance': (
        '总参与人数不少于 150 人，院士不少于 2 人，其他单位人员占比不少于 80%（每单位最多计 3 人）',
        'at least 150 attendees, 2 academicians, 80% external (at most 3 counted per unit)',
    ),
    'title': (
        '项目名称为 “XXX学术交流项目”',
        'the title reads “XXX学术交流项目”',
    ),
    'track': (
        '过去 24 个月内承担不少于 2 项所申报领域省级及以上项目，或成功组织过 1 次达标的交流项目',
        'at least 2 provincial-or-higher projects in the field within 24 months, or one exchange that met the targets',
    ),
}
