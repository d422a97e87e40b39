package com.talentpipeline.core.career;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scoring worker's career replies keep the keys clients read (snake_case where the worker named them,
 * absent values left out): moving the records into this contract must not change a byte.
 */
class CareerAnswersWireTest {

    @Test
    void aPredictionKeepsItsKeys() throws Exception {
        CareerPaths paths = new CareerPaths("text", "builtin", "zero-shot", 12,
                List.of(new CareerPrediction("swe", "Software Engineer", 0.61, 0.52, List.of())), "Software Engineer",
                0.61, 0.05, "all-MiniLM-L6-v2", null);
        assertThat(PipelineJson.mapper().writeValueAsString(paths)).isEqualTo("{\"input\":\"text\","
                + "\"label_set\":\"builtin\",\"mode\":\"zero-shot\",\"labels\":12,\"career_paths\":[{\"id\":\"swe\","
                + "\"career_path\":\"Software Engineer\",\"confidence\":0.61,\"similarity\":0.52,\"because\":[]}],"
                + "\"career_path\":\"Software Engineer\",\"confidence\":0.61,\"temperature\":0.05,"
                + "\"model\":\"all-MiniLM-L6-v2\"}");
        CareerPaths student = new CareerPaths("student", "builtin", "zero-shot", 12, List.of(), null, 0, 0.05, "m",
                "Strong in Mathematics");
        assertThat(PipelineJson.mapper().writeValueAsString(student))
                .contains("\"career_path\":null").endsWith("\"student_profile\":\"Strong in Mathematics\"}");
    }

    @Test
    void taxonomiesKeepTheirKeysAndLeaveOutWhatIsAbsent() throws Exception {
        TaxonomyView builtIn = new TaxonomyView("builtin", "Built-in career paths",
                List.of(new TaxonomyView.TaxonomyLabel("Data Scientist", "Models data", List.of("Python"), 0)), null);
        assertThat(PipelineJson.mapper().writeValueAsString(builtIn)).isEqualTo("{\"id\":\"builtin\","
                + "\"name\":\"Built-in career paths\",\"labels\":[{\"label\":\"Data Scientist\","
                + "\"description\":\"Models data\",\"skills\":[\"Python\"],\"examples\":0}]}");
        TaxonomyView stored = new TaxonomyView("t1", "Ours",
                List.of(new TaxonomyView.TaxonomyLabel("Nurse", null, List.of(), 2)), "2026-12-07T10:00Z");
        assertThat(PipelineJson.mapper().writeValueAsString(stored)).isEqualTo("{\"id\":\"t1\",\"name\":\"Ours\","
                + "\"labels\":[{\"label\":\"Nurse\",\"description\":null,\"examples\":2}],"
                + "\"created_at\":\"2026-12-07T10:00Z\"}");

        TaxonomyList list = new TaxonomyList(new TaxonomyList.BuiltinTaxonomy("builtin", 12),
                List.of(new TaxonomyList.TaxonomySummary("t1", "Ours", 1, "2026-12-07T10:00Z")));
        assertThat(PipelineJson.mapper().writeValueAsString(list)).isEqualTo("{\"builtin\":{\"id\":\"builtin\","
                + "\"labels\":12},\"taxonomies\":[{\"id\":\"t1\",\"name\":\"Ours\",\"labels\":1,"
                + "\"created_at\":\"2026-12-07T10:00Z\"}]}");
    }
}
