"""The sources registry: every legal source the checker and the site cite.

Each source carries a marker of how firmly it is known, so a page can word a weaker source as
"reported" or "check" instead of "the law says". Ids are public (the golden path list and
the sources page use them): never rename one; add a new id instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from .flow import CHAPTER_3A


class Marker(Enum):
    """How firmly a source is known."""

    VERIFIED = "VERIFIED"  # operative text read in a primary or official source
    VERIFIED_2 = "VERIFIED-2"  # secondary copies or reports only
    UNVERIFIED = "UNVERIFIED"  # no primary source found


class Kind(Enum):
    LEGISLATION = "legislation"
    JUDGMENT = "judgment"
    GUIDANCE = "guidance"
    PROFESSIONAL = "professional"
    REPORT = "report"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    pinpoint: str
    url: str | None
    in_force: date | None
    marker: Marker
    kind: Kind

    @property
    def status(self) -> str:
        """The one-word status a reader sees beside the citation."""
        if self.marker is Marker.VERIFIED:
            binding = self.kind in (Kind.LEGISLATION, Kind.JUDGMENT)
            return "law" if binding else "official"
        if self.marker is Marker.VERIFIED_2:
            return "reported"
        return "check"


V, V2, U = Marker.VERIFIED, Marker.VERIFIED_2, Marker.UNVERIFIED
LAW, CASE, GUIDE, PROF, REPORT = (
    Kind.LEGISLATION,
    Kind.JUDGMENT,
    Kind.GUIDANCE,
    Kind.PROFESSIONAL,
    Kind.REPORT,
)

_PCSC = "Police, Crime, Sentencing and Courts Act 2022"
_VPA_S28 = "https://www.legislation.gov.uk/ukpga/2024/21/section/28"
_VPA_S29 = "https://www.legislation.gov.uk/ukpga/2024/21/section/29"
_PACE = "https://www.legislation.gov.uk/ukpga/1984/60"
_CPAWA = "https://www.legislation.gov.uk/ukpga/1965/69"
_CRIMPR = "https://www.legislation.gov.uk/uksi/2025/909"
_CRIMPR_IN_FORCE = date(2025, 10, 6)
_DPA = "https://www.legislation.gov.uk/ukpga/2018/12"
_GDPR = "https://www.legislation.gov.uk/eur/2016/679"
_CPS_PTT = "https://cps.gov.uk/legal-guidance/pre-trial-therapy"
_BACP_EF = (
    "https://www.bacp.co.uk/events-and-resources/ethics-and-standards/"
    "ethical-framework-for-the-counselling-professions/"
)

_ALL = (
    # Chapter 3A (inserted by the Victims and Prisoners Act 2024, ss.28-29)
    Source("pcsc-s44a-3", title=f"{_PCSC}, s.44A(3)", pinpoint="section 44A(1)-(3), (7)-(8)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44a-2", title=f"{_PCSC}, s.44A(2)", pinpoint="section 44A(1)-(2)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44a-4", title=f"{_PCSC}, s.44A(4)-(5)", pinpoint="section 44A(4)-(5)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44b", title=f"{_PCSC}, s.44B", pinpoint="section 44B(1)-(3)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44b-4", title=f"{_PCSC}, s.44B(4)", pinpoint="section 44B(4), (6)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44b-5", title=f"{_PCSC}, s.44B(5)", pinpoint="section 44B(5)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44c", title=f"{_PCSC}, s.44C", pinpoint="section 44C(1)-(2)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44d-2", title=f"{_PCSC}, s.44D(2)", pinpoint="section 44D(2)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44d-11", title=f"{_PCSC}, s.44D(10)-(11)", pinpoint="section 44D(10)-(11)", url=_VPA_S28,
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("pcsc-s44e", title=f"{_PCSC}, s.44E", pinpoint="section 44E(1)", url=_VPA_S28, in_force=CHAPTER_3A,
           marker=V, kind=LAW),
    Source("pcsc-s44f", title=f"{_PCSC}, s.44F", pinpoint="section 44F", url=_VPA_S29, in_force=CHAPTER_3A,
           marker=V, kind=LAW),
    Source("vpa-2024-s80", title="Victims and Prisoners Act 2024, s.80", pinpoint="section 80(1), (4)(b)",
           url="https://www.legislation.gov.uk/ukpga/2024/21/section/80", in_force=None, marker=V, kind=LAW),
    Source("vpa-2024-s5", title="Victims and Prisoners Act 2024, s.5", pinpoint="section 5(2)",
           url="https://www.legislation.gov.uk/ukpga/2024/21/section/5", in_force=date(2025, 1, 29), marker=V,
           kind=LAW),
    Source("si-2025-1168-reg3",
           title="Victims and Prisoners Act 2024 (Commencement No. 8) Regulations 2025, SI 2025/1168",
           pinpoint="regulation 3", url="https://www.legislation.gov.uk/uksi/2025/1168", in_force=None,
           marker=V, kind=LAW),
    Source("si-2025-1259-reg2", title="PCSC Act 2022 (Counselling Services) Regulations 2025, SI 2025/1259",
           pinpoint="regulation 2", url="https://www.legislation.gov.uk/uksi/2025/1259", in_force=CHAPTER_3A,
           marker=V, kind=LAW),
    Source("si-2025-1260-reg2",
           title="PCSC Act 2022 (Victim Information Requests: Code of Practice) Regulations 2025, "
                 "SI 2025/1260", pinpoint="regulation 2", url="https://www.legislation.gov.uk/uksi/2025/1260",
           in_force=CHAPTER_3A, marker=V, kind=LAW),
    Source("vir-code-senior-sign-off",
           title="Reports that counselling requests must be cleared at chief inspector level "
                 "(EVAW, 12 January 2026; code wording not seen)", pinpoint="code paragraph not verified",
           url="https://www.endviolenceagainstwomen.org.uk/campaign-win-keepcounsellingconfidential",
           in_force=CHAPTER_3A, marker=V2, kind=REPORT),
    Source("home-office-news-2026",
           title="Home Office: New rules on police requesting counselling notes come into force",
           pinpoint="news story, 12 January 2026",
           url="https://www.gov.uk/government/news/new-rules-on-police-requesting-counselling-notes-come-into-force--2",
           in_force=CHAPTER_3A, marker=V, kind=GUIDE),
    # PACE 1984
    Source("pace-s8", title="Police and Criminal Evidence Act 1984, s.8(1)(d)", pinpoint="section 8(1)(d)",
           url=_PACE, in_force=None, marker=V, kind=LAW),
    Source("pace-s9", title="Police and Criminal Evidence Act 1984, s.9", pinpoint="section 9(1)", url=_PACE,
           in_force=None, marker=V, kind=LAW),
    Source("pace-s11-12", title="Police and Criminal Evidence Act 1984, ss.11-12",
           pinpoint="sections 11(1)(a), 11(2), 12", url=_PACE, in_force=None, marker=V, kind=LAW),
    Source("pace-sch1", title="Police and Criminal Evidence Act 1984, Sch 1",
           pinpoint="Schedule 1, paragraphs 2-4, 12 and 15", url=_PACE, in_force=None, marker=V, kind=LAW),
    # Court routes
    Source("cpawa-1965-s2", title="Criminal Procedure (Attendance of Witnesses) Act 1965, ss.2-2A",
           pinpoint="sections 2, 2A", url=_CPAWA, in_force=date(1999, 4, 1), marker=V, kind=LAW),
    Source("cpawa-1965-s2c", title="Criminal Procedure (Attendance of Witnesses) Act 1965, s.2C",
           pinpoint="section 2C", url=_CPAWA, in_force=None, marker=V, kind=LAW),
    Source("cpawa-1965-s3", title="Criminal Procedure (Attendance of Witnesses) Act 1965, s.3",
           pinpoint="section 3", url=_CPAWA, in_force=None, marker=V, kind=LAW),
    Source("mca-1980-s97", title="Magistrates' Courts Act 1980, s.97", pinpoint="section 97(1)",
           url="https://www.legislation.gov.uk/ukpga/1980/43/section/97", in_force=None, marker=V, kind=LAW),
    Source("crimpr-2025-r17-2", title="Criminal Procedure Rules 2025, SI 2025/909, r.17.2",
           pinpoint="rule 17.2", url=_CRIMPR, in_force=_CRIMPR_IN_FORCE, marker=V, kind=LAW),
    Source("crimpr-2025-r17-3", title="Criminal Procedure Rules 2025, SI 2025/909, r.17.3",
           pinpoint="rule 17.3(5)", url=_CRIMPR, in_force=_CRIMPR_IN_FORCE, marker=V, kind=LAW),
    Source("crimpr-2025-r17-5", title="Criminal Procedure Rules 2025, SI 2025/909, r.17.5",
           pinpoint="rule 17.5", url=_CRIMPR, in_force=_CRIMPR_IN_FORCE, marker=V, kind=LAW),
    Source("crimpr-2025-r17-6", title="Criminal Procedure Rules 2025, SI 2025/909, r.17.6",
           pinpoint="rule 17.6", url=_CRIMPR, in_force=_CRIMPR_IN_FORCE, marker=V, kind=LAW),
    Source("crimpr-2025-r17-7", title="Criminal Procedure Rules 2025, SI 2025/909, r.17.7",
           pinpoint="rule 17.7", url=_CRIMPR, in_force=_CRIMPR_IN_FORCE, marker=V, kind=LAW),
    Source("crimpr-2025-r17-9", title="Criminal Procedure Rules 2025, SI 2025/909, r.17.9",
           pinpoint="rule 17.9(1)(a): the court may shorten or extend a time limit", url=_CRIMPR,
           in_force=_CRIMPR_IN_FORCE, marker=V, kind=LAW),
    Source("reading-justices-1996",
           title="R v Reading Justices, ex p Berkshire County Council [1996] 1 Cr App R 239",
           pinpoint="'material evidence' is relevant and admissible evidence, not material wanted on "
                    "speculation (as reported)", url=None, in_force=None, marker=V2, kind=CASE),
    Source("tb-v-stafford", title="R (TB) v Combined Court at Stafford [2006] EWHC 1645 (Admin)",
           pinpoint="judgment of 4 July 2006", url="http://www.bailii.org/ew/cases/EWHC/Admin/2006/1645.html",
           in_force=None, marker=V, kind=CASE),
    # Data protection
    Source("uk-gdpr-art6", title="UK GDPR, Article 6", pinpoint="Article 6(1)", url=_GDPR, in_force=None,
           marker=V, kind=LAW),
    Source("uk-gdpr-art15", title="UK GDPR, Article 15", pinpoint="Article 15(1), (3)-(4)", url=_GDPR,
           in_force=None, marker=V, kind=LAW),
    Source("uk-gdpr-art7-3", title="UK GDPR, Article 7(3)", pinpoint="Article 7(3)", url=_GDPR, in_force=None,
           marker=V, kind=LAW),
    Source("uk-gdpr-art9", title="UK GDPR, Article 9", pinpoint="Article 9(1)-(2)", url=_GDPR, in_force=None,
           marker=V, kind=LAW),
    Source("dpa-2018-sch1-para10", title="Data Protection Act 2018, Sch 1 para 10",
           pinpoint="Schedule 1, paragraph 10", url=_DPA, in_force=None, marker=V, kind=LAW),
    Source("dpa-2018-sch1-para18", title="Data Protection Act 2018, Sch 1 para 18",
           pinpoint="Schedule 1, paragraph 18", url=_DPA, in_force=None, marker=V, kind=LAW),
    Source("dpa-2018-sch2-para2", title="Data Protection Act 2018, Sch 2 para 2",
           pinpoint="Schedule 2, paragraph 2", url=_DPA, in_force=None, marker=V, kind=LAW),
    Source("dpa-2018-sch2-para5", title="Data Protection Act 2018, Sch 2 para 5",
           pinpoint="Schedule 2, paragraph 5", url=_DPA, in_force=None, marker=V, kind=LAW),
    Source("si-2026-82",
           title="Data (Use and Access) Act 2025 (Commencement No. 6 and Transitional and Saving "
                 "Provisions) Regulations 2026, SI 2026/82",
           pinpoint="regulations 2(c), (z6) and 3", url="https://www.legislation.gov.uk/uksi/2026/82",
           in_force=date(2026, 2, 5), marker=V, kind=LAW),
    Source("ico-law-enforcement", title="ICO: Sharing personal data with law enforcement authorities",
           pinpoint="data sharing information hub (updated 29 September 2023)",
           url="http://ico.org.uk/for-organisations/data-sharing-information-hub/"
               "sharing-personal-data-with-law-enforcement-authorities/",
           in_force=None, marker=V, kind=GUIDE),
    Source("ico-opinion-2022",
           title="Information Commissioner's Opinion: Who's under investigation? (31 May 2022)",
           pinpoint="criticism of blanket consent forms for victims' records", url=None,
           in_force=date(2022, 5, 31), marker=V2, kind=GUIDE),
    Source("npcc-tpm-form-2023",
           title="Interim NPCC third party material request form, used from 4 October 2023 "
                 "(described by Newcastle Safeguarding Partnership)",
           pinpoint="requests made as a reasonable line of enquiry 'rather than relying on consent'",
           url="https://newcastlesafeguarding.org.uk/new-third-party-material-request-form",
           in_force=date(2023, 10, 4), marker=V2, kind=REPORT),
    # Guidance for police and prosecutors
    Source("cps-ptt-principles", title="CPS: Pre-Trial Therapy - Fundamental Principles",
           pinpoint="principles 1-3 (updated 26 May 2022)", url="https://www.cps.gov.uk/node/17286",
           in_force=date(2022, 5, 26), marker=V, kind=GUIDE),
    Source("cps-ptt-annex-b", title="CPS legal guidance: Pre-Trial Therapy, Annex B",
           pinpoint="Annex B: obtaining and disclosing pre-trial therapy notes (2022 text, as reproduced)",
           url=_CPS_PTT, in_force=date(2022, 5, 26), marker=V2, kind=GUIDE),
    # Professional bodies, support and campaigns
    Source("bacp-ef-gp55", title="BACP Ethical Framework for the Counselling Professions (2018)",
           pinpoint="Good Practice 55", url=_BACP_EF, in_force=date(2018, 7, 1), marker=V2, kind=PROF),
    Source("bacp-ef-gp10", title="BACP Ethical Framework for the Counselling Professions (2018)",
           pinpoint="Good Practice 10", url=_BACP_EF, in_force=date(2018, 7, 1), marker=V2, kind=PROF),
    Source("counselling-tutor-notes", title="Counselling Tutor: Client notes in counselling",
           pinpoint="practice tips on verifying a caller",
           url="https://counsellingtutor.com/client-notes-in-counselling", in_force=None, marker=V2,
           kind=PROF),
    Source("rape-crisis-kcc", title="Rape Crisis England & Wales: Keep Counselling Confidential",
           pinpoint="campaign page and Q&A",
           url="https://rapecrisis.org.uk/get-involved/keep-counselling-confidential/", in_force=None,
           marker=V2, kind=REPORT),
    Source("csa-reporting-duty-2026",
           title="Crime and Policing Act 2026: duty to report child sexual abuse",
           pinpoint="Part 5 Chapter 2 of the Bill (the Act's numbering not verified); commencement and "
                    "coverage of counsellors not verified",
           url="https://www.gov.uk/government/publications/circular-0042026-crime-and-policing-act-2026/"
               "circular-0042026-crime-and-policing-act-2026-accessible", in_force=None, marker=U, kind=LAW),
    Source("ila-service-2026", title="Independent Legal Advisors Service (Ministry of Justice grant)",
           pinpoint="grant specification, announced 10 March 2026; whether it is running not verified",
           url="https://www.find-government-grants.service.gov.uk/grants/independent-legal-advisors-service-1",
           in_force=None, marker=V, kind=GUIDE),
    # Other parts of the UK
    Source("wf-petitioner-2016", title="WF, Petitioner [2016] CSOH 27", pinpoint="opinion of 9 February 2016",
           url="https://beta.bailii.org/scot/cases/ScotCS/2016/[2016]CSOH27.html", in_force=None, marker=V,
           kind=CASE),
)

SOURCES: dict[str, Source] = {source.id: source for source in _ALL}
if len(SOURCES) != len(_ALL):  # pragma: no cover - guarded by tests
    raise RuntimeError("duplicate source id in the sources registry")
