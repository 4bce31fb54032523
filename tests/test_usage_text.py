"""The command line explains itself: help for every option and argument, ``validate --help`` ending
with examples and the exit statuses, and usage errors in the language of ``--lang`` (zh by default)."""

from __future__ import annotations

import argparse
import re

import pytest

from appcheck import cli
from appcheck.usage_text import lang_of, usage_error

from .test_cli import VALID, run


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    (sub,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(sub.choices)


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_option_and_argument_has_help(command) -> None:
    parser = _commands()[command]
    for action in parser._actions:
        assert action.help and action.help is not argparse.SUPPRESS, f"{command}: {action.option_strings or action.dest} has no help"


@pytest.mark.parametrize("argv", [["--help"], *([command, "--help"] for command in sorted(_commands()))])
def test_help_is_the_same_with_only_the_named_command_built(argv, capsys) -> None:
    """The command line gives only the command it names its arguments: every help reads as with all built."""
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(argv)
    full = capsys.readouterr().out
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == full and full.startswith("usage: appcheck")


def test_only_the_named_commands_get_their_arguments() -> None:
    parser = cli.build_parser({"explain"})
    assert parser.parse_args(["explain", "gd-2022/training", "--lang", "en"]).lang == "en"
    (sub,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    assert sorted(sub.choices) == sorted(_commands())  # every command is listed
    assert [action.dest for action in sub.choices["validate"]._actions] == ["help"]


def test_validate_help_ends_with_examples_and_the_exit_status_table(capsys) -> None:
    assert cli.main(["validate", "--help"]) == 0
    text = capsys.readouterr().out
    examples, _, statuses = text.partition("\nexit status:\n")
    assert "\nexamples:\n" in examples and "appcheck validate applications/ -q" in examples
    rows = [line.split(None, 1) for line in statuses.strip().splitlines()]
    assert [row[0] for row in rows] == ["0", "1", "2", "3"]
    assert "usage error" in rows[2][1] and "internal error" in rows[3][1]
    assert text.rstrip().endswith(rows[3][1])


CHINESE = re.compile(r"[\u4e00-\u9fff]")

USAGE = [
    (["validate", "--format", "x", VALID], "参数 --format 的值 'x' 无效", "argument --format: invalid choice: 'x'"),
    (["validate", "no-such-file.json"], "no-such-file.json：文件或目录不存在", "no-such-file.json: no such file or directory"),
    (["validate"], "未给出路径", "no path given"),
    (["validate", "--as-of", "2022-13-01", VALID], "'2022-13-01' 不是 YYYY-MM-DD 格式的日期", "not a YYYY-MM-DD date: '2022-13-01'"),
    (["validate", "--jobs", "0", VALID], "参数 --jobs：应不小于 1", "argument --jobs: takes 1 or more"),
    (["validate", "--set", "nope=1", VALID], "未知的设置 'nope'", "unknown setting 'nope'"),
    (["validate", "-q", "-v", VALID], "不能与 --quiet/-q 同时使用", "not allowed with argument --quiet/-q"),
    (["validate", "--bogus", VALID], "无法识别的参数：--bogus", "unrecognized arguments: --bogus"),
    (["explain", "gd-2022/nope"], "未知的专题 'gd-2022/nope'", "unknown topic 'gd-2022/nope'"),
    (["explain", "gd-2022/training", "--track", "x"], "没有方向 'x'", "has no track 'x'"),
    (["explain", "NoSuchRule"], "未知的规则 'NoSuchRule'", "unknown rule 'NoSuchRule'"),
]


@pytest.mark.parametrize("argv,zh,en", USAGE, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_usage_errors_follow_lang_and_are_chinese_by_default(argv, zh, en) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert zh in err and "用法错误" in err and en not in err
    code, _, err = run(*argv, "--lang", "en") if argv[0] != "explain" or "--lang" not in argv else run(*argv)
    assert code == 2 and en in err and not CHINESE.search(err.replace("'gd-2022/nope'", ""))


def test_an_unknown_kind_of_usage_error_keeps_its_text_after_a_chinese_lead_in() -> None:
    assert usage_error("appcheck validate: something new", "zh") == "appcheck validate：用法错误：something new"
    assert usage_error("appcheck validate: something new", "en") == "appcheck validate: something new"


@pytest.mark.parametrize("argv,lang", [
    ([], "zh"), (["--lang", "en"], "en"), (["--lang=en"], "en"), (["--lang", "en", "--lang", "zh"], "zh"),
    (["--lang", "fr"], "zh"), (["--lang"], "zh"), (["--", "--lang", "en"], "zh"),
])
def test_the_language_of_usage_errors_is_read_before_parsing(argv, lang) -> None:
    assert lang_of(argv) == lang
