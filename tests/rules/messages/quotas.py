"""What the quota rule reports, exactly: every bundle's outcome and every breach with the bundles
involved, both messages with the numbers; and how it describes itself.

``BATCH_CASES`` are (rule, bundles) pairs; ``BATCH_OUTCOMES`` what ``check_batch`` gives for them: the
facts of each bundle's outcome, and of each breach with the indexes of the bundles involved."""

from __future__ import annotations

from appcheck.rules.quotas import QuotaPerKey


def center(registration=None, name="西门子中国研究院", **extra) -> dict:
    partner = {"id": "sie", "role": "domestic_partner", "name": name, "foreign_rd_center": {}}
    if registration is not None:
        partner["registration_id"] = registration
    return {"applicant": {"id": "lead"}, "partners": [partner], **extra}


BATCH_CASES = {
    "quota of centres exceeded": (QuotaPerKey("foreign_rd_center", 1), [center(" 91310000X "), center("91310000X", name="别名"), center(name=" 博世 "), {"applicant": {"id": "lead"}, "partners": []}]),
    "quota outside the recommender's quota": (QuotaPerKey("foreign_rd_center", 2, outside_quota_only=True), [center("R", counts_against_quota=True), center("R"), center("R", counts_against_quota=False)]),
    "platforms compare folded": (QuotaPerKey("platform", 1), [{"platform": {"name": "“深海中心”"}}, {"platform": {"name": ' "深 海-中心" '}}, {"platform": {"name": "—"}}, {"platform": {"name": "—"}}]),
    "recommenders": (QuotaPerKey("recommended_by", 2), [{"recommended_by": "省科技厅 "}, {"recommended_by": "省科技厅"}, {"recommended_by": " "}]),
    "a centre without a name": (QuotaPerKey("foreign_rd_center", 1), [center(name=" ")]),
}

DESCRIBED = {
    "one bundle per platform": QuotaPerKey("platform", 1),
    "one per centre outside the quota": QuotaPerKey("foreign_rd_center", 1, outside_quota_only=True),
    "five per recommender": QuotaPerKey("recommended_by", 5),
}

DESCRIPTIONS = {
    "one bundle per platform": ("每个平台在一批中至多 1 份", "at most 1 bundle per platform in a batch"),
    "one per centre outside the quota": ("每个外资研发机构在一批中至多 1 份（不纳入限额的申报）", "at most 1 bundle per foreign R&D centre in a batch (among bundles outside the quota)"),
    "five per recommender": ("每个推荐单位在一批中至多 5 份", "at most 5 bundles per recommending organization in a batch"),
}

BATCH_OUTCOMES = {
    'quota of centres exceeded': (
        [
            {'status': 'failed', 'segments': ('partners',), 'message': '本批中有 2 份申报书涉及同一外资研发机构 91310000X，限报 1 份', 'message_en': '2 bundles of this batch concern the same foreign R&D centre 91310000X; at most 1 allowed', 'expected': 1, 'actual': 2},
            {'status': 'failed', 'segments': ('partners',), 'message': '本批中有 2 份申报书涉及同一外资研发机构 91310000X，限报 1 份', 'message_en': '2 bundles of this batch concern the same foreign R&D centre 91310000X; at most 1 allowed', 'expected': 1, 'actual': 2},
            {'status': 'passed', 'segments': ('partners',), 'message': '本批中涉及外资研发机构 博世 的申报书 1 份，未超过 1 份', 'message_en': '1 bundle of this batch concerns the foreign R&D centre 博世, within the limit of 1', 'expected': 1, 'actual': 1},
            {'status': 'failed', 'segments': ('partners',), 'message': '无法检查：缺少 /partners（应为含 foreign_rd_center 的合作单位）', 'message_en': 'cannot check: /partners is missing (expected a partner with a foreign_rd_center block)', 'expected': 'a partner with a foreign_rd_center block', 'actual': None},
        ],
        [
            ({'status': 'failed', 'segments': ('partners',), 'message': '本批中有 2 份申报书涉及同一外资研发机构 91310000X，限报 1 份', 'message_en': '2 bundles of this batch concern the same foreign R&D centre 91310000X; at most 1 allowed', 'expected': 1, 'actual': 2}, (0, 1)),
        ],
    ),
    "quota outside the recommender's quota": (
        [
            {'status': 'passed', 'segments': ('counts_against_quota',), 'message': '本申报纳入推荐单位限额，不计入此项指标', 'message_en': "this bundle counts against the recommender's quota: not subject to this limit", 'expected': None, 'actual': None},
            {'status': 'passed', 'segments': ('partners',), 'message': '本批中涉及外资研发机构 R 的申报书 2 份，未超过 2 份', 'message_en': '2 bundles of this batch concern the foreign R&D centre R, within the limit of 2', 'expected': 2, 'actual': 2},
            {'status': 'passed', 'segments': ('partners',), 'message': '本批中涉及外资研发机构 R 的申报书 2 份，未超过 2 份', 'message_en': '2 bundles of this batch concern the foreign R&D centre R, within the limit of 2', 'expected': 2, 'actual': 2},
        ],
        [],
    ),
    'platforms compare folded': (
        [
            {'status': 'failed', 'segments': ('platform', 'name'), 'message': '本批中有 2 份申报书涉及同一平台 “深海中心”，限报 1 份', 'message_en': '2 bundles of this batch concern the same platform “深海中心”; at most 1 allowed', 'expected': 1, 'actual': 2},
            {'status': 'failed', 'segments': ('platform', 'name'), 'message': '本批中有 2 份申报书涉及同一平台 “深海中心”，限报 1 份', 'message_en': '2 bundles of this batch concern the same platform “深海中心”; at most 1 allowed', 'expected': 1, 'actual': 2},
            {'status': 'failed', 'segments': ('platform', 'name'), 'message': '本批中有 2 份申报书涉及同一平台 —，限报 1 份', 'message_en': '2 bundles of this batch concern the same platform —; at most 1 allowed', 'expected': 1, 'actual': 2},
            {'status': 'failed', 'segments': ('platform', 'name'), 'message': '本批中有 2 份申报书涉及同一平台 —，限报 1 份', 'message_en': '2 bundles of this batch concern the same platform —; at most 1 allowed', 'expected': 1, 'actual': 2},
        ],
        [
            ({'status': 'failed', 'segments': ('platform', 'name'), 'message': '本批中有 2 份申报书涉及同一平台 “深海中心”，限报 1 份', 'message_en': '2 bundles of this batch concern the same platform “深海中心”; at most 1 allowed', 'expected': 1, 'actual': 2}, (0, 1)),
            ({'status': 'failed', 'segments': ('platform', 'name'), 'message': '本批中有 2 份申报书涉及同一平台 —，限报 1 份', 'message_en': '2 bundles of this batch concern the same platform —; at most 1 allowed', 'expected': 1, 'actual': 2}, (2, 3)),
        ],
    ),
    'recommenders': (
        [
            {'status': 'passed', 'segments': ('recommended_by',), 'message': '本批中涉及推荐单位 省科技厅 的申报书 2 份，未超过 2 份', 'message_en': '2 bundles of this batch concern the recommending organization 省科技厅, within the limit of 2', 'expected': 2, 'actual': 2},
            {'status': 'passed', 'segments': ('recommended_by',), 'message': '本批中涉及推荐单位 省科技厅 的申报书 2 份，未超过 2 份', 'message_en': '2 bundles of this batch concern the recommending organization 省科技厅, within the limit of 2', 'expected': 2, 'actual': 2},
            {'status': 'failed', 'segments': ('recommended_by',), 'message': '无法检查：/recommended_by 的值 " " 无效（应为非空字符串）', 'message_en': 'cannot check: /recommended_by is " ", expected a non-empty string', 'expected': 'a non-empty string', 'actual': '" "'},
        ],
        [],
    ),
    'a centre without a name': (
        [
            {'status': 'failed', 'segments': ('partners', 0, 'name'), 'message': '无法检查：/partners/0/name 的值 " " 无效（应为单位名称）', 'message_en': 'cannot check: /partners/0/name is " ", expected a name', 'expected': 'a name', 'actual': '" "'},
        ],
        [],
    ),
}
