"""Reference lists the guidelines name only by reference (country groups), shipped as data files.

Each file in ``data/countries/`` states its source and date; see that folder's README.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import attrs


@attrs.frozen
class CountryList:
    id: str
    title: str
    title_en: str
    source: str
    as_of: str
    countries: frozenset

    def __contains__(self, code: object) -> bool:
        return code in self.countries


def _folder():
    """The folder of the shipped lists; importlib.resources (slower to import) only for a zipped install."""
    folder = Path(__file__).with_name("data") / "countries"
    if folder.is_dir():
        return folder
    from importlib import resources

    return resources.files("appcheck").joinpath("data", "countries")


@lru_cache(maxsize=None)
def country_list(list_id: str) -> CountryList:
    """Load a shipped country list by id (``asean``, ``belt_and_road``, ``un_developing`` ...)."""
    path = _folder().joinpath(f"{list_id}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return CountryList(data["id"], data["title"], data["title_en"], data["source"], data["as_of"], frozenset(data["countries"]))


def known_lists() -> tuple[str, ...]:
    folder = _folder()
    return tuple(sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".json")))
