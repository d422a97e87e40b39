package com.talentpipeline.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.bench.data.Csv;
import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.sections.BenchContext;
import com.talentpipeline.bench.sections.QualitySection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the data files (small fixtures written here), and the section's skip without them. */
class QualityDataTest {

    @Test
    void csvKeepsQuotedCommasLineBreaksAndQuotes() {
        List<List<String>> rows = Csv.parse("Category,Resume\r\nHR,\"Recruiting, payroll\nand \"\"onboarding\"\"\"\nSales,plain\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly("HR", "Recruiting, payroll\nand \"onboarding\"");
        assertThat(rows.get(2)).containsExactly("Sales", "plain");
    }

    @Test
    void readsCategoriesAndAnnotatedSpans(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(QualityData.CATEGORIES), "Category,Resume\nHR,\"Payroll, hiring\"\nSales,Quota\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(QualityData.ENTITIES), """
                {"content": "Java, SQL at Acme", "annotation": [{"label": ["Skills"], "points": [{"start": 0, "end": 8, "text": "Java, SQL"}]}, {"label": [], "points": []}]}
                """, StandardCharsets.UTF_8);
        assertThat(QualityData.present(dir)).isTrue();
        QualityData data = QualityData.load(dir);
        assertThat(data.categorised()).extracting(QualityData.Categorised::category).containsExactly("HR", "Sales");
        assertThat(data.categorised().get(0).text()).isEqualTo("Payroll, hiring");
        assertThat(data.annotated()).hasSize(1);
        assertThat(data.annotated().get(0).spans("Skills")).containsExactly("Java, SQL");
        assertThat(SkillQuality.items(data.annotated().get(0))).containsExactly("Java", "SQL");
    }

    @Test
    void theSectionIsSkippedWhenTheDataIsAbsent(@TempDir Path empty) {
        String before = System.getProperty("bench.data");
        System.setProperty("bench.data", empty.toString());
        try {
            SectionResult result = new QualitySection().run(new BenchContext(1));
            assertThat(result.error()).startsWith("skipped: data not found");
            assertThat(result.metrics()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty("bench.data");
            } else {
                System.setProperty("bench.data", before);
            }
        }
    }

    @Test
    void theRagQuestionSetIsLargeEnoughAndAThirdUnanswerable() {
        RagQuality rag = new RagQuality(List.of());
        assertThat(rag.questions()).isGreaterThanOrEqualTo(60);
        long unanswerable = rag.questionList().stream().filter(q -> q.expected().isEmpty()).count();
        assertThat(unanswerable * 3).isGreaterThanOrEqualTo(rag.questions());
    }
}
