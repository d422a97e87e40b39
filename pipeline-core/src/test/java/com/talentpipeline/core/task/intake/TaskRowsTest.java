package com.talentpipeline.core.task.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A task row written on its own: started only once past ACCEPTED, and never without its identity. */
class TaskRowsTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 7, 20, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anAcceptedTaskHasNotStartedARunningOneStartedWhenItWasCreated() {
        var accepted = new TaskRows.NewTask(UUID.randomUUID(), "t1", TaskType.RAG_QUERY, TaskState.ACCEPTED, "r-1", null, AT);
        var running = new TaskRows.NewTask(UUID.randomUUID(), "t1", TaskType.ERASURE, TaskState.RUNNING, "r-1",
                "/v1/tasks/x", AT);
        assertThat(accepted.startedAt()).isNull();
        assertThat(running.startedAt()).isEqualTo(AT);
    }

    @Test
    void aRowWithoutTenantOrSubjectIsRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> new TaskRows.NewTask(UUID.randomUUID(), null, TaskType.RAG_QUERY, TaskState.ACCEPTED,
                "r-1", null, AT)).isInstanceOf(NullPointerException.class).hasMessageContaining("tenantId");
        assertThatThrownBy(() -> new TaskRows.NewTask(UUID.randomUUID(), "t1", TaskType.RAG_QUERY, TaskState.ACCEPTED,
                null, null, AT)).isInstanceOf(NullPointerException.class).hasMessageContaining("subjectId");
    }
}
