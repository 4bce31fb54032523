"""zj-2025: 浙江省科学技术厅关于做好2025年度“尖兵”“领雁”研发攻关计划国际科技合作领域项目申报前期对接
工作的通知 (Zhejiang, 2025: a pre-notice).

二、国合项目类别: （一）双边产业联合研发计划项目 (bilateral-industrial: finland, israel, norway, singapore,
west-flanders); （二）政府间科技创新合作项目 (intergov-innovation: uk-midlands); （三）高端外资研发机构联合
研发项目 (foreign-rd-joint). 三、其他事项 gives the rules common to all three: a Zhejiang enterprise leads,
2~3 years, at most 150 and at most 20 % of the enterprise's actual R&D investment.

The notice is a pre-notice (前期对接): 届时请根据正式通知的具体要求进行申报. Every finding carries the
call's note that the formal 2025 guideline prevails.

Readings the notice leaves open (documented in the rules' explain output):
- 申请截止时间待双方商定 (norway, singapore, west-flanders): a declared foreign submission date needs review.
- The foreign agencies are recognised by the notice's Chinese names (芬兰国家商务促进局, 以色列创新署,
  挪威创新署, 新加坡企业发展局, 比利时西弗兰德省政府) and their official names (Business Finland, Israel
  Innovation Authority / Innovation Israel, Innovation Norway / Innovasjon Norge, Enterprise Singapore,
  Province of West Flanders / Provincie West-Vlaanderen). The foreign side is led by an enterprise of
  the track's country (由双方企业牵头), West Flanders' in BE-VWV.
- The 20 % rule: ``budget.subsidy_requested`` <= 0.2 x ``budget.enterprise_rd_investment`` (浙江企业实际
  投入研发经费, the lead enterprise's own R&D spending on the project), in exact decimals, together with
  the 150 cap (one requirement, ZJ25-SUBSIDY).
- 一般为 2~3 年: 24 to 36 months inclusive; outside is a warning (ZJ25-DURATION is soft).
- Priority fields are the notice's labels split at 、 and 及; west-flanders' “与绿色低碳技术、循环经济和
  生命健康相关领域” gives 绿色低碳技术, 循环经济, 生命健康. In 2025 norway's 绿色技术 is a priority.
- UK Midlands: as zj-2022 (see ``_zhejiang``), the partner an enterprise (企业联合……的企业); the
  notice's misspelling Herfordshire is accepted beside Herefordshire.
- 国合项目不计入限额申报数 (ZJ25-QUOTA-EXEMPT, info): ``counts_against_quota`` absent or false passes;
  true is read as a misunderstanding and gets an info note (it never blocks).
- 由省内企业牵头、高校院所参与 (ZJ25-FRD-ACADEMIA, soft): a university or research institute among the
  domestic partners.
"""

from __future__ import annotations

from ..rules.agreements import SignedAgreement
from ..rules.base import AllOf, PerTrack
from ..rules.dates import DurationMonths
from ..rules.funding import SubsidyBounds
from ..rules.parties import ApplicantIs, HasParty, Orgs, PriorCooperation
from ..rules.places import ForeignRDCenter, PartnerInRegion
from ..rules.project import Declaration, FieldsWithin
from ..rules.schedule import ForeignDeadline
from ..rules.shares import SubsidyShareOf
from ..rules.submission import ForeignSubmission, SideLedBy
from . import Call, Check, Topic, Track
from ._zhejiang import (
    BUSINESS_FINLAND, ENTERPRISE_SINGAPORE, INNOVATION_ISRAEL, INNOVATION_NORWAY, MIDLANDS, RD_CENTER, WEST_FLANDERS, YRD_PARTNER,
    ZJ_ENTERPRISE, field_aliases, foreign_enterprise, split_fields,
)

CALL_ID = "zj-2025"

# ----------------------------------------------------------------------------- （一）双边产业联合研发计划项目

BILATERAL_TRACKS = (
    Track("finland", "芬兰", "Finland"),
    Track("israel", "以色列", "Israel"),
    Track("norway", "挪威", "Norway"),
    Track("singapore", "新加坡", "Singapore"),
    Track("west-flanders", "比利时西弗兰德省", "West Flanders, Belgium"),
)
#: 外方主管部门, and the country (subdivision) of the foreign side's lead enterprise
AGENCIES = {
    "finland": (BUSINESS_FINLAND, "FI", None),
    "israel": (INNOVATION_ISRAEL, "IL", None),
    "norway": (INNOVATION_NORWAY, "NO", None),
    "singapore": (ENTERPRISE_SINGAPORE, "SG", None),
    "west-flanders": (WEST_FLANDERS, "BE", "BE-VWV"),
}
#: 申请截止时间
DEADLINES = {
    "finland": ForeignDeadline("2024年9月25日", "exact", month=9, day=25, year=2024),
    "israel": ForeignDeadline("2024年10月30日", "exact", month=10, day=30, year=2024),
    "norway": ForeignDeadline("待双方商定", "tbd"),
    "singapore": ForeignDeadline("待双方商定", "tbd"),
    "west-flanders": ForeignDeadline("待双方商定", "tbd"),
}
#: 优先支持……等领域
FIELDS = {
    "finland": split_fields("气候变化、循环经济及可持续发展、医疗健康"),
    "israel": split_fields("新能源、节能环保、智慧社区、机器人技术、机械电子、信息通讯、材料和纳米技术、生物制药、农业机械、医疗器械、水处理、生物融合和气候技术"),
    "norway": split_fields("绿色技术"),
    "singapore": split_fields("生命健康、信息技术、绿色低碳、智慧城市、科技金融及新材料"),
    "west-flanders": split_fields("绿色低碳技术、循环经济、生命健康"),
    "uk-midlands": split_fields("绿色能源、生命健康、新材料、数字文创"),
}

# ----------------------------------------------------------------------------- 三、其他事项 (common to all)

LEAD = Check("ZJ25-LEAD", ApplicantIs(ZJ_ENTERPRISE))
DURATION = Check("ZJ25-DURATION", DurationMonths(24, 36))
SUBSIDY = Check("ZJ25-SUBSIDY", AllOf((SubsidyBounds(maximum=150), SubsidyShareOf("0.2"))))
#: 国合项目不计入限额申报数: an application declared as counting against the quota gets an info note
QUOTA_EXEMPT = Check("ZJ25-QUOTA-EXEMPT", Declaration(
    ("counts_against_quota",), False,
    ("国合项目不计入推荐单位限额申报数，无需纳入限额", "these projects do not count against the recommending unit's quota"),
    default=False,
))


def _fields(tracks: tuple) -> PerTrack:
    return PerTrack({track: FieldsWithin(FIELDS[track], field_aliases(FIELDS[track])) for track in tracks})


BILATERAL = Topic(
    CALL_ID, "bilateral-industrial", "双边产业联合研发计划项目", "Bilateral industrial joint R&D",
    schema="zj-2025/bilateral-industrial.json",
    tracks=BILATERAL_TRACKS,
    checks=(
        LEAD,
        Check("ZJ25-BIL-DUAL", PerTrack({
            track: AllOf((ForeignSubmission((agency,)), SideLedBy(foreign_enterprise(country, subdivision))))
            for track, (agency, country, subdivision) in AGENCIES.items()
        })),
        Check("ZJ25-BIL-DEADLINE", PerTrack(DEADLINES)),
        Check("ZJ25-BIL-YRD", HasParty(YRD_PARTNER), tracks={"finland", "singapore"}),
        Check("ZJ25-FIELDS", _fields(tuple(AGENCIES))),
        DURATION,
        SUBSIDY,
        QUOTA_EXEMPT,
    ),
)

INTERGOV = Topic(
    CALL_ID, "intergov-innovation", "政府间科技创新合作项目", "Intergovernmental S&T innovation cooperation",
    schema="zj-2025/intergov-innovation.json",
    tracks=(Track("uk-midlands", "英国中部引擎地区", "UK Midlands Engine"),),
    checks=(
        LEAD,
        Check("ZJ25-IGV-PARTNER", PartnerInRegion(Orgs(roles={"foreign_partner"}, kinds={"enterprise"}), MIDLANDS)),
        Check("ZJ25-FIELDS", _fields(("uk-midlands",))),
        DURATION,
        SUBSIDY,
        QUOTA_EXEMPT,
    ),
)

FOREIGN_RD = Topic(
    CALL_ID, "foreign-rd-joint", "高端外资研发机构联合研发项目", "Joint R&D with high-end foreign-funded R&D centres",
    schema="zj-2025/foreign-rd-joint.json",
    checks=(
        LEAD,
        Check("ZJ25-FRD-PARTNER", ForeignRDCenter()),
        Check("ZJ25-FRD-ACADEMIA", HasParty(Orgs(roles={"domestic_partner"}, kinds={"university", "research_institute"}))),
        Check("ZJ25-FRD-HISTORY", PriorCooperation(RD_CENTER)),
        Check("ZJ25-AGREEMENT", SignedAgreement(covers={"ip_ownership", "benefit_sharing"}, parties=RD_CENTER)),
        DURATION,
        SUBSIDY,
        QUOTA_EXEMPT,
    ),
)

# ----------------------------------------------------------------------------- sections of the guideline, clauses

#: 三、其他事项: the notice's rules for every kind of project (牵头, 实施期限, 支持强度, 限额)
GENERAL = ("三、其他事项", "联系人:")

#: where each topic's and track's section of the notice starts and ends (see ``appcheck.clauses``)
SECTIONS = {
    "bilateral-industrial": (("(一)双边产业联合研发计划项目", "(二) 政府间科技创新合作项目"), GENERAL),
    "bilateral-industrial#finland": (("1.芬兰。", "2.以色列。"),),
    "bilateral-industrial#israel": (("2.以色列。", "3.挪威。"),),
    "bilateral-industrial#norway": (("3.挪威。", "4.新加坡。"),),
    "bilateral-industrial#singapore": (("4.新加坡。", "5.比利时西弗兰德省。"),),
    "bilateral-industrial#west-flanders": (("5.比利时西弗兰德省。", "(二) 政府间科技创新合作项目"),),
    "intergov-innovation": (("(二) 政府间科技创新合作项目", "(三) 高端外资研发机构联合研发项目"), GENERAL),
    "foreign-rd-joint": (("(三) 高端外资研发机构联合研发项目", "三、其他事项"), GENERAL),
}

#: the clauses written out where the contract's source has no fragment from the topic's own section,
#: or where a track words the requirement its own way
BILATERAL_DUAL = "由双方企业牵头开展产业化创新合作，分别向省科技厅、外方主管部门申报"
#: each track's 外方主管部门, which its dual submission goes to
AGENCY_CLAUSES = {
    "finland": "外方主管部门为芬兰国家商务促进局",
    "israel": "外方主管部门为以色列创新署",
    "norway": "外方主管部门为挪威创新署",
    "singapore": "外方主管部门为新加坡企业发展局",
    "west-flanders": "外方主管部门为比利时西弗兰德省政府",
}

CLAUSES = {
    "bilateral-industrial#finland": {
        "ZJ25-BIL-YRD": "优先支持申报企业联合长三角相关单位与芬兰方开展创新合作的项目",
        "ZJ25-FIELDS": "优先支持气候变化、循环经济及可持续发展、医疗健康等领域",
    },
    "bilateral-industrial#israel": {
        "ZJ25-BIL-DEADLINE": "申请截止时间为2024年10月30日",
        "ZJ25-FIELDS": "优先支持新能源、节能环保、智慧社区、机器人技术、机械电子、信息通讯、材料和纳米技术、生物制药、农业机械、医疗器械、水处理、生物融合和气候技术等领域",
    },
    "bilateral-industrial#norway": {
        "ZJ25-BIL-DEADLINE": "申请截止时间待双方商定",
        "ZJ25-FIELDS": "优先支持绿色技术领域，指可运用于各行业的可持续解决方案",
    },
    "bilateral-industrial#singapore": {
        "ZJ25-BIL-DEADLINE": "申请截止时间待双方商定",
        "ZJ25-BIL-YRD": "优先支持申报企业联合长三角相关单位与新加坡方开展创新合作项目",
        "ZJ25-FIELDS": "优先支持生命健康、信息技术、绿色低碳、智慧城市、科技金融及新材料等领域",
    },
    "bilateral-industrial#west-flanders": {
        "ZJ25-BIL-DEADLINE": "申请截止时间待双方商定",
        "ZJ25-FIELDS": "优先支持与绿色低碳技术、循环经济和生命健康相关领域",
    },
    "intergov-innovation": {"ZJ25-FIELDS": "优先支持绿色能源、生命健康、新材料、数字文创等领域"},
}
for _track, _agency in AGENCY_CLAUSES.items():
    CLAUSES.setdefault(f"bilateral-industrial#{_track}", {})["ZJ25-BIL-DUAL"] = f"{BILATERAL_DUAL}……{_agency}"

CALL = Call(
    CALL_ID, "浙江省2025年度“尖兵”“领雁”研发攻关计划 国际科技合作领域项目申报前期对接通知",
    "Zhejiang 2025 Pioneer and Leading Goose R&D programme: international cooperation (pre-notice)",
    topics=(BILATERAL, INTERGOV, FOREIGN_RD),
    note="本通知为申报前期对接通知，以正式发布的2025年度申报指南为准",
    note_en="a pre-notice: the formal 2025 guideline prevails",
    sections=SECTIONS, clauses=CLAUSES,
)
