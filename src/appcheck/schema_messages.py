"""Bilingual messages for JSON Schema errors: one small function per keyword.

``jsonschema`` errors are data (keyword, value, instance, path); these functions turn one into a
Chinese and an English sentence that says what was found and what was expected, in the applicant's
terms (field names, not schema internals).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # only for annotations: importing jsonschema is left to the slow path
    from jsonschema import ValidationError


_TYPES = {
    "object": ("对象", "an object"),
    "array": ("数组", "an array"),
    "string": ("字符串", "a string"),
    "number": ("数字", "a number"),
    "integer": ("整数", "an integer"),
    "boolean": ("布尔值 true/false", "a boolean"),
    "null": ("null", "null"),
}


def shown(value: Any, limit: int = 60) -> str:
    """A short rendering of a value for a message (large values are cut)."""
    if isinstance(value, str):
        text = '"' + value + '"'
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    elif isinstance(value, Decimal):
        text = str(value)  # the digits and exponent as the bundle wrote them (1.10, 1E+1)
    elif isinstance(value, dict):
        text = "{…}" if value else "{}"
    elif isinstance(value, list):
        text = f"[…{len(value)} 项]" if value else "[]"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_name(value: Any) -> tuple[str, str]:
    if isinstance(value, bool):
        return _TYPES["boolean"]
    if value is None:
        return _TYPES["null"]
    if isinstance(value, (int, float, Decimal)):
        return _TYPES["number"]
    if isinstance(value, str):
        return _TYPES["string"]
    if isinstance(value, list):
        return _TYPES["array"]
    return _TYPES["object"]


def _names(types: Any) -> tuple[str, str]:
    types = [types] if isinstance(types, str) else list(types)
    return "或".join(_TYPES[t][0] for t in types), " or ".join(_TYPES[t][1] for t in types)


def _required(error: ValidationError) -> tuple[str, str]:
    missing = [name for name in error.validator_value if isinstance(error.instance, dict) and name not in error.instance]
    names = "、".join(missing) or "?"
    return f"缺少必填字段 {names}", f"missing required field(s) {', '.join(missing)}"


def _type(error: ValidationError) -> tuple[str, str]:
    zh, en = _names(error.validator_value)
    if error.instance is None:
        return f"未填写（null），应为{zh}", f"not filled in (null); expected {en}"
    found_zh, found_en = _type_name(error.instance)
    return f"应为{zh}，实为{found_zh} {shown(error.instance)}", f"expected {en}, found {found_en} {shown(error.instance)}"


def _allowed(values) -> str:
    return "、".join(shown(v) for v in values[:20]) + ("…" if len(values) > 20 else "")


def _enum(error: ValidationError) -> tuple[str, str]:
    allowed = _allowed(error.validator_value)
    return f"取值 {shown(error.instance)} 不在允许范围内，应为：{allowed}", f"{shown(error.instance)} is not allowed; expected one of: {allowed.replace('、', ', ')}"


def _const(error: ValidationError) -> tuple[str, str]:
    return f"取值应为 {shown(error.validator_value)}，实为 {shown(error.instance)}", f"expected {shown(error.validator_value)}, found {shown(error.instance)}"


def _additional(error: ValidationError) -> tuple[str, str]:
    extras = error.validator_value if isinstance(error.validator_value, list) else []
    names = "、".join(map(str, extras))
    return (
        f"不允许的字段 {names}（拼写错误？自备备注请用 x- 开头的字段）",
        f"field(s) not allowed: {', '.join(map(str, extras))} (a typo? use x- prefixed fields for notes)",
    )


def _bound(word_zh: str, word_en: str) -> Callable[[ValidationError], tuple[str, str]]:
    def message(error: ValidationError) -> tuple[str, str]:
        return (
            f"{shown(error.instance)} 应{word_zh} {shown(error.validator_value)}",
            f"{shown(error.instance)} must be {word_en} {shown(error.validator_value)}",
        )

    return message


def _multiple_of(error: ValidationError) -> tuple[str, str]:
    step = error.validator_value
    if step == Decimal("0.0001"):
        return (f"{shown(error.instance)} 的小数位超过 4 位（金额以万元计，精确到 1 元）", f"{shown(error.instance)} has more than 4 decimals (money is in 万元, to the yuan)")
    return f"{shown(error.instance)} 应为 {shown(step)} 的整数倍", f"{shown(error.instance)} must be a multiple of {shown(step)}"


def _length(word_zh: str, word_en: str, unit_zh: str, unit_en: str) -> Callable[[ValidationError], tuple[str, str]]:
    def message(error: ValidationError) -> tuple[str, str]:
        size = len(error.instance) if isinstance(error.instance, (str, list, dict)) else "?"
        return (
            f"长度为 {size} {unit_zh}，应{word_zh} {error.validator_value} {unit_zh}",
            f"has {size} {unit_en}, must have {word_en} {error.validator_value}",
        )

    return message


def _pattern(error: ValidationError) -> tuple[str, str]:
    return f"{shown(error.instance)} 格式不符（应匹配 {error.validator_value}）", f"{shown(error.instance)} does not match the pattern {error.validator_value}"


def _format(error: ValidationError) -> tuple[str, str]:
    if error.validator_value == "date":
        return f"{shown(error.instance)} 不是有效日期（应为 YYYY-MM-DD）", f"{shown(error.instance)} is not a valid date (YYYY-MM-DD)"
    return f"{shown(error.instance)} 不符合 {error.validator_value} 格式", f"{shown(error.instance)} is not a valid {error.validator_value}"


def _unique(error: ValidationError) -> tuple[str, str]:
    return "数组中有重复项", "the array has duplicate items"


def _combinator(error: ValidationError) -> tuple[str, str]:
    return f"{shown(error.instance)} 不符合任何一种允许的形式", f"{shown(error.instance)} matches none of the allowed forms"


def _one_of(error: ValidationError) -> tuple[str, str]:
    return f"{shown(error.instance)} 应恰好符合一种形式", f"{shown(error.instance)} must match exactly one of the allowed forms"


def _not(error: ValidationError) -> tuple[str, str]:
    return f"{shown(error.instance)} 不允许出现", f"{shown(error.instance)} is not allowed here"


def _dependent(error: ValidationError) -> tuple[str, str]:
    return _required(error) if isinstance(error.validator_value, list) else ("缺少相关联的字段", "a field that goes with another is missing")


def _property_names(error: ValidationError) -> tuple[str, str]:
    return f"字段名 {shown(error.instance)} 不合规", f"field name {shown(error.instance)} is not allowed"


def _contains(error: ValidationError) -> tuple[str, str]:
    return "数组中缺少要求的项", "the array lacks a required item"


KEYWORDS: dict[str, Callable[[ValidationError], tuple[str, str]]] = {
    "required": _required,
    "dependentRequired": _dependent,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "additionalProperties": _additional,
    "unevaluatedProperties": _additional,
    "minimum": _bound("不小于", "at least"),
    "maximum": _bound("不大于", "at most"),
    "exclusiveMinimum": _bound("大于", "greater than"),
    "exclusiveMaximum": _bound("小于", "less than"),
    "multipleOf": _multiple_of,
    "minLength": _length("不少于", "at least", "个字符", "characters"),
    "maxLength": _length("不多于", "at most", "个字符", "characters"),
    "minItems": _length("不少于", "at least", "项", "items"),
    "maxItems": _length("不多于", "at most", "项", "items"),
    "minProperties": _length("不少于", "at least", "个字段", "fields"),
    "pattern": _pattern,
    "format": _format,
    "uniqueItems": _unique,
    "anyOf": _combinator,
    "oneOf": _one_of,
    "not": _not,
    "propertyNames": _property_names,
    "contains": _contains,
}


#: keywords on a value's own content; an empty string fails several of them at once
_CONTENT = {"minLength", "pattern", "format", "enum", "const"}

#: when one value breaks several keywords, the finding reports the most telling one
PRIORITY = ("type", "const", "enum", "required", "additionalProperties", "unevaluatedProperties", "format",
            "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf", "minItems", "maxItems", "uniqueItems")


def rank(error: ValidationError) -> int:
    return PRIORITY.index(error.validator) if error.validator in PRIORITY else len(PRIORITY)


def describe(error: ValidationError) -> tuple[str, str]:
    """``(zh, en)`` for one schema error (the finding carries where it is)."""
    if error.instance == "" and error.validator in _CONTENT:
        if error.validator == "enum":  # a draft's empty choice: say what it may be
            allowed = _allowed(error.validator_value)
            return f"未填写（空字符串），应为：{allowed}", f"not filled in (empty string); expected one of: {allowed.replace('、', ', ')}"
        return "未填写（空字符串）", "not filled in (empty string)"
    return KEYWORDS.get(error.validator, lambda e: (e.message, e.message))(error)
