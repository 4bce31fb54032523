"""One reporter per output format: ``render(batch, options) -> str``.

Reporters turn a :class:`~appcheck.model.BatchReport` into text; they never print, exit or read files.
"""

from __future__ import annotations

import importlib

import attrs

FORMATS = ("text", "json", "sarif", "junit", "github")


@attrs.frozen
class Options:
    lang: str = attrs.field(default="zh", validator=attrs.validators.in_(("zh", "en")))
    color: bool = False
    strict: bool = False
    verbose: bool = False


def reporter(name: str):
    """The module rendering format ``name`` (imported only when used)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; formats: {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{name}_format" if name == "json" else f"{__name__}.{name}")


def message(finding, lang: str) -> str:
    return finding.message_en if lang == "en" and finding.message_en else finding.message
