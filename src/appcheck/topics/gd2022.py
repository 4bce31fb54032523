"""gd-2022: 广东省2022年度国际科技合作专题申报指南 (Guangdong, 2022, international cooperation topics).

专题一 国际科技合作项目专题: 一、国际科学研究合作项目 (research); 二、国际产业技术研发合作项目
(industrial, 支持方向 1 / 2). 专题二 发展中国家科研人员能力提升培训项目 (training). 专题三 高水平国际
学术交流项目 (exchange).

Readings the guideline leaves open (documented in the rules' explain output):
- 指南发布之日 (the publication date) is not printed: the setting ``gd-2022.published_on``. Unset, a
  PI qualification obtained before 2022-01-01 (the 2022年度 guideline cannot be older) passes, one
  obtained from 2022-01-01 to the day before ``submitted_on`` needs review, and one obtained on or
  after ``submitted_on`` fails; the message names the date used.
- research co-funding: triggered by a domestic enterprise *partner* (企业（国内）作为参与单位); every
  domestic enterprise of the project, the applicant included, counts towards the total.
- Trainees are foreign (学员须为来自……国家的科研人员): GD22-TRN-COUNTRIES and GD22-TRN-SCALE count only
  rows whose country is not CN, HK, MO or TW; Hong Kong and Macao are not trainee countries even where
  a shipped list names them.
- GD22-EXC-ATTENDANCE: an attendance row named like the applicant or a partner (``name`` or
  ``name_en``, without case and whitespace) is an organizer row whatever its ``organizer`` flag; rows
  are merged by that folded name.
- GD22-AGREEMENT is judged partner by partner: every partner signs, with the applicant, at least one
  legally binding agreement, and the agreements of each partner together cover research tasks, task
  division and IP ownership; a partner without one, or whose agreements miss a point, is named.
"""

from __future__ import annotations

import datetime as dt

from ..rules.agreements import SignedAgreement
from ..rules.base import NOT_FOREIGN, AllOf, PerTrack
from ..rules.batch import OneIdentityPerPerson
from ..rules.dates import DurationMonths
from ..rules.documents import HasDocument
from ..rules.events import Attendance, TitleFormat, TrackRecord, TraineeCountries, TrainingContent, TrainingScale, VenueIn
from ..rules.funding import EnterpriseCofunding, SubsidyBounds, SubsidyByPlace
from ..rules.parties import ApplicantIs, HasParty, NoOngoingProjects, Orgs, PIEmployed, PIQualification, PriorCooperation, TeamCoversParties
from ..rules.project import Declaration, FieldsWithin, TargetMinimums
from . import DATE, Call, Check, Setting, Topic, Track

CALL_ID = "gd-2022"
PUBLISHED_ON = "gd-2022.published_on"

# ----------------------------------------------------------------------------- tables

#: 重点领域 of 专题一 (research and industrial).
KEY_FIELDS = ("新一代信息技术", "高端装备制造", "绿色低碳", "生物医药", "数字经济", "新材料", "海洋经济", "现代种业和精准农业", "现代工程技术")
#: 本年度重点支持领域 of 专题三 (exchange).
EXCHANGE_FIELDS = ("网络空间科学与技术", "病原微生物与重大传染病", "脑科学与类脑研究", "材料基因工程", "合成生物学")

GUANGDONG = Orgs(countries={"CN"}, subdivisions={"CN-GD"})
FOREIGN = Orgs(not_countries=NOT_FOREIGN)
HK_MO = Orgs(countries={"HK", "MO"})
#: 合作外方: the partners on the other side, HK/MO/TW and international organizations included.
FOREIGN_SIDE = Orgs(roles={"foreign_partner"})
ENTERPRISE = Orgs(kinds={"enterprise"})
DOMESTIC_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
DOMESTIC_ENTERPRISE_PARTNER = Orgs(roles={"domestic_partner"}, kinds={"enterprise"}, countries={"CN"})
GUANGDONG_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"}, subdivisions={"CN-GD"})
CO_ORGANIZER = Orgs(roles={"foreign_partner"}, not_countries={"CN"}, or_kinds={"international_organization"})

# ----------------------------------------------------------------------------- shared checks

#: 2022年度 guideline: published in 2022 at the earliest (read while the publication date is unset)
PUBLISHED_FROM = dt.date(2022, 1, 1)
QUALIFIED_PI = PIQualification(date_setting=PUBLISHED_ON, published_from=PUBLISHED_FROM)
COMMON_PI = (
    Check("GD22-PI-QUALIFICATION", QUALIFIED_PI),
    Check("GD22-PI-EMPLOYED", PIEmployed()),
    Check("GD22-PI-IDENTITY", OneIdentityPerPerson()),
)
COOPERATION = (
    Check("GD22-LEAD", ApplicantIs(GUANGDONG)),
    Check("GD22-FOREIGN", HasParty(FOREIGN)),
    Check("GD22-AGREEMENT", SignedAgreement(covers={"research_tasks", "task_division", "ip_ownership"}, legally_binding=True)),
    Check("GD22-TEAM", TeamCoversParties()),
)
NO_ONGOING = Check(
    "GD22-PI-ONGOING",
    NoOngoingProjects(levels={"provincial"}, categories={"gd_hk_mo_joint", "international_cooperation"}),
)
HISTORY = Check("GD22-HISTORY", PriorCooperation(FOREIGN_SIDE))

# ----------------------------------------------------------------------------- 专题一 一、国际科学研究合作项目

RESEARCH = Topic(
    CALL_ID, "research", "国际科学研究合作项目", "International scientific research cooperation",
    schema="gd-2022/research.json",
    checks=(
        *COOPERATION,
        Check("GD22-PI-QUALIFICATION", QUALIFIED_PI),
        Check("GD22-PI-EMPLOYED", PIEmployed()),
        Check("GD22-PI-IDENTITY", OneIdentityPerPerson()),
        NO_ONGOING,
        Check("GD22-COFUNDING", EnterpriseCofunding(trigger=DOMESTIC_ENTERPRISE_PARTNER, contributors=DOMESTIC_ENTERPRISE)),
        HISTORY,
        Check("GD22-RES-PRIORITY", HasParty(HK_MO)),
        Check("GD22-RES-GRANT", AllOf((SubsidyBounds(50, 50), DurationMonths(24, 24)))),
        Check("GD22-RES-TARGETS", TargetMinimums({
            "landmark_results": 1, "reports": 1, "visits": 1, "meetings_per_year": 1, "exchange_events": 1, "joint_papers": 1,
        })),
        Check("GD22-FIELDS", FieldsWithin(KEY_FIELDS)),
    ),
)

# ----------------------------------------------------------------------------- 专题一 二、国际产业技术研发合作项目

INDUSTRIAL = Topic(
    CALL_ID, "industrial", "国际产业技术研发合作项目", "International industrial technology R&D cooperation",
    schema="gd-2022/industrial.json",
    tracks=(
        Track("direction-1", "支持方向 1：推动广东省内产业技术进步", "Direction 1: advancing Guangdong's industrial technology"),
        Track("direction-2", "支持方向 2：在合作国推广示范广东省先进适用技术", "Direction 2: demonstrating Guangdong's technology in the partner country"),
    ),
    checks=(
        *COOPERATION,
        Check("GD22-PI-QUALIFICATION", PIQualification(enterprise_post=True, date_setting=PUBLISHED_ON, published_from=PUBLISHED_FROM)),
        Check("GD22-PI-EMPLOYED", PIEmployed()),
        Check("GD22-PI-IDENTITY", OneIdentityPerPerson()),
        NO_ONGOING,
        Check("GD22-COFUNDING", EnterpriseCofunding(trigger=ENTERPRISE, contributors=ENTERPRISE)),
        HISTORY,
        Check("GD22-IND-ACHIEVEMENT", PerTrack({
            "direction-1": HasDocument("achievement_evidence", about=Orgs(roles={"foreign_partner"}, not_countries=NOT_FOREIGN), judged=True,
                                       judge=("国外参与单位的成果是否达到国际或国内领先", "whether the foreign partner's achievement is internationally or nationally leading")),
            "direction-2": HasDocument("achievement_evidence", about=Orgs(countries={"CN"}, subdivisions={"CN-GD"}), judged=True,
                                       judge=("粤方单位的成果是否达到国际或国内先进", "whether the Guangdong unit's achievement is internationally or nationally advanced")),
        })),
        Check("GD22-IND-ENTERPRISE", PerTrack({
            "direction-1": HasParty(GUANGDONG_ENTERPRISE, include_applicant=True),
            "direction-2": HasParty(ENTERPRISE, include_applicant=True),
        })),
        Check("GD22-IND-GRANT", AllOf((SubsidyBounds(100, 100), DurationMonths(24, 24)))),
        Check("GD22-IND-TARGETS", TargetMinimums({"key_results": 1, "technology_transfers": 1})),
        Check("GD22-FIELDS", FieldsWithin(KEY_FIELDS)),
    ),
)

# ----------------------------------------------------------------------------- 专题二 发展中国家科研人员能力提升培训项目

TRAINING = Topic(
    CALL_ID, "training", "发展中国家科研人员能力提升培训项目", "Capacity-building training for researchers from developing countries",
    schema="gd-2022/training.json",
    checks=(
        Check("GD22-TRN-APPLICANT", ApplicantIs(GUANGDONG, legal_entity=True)),
        Check("GD22-TRN-SYSTEM", HasDocument("training_system_evidence", judged=True,
                                             judge=("是否具备标准化培训服务体系和专业培训资源渠道", "whether a standardized training system and expert resources exist"))),
        *COMMON_PI,
        Check("GD22-TRN-CONTENT", TrainingContent({"innovation_policy_management", "incubation_system"})),
        Check("GD22-TRN-COUNTRIES", TraineeCountries(3, ("un_developing", "belt_and_road", "asean"), excluded=NOT_FOREIGN)),
        Check("GD22-TRN-SCALE", TrainingScale(((20, 20), (30, 15)), excluded=NOT_FOREIGN)),
        Check("GD22-TRN-VENUE", VenueIn(("training", "venue"), {"CN"}, {"CN-GD"})),
        Check("GD22-TRN-NODOUBLE", Declaration(("training", "other_provincial_funding_this_year"), False,
                                               ("本年度未获得其他省级部门经费支持", "no other provincial funding this year"))),
        Check("GD22-TRN-GRANT", AllOf((SubsidyBounds(50, 50), DurationMonths(12, 12)))),
        Check("GD22-TRN-TARGETS", TargetMinimums({"training_classes": 1, "summary_reports": 1, "media_reports": 1})),
    ),
)

# ----------------------------------------------------------------------------- 专题三 高水平国际学术交流项目

EXCHANGE = Topic(
    CALL_ID, "exchange", "高水平国际学术交流项目", "High-level international academic exchange",
    schema="gd-2022/exchange.json",
    checks=(
        Check("GD22-LEAD", ApplicantIs(GUANGDONG)),
        Check("GD22-EXC-TRACK-RECORD", TrackRecord(min_projects=2, months=24, levels={"national", "provincial"})),
        Check("GD22-EXC-COORGANIZER", HasParty(CO_ORGANIZER)),
        *COMMON_PI,
        Check("GD22-EXC-NAME", TitleFormat("学术交流项目")),
        Check("GD22-EXC-ATTENDANCE", Attendance(min_total=150, min_academicians=2, min_share="0.8", per_unit_cap=3, organizers_by_name=True)),
        Check("GD22-EXC-TARGETS", TargetMinimums({"proceedings": 1, "media_reports": 1})),
        Check("GD22-EXC-GRANT", AllOf((SubsidyByPlace(("exchange", "venue_country"), home_amount=20, abroad_amount=30), DurationMonths(24, 24)))),
        Check("GD22-FIELDS", FieldsWithin(EXCHANGE_FIELDS)),
    ),
)

# ----------------------------------------------------------------------------- sections of the guideline, clauses

QUALIFICATION = "项目申报人应在指南发布之日前获得相关专业博士学位或副高及以上职称"

#: where each topic's section of the guideline starts and ends (see ``appcheck.clauses``); industrial's
#: two directions have no heading of their own
SECTIONS = {
    "research": (("一、国际科学研究合作项目", "二、国际产业技术研发合作项目"),),
    "industrial": (("二、国际产业技术研发合作项目", "专题二：发展中国家科研人员能力提升培训项目"),),
    "training": (("专题二：发展中国家科研人员能力提升培训项目", "专题三：高水平国际学术交流项目"),),
    "exchange": (("专题三：高水平国际学术交流项目", None),),
}

#: the clauses written out where the contract's source has no fragment from the topic's own section,
#: names the clause instead of quoting it (考核指标 1-4, 重点领域为……), or where a track words the
#: requirement its own way
CLAUSES = {
    "research": {
        "GD22-FIELDS": "重点领域为新一代信息技术、高端装备制造、绿色低碳、生物医药、数字经济、新材料、海洋经济、现代种业和精准农业、现代工程技术",
        "GD22-PI-QUALIFICATION": QUALIFICATION,
        "GD22-RES-TARGETS": "形成研究领域的新发现、新观点、新原理或新机制等标志性成果不少于 1 项，并完成热点报告、研究进展或综述报告不少于 1 篇……"
                            "主要合作方团队至少有 1 次赴对方机构的工作访问……且每年至少召开 1 次项目合作各方全体成员参加的项目工作会议……"
                            "合作各方至少联合举办 1 次研究项目相关领域的技术交流活动……与合作外方联合发表的高质量论文……不少于 1 篇",
    },
    "industrial": {
        "GD22-FIELDS": "重点领域为新一代信息技术、高端装备制造、绿色低碳、生物医药、数字经济、新材料、海洋经济、现代种业和精准农业、现代工程技术",
        "GD22-LEAD": "支持广东省企业、高校、科研院所等创新主体牵头",
        "GD22-AGREEMENT": "必须就合作项目签署合作协议等具有法律效力的项目合作文件。协议内容要明确各方研发任务、分工与知识产权归属……"
                          "未签署相应文件的单位不得列为项目的合作单位",
        "GD22-TEAM": "项目组成员必须包括合作各方单位 1 名及以上成员",
        "GD22-PI-QUALIFICATION": "项目申报人应当为项目申报单位的在职人员并符合下列条件之一。（1）在指南发布之日前获得相关专业博士学位或副高及以上职称。"
                                 "（2）在指南发布之日前在企业担任高级职务的专业技术人才和经营管理人才",
        "GD22-COFUNDING": "企业（不限国内和国外）作为牵头单位或参与单位申报本专题时，须提供自筹经费。企业自筹经费总额不低于本专题项目财政资助金额",
    },
    "industrial#direction-1": {
        "GD22-IND-ACHIEVEMENT": "申报“支持方向 1”：国外参与单位须已具备国际或国内领先的……标志性成果",
        "GD22-IND-ENTERPRISE": "申报“支持方向 1”：须广东省企业牵头或有至少 1 家广东省企业参与",
        "GD22-IND-TARGETS": "攻克关键技术，形成具有自主知识产权且在成果转化、支撑产业发展等方面具有良好绩效的科技成果不少于 1 项……"
                            "申报“支持方向 1”：完成产业技术“引进来”的转移转化成果不少于 1 项",
    },
    "industrial#direction-2": {
        "GD22-IND-ACHIEVEMENT": "申报“支持方向 2”：粤方单位须已具备国际或国内先进的……适用性成果",
        "GD22-IND-ENTERPRISE": "申报“支持方向 2”：须广东省企业牵头或有至少 1 家企业（不限国内或国外）参与",
        "GD22-IND-TARGETS": "攻克关键技术，形成具有自主知识产权且在成果转化、支撑产业发展等方面具有良好绩效的科技成果不少于 1 项……"
                            "申报“支持方向 2”：完成产业技术“走出去”的转移转化成果不少于 1 项",
    },
    "training": {
        "GD22-PI-QUALIFICATION": QUALIFICATION,
        "GD22-TRN-TARGETS": "在广东省内按指南要求举办 1 个科技创新能力培训班……提交总结报告 1 篇……在专业媒体或综合性媒体上至少有 1 篇项目报道",
    },
    "exchange": {
        "GD22-FIELDS": "本年度重点支持领域为网络空间科学与技术、病原微生物与重大传染病、脑科学与类脑研究、材料基因工程、合成生物学",
        "GD22-PI-QUALIFICATION": QUALIFICATION,
        "GD22-EXC-NAME": "申报项目名称应统一按照“XXX 学术交流项目”的格式填写",
    },
}

CALL = Call(
    CALL_ID, "广东省2022年度国际科技合作专题申报指南", "Guangdong 2022 international S&T cooperation topics",
    topics=(RESEARCH, INDUSTRIAL, TRAINING, EXCHANGE),
    settings=(
        Setting(PUBLISHED_ON, "指南发布日期（指南未印明）；未设置时以申报日期 submitted_on 计", "the guideline's publication date (not printed in it); unset: submitted_on is used", None, DATE),
    ),
    sections=SECTIONS, clauses=CLAUSES,
)
