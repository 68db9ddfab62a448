"""The sources registry: every legal source the checker and the site cite.

Each source carries the law brief's marker, so a page can word a weaker source as
"reported" or "check" instead of "the law says". Ids are public (the golden path list and
the sources page use them): never rename one; add a new id instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class Marker(Enum):
    """How firmly a source is known (the law brief's legend)."""

    VERIFIED = "VERIFIED"  # operative text read in a primary or official source
    VERIFIED_2 = "VERIFIED-2"  # secondary copies or reports only
    ANALYSIS = "ANALYSIS"  # our reading; no source says it in these words
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
        if self.marker is Marker.ANALYSIS:
            return "our reading"
        return "check"


V, V2, U = Marker.VERIFIED, Marker.VERIFIED_2, Marker.UNVERIFIED
LAW, CASE, GUIDE, PROF, REPORT = (
    Kind.LEGISLATION,
    Kind.JUDGMENT,
    Kind.GUIDANCE,
    Kind.PROFESSIONAL,
    Kind.REPORT,
)

CHAPTER_3A = date(2026, 1, 12)
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
    Source("pcsc-s44a-3", f"{_PCSC}, s.44A(3)", "section 44A(1)-(3), (7)-(8)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44a-2", f"{_PCSC}, s.44A(2)", "section 44A(1)-(2)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44a-4", f"{_PCSC}, s.44A(4)-(5)", "section 44A(4)-(5)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44b", f"{_PCSC}, s.44B", "section 44B(1)-(3)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44b-4", f"{_PCSC}, s.44B(4)", "section 44B(4), (6)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44b-5", f"{_PCSC}, s.44B(5)", "section 44B(5)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44c", f"{_PCSC}, s.44C", "section 44C(1)-(2)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44d-2", f"{_PCSC}, s.44D(2)", "section 44D(2)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44d-11", f"{_PCSC}, s.44D(10)-(11)", "section 44D(10)-(11)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44e", f"{_PCSC}, s.44E", "section 44E(1)",
           _VPA_S28, CHAPTER_3A, V, LAW),
    Source("pcsc-s44f", f"{_PCSC}, s.44F", "section 44F",
           _VPA_S29, CHAPTER_3A, V, LAW),
    Source("vpa-2024-s80", "Victims and Prisoners Act 2024, s.80", "section 80(1), (4)(b)",
           "https://www.legislation.gov.uk/ukpga/2024/21/section/80", None, V, LAW),
    Source("vpa-2024-s5", "Victims and Prisoners Act 2024, s.5", "section 5(2)",
           "https://www.legislation.gov.uk/ukpga/2024/21/section/5", date(2025, 1, 29), V, LAW),
    Source("si-2025-1168-reg3",
           "Victims and Prisoners Act 2024 (Commencement No. 8) Regulations 2025, SI 2025/1168",
           "regulation 3", "https://www.legislation.gov.uk/uksi/2025/1168", None, V, LAW),
    Source("si-2025-1259-reg2",
           "PCSC Act 2022 (Counselling Services) Regulations 2025, SI 2025/1259",
           "regulation 2", "https://www.legislation.gov.uk/uksi/2025/1259", CHAPTER_3A, V, LAW),
    Source("si-2025-1260-reg2",
           "PCSC Act 2022 (Victim Information Requests: Code of Practice) Regulations 2025, "
           "SI 2025/1260", "regulation 2", "https://www.legislation.gov.uk/uksi/2025/1260",
           CHAPTER_3A, V, LAW),
    Source("vir-code-senior-sign-off",
           "Reports that counselling requests must be cleared at chief inspector level "
           "(EVAW, 12 January 2026; code wording not seen)", "code paragraph not verified",
           "https://www.endviolenceagainstwomen.org.uk/campaign-win-keepcounsellingconfidential",
           CHAPTER_3A, V2, REPORT),
    Source("home-office-news-2026",
           "Home Office: New rules on police requesting counselling notes come into force",
           "news story, 12 January 2026",
           "https://www.gov.uk/government/news/new-rules-on-police-requesting-counselling-notes-come-into-force--2",
           CHAPTER_3A, V, GUIDE),
    # PACE 1984
    Source("pace-s8", "Police and Criminal Evidence Act 1984, s.8(1)(d)", "section 8(1)(d)",
           _PACE, None, V, LAW),
    Source("pace-s9", "Police and Criminal Evidence Act 1984, s.9", "section 9(1)",
           _PACE, None, V, LAW),
    Source("pace-s11-12", "Police and Criminal Evidence Act 1984, ss.11-12",
           "sections 11(1)(a), 11(2), 12", _PACE, None, V, LAW),
    Source("pace-sch1", "Police and Criminal Evidence Act 1984, Sch 1",
           "Schedule 1, paragraphs 2-4, 12 and 15", _PACE, None, V, LAW),
    # Court routes
    Source("cpawa-1965-s2", "Criminal Procedure (Attendance of Witnesses) Act 1965, ss.2-2A",
           "sections 2, 2A", _CPAWA, date(1999, 4, 1), V, LAW),
    Source("cpawa-1965-s2c", "Criminal Procedure (Attendance of Witnesses) Act 1965, s.2C",
           "section 2C", _CPAWA, None, V, LAW),
    Source("cpawa-1965-s3", "Criminal Procedure (Attendance of Witnesses) Act 1965, s.3",
           "section 3", _CPAWA, None, V, LAW),
    Source("mca-1980-s97", "Magistrates' Courts Act 1980, s.97", "section 97(1)",
           "https://www.legislation.gov.uk/ukpga/1980/43/section/97", None, V, LAW),
    Source("crimpr-2025-r17-2", "Criminal Procedure Rules 2025, SI 2025/909, r.17.2",
           "rule 17.2", _CRIMPR, _CRIMPR_IN_FORCE, V, LAW),
    Source("crimpr-2025-r17-3", "Criminal Procedure Rules 2025, SI 2025/909, r.17.3",
           "rule 17.3(5)", _CRIMPR, _CRIMPR_IN_FORCE, V, LAW),
    Source("crimpr-2025-r17-5", "Criminal Procedure Rules 2025, SI 2025/909, r.17.5",
           "rule 17.5", _CRIMPR, _CRIMPR_IN_FORCE, V, LAW),
    Source("crimpr-2025-r17-6", "Criminal Procedure Rules 2025, SI 2025/909, r.17.6",
           "rule 17.6", _CRIMPR, _CRIMPR_IN_FORCE, V, LAW),
    Source("crimpr-2025-r17-7", "Criminal Procedure Rules 2025, SI 2025/909, r.17.7",
           "rule 17.7", _CRIMPR, _CRIMPR_IN_FORCE, V, LAW),
    Source("crimpr-2025-r17-9", "Criminal Procedure Rules 2025, SI 2025/909, r.17.9",
           "rule 17.9(1)(a): the court may shorten or extend a time limit", _CRIMPR,
           _CRIMPR_IN_FORCE, V, LAW),
    Source("reading-justices-1996",
           "R v Reading Justices, ex p Berkshire County Council [1996] 1 Cr App R 239",
           "'material evidence' is relevant and admissible evidence, not material wanted on "
           "speculation (as reported)", None, None, V2, CASE),
    Source("tb-v-stafford", "R (TB) v Combined Court at Stafford [2006] EWHC 1645 (Admin)",
           "judgment of 4 July 2006",
           "http://www.bailii.org/ew/cases/EWHC/Admin/2006/1645.html", None, V, CASE),
    # Data protection
    Source("uk-gdpr-art6", "UK GDPR, Article 6", "Article 6(1)", _GDPR, None, V, LAW),
    Source("uk-gdpr-art15", "UK GDPR, Article 15", "Article 15(1), (3)-(4)", _GDPR, None, V, LAW),
    Source("uk-gdpr-art7-3", "UK GDPR, Article 7(3)", "Article 7(3)", _GDPR, None, V, LAW),
    Source("uk-gdpr-art9", "UK GDPR, Article 9", "Article 9(1)-(2)", _GDPR, None, V, LAW),
    Source("dpa-2018-sch1-para10", "Data Protection Act 2018, Sch 1 para 10",
           "Schedule 1, paragraph 10", _DPA, None, V, LAW),
    Source("dpa-2018-sch1-para18", "Data Protection Act 2018, Sch 1 para 18",
           "Schedule 1, paragraph 18", _DPA, None, V, LAW),
    Source("dpa-2018-sch2-para2", "Data Protection Act 2018, Sch 2 para 2",
           "Schedule 2, paragraph 2", _DPA, None, V, LAW),
    Source("dpa-2018-sch2-para5", "Data Protection Act 2018, Sch 2 para 5",
           "Schedule 2, paragraph 5", _DPA, None, V, LAW),
    Source("si-2026-82",
           "Data (Use and Access) Act 2025 (Commencement No. 6 and Transitional and Saving "
           "Provisions) Regulations 2026, SI 2026/82", "regulations 2(c), (z6) and 3",
           "https://www.legislation.gov.uk/uksi/2026/82", date(2026, 2, 5), V, LAW),
    Source("ico-law-enforcement",
           "ICO: Sharing personal data with law enforcement authorities",
           "data sharing information hub (updated 29 September 2023)",
           "http://ico.org.uk/for-organisations/data-sharing-information-hub/"
           "sharing-personal-data-with-law-enforcement-authorities/", None, V, GUIDE),
    Source("ico-opinion-2022",
           "Information Commissioner's Opinion: Who's under investigation? (31 May 2022)",
           "criticism of blanket consent forms for victims' records", None,
           date(2022, 5, 31), V2, GUIDE),
    # Guidance for police and prosecutors
    Source("npcc-tpm-form-2023",
           "Interim NPCC third party material request form, used from 4 October 2023 "
           "(described by Newcastle Safeguarding Partnership)",
           "requests made as a reasonable line of enquiry 'rather than relying on consent'",
           "https://newcastlesafeguarding.org.uk/new-third-party-material-request-form",
           date(2023, 10, 4), V2, REPORT),
    Source("cps-ptt-principles", "CPS: Pre-Trial Therapy - Fundamental Principles",
           "principles 1-3 (updated 26 May 2022)", "https://www.cps.gov.uk/node/17286",
           date(2022, 5, 26), V, GUIDE),
    Source("cps-ptt-annex-b", "CPS legal guidance: Pre-Trial Therapy, Annex B",
           "Annex B: obtaining and disclosing pre-trial therapy notes (2022 text, as reproduced)",
           _CPS_PTT, date(2022, 5, 26), V2, GUIDE),
    # Professional bodies, support and campaigns
    Source("bacp-ef-gp55", "BACP Ethical Framework for the Counselling Professions (2018)",
           "Good Practice 55", _BACP_EF, date(2018, 7, 1), V2, PROF),
    Source("bacp-ef-gp10", "BACP Ethical Framework for the Counselling Professions (2018)",
           "Good Practice 10", _BACP_EF, date(2018, 7, 1), V2, PROF),
    Source("counselling-tutor-notes", "Counselling Tutor: Client notes in counselling",
           "practice tips on verifying a caller",
           "https://counsellingtutor.com/client-notes-in-counselling", None, V2, PROF),
    Source("rape-crisis-kcc", "Rape Crisis England & Wales: Keep Counselling Confidential",
           "campaign page and Q&A",
           "https://rapecrisis.org.uk/get-involved/keep-counselling-confidential/",
           None, V2, REPORT),
    Source("csa-reporting-duty-2026",
           "Crime and Policing Act 2026: duty to report child sexual abuse",
           "Part 5 Chapter 2 of the Bill (the Act's numbering not verified); commencement and "
           "coverage of counsellors not verified",
           "https://www.gov.uk/government/publications/circular-0042026-crime-and-policing-act-2026/"
           "circular-0042026-crime-and-policing-act-2026-accessible",
           None, U, LAW),
    Source("ila-service-2026", "Independent Legal Advisors Service (Ministry of Justice grant)",
           "grant specification, announced 10 March 2026; whether it is running not verified",
           "https://www.find-government-grants.service.gov.uk/grants/independent-legal-advisors-service-1",
           None, V, GUIDE),
    # Other parts of the UK
    Source("wf-petitioner-2016", "WF, Petitioner [2016] CSOH 27", "opinion of 9 February 2016",
           "https://beta.bailii.org/scot/cases/ScotCS/2016/[2016]CSOH27.html", None, V, CASE),
)

SOURCES: dict[str, Source] = {source.id: source for source in _ALL}
if len(SOURCES) != len(_ALL):  # pragma: no cover - guarded by tests
    raise RuntimeError("duplicate source id in the sources registry")
