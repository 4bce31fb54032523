"""What the batch rule of one identity per person reports, exactly: every bundle's outcome and every
breach with the bundles involved, both messages with the numbers; and how the rule describes itself.

``BATCH_CASES`` are (rule, bundles) pairs; ``BATCH_OUTCOMES`` what ``check_batch`` gives for them: the
facts of each bundle's outcome, and of each breach with the indexes of the bundles involved."""

from __future__ import annotations

from appcheck.rules.batch import OneIdentityPerPerson


def pi(identity, person_id=None, name="张三") -> dict:
    data = {"identity": identity, "name": name}
    if person_id is not None:
        data["person_id"] = person_id
    return {"principal_investigator": data}


BATCH_CASES = {
    "identity mixed by id": (OneIdentityPerPerson(), [pi("mainland", " p-1 "), pi("hong_kong", "p-1"), pi("foreign", "p-2"), pi("taiwan", "p-2", name="李四")]),
    "identity mixed by name": (OneIdentityPerPerson(), [pi("mainland", " "), pi("macao", name=" 张三 "), {"principal_investigator": {"name": "王五"}}]),
}

DESCRIBED = {
    "one identity per person": OneIdentityPerPerson(),
}

DESCRIPTIONS = {
    "one identity per person": ("同一申报人不得同时以境内、境外两种身份申报（批量检查）", "one person does not apply with both a mainland and an outside identity (batch)"),
}

BATCH_OUTCOMES = {
    'identity mixed by id': (
        [
            {'status': 'failed', 'segments': ('principal_investigator', 'identity'), 'message': '同一申报人（编号 p-1）在本批 2 份申报书中以境内、境外两种身份申报（hong_kong、mainland）', 'message_en': 'the same person (person_id p-1) applies in 2 bundles of this batch with both mainland and outside identities (hong_kong, mainland)', 'expected': 'one identity', 'actual': ['hong_kong', 'mainland']},
            {'status': 'failed', 'segments': ('principal_investigator', 'identity'), 'message': '同一申报人（编号 p-1）在本批 2 份申报书中以境内、境外两种身份申报（hong_kong、mainland）', 'message_en': 'the same person (person_id p-1) applies in 2 bundles of this batch with both mainland and outside identities (hong_kong, mainland)', 'expected': 'one identity', 'actual': ['hong_kong', 'mainland']},
            {'status': 'passed', 'segments': ('principal_investigator', 'identity'), 'message': '本批 4 份申报书中，申报人 p-2 仅以 foreign 身份申报（2 份）', 'message_en': 'in this batch of 4 bundles, p-2 applies with the single identity foreign (2 bundles)', 'expected': None, 'actual': 'foreign'},
            {'status': 'passed', 'segments': ('principal_investigator', 'identity'), 'message': '本批 4 份申报书中，申报人 p-2 仅以 foreign 身份申报（2 份）', 'message_en': 'in this batch of 4 bundles, p-2 applies with the single identity foreign (2 bundles)', 'expected': None, 'actual': 'foreign'},
        ],
        [
            ({'status': 'failed', 'segments': ('principal_investigator', 'identity'), 'message': '同一申报人（编号 p-1）在本批 2 份申报书中以境内、境外两种身份申报（hong_kong、mainland）', 'message_en': 'the same person (person_id p-1) applies in 2 bundles of this batch with both mainland and outside identities (hong_kong, mainland)', 'expected': 'one identity', 'actual': ['hong_kong', 'mainland']}, (0, 1)),
        ],
    ),
    'identity mixed by name': (
        [
            {'status': 'needs_review', 'segments': ('principal_investigator', 'identity'), 'message': '同一申报人（姓名 张三）在本批 2 份申报书中以境内、境外两种身份申报（macao、mainland）', 'message_en': 'the same person (name 张三) applies in 2 bundles of this batch with both mainland and outside identities (macao, mainland)', 'expected': 'one identity', 'actual': ['macao', 'mainland']},
            {'status': 'needs_review', 'segments': ('principal_investigator', 'identity'), 'message': '同一申报人（姓名 张三）在本批 2 份申报书中以境内、境外两种身份申报（macao、mainland）', 'message_en': 'the same person (name 张三) applies in 2 bundles of this batch with both mainland and outside identities (macao, mainland)', 'expected': 'one identity', 'actual': ['macao', 'mainland']},
            {'status': 'failed', 'segments': ('principal_investigator', 'identity'), 'message': '无法检查：缺少 /principal_investigator/identity（应为非空字符串）', 'message_en': 'cannot check: /principal_investigator/identity is missing (expected a non-empty string)', 'expected': 'a non-empty string', 'actual': None},
        ],
        [
            ({'status': 'needs_review', 'segments': ('principal_investigator', 'identity'), 'message': '同一申报人（姓名 张三）在本批 2 份申报书中以境内、境外两种身份申报（macao、mainland）', 'message_en': 'the same person (name 张三) applies in 2 bundles of this batch with both mainland and outside identities (macao, mainland)', 'expected': 'one identity', 'actual': ['macao', 'mainland']}, (0, 1)),
        ],
    ),
}
