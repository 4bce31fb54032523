"""Stage 2, the envelope: the call, topic and track a bundle names, or the ``TOPIC`` finding that says
why they cannot be found."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import schema_messages, topics
from ..model import TOPIC, Finding, Severity, Status
from .findings import VALUE_LIMIT, clip

FORMAT = "appcheck/1"


def _topic_finding(message: str, message_en: str, segments: tuple, **values: Any) -> Finding:
    values = {name: None if value is None else clip(value, VALUE_LIMIT) for name, value in values.items()}  # the bundle's own call, topic or track: any size
    return Finding(TOPIC, Status.FAILED, Severity.ERROR, segments, message, message_en, "", **values)


def resolve_topic(data: Mapping) -> tuple[Any, Any, str | None, Finding | None]:
    call_id = data.get("call")
    call = topics.call(call_id) if isinstance(call_id, str) else None
    if call is None and data.get("format") != FORMAT:
        # neither a bundle's format nor a call: another JSON or YAML file (package.json, a CI config)
        if "format" in data:
            found_zh = f'"format" 为 {schema_messages.shown(data["format"])}'
            found_en = f'"format" is {schema_messages.shown(data["format"])}'
        else:
            found_zh, found_en = '缺少 "format": "appcheck/1"', 'no "format": "appcheck/1"'
        return None, None, None, _topic_finding(
            f"不是 appcheck 申报书：{found_zh}" + ("，应为 \"appcheck/1\"" if "format" in data else ""),
            f"not an appcheck bundle: {found_en}" + (', not "appcheck/1"' if "format" in data else ""),
            ("format",) if "format" in data else (), expected=FORMAT, actual=data.get("format"),
        )
    if call is None:
        known_calls = topics.call_ids()  # lists the call modules: only when the call is unknown
        refused = topics.refusal(call_id)
        if refused is not None:  # an installed pack registers it, but is refused
            return None, None, None, _topic_finding(
                f"指南 {schema_messages.shown(call_id)} 所在的指南包未能加载：{refused}",
                f"call {schema_messages.shown(call_id)} cannot be checked: {refused}",
                ("call",), expected=list(known_calls), actual=call_id,
            )
        return None, None, None, _topic_finding(
            f"未知的指南 call {schema_messages.shown(call_id)}，应为：{'、'.join(known_calls)}",
            f"unknown call {schema_messages.shown(call_id)}; expected one of: {', '.join(known_calls)}",
            ("call",) if "call" in data else (), expected=list(known_calls), actual=call_id,
        )
    topic_id = data.get("topic")
    topic = call.topic(topic_id) if isinstance(topic_id, str) else None
    if topic is None:
        names = [t.id for t in call.topics]
        return call, None, None, _topic_finding(
            f"指南 {call.id} 中没有专题 {schema_messages.shown(topic_id)}，应为：{'、'.join(names)}",
            f"call {call.id} has no topic {schema_messages.shown(topic_id)}; expected one of: {', '.join(names)}",
            ("topic",) if "topic" in data else (), expected=names, actual=topic_id,
        )
    track = data.get("track")
    track_ids = [t.id for t in topic.tracks]
    if track_ids and (not isinstance(track, str) or topic.track(track) is None):
        return call, topic, None, _topic_finding(
            f"专题 {topic.name} 须填写方向 track，取值为：{'、'.join(track_ids)}；实为 {schema_messages.shown(track) if 'track' in data else '未填写'}",
            f"topic {topic.name} needs a track, one of: {', '.join(track_ids)}; found {schema_messages.shown(track) if 'track' in data else 'none'}",
            ("track",) if "track" in data else (), expected=track_ids, actual=track,
        )
    if not track_ids and "track" in data:
        return call, topic, None, _topic_finding(
            f"专题 {topic.name} 不分方向，不应填写 track（实为 {schema_messages.shown(track)}）",
            f"topic {topic.name} has no tracks; remove track (found {schema_messages.shown(track)})",
            ("track",), actual=track,
        )
    return call, topic, track if track_ids else None, None
