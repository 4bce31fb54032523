"""Reference lists the guidelines name only by reference (country groups), shipped as data files.

Each file in ``data/countries/`` states its source and date; see that folder's README.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

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


@lru_cache(maxsize=None)
def country_list(list_id: str) -> CountryList:
    """Load a shipped country list by id (``asean``, ``belt_and_road``, ``un_developing`` ...)."""
    path = resources.files("appcheck").joinpath("data", "countries", f"{list_id}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return CountryList(data["id"], data["title"], data["title_en"], data["source"], data["as_of"], frozenset(data["countries"]))


def known_lists() -> tuple[str, ...]:
    folder = resources.files("appcheck").joinpath("data", "countries")
    return tuple(sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".json")))
