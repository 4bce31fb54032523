"""The command line: parse, call the library, pick a reporter. Nothing else lives here.

Exit status: 0 every bundle ok (warnings and needs-review allowed unless ``--strict``); 1 at least one
bundle not ok; 2 a usage error; 3 an internal error of appcheck itself (one line on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (--help and usage errors need none of it)
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Container
    from typing import IO

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit; raise so main() decides
        raise _Usage(f"{self.prog}: {message}")


class _Usage(Exception):
    pass


def _date(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value.strip()


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("takes 1 or more")
    return value


def _jobs(text: str) -> int | str:
    return "auto" if text == "auto" else _positive(text)


def _run_options(parser: argparse.ArgumentParser) -> None:
    """The options a configuration file can also set (None when not given: the file or the default decides)."""
    from .formats import FORMATS

    parser.add_argument("--format", choices=FORMATS, help="report format (default text)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language of the messages (default zh)")
    parser.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="date used for bundles without submitted_on (default today)")
    parser.add_argument("--strict", action=argparse.BooleanOptionalAction, help="also fail on warnings, info notes and pending reviews")
    parser.add_argument("--jobs", type=_jobs, metavar="N|auto",
                        help="check files in N processes (same output); auto (default): one per CPU from 200 files on, else 1")
    parser.add_argument("--set", dest="settings", type=_setting, action="append", default=[], metavar="NAME=VALUE", help="a call setting, e.g. gd-2022.published_on=2022-04-15")
    found = parser.add_mutually_exclusive_group()
    found.add_argument("--config", metavar="FILE", help="read this configuration file (default: appcheck.toml or pyproject.toml [tool.appcheck], from here upwards)")
    found.add_argument("--no-config", action="store_true", help="read no configuration file")


def _effective(args, command: str):
    """The configuration in effect: flags over the file over the defaults (a usage error for a bad file or value)."""
    from . import config

    try:
        if args.no_config:
            file = None
        else:
            path = args.config if args.config is not None else config.find()
            file = config.load(path) if path is not None else None
        flags = {"format": args.format, "lang": args.lang, "as_of": args.as_of, "strict": args.strict, "jobs": args.jobs,
                 "settings": dict(args.settings)}
        return config.resolve(file, flags)
    except ValueError as error:  # ConfigError names the file and line; a flag's unknown setting or value
        raise _Usage(f"appcheck {command}: {error}") from None


def _validate_arguments(validate: argparse.ArgumentParser) -> None:
    validate.add_argument("paths", nargs="*", metavar="PATH", help="bundle files, directories (walked for .json/.yaml/.yml), or - for standard input")
    _run_options(validate)
    validate.add_argument("--max-bytes", type=_positive, default=10 * 1024 * 1024, metavar="N", help="refuse files larger than N bytes (default 10 MiB)")
    validate.add_argument("--max-depth", type=_positive, default=200, metavar="N", help="refuse documents nested deeper than N (default 200)")
    shown = validate.add_mutually_exclusive_group()
    shown.add_argument("--verbose", "-v", action="store_true", help="list passed requirements too (text format)")
    shown.add_argument("--quiet", "-q", action="store_true", help="only the bundles not ok and their failures, then the summary line (text format)")
    validate.add_argument("--summary", action="store_true", help="one line per bundle: its verdict and counts, then the summary line (text format)")
    validate.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                          help="colour the text report: auto (default) when standard output is a terminal and NO_COLOR is unset")
    validate.add_argument("--no-progress", action="store_true",
                          help="no progress line (shown on standard error, only when it is a terminal, for batches that take more than a moment)")


def _config_arguments(config_cmd: argparse.ArgumentParser) -> None:
    _run_options(config_cmd)
    config_cmd.add_argument("--json", action="store_true", help="print it as JSON")


def _recheck_arguments(recheck: argparse.ArgumentParser) -> None:
    recheck.add_argument("report", metavar="REPORT.json", help="a report of appcheck validate --format json")
    recheck.add_argument("--set", dest="settings", type=_setting, action="append", default=[], metavar="NAME=VALUE",
                         help="recheck with this setting instead of the recorded one")
    recheck.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the output (default zh)")
    recheck.add_argument("--json", action="store_true", help="print the result as JSON")


def _topics_arguments(topics_cmd: argparse.ArgumentParser) -> None:
    topics_cmd.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")


def _explain_arguments(explain: argparse.ArgumentParser) -> None:
    explain.add_argument("name", metavar="CALL/TOPIC|RULE", help="a topic (e.g. gd-2022/training; `appcheck topics` lists them) or a rule class (e.g. SubsidyBounds)")
    explain.add_argument("--track", help="only the requirements of this track of the topic")
    explain.add_argument("--format", choices=("md", "json"), default="md", help="output format (default md, Markdown)")
    explain.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the checklist (default zh)")


def _schema_arguments(schema: argparse.ArgumentParser) -> None:
    schema.add_argument("name", metavar="CALL/TOPIC", help="the topic, e.g. gd-2022/training (`appcheck topics` lists them)")


def _init_arguments(init: argparse.ArgumentParser) -> None:
    init.add_argument("name", metavar="CALL/TOPIC", help="the topic, e.g. gd-2022/training (`appcheck topics` lists them)")
    init.add_argument("--track", help="the track, for a topic that has tracks")


def _new_call_arguments(new_call: argparse.ArgumentParser) -> None:
    new_call.add_argument("id", metavar="ID", help="the new call's id, e.g. zj-2027")
    new_call.add_argument("--from", dest="source", required=True, metavar="CALL", help="the installed call to copy, e.g. zj-2026")
    new_call.add_argument("--dir", metavar="FOLDER", help="the new folder to write the pack in (default ./appcheck-ID)")
    new_call.add_argument("--prefix", metavar="PREFIX", help="the new calls's requirement-id prefix (default from ID: zj-2027 gives ZJ27-)")
    new_call.add_argument("--guideline", metavar="FILE", help="the guideline text to ship in the pack (its quotes are then checked against it)")


def _serve_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=_positive, help="port (default 8000)")
    serve.add_argument("--max-bytes", type=_positive, metavar="N", help="refuse request bodies larger than N bytes (default 10 MiB)")
    serve.add_argument("--max-depth", type=_positive, metavar="N", help="refuse bundles nested deeper than N (default 200)")
    serve.add_argument("--max-bundles", type=_positive, metavar="N", help="refuse batches of more than N bundles (default 1000)")
    serve.add_argument("--max-concurrent", type=_positive, metavar="N", help="refuse more than N checks at once (default 16)")
    found = serve.add_mutually_exclusive_group()
    found.add_argument("--config", metavar="FILE", help="read [serve] and settings from this configuration file (default: appcheck.toml or pyproject.toml [tool.appcheck], from here upwards)")
    found.add_argument("--no-config", action="store_true", help="read no configuration file")


def build_parser(commands: Container[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. ``commands``: give the arguments of only these commands (None: every
    command's). Every command is listed either way (``appcheck --help`` is the same); a command left
    without its arguments must not be parsed, so :func:`main` gives those of every command its
    arguments name (a command is chosen by its exact name)."""
    from . import __version__
    from .usage_text import VALIDATE_EPILOG

    parser = _Parser(prog="appcheck", description="Check applications for international S&T cooperation calls against their guidelines.")
    parser.add_argument("--version", action="version", version=f"appcheck {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    listed = (
        ("validate", _validate_arguments, {
            "help": "check bundle files (the CI check)", "epilog": VALIDATE_EPILOG, "formatter_class": argparse.RawDescriptionHelpFormatter,
            "description": "Check bundle files against every rule of their call's guideline; all the files named form one batch."}),
        ("config", _config_arguments, {"help": "print the configuration in effect and where each value came from"}),
        ("recheck", _recheck_arguments, {"help": "check a JSON report's bundles again as it recorded: does each verdict stand?"}),
        ("topics", _topics_arguments, {"help": "list every call, topic and track, with the pack and version of each call "
                                               "(a refused call pack: named on stderr, exit 2)"}),
        ("explain", _explain_arguments, {"help": "print a topic's checklist, or a rule's documentation"}),
        ("schema", _schema_arguments, {"help": "print a topic's JSON Schema, self-contained (for editors)"}),
        ("init", _init_arguments, {"help": "print a draft bundle to fill in"}),
        ("new-call", _new_call_arguments, {"help": "write a call pack for a new call, copied from an installed call (docs/adding-a-topic.md)"}),
        ("serve", _serve_arguments, {"help": "serve the checks over HTTP and a page for applicants (needs appcheck[serve])"}),
    )
    for name, arguments, options in listed:
        command = subparsers.add_parser(name, **options)
        if commands is None or name in commands:
            arguments(command)
    return parser


def _color(choice: str, stream: IO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or "NO_COLOR" in os.environ:
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _stdin() -> IO[bytes]:
    """Standard input as bytes; a usage error when it is closed (``appcheck validate - <&-``)."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)  # None when the process was started without it
    if stream is None or stream.closed:
        raise _Usage("appcheck validate: '-' reads a bundle from standard input, which is closed; "
                     "redirect or pipe a bundle into it (appcheck validate - < draft.json), or name the files")
    return stream


def _validate(args, out: IO) -> int:
    from . import discover, engine
    from .reporters import Options, reporter

    effective = _effective(args, "validate")
    try:
        targets = discover.collect(args.paths)
    except discover.UsageError as error:
        raise _Usage(f"appcheck validate: {error}") from None
    targets = [target for target in targets if isinstance(target, discover.Stdin) or not effective.excluded(target)]
    from .loading import Limits

    limits = Limits(max_bytes=args.max_bytes, max_depth=args.max_depth)
    bundles = []
    for target in targets:
        if isinstance(target, discover.Stdin):
            bundles.append(engine.Source.read("-", _stdin(), limits))
        else:
            bundles.append(target)
    if len(bundles) > PAUSED_UP_TO:
        _resume_collecting()
    try:
        jobs = engine.auto_jobs(len(bundles)) if effective["jobs"] == "auto" else effective["jobs"]
        progress = None if args.no_progress else _Progress.on(sys.stderr, effective["lang"])
        try:
            batch = engine.check_batch(bundles, as_of=effective["as_of"], settings=effective.setting_values(), jobs=jobs, limits=limits,
                                       waivers=effective.waivers, progress=progress)
        finally:
            if progress is not None:
                progress.clear()
    except ValueError as error:  # an unknown or malformed setting
        raise _Usage(f"appcheck validate: {error}") from None
    strict = effective["strict"]
    with batch:  # reports are built and written one at a time: flat memory over any number of files
        options = Options(lang=effective["lang"], color=_color(args.color, out), strict=strict, verbose=args.verbose,
                          quiet=args.quiet, summary=args.summary)
        reporter(effective["format"]).write(batch, options, out)
        ok = batch.strict_ok if strict else batch.ok
    return EXIT_OK if ok else EXIT_FAILED


#: seconds a batch runs before its progress line appears (a quick run shows none)
PROGRESS_AFTER = 0.5
#: seconds between two redraws of the progress line
PROGRESS_EVERY = 0.1


class _Progress:
    """The progress line of ``validate`` on standard error: ``appcheck：已检查 120/3000 个文件``, redrawn
    in place, shown only once a batch has run :data:`PROGRESS_AFTER` seconds and only on a terminal
    (never in a CI log or a file), and erased before the report is written."""

    def __init__(self, stream: IO, lang: str) -> None:
        import time

        self._stream, self._lang, self._clock = stream, lang, time.monotonic
        self._start = self._clock()
        self._drawn = None

    @classmethod
    def on(cls, stream: IO, lang: str) -> _Progress | None:
        try:
            terminal = stream.isatty()
        except (AttributeError, ValueError, OSError):
            terminal = False
        return cls(stream, lang) if terminal else None

    def __call__(self, done: int, total: int) -> None:
        from .usage_text import progress_line

        now = self._clock()
        if now - self._start < PROGRESS_AFTER or (self._drawn is not None and now - self._drawn < PROGRESS_EVERY and done < total):
            return
        self._drawn = now
        self._stream.write("\r" + progress_line(done, total, self._lang) + "\x1b[K")
        self._stream.flush()

    def clear(self) -> None:
        if self._drawn is not None:
            self._stream.write("\r\x1b[K")
            self._stream.flush()


def _recheck(args, out: IO) -> int:
    import json

    from . import recheck

    try:
        result = recheck.recheck(recheck.load(args.report), dict(args.settings))
    except ValueError as error:  # not a report with provenance, or a setting this appcheck does not know
        raise _Usage(f"appcheck recheck: {error}") from None
    out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n" if args.json else recheck.render(result, args.lang))
    return result.exit_status


def _config(args, out: IO) -> int:
    from . import config
    from .model import dumps

    effective = _effective(args, "config")
    out.write(dumps(effective.to_dict(), indent=2) + "\n" if args.json else config.render(effective))
    return EXIT_OK


def _explain(args, out: IO) -> int:
    from . import explain
    from .reporters import checklist

    try:
        if "/" in args.name:
            data = explain.checklist(args.name, args.track)
            out.write(explain.to_json(data) if args.format == "json" else checklist.markdown(data, args.lang))
        else:
            data = explain.rule_doc(args.name)
            out.write(explain.to_json(data) if args.format == "json" else checklist.rule_markdown(data))
    except explain.UnknownTopic as error:
        raise _Usage(f"appcheck explain: {error}") from None
    return EXIT_OK


def _topics(args, out: IO) -> int:
    from . import explain
    from .reporters import checklist

    data = explain.topic_list()
    out.write(explain.to_json(data) if args.format == "json" else checklist.topics_text(data))
    refused = explain.refused_packs()
    for problem in refused:
        print(f"appcheck topics: {problem}", file=sys.stderr)
    return EXIT_USAGE if refused else EXIT_OK


def _schema(args, out: IO) -> int:
    from . import explain

    try:
        out.write(explain.to_json(explain.editor_schema(args.name)))
    except explain.UnknownTopic as error:
        raise _Usage(f"appcheck schema: {error}") from None
    return EXIT_OK


def _init(args, out: IO) -> int:
    from . import explain

    try:
        out.write(explain.to_json(explain.draft(args.name, args.track)))
    except explain.UnknownTopic as error:
        raise _Usage(f"appcheck init: {error}") from None
    return EXIT_OK


def _serve(args, out: IO) -> int:
    from . import config

    try:
        from . import serve
    except ImportError as error:
        raise _Usage(f"appcheck serve: needs the optional extra serve (pip install 'appcheck[serve]'): {error}") from None
    try:
        path = None if args.no_config else args.config if args.config is not None else config.find()
        file = config.load(path) if path is not None else None
    except ValueError as error:  # ConfigError names the file and line
        raise _Usage(f"appcheck serve: {error}") from None
    table = file.values.get("serve", {}) if file is not None else {}
    given = {key: getattr(args, key) for key in config.SERVE_KEYS if getattr(args, key) is not None}
    chosen = {**table, **given}  # flags over the file over the defaults
    limits = serve.ServeLimits(**{key: chosen[key] for key in ("max_bytes", "max_depth", "max_bundles", "max_concurrent") if key in chosen})
    serve.run(chosen.get("host", serve.DEFAULT_HOST), chosen.get("port", serve.DEFAULT_PORT), limits, settings=file.settings if file is not None else None)
    return EXIT_OK


def _new_call(args, out: IO) -> int:
    from . import scaffold

    try:
        done = scaffold.new_call(args.id, args.source, args.dir, args.prefix, args.guideline)
    except ValueError as error:
        raise _Usage(f"appcheck new-call: {error}") from None
    out.write(f"wrote call pack {done['distribution']} ({done['files']} files, {done['examples']} examples) to {done['folder']}\n"
              f"call module: {done['module']}; next: pip install -e {done['folder']}, then appcheck topics and python -m pytest there\n")
    return EXIT_OK


COMMANDS = {"new-call": _new_call, "validate": _validate, "config": _config, "recheck": _recheck, "explain": _explain, "topics": _topics, "schema": _schema, "init": _init, "serve": _serve}


def _safe_streams() -> None:
    """A terminal that cannot print Chinese gets escapes rather than a crash."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


#: a batch of up to this many files is checked with the cyclic garbage collector still paused, as
#: during the start-up (a check leaves no reference cycles behind: reference counting frees what it
#: made); a larger one is checked with it running
PAUSED_UP_TO = 100
#: whether :func:`main` paused a running collector (for :func:`_resume_collecting`)
_PAUSED = False


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (never raises, never calls sys.exit).

    ``argv`` None: the process's own command line (``sys.argv``, as the ``appcheck`` script and
    ``python -m appcheck`` run it), which the process ends with: what it holds then is left to the
    interpreter's exit without a last pass of the cyclic garbage collector over it (:func:`gc.freeze`:
    a run's objects are freed by reference counting; the streams are flushed and temporary files closed
    as ever). The collector is paused during the start-up, whose imports, classes and parser live to
    the end, and while a small batch is checked.
    """
    import gc

    global _PAUSED
    collecting = gc.isenabled()
    gc.disable()
    _PAUSED = collecting
    try:
        return _main(argv)
    finally:
        _PAUSED = False
        if collecting:
            gc.enable()
        if argv is None:
            gc.freeze()


def _resume_collecting() -> None:
    """Run the collector again, if :func:`main` paused it."""
    global _PAUSED
    if _PAUSED:
        import gc

        gc.enable()
        _PAUSED = False


def _main(argv: list[str] | None) -> int:
    _safe_streams()
    given = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser({arg for arg in given if isinstance(arg, str) and arg in COMMANDS})  # the arguments of the command run, not of all nine
    from .usage_text import lang_of, usage_error

    lang = lang_of(given)
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:  # --help / --version
            return int(exit_.code or 0)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return COMMANDS[args.command](args, sys.stdout)
    except _Usage as error:
        print(usage_error(str(error), lang), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of appcheck: one line, never a bare traceback
        print(f"appcheck: internal error ({type(error).__name__}: {error}); please report it", file=sys.stderr)
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), point stdout at /dev/null so the interpreter's flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
