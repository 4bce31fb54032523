"""What the rules of a track's scope report, exactly: a field the project must declare (FieldsInclude)
and a requirement the track's text excludes (NotApplicable), status, where, both messages, expected and
actual; and how each rule describes itself."""

from __future__ import annotations

from appcheck.rules.scope import FieldsInclude, NotApplicable

from .project import fields

INCLUDE = FieldsInclude("绿色技术", aliases={"绿色科技": "绿色技术"})
NOT_APPLICABLE = NotApplicable(("见 ZJ22-BIL-NORWAY", "see ZJ22-BIL-NORWAY"))


CASES = {
    "field included": (INCLUDE, fields("海洋经济", " 绿色科技 "), {}),
    "field not included": (INCLUDE, fields("海洋经济", "智慧城市"), {}),
    "not applicable": (NOT_APPLICABLE, {}, {}),
}

DESCRIBED = {
    "include": INCLUDE,
    "not applicable": NOT_APPLICABLE,
}

OUTCOMES = {
    'field included': {
        'status': 'passed',
        'segments': ('project', 'fields', 1),
        'message': '项目领域包括绿色技术（ 绿色科技 ）',
        'message_en': 'the fields include 绿色技术 ( 绿色科技 )',
        'expected': '绿色技术',
        'actual': ['海洋经济', ' 绿色科技 '],
    },
    'field not included': {
        'status': 'failed',
        'segments': ('project', 'fields'),
        'message': '项目领域 海洋经济、智慧城市 不包括绿色技术',
        'message_en': 'the fields 海洋经济, 智慧城市 do not include 绿色技术',
        'expected': '绿色技术',
        'actual': ['海洋经济', '智慧城市'],
    },
    'not applicable': {
        'status': 'passed',
        'segments': (),
        'message': '不适用：见 ZJ22-BIL-NORWAY',
        'message_en': 'not applicable: see ZJ22-BIL-NORWAY',
        'expected': None,
        'actual': None,
    },
}

DESCRIPTIONS = {
    'include': (
        '项目领域包括绿色技术',
        "the project's fields include 绿色技术",
    ),
    'not applicable': (
        '不适用：见 ZJ22-BIL-NORWAY',
        'not applicable: see ZJ22-BIL-NORWAY',
    ),
}
