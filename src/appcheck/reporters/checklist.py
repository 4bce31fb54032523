"""Rendering the applicant's-side documents: checklists (Markdown), rule docs, the topic list."""

from __future__ import annotations

_KIND = {
    "zh": {"hard": "必须（错误）", "soft": "原则上（警告）", "info": "优先（提示）", "review": "需评审", "batch": "批量（错误）"},
    "en": {"hard": "must (error)", "soft": "in principle (warning)", "info": "priority (info)", "review": "reviewed", "batch": "batch (error)"},
}


def markdown(data: dict, lang: str = "zh") -> str:
    zh = lang == "zh"
    title = data["title"] if zh else data["title_en"]
    lines = [f"# {data['topic']}{'#' + data['track'] if data['track'] else ''} {title}", "", data["call_title"]]
    if data.get("note"):
        lines += ["", f"> {data['note']}"]
    if data["tracks"]:
        lines += ["", "## " + ("方向" if zh else "Tracks"), ""]
        lines += [f"- `{t['id']}` {t['title'] if zh else t['title_en']}" for t in data["tracks"]]
    if data["settings"]:
        lines += ["", "## " + ("设置" if zh else "Settings"), ""]
        lines += [f"- `{s['name']}`{_default(s['default'], zh)}{'：' if zh else ': '}{s['doc'] if zh else s['doc_en']}" for s in data["settings"]]
    lines += ["", "## " + ("检查清单" if zh else "Checklist"), ""]
    for item in data["requirements"]:
        tracks = f" [{', '.join(item['tracks'])}]" if item["tracks"] else ""
        lines += [
            f"### {item['requirement']}{tracks}: {_KIND[lang][item['kind']]}",
            "",
            f"- **{'检查' if zh else 'Check'}**: {item['check'] if zh else item['check_en']}",
            f"- **{'原文' if zh else 'Clause'}**: “{item['source']}”",
            # the rule classes document themselves in English: the Chinese checklist names the class
            # (``appcheck explain CLASS`` prints its documentation) and says what it checks above
            f"- **规则**: `{item['rule']}`（说明：`appcheck explain {item['rule'].split(' + ')[0]}`）" if zh
            else f"- **Rule**: `{item['rule']}`: {_one_paragraph(item['what_it_checks'])}",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def _default(value, zh: bool) -> str:
    if value is None:
        return "（默认：未设置）" if zh else " (default: unset)"
    return f"（默认：{value}）" if zh else f" (default: {value})"


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def rule_markdown(data: dict) -> str:
    lines = [f"# {data['rule']}", "", data["summary"], ""]
    for section in ("What it checks", "Why", "Failing example", "Passing example"):
        lines += [f"## {section}", "", data[section], ""]
    return "\n".join(lines).rstrip() + "\n"


def topics_text(data: list) -> str:
    lines = []
    for call in data:
        lines.append(f"{call['call']}  {call['title']}  ({call['pack']} {call['version']})")
        for topic in call["topics"]:
            lines.append(f"  {topic['topic']}  {topic['title']}")
            for track in topic["tracks"]:
                lines.append(f"    --track {track['id']}  {track['title']}")
    return "\n".join(lines) + "\n"
