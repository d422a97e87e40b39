package com.talentpipeline.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.skill.SkillVocabulary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per layout family real resumes use (job-board exports, run-on exports, label/value lines,
 * bullets of every kind, two-column PDFs, DOCX tables), each with a small fixture written here.
 */
class ResumeLayoutsTest {

    private final ResumeTextParser parser = new ResumeTextParser(SkillVocabulary.defaults());
    private final TextExtractor extractor = new TextExtractor(ExtractionLimits.defaults());

    private ParsedResume parse(String text) {
        return parser.parse(extractor.extract(text.getBytes(StandardCharsets.UTF_8), DocumentType.TEXT).text());
    }

    private static List<String> skills(ParsedResume parsed) {
        return parsed.resume().skills().stream().map(Resume.Skill::name).toList();
    }

    /** A job-board export: no e-mail, a profile link broken over two lines, stacked roles and degrees. */
    static final String JOB_BOARD = """
            Meera Iyer
            Quality Analyst - Northwind Systems

            Kochi, Kerala - Email me on Jobsite: jobsite.com/r/Meera-
            Iyer/4f2a9c81b7d0e653

            Tester with five years of experience in manual and automated testing of billing products.

            WORK EXPERIENCE

            Quality Analyst

            Northwind Systems -  Kochi, Kerala -

            July-2018 to Present

            - Wrote regression suites for the invoicing service and kept them green
            across three releases a month

            Junior Tester

            Contoso Labs -  Chennai, Tamil Nadu -

            2015-16

            EDUCATION

            B.Tech in Information Technology

            Model Engineering College, Thrikkakara -  Kochi, Kerala

            2011 to 2015

            SKILLS

            Selenium (3 years), Java (2 years), SQL (Less than 1 year)
            """;

    @Test
    void aProfileLinkIsALinkNotAnEmail() {
        ParsedResume parsed = parse(JOB_BOARD);
        assertThat(parsed.resume().email()).isNull();
        assertThat(parsed.links()).first().isEqualTo("jobsite.com/r/Meera-Iyer/4f2a9c81b7d0e653");
        assertThat(parsed.warnings()).anyMatch(w -> w.startsWith("no email address found; the contact link"));
        assertThat(parsed.resume().firstName()).isEqualTo("Meera");
        assertThat(parsed.resume().lastName()).isEqualTo("Iyer");
        assertThat(parsed.headline()).isEqualTo("Quality Analyst");
        assertThat(parsed.employer()).isEqualTo("Northwind Systems");
        assertThat(parsed.location()).isEqualTo("Kochi");
        Span link = parsed.provenance().get("links[0]");
        assertThat(JOB_BOARD.substring(link.start(), link.end())).startsWith("jobsite.com/r/Meera-").endsWith("e653");
    }

    @Test
    void stackedRolesAndDegreesOfAJobBoardExport() {
        ParsedResume parsed = parse(JOB_BOARD);
        assertThat(parsed.resume().workExperience()).extracting(Resume.WorkExperience::jobTitle,
                        Resume.WorkExperience::company, Resume.WorkExperience::startDate, Resume.WorkExperience::endDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Quality Analyst", "Northwind Systems", "2018-07", "present"),
                        org.assertj.core.groups.Tuple.tuple("Junior Tester", "Contoso Labs", "2015", "2016"));
        // The wrapped bullet is one responsibility, not a role.
        assertThat(parsed.resume().workExperience().get(0).responsibilities()).singleElement().asString()
                .endsWith("across three releases a month");
        assertThat(parsed.resume().education()).singleElement().satisfies(e -> {
            assertThat(e.degree()).isEqualTo("B.Tech in Information Technology");
            assertThat(e.institution()).isEqualTo("Model Engineering College, Thrikkakara");
            assertThat(e.graduationDate()).isEqualTo("2015");
        });
        assertThat(parsed.places()).contains("Kochi", "Chennai");
        assertThat(skills(parsed)).containsExactly("Selenium", "Java", "SQL");
        assertThat(parsed.resume().summary()).startsWith("Tester with five years");
    }

    /** A run-on export: headings glued to the previous line, "company - X" / "description - Y" labels. */
    static final String RUN_ON = """
            Skills: Communication, MS Excel, Tally ERP Education Details\s
            July 2012 to May 2015 B.Com Accounting Nagpur, Maharashtra Hislop College
            Accounts Executive\s

            Skill Details\s
            Tally- Experience - 36 months
            GST filing- Experience - 24 monthsCompany Details\s
            company - Fabrikam Traders
            description - Handled payables and GST returns.
            Responsibilities: â¢ Reconciled vendor ledgers every month. â¢ Prepared quarterly GST filings.
            company - Tailspin Foods
            description - Billing and collections
            """;

    @Test
    void runOnHeadingsLabelsAndMisencodedBullets() {
        ParsedResume parsed = parse(RUN_ON);
        assertThat(skills(parsed)).contains("Communication", "MS Excel", "Tally ERP", "Tally", "GST filing");
        assertThat(parsed.undatedRoles()).containsExactly("| Fabrikam Traders", "| Tailspin Foods");
        assertThat(parsed.resume().education()).singleElement().satisfies(e -> {
            assertThat(e.degree()).startsWith("B.Com Accounting");
            assertThat(e.institution()).contains("Hislop College");
            assertThat(e.graduationDate()).isEqualTo("2015-05");
        });
        assertThat(parsed.resume().firstName()).isNull();
        assertThat(parsed.warnings()).contains("no name found", "no phone number found");
    }

    /** Label/value lines, numbered and ❖ bullets, "till now" and "since". */
    static final String LABELLED = """
            Rahul Verma
            rahul.verma@example.in

            PROFESSIONAL EXPERIENCE:
            Designation: Site Engineer
            Organization : Tailwind Constructions Pvt Ltd
            Duration : Aug 2019 till now
            1. Supervised concrete works for a 12-storey block.
            2. Checked bar bending schedules.
            Designation: Junior Engineer
            Organization : Blue Yonder Infra
            Duration : since 2017
            ❖ Prepared estimates.

            Technical Skills
            * AutoCAD
            * STAAD Pro
            • MS Project
            """;

    @Test
    void labelValueRolesAndEveryBullet() {
        ParsedResume parsed = parse(LABELLED);
        assertThat(parsed.resume().workExperience()).hasSize(2);
        Resume.WorkExperience first = parsed.resume().workExperience().get(0);
        assertThat(first.jobTitle()).isEqualTo("Site Engineer");
        assertThat(first.company()).isEqualTo("Tailwind Constructions Pvt Ltd");
        assertThat(first.startDate()).isEqualTo("2019-08");
        assertThat(first.endDate()).isEqualTo("present");
        assertThat(first.responsibilities()).containsExactly("Supervised concrete works for a 12-storey block.",
                "Checked bar bending schedules.");
        Resume.WorkExperience second = parsed.resume().workExperience().get(1);
        assertThat(second.company()).isEqualTo("Blue Yonder Infra");
        assertThat(second.startDate()).isEqualTo("2017");
        assertThat(second.responsibilities()).containsExactly("Prepared estimates.");
        assertThat(skills(parsed)).containsExactly("AutoCAD", "STAAD Pro", "MS Project");
        Span company = parsed.provenance().get("workExperience[0].company");
        assertThat(LABELLED.substring(company.start(), company.end())).isEqualTo("Tailwind Constructions Pvt Ltd");
    }

    @Test
    void skillsInLabelsProseAndParentheses() {
        ParsedResume parsed = parse("""
                Ana Costa
                KEY SKILLS: Python (pandas, numpy), SQL; Tableau
                Languages: Java (3 years), Go
                Experience
                Data Analyst, Acme Corp 2019 - 2021
                - Built reports.
                """);
        assertThat(skills(parsed)).containsExactly("Python", "SQL", "Tableau", "Pandas", "NumPy", "Java", "Go");
    }

    @Test
    void aTwoColumnPdfIsReadColumnByColumn() {
        byte[] pdf = LayoutDocuments.twoColumnPdf(
                List.of("Lena Fischer", "Backend Developer", "lena.fischer@example.de"),
                List.of("EXPERIENCE", "Backend Developer, Fabrikam GmbH", "Jan 2020 - Present",
                        "- Built the order service in Kotlin.", "Intern, Contoso AG", "2018 - 2019",
                        "- Wrote integration tests."),
                List.of("SKILLS", "Kotlin", "PostgreSQL", "Docker", "EDUCATION", "B.Sc. Computer Science",
                        "University of Stuttgart, 2019"));
        String text = extractor.extract(pdf, DocumentType.PDF).text();
        // Side by side rows are not spliced: "Backend Developer, Fabrikam GmbH" does not run into "Kotlin".
        assertThat(text).doesNotContain("Fabrikam GmbH Kotlin");
        ParsedResume parsed = parser.parse(text);
        assertThat(parsed.resume().workExperience()).extracting(Resume.WorkExperience::company)
                .containsExactly("Fabrikam GmbH", "Contoso AG");
        assertThat(skills(parsed)).containsExactly("Kotlin", "PostgreSQL", "Docker");
        assertThat(parsed.resume().education()).singleElement()
                .satisfies(e -> assertThat(e.institution()).isEqualTo("University of Stuttgart"));
    }

    @Test
    void aSingleColumnPdfIsNotSplit() {
        String text = extractor.extract(TestDocuments.pdf(ResumeFixtures.CLASSIC.text()), DocumentType.PDF).text();
        assertThat(text).containsPattern("Senior Software Engineer, Acme Corp\\s+Jan 2019 - Present\n• Built");
    }

    @Test
    void aDocxTableKeepsHeadingsAndEntriesApart() {
        byte[] docx = LayoutDocuments.docxWithTable(List.of("Omar Haddad", "omar.haddad@example.com"), List.of(
                List.of("Skills", "Excel, Power BI, SQL"),
                List.of("Experience", "Financial Analyst, Globex Bank\nMar 2017 - Dec 2021\n- Built the budget model."),
                List.of("Education", "MBA Finance, Indian Institute of Management Indore, 2016")));
        ParsedResume parsed = parser.parse(extractor.extract(docx, DocumentType.DOCX).text());
        assertThat(skills(parsed)).containsExactly("Excel", "Power BI", "SQL");
        assertThat(parsed.resume().workExperience()).singleElement().satisfies(role -> {
            assertThat(role.jobTitle()).isEqualTo("Financial Analyst");
            assertThat(role.company()).isEqualTo("Globex Bank");
            assertThat(role.startDate()).isEqualTo("2017-03");
        });
        assertThat(parsed.resume().education()).singleElement()
                .satisfies(e -> assertThat(e.degree()).isEqualTo("MBA Finance"));
    }

    @Test
    void aRoleStartingInTheFutureIsUndatedNotARefusal() {
        int future = java.time.Year.now().getValue() + 3;
        ParsedResume parsed = parse("""
                Experience
                Site Manager, Contoso Builders  %d - Present
                - Will run the new site.
                """.formatted(future));
        assertThat(parsed.resume().workExperience()).isEmpty();
        assertThat(parsed.undatedRoles()).containsExactly("Site Manager | Contoso Builders");
        assertThat(parsed.warnings()).anyMatch(w -> w.startsWith("a role starting in the future"));
    }

    @Test
    void anAnonymousProseResumeIsASummaryWithWarnings() {
        ParsedResume parsed = parse("I have looked after children for eight years and now want to train as a nurse.");
        assertThat(parsed.resume().summary()).startsWith("I have looked after children");
        assertThat(parsed.warnings()).contains("no name found", "no email address found", "no phone number found");
        ParsedResume words = parse("care work, night shifts");
        assertThat(words.resume().summary()).isEqualTo("care work, night shifts");
        assertThat(words.warnings()).contains("no resume sections recognised; the text is kept as the summary");
    }
}
