"""Checks on the country-list data files in src/appcheck/data/countries.

The files are read directly with ``json`` (nothing is imported from appcheck), so
these tests check the data as shipped, whatever code consumes it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).parents[1] / "src/appcheck/data/countries"

# All 249 officially assigned ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance
# Agency; same set as Debian iso-codes 4.15). XK (Kosovo) and other
# user-assigned or reserved codes are deliberately absent.
ISO_3166_1_ALPHA2 = frozenset(
    """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
        BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
        BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
        CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
        EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
        GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
        HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM
        JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
        LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
        ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
        NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG
        PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS
        ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
        TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
        VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

EXPECTED_IDS = {"asean", "brics", "arab_league", "europe", "un_developing", "belt_and_road"}
REQUIRED_KEYS = ("id", "title", "title_en", "source", "source_url", "as_of", "notes", "countries")
CODE_RE = re.compile(r"^[A-Z]{2}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ValueError(f"duplicate keys: {dupes}")
    return dict(pairs)


def load(list_id: str) -> dict:
    path = DATA_DIR / f"{list_id}.json"
    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)


def is_iso_date(value: str) -> bool:
    if not isinstance(value, str) or not DATE_RE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


ALL_IDS = sorted(EXPECTED_IDS)


def test_iso_reference_set_is_complete():
    assert len(ISO_3166_1_ALPHA2) == 249
    assert all(CODE_RE.match(c) for c in ISO_3166_1_ALPHA2)
    assert "XK" not in ISO_3166_1_ALPHA2


def test_exactly_the_expected_files_are_shipped():
    assert {p.stem for p in DATA_DIR.glob("*.json")} == EXPECTED_IDS
    assert (DATA_DIR / "README.md").is_file()


@pytest.mark.parametrize("list_id", ALL_IDS)
def test_file_has_all_keys_with_the_right_types(list_id):
    doc = load(list_id)
    assert isinstance(doc, dict)
    missing = [k for k in REQUIRED_KEYS if k not in doc]
    assert not missing, f"{list_id}: missing keys {missing}"
    assert doc["id"] == list_id
    for key in REQUIRED_KEYS[:-1]:
        assert isinstance(doc[key], str) and doc[key].strip(), f"{list_id}: {key} is empty"
    assert doc["source_url"].startswith("https://")
    assert isinstance(doc["countries"], dict) and doc["countries"]


@pytest.mark.parametrize("list_id", ALL_IDS)
def test_as_of_is_an_iso_date_not_in_the_future(list_id):
    doc = load(list_id)
    assert is_iso_date(doc["as_of"]), doc["as_of"]
    assert dt.date.fromisoformat(doc["as_of"]) <= dt.date.today()


@pytest.mark.parametrize("list_id", ALL_IDS)
def test_country_codes_are_valid_iso_3166_1_alpha2(list_id):
    countries = load(list_id)["countries"]
    bad_form = [c for c in countries if not CODE_RE.match(c)]
    assert not bad_form, bad_form
    unknown = sorted(set(countries) - ISO_3166_1_ALPHA2)
    assert not unknown, f"{list_id}: not ISO 3166-1 alpha-2: {unknown}"


@pytest.mark.parametrize("list_id", ALL_IDS)
def test_country_names_are_bilingual(list_id):
    for code, name in load(list_id)["countries"].items():
        assert isinstance(name, str)
        zh, sep, en = name.partition(" / ")
        assert sep and zh.strip() and en.strip(), f"{list_id}: {code}: {name!r}"


@pytest.mark.parametrize("list_id", ALL_IDS)
def test_no_duplicates(list_id):
    doc = load(list_id)  # duplicate object keys raise in load()
    names = list(doc["countries"].values())
    assert len(names) == len(set(names)), f"{list_id}: duplicate names"
    for date, members in doc.get("members_by_date", {}).items():
        assert len(members) == len(set(members)), f"{list_id} {date}: duplicate codes"


@pytest.mark.parametrize("list_id", ["asean", "brics", "belt_and_road"])
def test_members_by_date_is_consistent(list_id):
    doc = load(list_id)
    assert "members_by_date" in doc
    by_date = doc["members_by_date"]
    assert isinstance(by_date, dict) and by_date
    dates = list(by_date)
    assert all(is_iso_date(d) for d in dates), dates
    assert dates == sorted(dates), "keys must be in chronological order"
    for date, members in by_date.items():
        assert isinstance(members, list) and members
        unknown = sorted(set(members) - ISO_3166_1_ALPHA2)
        assert not unknown, f"{list_id} {date}: {unknown}"
    latest = by_date[dates[-1]]
    assert set(latest) == set(doc["countries"]), "latest membership must equal countries"
    assert dates[-1] <= doc["as_of"]


def members_on(doc: dict, day: str) -> set[str]:
    dates = [d for d in doc["members_by_date"] if d <= day]
    assert dates, f"no membership entry on or before {day}"
    return set(doc["members_by_date"][max(dates)])


# ---------------------------------------------------------------- per list


def test_asean():
    doc = load("asean")
    assert len(doc["countries"]) == 11
    ten = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}
    assert set(doc["countries"]) == ten | {"TL"}
    assert members_on(doc, "2022-06-01") == ten
    assert members_on(doc, "2026-01-01") == ten | {"TL"}
    assert "2025-10-26" in doc["members_by_date"]


def test_brics():
    doc = load("brics")
    assert len(doc["countries"]) == 10
    founders = {"BR", "RU", "IN", "CN", "ZA"}
    assert members_on(doc, "2022-01-01") == founders
    assert members_on(doc, "2024-06-01") == founders | {"EG", "ET", "IR", "AE"}
    assert members_on(doc, "2026-01-01") == founders | {"EG", "ET", "IR", "AE", "ID"}
    assert "SA" not in doc["countries"]  # invited, never formally joined (see notes)
    assert "AR" not in doc["countries"]  # declined the invitation


def test_arab_league():
    doc = load("arab_league")
    assert len(doc["countries"]) == 22
    assert {"PS", "SY", "KM", "DJ", "SO", "MR"} <= set(doc["countries"])


def test_europe():
    countries = set(load("europe")["countries"])
    assert len(countries) == 52  # UN M49 region 150 (51 ISO codes) + Cyprus
    assert {"CY", "RU", "GB", "CH", "NO", "VA", "SM", "LI", "MC", "AD", "MK", "CZ"} <= countries
    assert not countries & {"TR", "GE", "AM", "AZ", "KZ", "GL", "US", "XK"}


def test_un_developing():
    countries = set(load("un_developing")["countries"])
    assert len(countries) == 182
    assert {"CN", "IN", "BR", "ZA", "KR", "SG", "TR", "PS"} <= countries
    assert "CN" in countries  # kept on purpose; callers exclude mainland China themselves
    developed = {"US", "CA", "JP", "IL", "CY", "AU", "NZ", "DE", "RU", "GB"}
    assert not countries & developed
    assert not countries & {"TW", "AQ"}
    assert not countries & set(load("europe")["countries"])


def test_belt_and_road():
    doc = load("belt_and_road")
    countries = set(doc["countries"])
    assert "CN" not in countries
    for date, members in doc["members_by_date"].items():
        assert "CN" not in members, date
    assert len(countries) == 152
    # The official count announced on 2023-08-24 was 152 countries.
    assert len(members_on(doc, "2023-08-24")) == 152
    assert {"IT", "PA"} <= members_on(doc, "2023-08-24")
    assert not {"IT", "PA"} & countries
    assert {"NR", "CO"} <= countries
    by_continent = doc["by_continent"]
    flat = [c for codes in by_continent.values() for c in codes]
    assert len(flat) == len(set(flat))
    assert set(flat) == countries
    assert len(by_continent["Africa"]) == 52
    assert not countries & {"SZ", "MU", "IN", "JP", "US", "TW"}
