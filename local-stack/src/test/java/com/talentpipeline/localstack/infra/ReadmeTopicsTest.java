package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.topic.BadRecordPolicy;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's topic table lists every topic of the registry, with its partition count, cleanup policy and
 * bad-record policy.
 */
class ReadmeTopicsTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| (`[a-z.]+`(?:, `[a-z.]+`)*) \\| (\\d+) \\| (delete|compact) \\| (dead-letter|skip) \\|");
    private static final Pattern NAME = Pattern.compile("`([a-z.]+)`");

    @Test
    void everyRegistryTopicIsInTheReadmeTableWithItsPartitionsAndPolicy() throws Exception {
        String readme = Files.readString(InfraFiles.repository().resolve("README.md"));
        String table = readme.substring(readme.indexOf("Topics (registry:"));
        Map<String, String> rows = new HashMap<>();
        Matcher row = ROW.matcher(table.substring(0, table.indexOf("\n## ")));
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                rows.put(name.group(1), row.group(2) + " " + row.group(3) + " " + row.group(4));
            }
        }
        List<Topic<?>> all = Topics.all();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(all.stream().map(Topic::name).toList());
        for (Topic<?> topic : all) {
            assertThat(rows.get(topic.name())).as(topic.name())
                    .isEqualTo(topic.partitions() + " " + (topic.compacted() ? "compact" : "delete") + " "
                            + (topic.badRecordPolicy() == BadRecordPolicy.DEAD_LETTER ? "dead-letter" : "skip"));
        }
    }
}
