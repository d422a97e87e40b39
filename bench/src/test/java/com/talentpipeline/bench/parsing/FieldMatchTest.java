package com.talentpipeline.bench.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parsing benchmark's matching rules and readers, on values written here. */
class FieldMatchTest {

    @Test
    void aProfileLinkMatchesItsAnnotationWhateverTheLineBreaksAndScheme() {
        var counts = FieldMatch.match(FieldMatch.Rule.LINK, List.of("https://www.jobsite.com/r/Jay-Roe/1e7?x=1"),
                List.of("Jobsite: jobsite.com/r/Jay-\nRoe/1e7", "jobsite.com/r/Jay-Roe/1e7"));
        assertThat(counts.matchedPredicted()).isEqualTo(1);
        assertThat(counts.predicted()).isEqualTo(1);
        assertThat(counts.gold()).isEqualTo(1); // the same link annotated twice counts once
    }

    @Test
    void tokenMatchesArePairedOneToOneAtHalfTokenF1() {
        var counts = FieldMatch.match(FieldMatch.Rule.TOKENS,
                List.of("Senior Systems Engineer", "Systems Engineer", "Acme"),
                List.of("Senior Systems Engineer\n"));
        assertThat(counts.matchedPredicted()).isEqualTo(1);
        assertThat(counts.wrong()).containsExactly("systems engineer", "acme");
        assertThat(FieldMatch.tokenF1("oracle", "oracle india pvt ltd")).isLessThan(0.5);
        assertThat(FieldMatch.tokenF1("saraswati college of engineering", "saraswati college of engineering kharghar"))
                .isGreaterThan(0.8);
    }

    @Test
    void skillsArePreciseInsideSpansAndRecallCountsListedItems() {
        var counts = FieldMatch.skills(List.of("Python", "pandas", "Kubernetes"),
                List.of("Languages: Python (pandas, numpy), SQL\nTools: Jira (2 years)"));
        assertThat(counts.matchedPredicted()).isEqualTo(2); // Kubernetes is in no span
        assertThat(FieldMatch.items("Languages: Python (pandas, numpy), SQL\nTools: Jira (2 years)"))
                .containsExactly("Python", "pandas", "numpy", "SQL", "Jira");
        assertThat(counts.matchedGold()).isEqualTo(2);
        assertThat(counts.gold()).isEqualTo(5);
    }

    @Test
    void theReadersParseJsonLinesAndQuotedMultiLineCsv(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("e.jsonl");
        Files.writeString(jsonl, """
                {"content": "Jo Bloggs\\nPune", "annotation": [{"label": ["Name"], "points": [{"start": 0, "end": 8, "text": "Jo Bloggs"}]}]}
                """);
        var annotated = Datasets.entities(jsonl);
        assertThat(annotated).singleElement().satisfies(a -> assertThat(a.get("Name")).containsExactly("Jo Bloggs"));
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "Category,Resume\nHR,\"Skills: a, b\nline \"\"two\"\"\"\nTesting,plain\n");
        assertThat(Datasets.categories(csv)).containsExactly(
                new Datasets.Categorised("HR", "Skills: a, b\nline \"two\""), new Datasets.Categorised("Testing", "plain"));
    }
}
