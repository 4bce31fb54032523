"""What the command line says besides reports: usage errors in Chinese or English, the ``validate --help``
epilog and the progress line.

Usage errors are built in English (argparse's own, and those of :mod:`appcheck.discover`,
:mod:`appcheck.explain`, :mod:`appcheck.topics` and :mod:`appcheck.config`); :func:`usage_error`
gives the Chinese of each kind, with the names and values it quotes unchanged. A message of a kind not
listed here keeps its English after a Chinese lead-in, so nothing is ever lost in translation.
"""

from __future__ import annotations

import functools
import re

#: ``(pattern over the English text, Chinese template)``; ``{inner}`` is translated again.
_ZH = (
    (r"argument (?P<arg>.+?): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", "参数 {arg} 的值 {value} 无效，可选：{choices}"),
    (r"argument (?P<arg>.+?): invalid (?P<kind>\S+) value: (?P<value>.+)", "参数 {arg} 的值 {value} 无效"),
    (r"argument (?P<arg>.+?): expected one argument", "参数 {arg} 需要一个值"),
    (r"argument (?P<arg>.+?): expected at most one argument", "参数 {arg} 至多接受一个值"),
    (r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.+)", "参数 {arg} 不接受值 {value}"),
    (r"argument (?P<arg>.+?): not allowed with argument (?P<other>.+)", "参数 {arg} 不能与 {other} 同时使用"),
    (r"argument (?P<arg>.+?): (?P<inner>.+)", "参数 {arg}：{inner}"),
    (r"unrecognized arguments: (?P<args>.+)", "无法识别的参数：{args}"),
    (r"the following arguments are required: (?P<args>.+)", "缺少必需的参数：{args}"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "选项 {option} 有歧义，可能是：{matches}"),
    (r"not a YYYY-MM-DD date: (?P<value>.+)", "{value} 不是 YYYY-MM-DD 格式的日期"),
    (r"expected NAME=VALUE, got (?P<value>.+)", "应为 名称=值，实际为 {value}"),
    (r"not a whole number: (?P<value>.+)", "{value} 不是整数"),
    (r"takes 1 or more", "应不小于 1"),
    (r"no path given: name bundle files, directories, or - for standard input", "未给出路径：请指定申报书文件、目录，或用 - 表示标准输入"),
    (r"(?P<path>.+): no such file or directory", "{path}：文件或目录不存在"),
    (r"(?P<path>.+): no \.json, \.yaml or \.yml file in this directory", "{path}：该目录中没有 .json、.yaml 或 .yml 文件"),
    (r"unknown topic (?P<name>.+?); known: (?P<known>.+)", "未知的专题 {name}；已有专题：{known}"),
    (r"(?P<topic>\S+) has no track (?P<track>.+?); tracks: (?P<tracks>.+)", "{topic} 没有方向 {track}；方向：{tracks}"),
    (r"(?P<topic>\S+) has tracks: give one of (?P<tracks>.+)", "{topic} 分方向，请用 --track 指定其一：{tracks}"),
    (r"unknown rule (?P<name>.+?); rules: (?P<rules>.+)", "未知的规则 {name}；已有规则：{rules}"),
    (r"unknown setting (?P<name>.+?); known: (?P<known>.+)", "未知的设置 {name}；已有设置：{known}"),
    (r"setting (?P<name>.+?) accepts a date: the text YYYY-MM-DD or a datetime\.date(?P<unset>, or None for unset)?; got (?P<value>.+)",
     "设置 {name} 应为日期（YYYY-MM-DD 格式的文本或 datetime.date{unset}），实际为 {value}"),
    (r"setting (?P<name>.+?) accepts a year: a whole number from 1 to (?P<max>\d+) \(an int, or its ASCII digits\)(?P<unset>, or None for unset)?; got (?P<value>.+)",
     "设置 {name} 应为年份（1 至 {max} 的整数，int 或其 ASCII 数字{unset}），实际为 {value}"),
    (r"'-' reads a bundle from standard input, which is closed; redirect or pipe a bundle into it \((?P<example>.+)\), or name the files",
     "'-' 从标准输入读取申报书，但标准输入已关闭；请重定向或用管道输入申报书（{example}），或直接给出文件"),
)
#: what an optional group above reads as in Chinese
_GROUPS = {"unset": "，或 None 表示不设置"}
_PROG = r"(?P<prog>appcheck(?: [a-z-]+)?): (?P<rest>.*)"


@functools.cache
def _compiled() -> tuple:
    """The patterns above, compiled when a usage error first needs them (not on every run)."""
    return tuple((re.compile(pattern, re.S), template) for pattern, template in _ZH)


def _zh(text: str) -> str | None:
    for pattern, template in _compiled():
        match = pattern.fullmatch(text)
        if match:
            parts = {key: (_GROUPS[key] if key in _GROUPS and value else value or "") for key, value in match.groupdict().items()}
            if "inner" in parts:
                parts["inner"] = _zh(parts["inner"]) or parts["inner"]
            return template.format(**parts)
    return None


def usage_error(message: str, lang: str) -> str:
    """The line a usage error prints: ``message`` (``"appcheck validate: ..."``) in ``lang``."""
    if lang != "zh":
        return message
    match = re.fullmatch(_PROG, message, re.S)
    prog, rest = (match["prog"], match["rest"]) if match else ("appcheck", message)
    return f"{prog}：用法错误：{_zh(rest) or rest}"


def lang_of(argv: list[str]) -> str:
    """The ``--lang`` an argument list asks for (the last one), read before it is parsed: a usage error
    can come before parsing ends. ``zh`` when none is given or it is not one appcheck knows."""
    lang = "zh"
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in ("zh", "en") else "zh"


VALIDATE_EPILOG = """\
examples:
  appcheck validate application.json                 check one bundle (Chinese messages)
  appcheck validate applications/ --lang en          every .json/.yaml/.yml below, as one batch
  appcheck validate applications/ -q                 only the bundles not ok, their failures, the summary
  appcheck validate applications/ --summary          one line per bundle
  appcheck validate applications/ --format sarif > appcheck.sarif
  appcheck validate draft.yaml --set gd-2022.published_on=2022-04-15
  cat draft.json | appcheck validate -

exit status:
  0  every bundle ok (warnings, info notes and pending reviews allowed unless --strict)
  1  at least one bundle not ok (a file that cannot be read or parsed included)
  2  a usage error: unknown option, a path that does not exist, a directory without bundles
  3  an internal error of appcheck (one line on stderr): the tool broke, not the bundle
"""

_PROGRESS = {
    "zh": "appcheck：已检查 {done}/{total} 个文件",
    "en": "appcheck: {done}/{total} files checked",
}


def progress_line(done: int, total: int, lang: str) -> str:
    return _PROGRESS["en" if lang == "en" else "zh"].format(done=done, total=total)
