"""Rules about the partner side's own application (单方申报无效): the agency it went to and who leads it."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import attrs

from ..converters import to_tuple
from .base import Context, Outcome, excerpt, failed, passed_saying, pattern, plural, shown, shown_en
from .parties import Orgs

SUBMISSION = ("foreign_submission",)
_AGENCY = SUBMISSION + ("agency",)
_PUNCTUATION = r"[\s\-‐‑–—_.,;:·'\"“”‘’()（）\[\]【】/&]+"  # compiled on first use


@lru_cache(maxsize=4096)  # the agencies' names are folded on every check
def normalize_name(name: str) -> str:
    """A name folded for comparison: NFKC, case-folded, without spaces and punctuation.

    ``"Innovation  Norway"``, ``"innovation-norway"`` and ``"INNOVATION NORWAY"`` compare equal, as do
    full-width and half-width forms of the same characters.
    """
    return pattern(_PUNCTUATION).sub("", unicodedata.normalize("NFKC", name).casefold())


def _names(instance, attribute, value) -> None:
    if not value or not all(isinstance(v, str) and normalize_name(v) for v in value):
        raise ValueError(f"Agency.{attribute.name} must be a non-empty tuple of non-empty names")


@attrs.frozen(slots=False)
class Agency:
    """A foreign funding agency and every name it is known by (Chinese, English, official, former)."""

    names: tuple = attrs.field(converter=to_tuple, validator=_names)

    @property
    def display(self) -> str:
        return " / ".join(self.names)

    def known_as(self, name: str) -> bool:
        return normalize_name(name) in _folded(self.names)


@cache  # an agency's names are fixed when a topic is built: folded once
def _folded(names: tuple) -> frozenset:
    return frozenset(normalize_name(known) for known in names)


@attrs.frozen(slots=False)
class ForeignSubmission:
    """The partner side applied to its own agency (dual submission).

    What it checks:
        ``foreign_submission`` is present, its ``agency`` is one of ``agencies`` by any of their names
        (compared case-, space- and punctuation-insensitively, full-width folded), and its
        ``submitted_on`` is a date. An unknown agency fails with the expected names in the message.

    Why:
        合作双方需分别向本国的项目征集部门提交申报材料，单方申报项目无效: without the partner's own
        application the project cannot be funded at all.

    Failing example:
        ``ForeignSubmission((Agency(("挪威创新署", "Innovation Norway", "Innovasjon Norge")),))`` with
        ``{"foreign_submission": {"agency": "Research Council of Norway", "submitted_on": "2025-09-01"}}``.

    Passing example:
        The same rule with ``"agency": "Innovasjon Norge"``.
    """

    agencies: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(1))

    @agencies.validator
    def _agencies(self, attribute, value) -> None:
        if not all(isinstance(agency, Agency) for agency in value):
            raise ValueError("ForeignSubmission.agencies must hold Agency values")

    def check(self, ctx: Context) -> Outcome:
        submission = ctx.mapping(*SUBMISSION)
        written = ctx.string_in(submission, SUBMISSION, "agency")
        agency = excerpt(written)
        submitted = ctx.date_in(submission, SUBMISSION, "submitted_on")
        match = next((a for a in self.agencies if a.known_as(written)), None)
        if match is None:
            expected = " 或 ".join(a.display for a in self.agencies)
            expected_en = " or ".join(a.display for a in self.agencies)
            return failed(
                f"外方申报机构为 “{agency}”，应为：{expected}",
                f"the partner side applied to “{agency}”; expected {expected_en}",
                _AGENCY, expected=[list(a.names) for a in self.agencies], actual=agency,
            )
        return passed_saying(
            lambda: (f"外方已于 {submitted} 向 {match.names[0]}（{agency}）申报", f"the partner side applied to {match.display} on {submitted}"),
            _AGENCY, expected=list(match.names), actual=agency,
        )

    def describe(self) -> tuple[str, str]:
        return (
            "外方向本国主管部门同步申报：" + " 或 ".join(a.display for a in self.agencies),
            "the partner side applies to its own agency: " + " or ".join(a.display for a in self.agencies),
        )


@attrs.frozen(slots=False)
class SideLedBy:
    """The foreign side is led by an organization of the required kind and place.

    What it checks:
        The foreign side's lead is the ``foreign_partner`` with ``lead_of_side`` true, or, when none is
        marked, the only ``foreign_partner``; it must match ``lead`` (e.g. an enterprise in FI). Several
        foreign partners with none marked as lead fails: the lead cannot be told. With ``marked`` the
        lead must be marked ``lead_of_side`` true even when it is the only foreign partner.

    Why:
        由双方企业牵头分别向各自科技主管部门申报: each side is led by one of its enterprises.

    Failing example:
        ``SideLedBy(Orgs(kinds={"enterprise"}, countries={"FI"}))`` with a single Finnish foreign partner
        of kind ``university``.

    Passing example:
        The same rule with a Finnish enterprise marked ``"lead_of_side": true``.
    """

    lead: Orgs
    marked: bool = False

    def check(self, ctx: Context) -> Outcome:
        foreign = [org for org in ctx.partners if org.role == "foreign_partner"]
        marked = [org for org in foreign if org.get("lead_of_side") is True]
        want_zh, want_en = self.lead.describe()
        if len(marked) > 1:
            return failed(
                f"有 {len(marked)} 家外方单位标为牵头（lead_of_side），外方只能有一家牵头单位",
                f"{plural(len(marked), 'foreign partner')} are marked lead_of_side; the foreign side has one lead",
                marked[1].at("lead_of_side"), expected=1, actual=len(marked),
            )
        if marked:
            lead = marked[0]
        elif len(foreign) == 1 and not self.marked:
            lead = foreign[0]
        elif self.marked:
            return failed(
                f"外方合作单位有 {len(foreign)} 家，没有标为牵头（lead_of_side 为 true）的单位；外方应由{want_zh}牵头",
                f"{plural(len(foreign), 'foreign partner')} and none marked lead_of_side true; the foreign side must be led by {want_en}",
                ("partners",), expected=want_en, actual=len(foreign),
            )
        else:
            return failed(
                f"外方合作单位有 {len(foreign)} 家，未标明牵头单位（lead_of_side）；外方应由{want_zh}牵头",
                f"{plural(len(foreign), 'foreign partner')} and none marked lead_of_side; the foreign side must be led by {want_en}",
                ("partners",), expected=want_en, actual=len(foreign),
            )
        if not self.lead.matches(ctx, lead):
            return failed(
                f"外方牵头单位 {lead.label}（{shown(lead.kind)}，{shown(lead.country)}）不符合要求：应为{want_zh}",
                f"the foreign lead {lead.label} ({shown_en(lead.kind)}, {shown_en(lead.country)}) does not qualify: expected {want_en}",
                lead.segments, expected=want_en, actual={"kind": lead.kind, "country": lead.country, "subdivision": lead.subdivision},
            )
        label = lead.label  # the words keep the label, never an Org
        return passed_saying(lambda: (f"外方由 {label} 牵头（{want_zh}）", f"the foreign side is led by {label} ({want_en})"), lead.segments)

    def describe(self) -> tuple[str, str]:
        zh, en = self.lead.describe()
        if self.marked:
            return f"外方由{zh}牵头（标为 lead_of_side）", f"the foreign side is led by {en} (marked lead_of_side)"
        return f"外方由{zh}牵头", f"the foreign side is led by {en}"
