package com.talentpipeline.core.web.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class WireJsonTest {

    record Inner(String jobTitle, int startYear) {
    }

    record Outer(String taskId, String status, List<Inner> workExperience, Map<String, Object> extra) {
    }

    private final JsonMapper writer = WireJson.writer(b -> { });
    private final JsonMapper reader = WireJson.reader(b -> { });

    @Test
    void namesFollowTheRule() {
        assertThat(WireNames.snake("taskId")).isEqualTo("task_id");
        assertThat(WireNames.snake("loadTimeMillis")).isEqualTo("load_time_millis");
        assertThat(WireNames.snake("resultURL")).isEqualTo("result_url");
        assertThat(WireNames.snake("task_id")).isEqualTo("task_id");
        assertThat(WireNames.snake("status")).isEqualTo("status");
        assertThat(WireNames.snake("Java Developer")).isEqualTo("Java Developer");
        assertThat(WireNames.snake("JavaScript")).isEqualTo("JavaScript");
        assertThat(WireNames.snake("c++")).isEqualTo("c++");
    }

    @Test
    void writesRecordsMapsAndTreesSnakeCase() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("retryAfterMillis", 5);
        extra.put("Java Developer", 0.5);
        String json = writer.writeValueAsString(new Outer("t1", "ok", List.of(new Inner("Dev", 2020)), extra));
        assertThat(json).isEqualTo("{\"task_id\":\"t1\",\"status\":\"ok\",\"work_experience\":[{\"job_title\":\"Dev\","
                + "\"start_year\":2020}],\"extra\":{\"retry_after_millis\":5,\"Java Developer\":0.5}}");
        ObjectNode tree = writer.createObjectNode();
        tree.putObject("fallbackReason").put("topScore", 1);
        assertThat(writer.writeValueAsString(tree)).isEqualTo("{\"fallback_reason\":{\"top_score\":1}}");
    }

    @Test
    void readsSnakeCaseAndTheOldCamelCase() {
        Outer snake = reader.readValue("{\"task_id\":\"a\",\"work_experience\":[{\"job_title\":\"Dev\",\"start_year\":1}]}",
                Outer.class);
        Outer camel = reader.readValue("{\"taskId\":\"a\",\"workExperience\":[{\"jobTitle\":\"Dev\",\"startYear\":1}]}",
                Outer.class);
        assertThat(snake).isEqualTo(camel);
        assertThat(snake.workExperience()).containsExactly(new Inner("Dev", 1));
        assertThat(snake.taskId()).isEqualTo("a");
    }

    @Test
    void writerOutputReadsBack() {
        Outer sent = new Outer("t", "s", List.of(new Inner("x", 3)), Map.of("k", 1));
        assertThat(reader.readValue(writer.writeValueAsString(sent), Outer.class)).isEqualTo(sent);
    }
}
