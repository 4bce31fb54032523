"""Project configuration: ``[tool.appcheck]`` in ``pyproject.toml``, or ``appcheck.toml``.

The command line looks for one from the current directory upwards (first match wins; in one
directory ``appcheck.toml`` before ``pyproject.toml``, and a ``pyproject.toml`` only counts when it has
a ``[tool.appcheck]`` table); ``--config FILE`` names one and ``--no-config`` ignores them. The
Python API reads no file unless asked: :func:`load` reads one, :func:`find` says which one the
command line would read.

Keys (every one optional): ``settings`` (a table of call settings), ``lang`` (``zh``/``en``),
``format`` (a report format), ``jobs`` (a whole number or ``"auto"``), ``strict`` (a boolean),
``as_of`` (a date), ``exclude`` (a list of globs), ``waivers`` (a list of tables, see
:mod:`appcheck.waivers`) and ``serve`` (a table of ``appcheck serve``'s address and limits: ``host``,
``port``, ``max_bytes``, ``max_depth``, ``max_bundles``, ``max_concurrent``). An unknown key, a value of the wrong type or an unknown setting raises
:class:`ConfigError`, which names the file, the line and what is accepted.

Command-line flags override the file, which overrides the defaults: :func:`resolve` works out the
values in effect and where each one came from (what ``appcheck config`` prints).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs


def _tomllib():
    """The TOML parser, imported when a file is first read (a run without a configuration file needs none)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    return tomllib

#: the file names looked for in each directory, in this order
NAMES = ("appcheck.toml", "pyproject.toml")
KEYS = ("settings", "lang", "format", "jobs", "strict", "as_of", "exclude", "waivers", "serve")
#: the keys of the ``serve`` table: ``appcheck serve``'s address and limits (each a whole number, 1 or more, but ``host``)
SERVE_KEYS = ("host", "port", "max_bytes", "max_depth", "max_bundles", "max_concurrent")
LANGS = ("zh", "en")
#: the defaults of the keys a flag can also set
DEFAULTS: dict[str, Any] = {"lang": "zh", "format": "text", "jobs": "auto", "strict": False, "as_of": None}

DEFAULT = "default"
COMMAND_LINE = "command line"


class ConfigError(ValueError):
    """A configuration file that cannot be used: the file, the line and what is wrong (and accepted)."""

    def __init__(self, file: str | os.PathLike, line: int | None, message: str) -> None:
        self.file = os.fspath(file)
        self.line = line
        self.message = message
        super().__init__(f"{self.file}:{line}: {message}" if line else f"{self.file}: {message}")


@attrs.frozen
class Config:
    """What one configuration file says: only the keys it sets are in ``values``.

    ``lines`` gives, for each key it sets (and each setting, as ``"settings.NAME"``), the line it is
    on; ``base`` is the directory ``exclude`` globs are relative to.
    """

    path: Path
    values: Mapping[str, Any] = attrs.field(factory=dict)
    lines: Mapping[str, int] = attrs.field(factory=dict)

    @property
    def base(self) -> Path:
        return self.path.parent

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)

    @property
    def settings(self) -> dict[str, Any]:
        return dict(self.values.get("settings", {}))

    @property
    def waivers(self) -> tuple:
        return tuple(self.values.get("waivers", ()))

    @property
    def exclude(self) -> tuple[str, ...]:
        return tuple(self.values.get("exclude", ()))

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


# -- finding the file -----------------------------------------------------------------------------


def _has_table(path: Path) -> bool:
    """True when ``path`` (a pyproject.toml) has a ``[tool.appcheck]`` table; a file that cannot be
    parsed is taken (so that :func:`load` reports what is wrong with it rather than skipping it).

    A file in which ``appcheck`` is not written has no such table, and is not parsed: a TOML key is
    written out as it is, unless it is a quoted key with escapes (so a file with a backslash is parsed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return _names_table(path)
    if "appcheck" not in text and "\\" not in text:
        return False
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return _names_table(path)
    tool = data.get("tool")
    return isinstance(tool, dict) and "appcheck" in tool


def _names_table(path: Path) -> bool:
    """Whether a pyproject.toml that cannot be read as TOML names the table (then it is taken)."""
    return "[tool.appcheck" in path.read_text(encoding="utf-8", errors="replace") if path.is_file() else False


def find(start: str | os.PathLike | None = None) -> Path | None:
    """The configuration file the command line reads from ``start`` (default: the current directory):
    the first ``appcheck.toml``, or ``pyproject.toml`` with ``[tool.appcheck]``, from there upwards."""
    folder = Path(start if start is not None else os.getcwd()).absolute()
    for directory in (folder, *folder.parents):
        for name in NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


# -- where a key is -------------------------------------------------------------------------------

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"' + r"|'[^']*'"
_PART = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
# compiled when a file is first read (a run without a configuration file needs neither)
_HEADER = rf"^\s*(\[\[|\[)\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$"
_ASSIGN = rf"^\s*({_DOTTED})\s*="


def _parts(dotted: str) -> tuple[str, ...]:
    parts = []
    for match in re.finditer(_PART, dotted):
        text = match.group(0)
        if text.startswith('"'):
            try:
                text = json.loads(text)
            except ValueError:
                text = text[1:-1]
        elif text.startswith("'"):
            text = text[1:-1]
        parts.append(text)
    return tuple(parts)


def _lines(text: str) -> dict[tuple, int]:
    """The line of each table header and key assignment, by its full path (an array of tables' entries
    have their index in the path). A simple scan, used only to say where a problem is."""
    found: dict[tuple, int] = {}
    counts: dict[tuple, int] = {}
    table: tuple = ()
    header_pattern, assign_pattern = re.compile(_HEADER), re.compile(_ASSIGN)
    for number, line in enumerate(text.splitlines(), 1):
        header = header_pattern.match(line)
        if header:
            path = _parts(header.group(2))
            if header.group(1) == "[[":
                index = counts.get(path, 0)
                counts[path] = index + 1
                path = (*path, index)
            table = path
            found.setdefault(table, number)
            continue
        assign = assign_pattern.match(line)
        if assign:
            found.setdefault((*table, *_parts(assign.group(1))), number)
    return found


class _Place:
    """The line of a value in the file, found from its path (the nearest enclosing one known)."""

    def __init__(self, path: Path, text: str, prefix: tuple) -> None:
        self.path = path
        self._found = _lines(text)
        self._prefix = prefix

    def line(self, *keys: Any) -> int | None:
        full = tuple(key for key in (*self._prefix, *keys) if key is not None)
        while full:
            if full in self._found:
                return self._found[full]
            inside = [line for path, line in self._found.items() if path[: len(full)] == full]
            if inside:  # a table written as dotted keys or sub-tables
                return min(inside)
            full = full[:-1]
        return None

    def error(self, message: str, *keys: Any) -> ConfigError:
        return ConfigError(self.path, self.line(*keys), message)


# -- reading the file -----------------------------------------------------------------------------


def _toml_error(path: Path, error: Exception) -> ConfigError:
    line = getattr(error, "lineno", None)
    message = getattr(error, "msg", None) or str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
    if found:
        line = line or int(found.group(1))
        message = message if getattr(error, "msg", None) else str(error)[: found.start()].strip()
    return ConfigError(path, line, f"not valid TOML: {message}")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return f"the text {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _one_of(key: str, value: Any, accepted: tuple, place: _Place) -> str:
    if isinstance(value, str) and value in accepted:
        return value
    raise place.error(f"{key} is one of {', '.join(json.dumps(a) for a in accepted)}, not {_kind(value)}", key)


def _jobs(value: Any, place: _Place) -> int | str:
    if value == "auto" or (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
        return value
    raise place.error(f'jobs is a whole number of processes, 1 or more, or "auto", not {_kind(value)}', "jobs")


def date_value(value: Any) -> dt.date | None:
    """A TOML date (``2025-10-31``) or the text ``"2025-10-31"`` as a date; None for anything else
    (a date and time included)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _as_of(value: Any, place: _Place) -> dt.date:
    found = date_value(value)
    if found is not None:
        return found
    raise place.error(f"as_of is a date (as_of = 2025-10-31, or the text \"2025-10-31\"), not {_kind(value)}", "as_of")


def _exclude(value: Any, place: _Place) -> tuple[str, ...]:
    if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
        return tuple(value)
    raise place.error(f'exclude is an array of globs (exclude = ["drafts/*", "*.bak.json"]), not {_kind(value)}', "exclude")


def check_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The settings converted as the engine converts them; ``ValueError`` (from the one place that
    knows the calls' settings, :func:`appcheck.topics.resolve_settings`) for an unknown name or value."""
    if not settings:  # nothing to check: no call's module is imported (a bundle's own call is, when it is checked)
        return {}
    from . import topics

    resolved = topics.resolve_settings(settings)
    return {name: resolved[name] for name in settings}


def _settings(value: Any, place: _Place) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise place.error(f'settings is a table of call settings ("zj-2026.domestic_deadline" = 2025-10-31), not {_kind(value)}', "settings")
    checked = {}
    for name, item in value.items():
        if isinstance(item, dict):  # a dotted name written unquoted: settings.zj-2026.domestic_deadline
            raise place.error(f'settings names are quoted ("{name}.…" = …): {name!r} holds a table', "settings", name)
        try:
            checked.update(check_settings({name: item}))
        except ValueError as error:
            text = str(error) if name in str(error) else f"{name!r}: {error}"
            raise place.error(f"settings: {text}", "settings", name) from None
    return checked


def _waivers(value: Any, place: _Place) -> tuple:
    from . import waivers

    if not isinstance(value, list):
        raise place.error(f"waivers is an array of tables ([[waivers]], or [[tool.appcheck.waivers]] in pyproject.toml), not {_kind(value)}", "waivers")
    parsed = []
    for index, entry in enumerate(value):
        where = f"{place.path}:{place.line('waivers', index) or '?'}"
        try:
            parsed.append(waivers.Waiver.from_mapping(entry, origin=where, base=place.path.absolute().parent))
        except ValueError as error:
            raise place.error(f"waivers[{index}]: {error}", "waivers", index, getattr(error, "key", None)) from None
    return tuple(parsed)


def _serve(value: Any, place: _Place) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise place.error(f"serve is a table ([serve], or [tool.appcheck.serve] in pyproject.toml), not {_kind(value)}", "serve")
    for key, item in value.items():
        if key not in SERVE_KEYS:
            raise place.error(f"serve: unknown key {key!r}; accepted: {', '.join(SERVE_KEYS)}", "serve", key)
        if key == "host":
            if not isinstance(item, str) or not item.strip():
                raise place.error(f'serve.host is an address to listen on (host = "127.0.0.1"), not {_kind(item)}', "serve", key)
        elif isinstance(item, bool) or not isinstance(item, int) or item < 1:
            raise place.error(f"serve.{key} is a whole number, 1 or more, not {_kind(item)}", "serve", key)
    return dict(value)


_PARSE = {
    "settings": _settings,
    "serve": _serve,
    "lang": lambda value, place: _one_of("lang", value, LANGS, place),
    "format": lambda value, place: _one_of("format", value, _formats(), place),
    "jobs": _jobs,
    "as_of": _as_of,
    "exclude": _exclude,
    "waivers": _waivers,
}


def _formats() -> tuple:
    from .reporters import FORMATS

    return tuple(FORMATS)


def _strict(value: Any, place: _Place) -> bool:
    if isinstance(value, bool):
        return value
    raise place.error(f"strict is true or false, not {_kind(value)}", "strict")


_PARSE["strict"] = _strict


def load(path: str | os.PathLike) -> Config:
    """Read one configuration file (``pyproject.toml`` with ``[tool.appcheck]``, or a file whose top
    level holds the keys, such as ``appcheck.toml``); :class:`ConfigError` for anything wrong in it."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise ConfigError(path, None, f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise ConfigError(path, text_line(path.read_bytes(), error.start), "is not UTF-8") from None
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(path, error) from None
    prefix: tuple = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "appcheck")
        tool = data.get("tool", {})
        table = tool.get("appcheck", {}) if isinstance(tool, dict) else {}
    else:
        table = data
    place = _Place(path, text, prefix)
    if not isinstance(table, dict):
        raise place.error(f"[tool.appcheck] is a table, not {_kind(table)}")
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise place.error(f"unknown key {key!r}; accepted: {', '.join(KEYS)}", key)
        values[key] = _PARSE[key](value, place)
        lines[key] = place.line(key) or 0
    for name in values.get("settings", {}):
        lines[f"settings.{name}"] = place.line("settings", name) or 0
    return Config(path.absolute(), values, lines)


def text_line(data: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset`` in ``data``."""
    return data.count(b"\n", 0, offset) + 1


# -- the values in effect -------------------------------------------------------------------------


@attrs.frozen
class Value:
    """A value in effect and where it came from: ``"default"``, ``"command line"`` or ``FILE:LINE``."""

    value: Any
    source: str

    @property
    def is_default(self) -> bool:
        return self.source == DEFAULT


@attrs.frozen
class Effective:
    """The configuration in effect for one run: each key's :class:`Value`, and each setting's."""

    file: Path | None
    values: Mapping[str, Value]
    settings: Mapping[str, Value]
    waivers: tuple = ()

    @property
    def exclude(self) -> tuple:
        return tuple(self.values["exclude"].value) if "exclude" in self.values else ()

    def __getitem__(self, key: str) -> Any:
        return self.values[key].value

    def setting_values(self) -> dict[str, Any] | None:
        """The settings given (by a flag or the file) as the engine takes them; None when none is."""
        return {name: value.value for name, value in sorted(self.settings.items())} or None

    def all_settings(self, calls: Iterable[str] | None = None) -> dict[str, Value]:
        """Every setting in effect, the defaults included (of ``calls`` only, when given), by name."""
        from . import topics

        if calls is None:
            defaults = topics.resolve_settings({})
        else:
            defaults = {s.name: s.default for call_id in sorted(set(calls)) if topics.call(call_id) for s in topics.call(call_id).settings}
        every = {name: Value(value, DEFAULT) for name, value in defaults.items()}
        every.update(self.settings)
        return dict(sorted(every.items()))

    def excluded(self, path: str) -> bool:
        """True when the file ``path`` matches an ``exclude`` glob: the glob is matched (``*`` also
        across ``/``) against the path relative to the configuration file's directory, and against
        the path as given."""
        if not self.exclude:
            return False
        names = {Path(path).as_posix()}
        if self.file is not None:
            try:
                names.add(Path(os.path.abspath(path)).relative_to(self.file.parent).as_posix())
            except ValueError:
                pass
        return any(fnmatch.fnmatchcase(name, glob) for name in names for glob in self.exclude)

    def to_dict(self) -> dict:
        from .model import dumps, jsonable

        return {
            "file": str(self.file) if self.file else None,
            "values": {key: {"value": jsonable(value.value), "source": value.source} for key, value in self.values.items()},
            "settings": {name: {"value": jsonable(value.value), "source": value.source} for name, value in self.all_settings().items()},
            "waivers": [waiver.to_dict() for waiver in self.waivers],
        }


def resolve(file: Config | None, flags: Mapping[str, Any] | None = None) -> Effective:
    """The values in effect: a flag given (not None) wins over the file, which wins over the default.

    ``flags`` holds the command line's values of ``lang``, ``format``, ``jobs``, ``strict``, ``as_of``
    (None where not given) and ``settings`` (a mapping, merged over the file's name by name).
    ``ValueError`` for an unknown setting or value given as a flag.
    """
    flags = dict(flags or {})
    values = {}
    for key, default in DEFAULTS.items():
        if flags.get(key) is not None:
            values[key] = Value(flags[key], COMMAND_LINE)
        elif file is not None and key in file.values:
            values[key] = Value(file.values[key], file.where(key))
        else:
            values[key] = Value(default, DEFAULT)
    values["exclude"] = Value(file.exclude, file.where("exclude")) if file is not None and file.exclude else Value((), DEFAULT)
    given = check_settings(flags.get("settings") or {})
    from_file = file.settings if file is not None else {}
    settings = {name: Value(value, file.where(f"settings.{name}")) for name, value in from_file.items() if name not in given}
    settings.update((name, Value(value, COMMAND_LINE)) for name, value in given.items())
    return Effective(file.path if file is not None else None, values, settings, file.waivers if file is not None else ())


def render(effective: Effective) -> str:
    """``appcheck config``: the configuration in effect as TOML-like lines, each with its source."""
    from .model import dumps, jsonable

    def show(value: Any) -> str:
        if value is None:
            return "(unset)"
        if isinstance(value, dt.date):
            return value.isoformat()
        return dumps(jsonable(value))

    lines = [f"# configuration file: {effective.file if effective.file else '(none)'}"]
    rows = [(key, value) for key, value in effective.values.items()]
    rows += [(f'settings."{name}"', value) for name, value in effective.all_settings().items()]
    width = max(len(f"{key} = {show(value.value)}") for key, value in rows)
    for key, value in rows:
        left = f"{key} = {show(value.value)}"
        lines.append(f"{left.ljust(width)}  # {value.source}")
    lines.append(f"# waivers: {len(effective.waivers)}")
    for waiver in effective.waivers:
        lines.append(f"#   {waiver.describe()}")
    return "\n".join(lines) + "\n"
