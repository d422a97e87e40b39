package com.talentpipeline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void aSetHasItsOwnLocationAndHistoryTable() {
        assertThat(SchemaMigrator.location("core/task")).isEqualTo("classpath:db/migration/core/task");
        assertThat(SchemaMigrator.historyTable("core/task")).isEqualTo("flyway_history_core_task");
        assertThat(SchemaMigrator.historyTable("scoring")).isEqualTo("flyway_history_scoring");
    }

    @Test
    void aNameThatIsNotAPlainPathIsRefused() {
        for (String bad : List.of("", "Core/Task", "../db", "core//task", "core/task/", "x;drop", "/core")) {
            assertThatThrownBy(() -> SchemaMigrator.historyTable(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void migratingWithoutAnySetFailsAtStartUp() {
        var db = new PipelineProperties.Db(true, "jdbc:postgresql://127.0.0.1:1/none", "u", "p", null);
        assertThat(db.locations()).isEmpty();
        assertThatThrownBy(new SchemaMigrator(db)::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pipeline.db.locations");
    }
}
