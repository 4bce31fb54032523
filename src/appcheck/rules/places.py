"""Rules about where the partners are: place names, regions and country lists (the zj and most calls)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

import attrs

from ..converters import to_frozenset, to_tuple
from .base import MISSING, Context, Org, Outcome, failed, passed_saying, pattern, plural, review, shown, shown_en
from .base import as_date as _as_date
from .base import months_before as _months_before
from .parties import Orgs, _fmt, _fs, _org_summary

# ----------------------------------------------------------------------------- places and country lists (zj calls)

_PLACE_PUNCTUATION = r"[\s\-‐‑–—_.,;:·'\"“”‘’()（）\[\]【】/&]+"


@lru_cache(maxsize=4096)  # the places' names are folded on every check
def fold_place(name: str) -> str:
    """A place name folded for comparison: NFKC, case-folded, without spaces and punctuation."""
    return pattern(_PLACE_PUNCTUATION).sub("", unicodedata.normalize("NFKC", name).casefold())


def _codes(instance, attribute, value) -> None:
    if not all(isinstance(code, str) and code for code in value):
        raise ValueError(f"Region.{attribute.name} must hold non-empty strings")


#: what separates the place names of a locality: commas and 、 first; spaces where there are none
#: (the patterns of this module are compiled on first use: :func:`appcheck.rules.base.pattern`)
_MAJOR_SEPARATORS = r"[,，、]"
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HAN_ONLY = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"

#: the suffixes of China's administrative divisions, county level and above: a place name written with
#: one of them, or without it, is the same place (阿克苏地区 and 阿克苏, 库车县 and 库车市)
COUNTY_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
    "省", "市", "州", "盟", "县", "区", "旗",
)
#: the suffixes of townships and subdistricts: they end a place name in a run of text, but a town is
#: its own place (a town named like a county may lie anywhere)
TOWN_SUFFIXES = ("街道", "镇", "乡")
_SUFFIXES = tuple(sorted(COUNTY_SUFFIXES + TOWN_SUFFIXES, key=len, reverse=True))
#: words that make the name before them a street's, a square's or a building's (阿克苏路, 涪陵饭店,
#: 阿克苏市场): no place name ends before them
_STREET_WORDS = ("路", "大街", "街", "大道", "道", "巷", "弄", "胡同", "广场", "场", "大厦", "大楼", "饭店", "宾馆", "酒店", "公园")
#: what may stand between a name and a street word (西藏中路, 阿克苏东路, 四川北路, 北京一路)
_STREET_PREFIXES = tuple("东西南北中一二三四五六七八九十")
#: characters that are part of the name when a county-level suffix follows them (泸州市, 万州区, 红旗区, 萍乡市)
_NAME_CHARACTERS = ("州", "旗", "乡", "镇")
#: China, its provinces and provincial-level divisions, by full and short name: read as whole place
#: names at the start of a run of text, so ``新疆阿克苏地区`` is 新疆 and 阿克苏地区
PROVINCES = (
    "中华人民共和国", "中国",
    "北京市", "北京", "天津市", "天津", "上海市", "上海", "重庆市", "重庆",
    "河北省", "河北", "山西省", "山西", "辽宁省", "辽宁", "吉林省", "吉林", "黑龙江省", "黑龙江",
    "江苏省", "江苏", "浙江省", "浙江", "安徽省", "安徽", "福建省", "福建", "江西省", "江西", "山东省", "山东",
    "河南省", "河南", "湖北省", "湖北", "湖南省", "湖南", "广东省", "广东", "海南省", "海南",
    "四川省", "四川", "贵州省", "贵州", "云南省", "云南", "陕西省", "陕西", "甘肃省", "甘肃", "青海省", "青海",
    "台湾省", "台湾", "内蒙古自治区", "内蒙古", "广西壮族自治区", "广西", "西藏自治区", "西藏",
    "宁夏回族自治区", "宁夏", "新疆维吾尔自治区", "新疆", "香港特别行政区", "香港", "澳门特别行政区", "澳门",
)


def _may_end(run: str, end: int) -> bool:
    """Whether a place name may end at ``end`` of ``run``: not before a street or building word, and
    not between a name character and the county-level suffix that completes it (泸州|市)."""
    if end >= len(run):
        return True
    if _names_a_street(run[end:]):
        return False
    return not (run[end - 1] in _NAME_CHARACTERS and run[end] in "市区县")


def _names_a_street(rest: str) -> bool:
    """Whether ``rest`` begins with a street or building word, maybe after one direction or number."""
    if rest.startswith(_STREET_PREFIXES):
        rest = rest[1:] if rest[1:].startswith(_STREET_WORDS) else rest
    return rest.startswith(_STREET_WORDS) and not rest.startswith("街道")


def _suffix_at(run: str, start: int) -> str:
    """The longest division suffix that ``run`` has at ``start`` (or "")."""
    return next((suffix for suffix in _SUFFIXES if run.startswith(suffix, start)), "")


def _known_at(run: str, start: int, known: tuple[str, ...]) -> int | None:
    """The end of the longest known name at ``start`` that is a whole place name there: a name with a
    division suffix (阿克苏地区, 万州), or a bare one (阿克苏, 新疆) followed by the end, by a division
    suffix (阿克苏 + 地区), by another known name (新疆 + 阿克苏地区) or by a division name whose stem
    names no street (广西 + 梧州市, not 阿克苏 + 东路街道); never before a street word."""
    for name in known:
        if not run.startswith(name, start):
            continue
        end = start + len(name)
        if name.endswith(_SUFFIXES) or end == len(run):
            if _may_end(run, end):
                return end
            continue
        suffix = _suffix_at(run, end)
        if suffix and _may_end(run, end + len(suffix)):
            return end + len(suffix)
        if not suffix and (any(run.startswith(other, end) for other in known) or _division_follows(run, end)):
            return end
    return None


def _division_at(run: str, start: int) -> int | None:
    """The end of the shortest division name at ``start``: a stem of one character or more and a
    division suffix (乌鲁木齐市, 温宿县, 市中区), where a name may end."""
    for end in range(start + 2, len(run) + 1):
        if any(run.endswith(suffix, start, end) and end - len(suffix) > start for suffix in _SUFFIXES) and _may_end(run, end):
            return end
    return None


def _division_follows(run: str, start: int) -> bool:
    """Whether a division name whose stem holds no street word begins at ``start``."""
    end = _division_at(run, start)
    if end is None:
        return False
    name = run[start:end]
    stem = name[: -len(next(suffix for suffix in _SUFFIXES if name.endswith(suffix)))]
    return not any(word in stem for word in _STREET_WORDS)


@lru_cache(maxsize=256)
def _known_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The Chinese names of ``names`` and the provinces, folded, longest first."""
    folded = {fold_place(name) for name in (*names, *PROVINCES)}
    return tuple(sorted((name for name in folded if pattern(_HAN_ONLY).fullmatch(name)), key=lambda name: (-len(name), name)))


@lru_cache(maxsize=1024)  # an organization's locality is read by every region rule, on every check
def _segments(run: str, names: tuple[str, ...]) -> tuple[str, ...]:
    run = fold_place(run)
    known = _known_names(names)
    segments, start = [], 0
    while start < len(run):
        end = _known_at(run, start, known) or _division_at(run, start) or len(run)
        segments.append(run[start:end])
        start = end
    return tuple(segments)


def segment_run(run: str, names: Iterable[str] = ()) -> tuple[str, ...]:
    """A run of Chinese text read as the administrative place names it is made of, in order.

    At each place, the longest known name (one of ``names``, or a province) that is a whole place name
    there comes first; otherwise the shortest division name (a stem and a suffix of :data:`COUNTY_SUFFIXES`
    or :data:`TOWN_SUFFIXES`); otherwise the rest is one name (a street, a building). No name ends before
    a street or building word. ``"阿克苏地区温宿县"`` is ``阿克苏地区`` and ``温宿县``; ``"乌鲁木齐市阿克苏路"``
    is ``乌鲁木齐市`` and ``阿克苏路``."""
    return _segments(run, tuple(names))


def _stem(name: str) -> str | None:
    """A division name without its county-level suffix (阿克苏地区 → 阿克苏), or None."""
    suffix = next((suffix for suffix in COUNTY_SUFFIXES if name.endswith(suffix) and len(name) > len(suffix)), None)
    return name[: -len(suffix)] if suffix else None


def place_names(locality: str, names: Iterable[str] = ()) -> tuple[str, ...]:
    """The whole place names a locality is read as: the whole locality, its parts, and the place names
    each part of Chinese text is made of.

    A locality with commas or 、 is split there only (``"Leicester Square, London"`` is ``Leicester
    Square`` and ``London``, and ``Leicester Square`` stays one name); one without is split at spaces
    (``"阿克苏地区 温宿县"``, ``"Wanzhou District"``). A part in Chinese is read further as the sequence of
    administrative place names it is written as (:func:`segment_run`, knowing ``names``), each also
    without its county-level suffix: ``"新疆阿克苏地区温宿县"`` is ``新疆``, ``阿克苏地区`` (and ``阿克苏``)
    and ``温宿县`` (and ``温宿``), while ``"乌鲁木齐市阿克苏路"`` is ``乌鲁木齐市`` and ``阿克苏路``, never
    ``阿克苏``. Latin-script parts are never split inside."""
    major = [part for part in pattern(_MAJOR_SEPARATORS).split(locality) if part.strip()]
    parts = major if len(major) > 1 else locality.split()
    read = [locality, *parts]
    for part in parts:
        if pattern(_HAN).search(part):
            for segment in segment_run(part, names):
                stem = _stem(segment) if pattern(_HAN).search(segment) else None
                read.extend((segment, stem) if stem else (segment,))
    return tuple(read)


@attrs.frozen(slots=False)
class Region:
    """A region the guideline names: by ISO 3166-2 codes that place an organization there by
    themselves, and by locality names (Chinese, English, pinyin) read from ``locality``.

    A given ``subdivision`` decides: one of ``codes`` places the organization in the region; any other
    code places it outside, whatever ``locality`` says, unless it is one of ``within``, the codes that
    enclose the region (CN-XJ for Aksu, GB-ENG for the Midlands): there, and where no subdivision is
    given, the locality decides. Locality names match as whole place names (:func:`place_names`,
    which reads run-together Chinese addresses as their administrative place names), folded for case,
    width, spaces and punctuation, never as part of a longer name.
    """

    name: str
    name_en: str
    country: str
    codes: frozenset = attrs.field(default=frozenset(), converter=to_frozenset, validator=_codes)
    names: tuple = attrs.field(default=(), converter=to_tuple, validator=_codes)
    within: frozenset | None = attrs.field(default=None, converter=_fs)

    def __attrs_post_init__(self) -> None:
        if not self.codes and not self.names:
            raise ValueError(f"Region {self.name_en}: give codes, names or both")
        if any(not fold_place(name) for name in self.names):
            raise ValueError(f"Region {self.name_en}: a name folds to nothing")

    def locate(self, org: Org) -> str | None:
        """How ``org`` is placed in the region (the code or name that matched), or None."""
        if org.country != self.country:
            return None
        subdivision = org.get("subdivision", MISSING)
        if isinstance(subdivision, str) and subdivision in self.codes:
            return subdivision
        if self.code_decides(org):
            return None
        locality = org.get("locality")
        if not isinstance(locality, str):
            return None
        parts = {fold_place(part) for part in place_names(locality, self.names)}
        return next((name for name in self.names if fold_place(name) in parts), None)

    def code_decides(self, org: Org) -> bool:
        """Whether ``org``'s subdivision alone places it outside the region (its locality unread); one
        that is not a code (null, a number, a list) places it nowhere."""
        subdivision = org.get("subdivision", MISSING)
        if subdivision is MISSING:
            return False
        return not isinstance(subdivision, str) or (subdivision not in self.codes and subdivision not in (self.within or ()))

    def inside_a_longer_name(self, org: Org) -> str | None:
        """A listed name that the locality holds only inside a longer name (for the failure's hint)."""
        locality = org.get("locality")
        if org.country != self.country or not isinstance(locality, str) or self.code_decides(org):
            return None
        folded = fold_place(locality)
        return next((name for name in self.names if fold_place(name) in folded), None)


@attrs.frozen(slots=False)
class PartnerInRegion:
    """A partner (of the roles and kinds given) is located in a named region.

    What it checks:
        Among the partners matching ``orgs``, at least one has ``country`` equal to the region's
        country and either a ``subdivision`` among the region's codes, or a ``locality`` one of whose
        whole place names is one of the region's names (compared case-, width-, space- and
        punctuation-insensitively). A given subdivision decides: a code outside the region fails
        whatever the locality says, unless it is a code that encloses the region (``within``: CN-XJ
        for Aksu, GB-ENG for the Midlands), where the locality decides. Whole place names: the whole
        locality, or its parts separated by commas or 、 (by spaces where there are none), so
        ``"North Northamptonshire"``, ``"Rocester, Staffordshire"``, ``"阿克苏地区 温宿县"`` and
        ``"Aksu Prefecture"`` match, while ``"Leicester Square, London"`` is not Leicester. A part in
        Chinese, written run-together as Chinese addresses are, is read as the administrative place
        names it is made of: the longest of the region's names or a province that is a whole name at
        that point first, otherwise up to the next division suffix (省, 自治区, 特别行政区, 市, 地区,
        自治州, 州, 盟, 县, 自治县, 区, 旗, 自治旗, 林区, 特区, 新区, 镇, 乡, 街道; 州/旗/乡/镇 right
        before 市/区/县 belong to the name, as in 泸州市 and 万州区), and never ending before a street or
        building word (路, 街, 大道, 巷, 广场, 大厦, 饭店…, maybe after 东/西/南/北/中 or a number).
        Each name also counts without a county-level suffix (阿克苏地区 is 阿克苏, 库车县 is 库车; not a
        town's 镇/乡/街道, towns named like a county lie anywhere). So ``"阿克苏地区温宿县"``,
        ``"新疆阿克苏地区库车市"`` and ``"青海省海西州格尔木市"`` match, while ``"乌鲁木齐市阿克苏路"``
        (乌鲁木齐市 and a street, 阿克苏路), ``"阿克苏路"``, ``"那曲大道"`` and ``"涪陵饭店"`` do not. A bare
        name (阿克苏, 新疆) followed by text is a place name only when a division suffix, another known
        name or a division name follows it. A name found only inside a longer name is pointed out in
        the failure. A partner without ``country`` fails as missing input.

    Why:
        英国中部引擎地区……共11个郡 / 帮扶地包括新疆阿克苏地区（含新疆建设兵团农一师）……: the call is
        bound to a region, which ISO codes alone do not always name (prefectures and districts of China
        have no ISO 3166-2 code).

    Failing example:
        ``PartnerInRegion(Orgs(roles={"foreign_partner"}), MIDLANDS)`` with a partner in ``GB-MAN``
        (Manchester), whatever its locality, or in ``GB-ENG`` with the locality ``"Leicester Square, London"``;
        ``PartnerInRegion(Orgs(roles={"local_partner"}), AKSU)`` with ``{"country": "CN", "subdivision":
        "CN-XJ", "locality": "乌鲁木齐市阿克苏路"}`` (a street of Ürümqi).

    Passing example:
        The same rule with ``{"country": "GB", "subdivision": "GB-DER"}`` (Derby) or
        ``{"country": "GB", "subdivision": "GB-ENG", "locality": "West Northamptonshire"}``; the Aksu
        rule with ``{"country": "CN", "subdivision": "CN-XJ", "locality": "新疆阿克苏地区库车市"}``.
    """

    orgs: Orgs
    region: Region

    def check(self, ctx: Context) -> Outcome:
        candidates = [org for org in ctx.partners if self.orgs.matches(ctx, org)]
        places = []
        for org in candidates:
            ctx.country_of(org)
            match = self.region.locate(org)
            if match is not None:  # returned at once: the words read this partner's label, never a later one's
                label = org.label
                return passed_saying(
                    lambda: (f"合作单位 {label} 位于{self.region.name}（{match}）", f"the partner {label} is in {self.region.name_en} ({match})"),
                    org.segments, expected=self.region.name_en, actual=match,
                )
            places.append({"id": org.id, "country": org.country, "subdivision": org.subdivision, "locality": org.get("locality")})
        found = [(shown(p["id"]), " ".join(shown(p[key]) for key in ("country", "subdivision", "locality") if p[key])) for p in places]
        hint_zh = hint_en = ""
        for org in candidates:
            inner = self.region.inside_a_longer_name(org)
            if inner is not None:
                hint_zh = f"（{org.label} 的所在地“{org.get('locality')}”只在更长的地名中含有“{inner}”，不作为该地名；多个地名请以逗号、空格或顿号分隔）"
                hint_en = f" ({org.label}'s locality \"{org.get('locality')}\" holds \"{inner}\" only inside a longer name, which is not that place; separate place names with commas, spaces or 、)"
                break
            if org.country == self.region.country and self.region.code_decides(org) and isinstance(org.get("locality"), str):
                hint_zh = f"（{org.label} 的地区代码 {shown(org.subdivision)} 在该地区以外，所在地名称不再判断）"
                hint_en = f" ({org.label}'s subdivision {shown_en(org.subdivision)} is outside the region, so its locality is not read)"
                break
        want_zh, want_en = self.orgs.describe()
        return failed(
            f"没有位于{self.region.name}的合作单位（{want_zh}）；已列：{'；'.join(f'{i}：{where}' for i, where in found) or '无'}{hint_zh}",
            f"no partner ({want_en}) is in {self.region.name_en}; found: {'; '.join(f'{i}: {where}' for i, where in found) or 'none'}{hint_en}",
            candidates[0].segments if candidates else ("partners",), expected=self.region.name_en, actual=places,
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        codes = "/".join(sorted(self.region.codes))
        return (
            f"至少一家合作单位（{zh}）位于{self.region.name}" + (f"（{codes} 或完整地名）" if codes else "（按完整地名）"),
            f"at least one partner ({en}) is in {self.region.name_en}" + (f" ({codes} or by whole place name)" if codes else " (by whole place name)"),
        )


@attrs.frozen(slots=False)
class PartnerInCountries:
    """A partner is in one of the named countries or shipped country lists.

    What it checks:
        Among the partners matching ``orgs``, at least one has a ``country`` in ``countries`` or in one
        of the shipped lists ``lists`` (``appcheck.reference.country_list``, latest membership), minus
        ``exclude``: passed. Otherwise, when one is in ``review_countries`` (membership disputed) or,
        with ``review_others``, in any other country outside ``exclude`` (a clause ending in 等):
        needs review. Otherwise failed, naming the countries found.

    Why:
        与"一带一路"共建国家…… / 与美国、欧洲等国家…… / 开展与金砖国家、阿拉伯国家相关创新主体的合作研究:
        the guidelines name partner countries by group; the lists ship with their source and date.

    Failing example:
        ``PartnerInCountries(Orgs(roles={"foreign_partner"}), lists=("belt_and_road",))`` with the only
        foreign partner in ``JP``.

    Passing example:
        The same rule with a foreign partner in ``KZ``.
    """

    orgs: Orgs
    countries: frozenset = attrs.field(default=frozenset(), converter=to_frozenset)
    lists: tuple = attrs.field(default=(), converter=to_tuple)
    exclude: frozenset = attrs.field(default=frozenset(), converter=to_frozenset)
    review_countries: frozenset = attrs.field(default=frozenset(), converter=to_frozenset)
    review_others: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.countries and not self.lists:
            raise ValueError("PartnerInCountries needs countries, lists or both")
        for list_id in self.lists:
            _country_list(list_id)  # an unknown list fails when the topic is built

    def allowed(self) -> frozenset:
        return _countries_of(self.countries, self.lists, self.exclude)[0]

    def _wanted(self) -> tuple[str, str]:
        return _countries_of(self.countries, self.lists, self.exclude)[2]

    def check(self, ctx: Context) -> Outcome:
        allowed, ordered, (want_zh, want_en) = _countries_of(self.countries, self.lists, self.exclude)
        candidates = [org for org in ctx.partners if self.orgs.matches(ctx, org)]
        unclear = []
        for org in candidates:
            country = ctx.country_of(org)
            if country in allowed:  # returned at once: the words read this partner's label and country, never a later one's
                label = org.label
                return passed_saying(
                    lambda: (f"合作单位 {label} 位于 {country}，属于{want_zh}", f"the partner {label} is in {country}, one of {want_en}"),
                    org.at("country"), expected=list(ordered), actual=country,
                )
            if country in self.review_countries or (self.review_others and country not in self.exclude):
                unclear.append(org)
        if unclear:
            org = unclear[0]
            return review(
                f"合作单位 {org.label} 位于 {shown(org.country)}，不在所附名单（{want_zh}）中，但条款未穷尽列举或该国成员身份未定，需核实",
                f"the partner {org.label} is in {shown_en(org.country)}, not on the shipped list ({want_en}), but the clause is open or its membership is unsettled: a reviewer must judge",
                org.at("country"), expected=list(ordered), actual=org.country,
            )
        found = sorted({str(org.country) for org in candidates})
        who_zh, who_en = self.orgs.describe()
        return failed(
            f"没有位于{want_zh}的合作单位（{who_zh}）；所列合作单位国家：{'、'.join(found) or '无'}",
            f"no partner ({who_en}) is in {want_en}; partner countries: {', '.join(found) or 'none'}",
            candidates[0].at("country") if candidates else ("partners",), expected=list(ordered), actual=found,
        )

    def describe(self) -> tuple[str, str]:
        zh, en = self._wanted()
        who_zh, who_en = self.orgs.describe()
        extra_zh = "；其他国家需核实" if self.review_others else (f"；{'/'.join(sorted(self.review_countries))} 需核实" if self.review_countries else "")
        extra_en = "; other countries need review" if self.review_others else (f"; {'/'.join(sorted(self.review_countries))} {'needs' if len(self.review_countries) == 1 else 'need'} review" if self.review_countries else "")
        return f"至少一家合作单位（{who_zh}）位于{zh}{extra_zh}", f"at least one partner ({who_en}) is in {en}{extra_en}"


def _country_list(list_id: str):
    from ..reference import country_list

    return country_list(list_id)


@cache  # a rule's countries read the same on every check (the shipped lists are read once)
def _countries_of(countries: frozenset, lists: tuple, exclude: frozenset) -> tuple[frozenset, tuple, tuple[str, str]]:
    """What :class:`PartnerInCountries` accepts: the allowed countries, the same sorted, and how
    messages name them (Chinese, English)."""
    found = set(countries)
    for list_id in lists:
        found |= _country_list(list_id).countries
    allowed = frozenset(found - exclude)
    zh = [*sorted(countries), *(_country_list(i).title for i in lists)]
    en = [*sorted(countries), *(_country_list(i).title_en for i in lists)]
    zh_text, en_text = "、".join(zh), ", ".join(en)
    if exclude:
        zh_text += f"（不含 {'/'.join(sorted(exclude))}）"
        en_text += f" (not {'/'.join(sorted(exclude))})"
    return allowed, tuple(sorted(allowed)), (zh_text, en_text)


@attrs.frozen(slots=False)
class ForeignRDCenter:
    """A partner is an R&D institution set up in China by a foreign Fortune Global 500 company.

    What it checks:
        Some partner has a ``foreign_rd_center`` block, its ``country`` is CN (legally established in
        China), its ``parent_in_global_500`` is true and its ``parent_country`` is not CN (外资: a
        foreign-invested company; HK/MO/TW parents count as outside the mainland). The first partner
        with the block that falls short is named with what it lacks.

    Why:
        与世界500强外资企业在华依法设立的研发机构开展项目研发合作.

    Failing example:
        A partner with ``"foreign_rd_center": {"parent_company": "…", "parent_country": "DE",
        "parent_in_global_500": false}``.

    Passing example:
        The same partner with ``"parent_in_global_500": true`` and ``"country": "CN"``.
    """

    def check(self, ctx: Context) -> Outcome:
        centers = [org for org in ctx.partners if isinstance(org.get("foreign_rd_center"), dict)]
        if not centers:
            return failed(
                "没有外资研发机构合作单位（缺少 foreign_rd_center）",
                "no partner is a foreign R&D centre (no foreign_rd_center block)",
                ("partners",), expected="a partner with foreign_rd_center", actual=0,
            )
        first_lack = None
        for org in centers:
            country = ctx.country_of(org)
            global_500 = ctx.boolean(*org.at("foreign_rd_center"), "parent_in_global_500")
            parent = ctx.string(*org.at("foreign_rd_center"), "parent_company")
            parent_country = ctx.string(*org.at("foreign_rd_center"), "parent_country")
            if country != "CN":
                lack = (f"{org.label} 注册于 {country}，应为在华依法设立（CN）", f"{org.label} is registered in {country}, not in China", org.at("country"), country)
            elif not global_500:
                lack = (f"{org.label} 的母公司 {parent} 不是世界500强", f"the parent {parent} of {org.label} is not in the Fortune Global 500", org.at("foreign_rd_center") + ("parent_in_global_500",), False)
            elif parent_country == "CN":
                lack = (f"{org.label} 的母公司 {parent} 为中国内地企业，不是外资企业", f"the parent {parent} of {org.label} is a mainland Chinese company, not foreign", org.at("foreign_rd_center") + ("parent_country",), parent_country)
            else:  # returned at once: the words read this partner's values, never a later one's
                label = org.label
                return passed_saying(
                    lambda: (
                        f"合作单位 {label} 是世界500强外资企业 {parent}（{parent_country}）在华设立的研发机构",
                        f"the partner {label} is the China R&D centre of the Fortune Global 500 company {parent} ({parent_country})",
                    ),
                    org.segments, actual={"parent_company": parent, "parent_country": parent_country},
                )
            first_lack = first_lack or lack
        zh, en, where, actual = first_lack
        return failed(f"外资研发机构不符合要求：{zh}", f"the foreign R&D centre does not qualify: {en}", where, expected="a China-registered R&D centre of a foreign Fortune Global 500 company", actual=actual)

    def describe(self) -> tuple[str, str]:
        return "至少一家合作单位是世界500强外资企业在华依法设立的研发机构", "a partner is the China-registered R&D centre of a foreign Fortune Global 500 company"


# ----------------------------------------------------------------------------- every partner of a group; partner countries


#: a registration date that would have to fall before the calendar's first day
_BEFORE_CALENDAR = object()


@attrs.frozen(slots=False)
class PartnersAre:
    """Every partner of a group (the French partners, the foreign partners) is of the required kind, status and age.

    What it checks:
        The partners matching ``select`` number at least ``minimum``; each of them matches ``require``;
        with ``legal_entity`` its ``independent_legal_entity`` is true; with ``registered_years`` its
        ``registered_on`` is on or before ``submitted_on`` minus that many calendar years
        (``relativedelta``: registered 2019-05-10 is 3 years before 2022-05-10 and passes;
        2019-05-11 fails). The first partner that does not qualify is named with the reason.

    Why:
        法方合作单位应为在法国注册 3 年以上的科研院所或高校，具有独立法人资格 / 日方合作单位仅限在日本
        境内注册的企业: the clause restricts who may be a partner of that side, not just one of them.

    Failing example:
        ``PartnersAre(Orgs(roles={"foreign_partner"}), Orgs(kinds={"enterprise"}, countries={"JP"}))``
        with a Japanese foreign partner of kind ``university``.

    Passing example:
        The same rule where every foreign partner is a Japanese ``enterprise``.
    """

    select: Orgs
    require: Orgs
    legal_entity: bool = False
    registered_years: int | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.ge(1)))
    minimum: int = attrs.field(default=1, validator=attrs.validators.ge(0))

    def check(self, ctx: Context) -> Outcome:
        group = [org for org in ctx.partners if self.select.matches(ctx, org)]
        if len(group) < self.minimum:
            sel_zh, sel_en = self.select.describe()
            want_zh, want_en = self.describe()
            return failed(
                f"没有{sel_zh}（{len(group)} 家），要求至少 {self.minimum} 家且{want_zh}",
                f"{plural(len(group), 'partner')} {'is' if len(group) == 1 else 'are'} {sel_en}; at least {self.minimum} required, and {want_en}",
                ("partners",), expected=self.minimum, actual=len(group),
            )
        latest = (_months_before(ctx.submitted_on, 12 * self.registered_years) or _BEFORE_CALENDAR) if self.registered_years else None
        for org in group:
            if not self.require.matches(ctx, org):
                summary = _org_summary(ctx, org)
                req_zh, req_en = self.require.describe()
                return failed(
                    f"{org.label}（{_fmt(summary)}）不符合要求：应为{req_zh}",
                    f"{org.label} ({_fmt(summary)}) does not qualify: expected {req_en}",
                    org.segments, expected=req_en, actual=summary,
                )
            if self.legal_entity and ctx.field(org, "independent_legal_entity", "true 或 false", "true or false", lambda v: v if isinstance(v, bool) else None) is not True:
                return failed(
                    f"{org.label} 未声明具备独立法人资格（independent_legal_entity 为 false）",
                    f"{org.label} is not an independent legal entity (independent_legal_entity is false)",
                    org.at("independent_legal_entity"), expected=True, actual=False,
                )
            if latest is not None:
                registered = ctx.field(org, "registered_on", "YYYY-MM-DD 格式的注册日期", "a YYYY-MM-DD registration date", _as_date)
                if latest is _BEFORE_CALENDAR or registered > latest:
                    latest_zh, latest_en = ("日历首日 0001-01-01 之前的日期", "a date before the calendar's first day, 0001-01-01") if latest is _BEFORE_CALENDAR else (latest, latest)
                    return failed(
                        f"{org.label} 注册于 {registered}，至申报日期 {ctx.submitted_on} 不满 {self.registered_years} 年（应不晚于 {latest_zh}）",
                        f"{org.label} was registered on {registered}, less than {plural(self.registered_years, 'year')} before the submission date {ctx.submitted_on} (registered on or before {latest_en} required)",
                        org.at("registered_on"), expected=f"on or before {latest_en}", actual=registered,
                    )
        names = [org.label for org in group]  # the words keep names, never an Org

        def words() -> tuple[str, str]:
            (sel_zh, sel_en), (want_zh, want_en) = self.select.describe(), self.describe()
            return f"{sel_zh}（{'、'.join(names)}）均符合要求：{want_zh}", f"every partner that is {sel_en} ({', '.join(names)}) qualifies: {want_en}"

        return passed_saying(words, ("partners",), actual=len(group))

    def describe(self) -> tuple[str, str]:
        sel_zh, sel_en = self.select.describe()
        zh, en = self.require.describe()
        extra_zh, extra_en = [], []
        if self.legal_entity:
            extra_zh.append("具备独立法人资格")
            extra_en.append("an independent legal entity")
        if self.registered_years:
            extra_zh.append(f"注册满 {self.registered_years} 年（注册日期不晚于申报日期前推 {self.registered_years} 个日历年的同一日）")
            extra_en.append(f"registered at least {plural(self.registered_years, 'year')} before the submission date (on or before the same day {plural(self.registered_years, 'calendar year')} earlier)")
        return (
            f"每家{sel_zh}均为{zh}" + ("，" + "，".join(extra_zh) if extra_zh else ""),
            f"every partner that is {sel_en} is {en}" + (", " + ", ".join(extra_en) if extra_en else ""),
        )


@attrs.frozen(slots=False)
class PartnerCountries:
    """The partners of a kind come from at least ``minimum`` of the listed countries.

    What it checks:
        Among the partners matching ``orgs``, the distinct ``country`` values that are in ``countries``
        number at least ``minimum``. Partners from other countries neither count nor fail.

    Why:
        合作方应包括来自其余金砖四国（巴西、俄罗斯、印度、南非）中的至少两国: a multilateral project
        needs several of the member countries.

    Failing example:
        ``PartnerCountries(Orgs(roles={"foreign_partner"}), {"BR", "RU", "IN", "ZA"}, 2)`` with two
        foreign partners, both in ``BR``.

    Passing example:
        The same rule with one partner in ``BR`` and one in ``ZA``.
    """

    orgs: Orgs
    countries: frozenset = attrs.field(converter=to_frozenset, validator=attrs.validators.min_len(1))
    minimum: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    def __attrs_post_init__(self) -> None:
        if self.minimum > len(self.countries):
            raise ValueError(f"PartnerCountries: minimum {self.minimum} exceeds the {len(self.countries)} countries listed")

    def check(self, ctx: Context) -> Outcome:
        found = sorted({ctx.country_of(org) for org in ctx.partners if self.orgs.matches(ctx, org)} & self.countries)
        if len(found) < self.minimum:
            want = "/".join(sorted(self.countries))
            who_zh, who_en = self.orgs.describe()
            return failed(
                f"{who_zh}来自 {want} 中的 {len(found)} 国（{'、'.join(found) or '无'}），要求至少 {self.minimum} 国",
                f"the matching partners ({who_en}) come from {len(found)} of {want} ({', '.join(found) or 'none'}); at least {self.minimum} required",
                ("partners",), expected=self.minimum, actual=found,
            )

        def words() -> tuple[str, str]:
            want, (who_zh, who_en) = "/".join(sorted(self.countries)), self.orgs.describe()
            return f"{who_zh}来自 {want} 中的 {len(found)} 国：{'、'.join(found)}", f"the matching partners ({who_en}) come from {len(found)} of {want}: {', '.join(found)}"

        return passed_saying(words, ("partners",), expected=self.minimum, actual=found)

    def describe(self) -> tuple[str, str]:
        zh, en = self.orgs.describe()
        want = "/".join(sorted(self.countries))
        return f"{zh}来自 {want} 中至少 {self.minimum} 国", f"the matching partners ({en}) come from at least {self.minimum} of {want}"
