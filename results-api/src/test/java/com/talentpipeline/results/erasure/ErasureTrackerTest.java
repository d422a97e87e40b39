package com.talentpipeline.results.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.erasure.ErasureLedger;
import com.talentpipeline.core.erasure.ErasurePlan;
import com.talentpipeline.core.erasure.ErasureProperties;
import com.talentpipeline.core.erasure.ErasureReport;
import com.talentpipeline.core.task.TaskState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The results side of the fan-out: SUCCEEDED with per-participant counts once all listed participants
 * reported; FAILED naming the missing participant at the deadline; a repeated report never flips a
 * finished task. The ledger and the task row are in memory here, with the guards of their SQL.
 */
class ErasureTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");

    private final MemoryLedger ledger = new MemoryLedger();
    private final MemoryRows rows = new MemoryRows();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UUID task = UUID.randomUUID();

    private ErasureTracker trackerAt(Instant now) {
        TransactionalOperator tx = mock(TransactionalOperator.class);
        when(tx.transactional(any(Mono.class))).thenAnswer(call -> call.getArgument(0));
        var properties = new ErasureProperties(List.of(), Duration.ofMinutes(2), Duration.ofSeconds(5), true,
                Duration.ofSeconds(30));
        return new ErasureTracker(ledger, rows, tx, properties, meters, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void open(String... participants) {
        ledger.open(task, "t1", new ErasurePlan(List.of(participants), List.of("r1"), List.of("resume.embedded:r1"),
                List.of("resume.updated:r1:deleted")), T0).block();
        rows.states.put(task, TaskState.RUNNING);
    }

    @Test
    void allListedParticipantsReportedSucceedsWithTheirCounts() {
        open("ingest", "scoring", "rag");
        var tracker = trackerAt(T0.plusSeconds(1));
        assertThat(tracker.onReport(task, new ErasureReport("ingest", "r1", Map.of("resumes", 1L))).block())
                .isEqualTo(ErasureTracker.Outcome.WAITING);
        assertThat(rows.progress.get(task)).isEqualTo(33);
        tracker.onReport(task, new ErasureReport("scoring", "r1", Map.of("resume_scores", 2L))).block();
        assertThat(tracker.onReport(task, new ErasureReport("rag", "r1", Map.of("rag_chunks", 7L))).block())
                .isEqualTo(ErasureTracker.Outcome.SUCCEEDED);

        assertThat(rows.states.get(task)).isEqualTo(TaskState.SUCCEEDED);
        JsonNode result = rows.results.get(task);
        assertThat(result.get("participants").get("scoring").get("resume_scores").asLong()).isEqualTo(2);
        assertThat(result.get("participants").get("rag").get("rag_chunks").asLong()).isEqualTo(7);
        assertThat(result.get("rows").get("resumes").asLong()).isEqualTo(1);
        assertThat(ledger.plans).as("the plan is closed").doesNotContainKey(task);
        assertThat(meters.get("pipeline.erasure.tasks").tag("outcome", "succeeded").counter().count()).isEqualTo(1);
    }

    @Test
    void atTheDeadlineTheTaskFailsNamingTheMissingParticipant() {
        open("ingest", "scoring", "rag");
        trackerAt(T0.plusSeconds(1)).onReport(task, new ErasureReport("ingest", "r1", Map.of("resumes", 1L))).block();
        trackerAt(T0.plusSeconds(2)).onReport(task, new ErasureReport("scoring", "r1", Map.of("resume_scores", 1L))).block();
        assertThat(trackerAt(T0.plusSeconds(119)).check(task).block()).isEqualTo(ErasureTracker.Outcome.WAITING);

        assertThat(trackerAt(T0.plusSeconds(120)).check(task).block()).isEqualTo(ErasureTracker.Outcome.FAILED);
        assertThat(rows.states.get(task)).isEqualTo(TaskState.FAILED);
        assertThat(rows.errors.get(task)).contains("rag").doesNotContain("scoring").doesNotContain("ingest");
        assertThat(rows.results.get(task).get("missing").get(0).asString()).isEqualTo("rag");
        assertThat(rows.results.get(task).get("participants").get("scoring").get("resume_scores").asLong()).isEqualTo(1);

        // The missing participant's report comes late: recorded, but the task stays FAILED.
        assertThat(trackerAt(T0.plusSeconds(130)).onReport(task, new ErasureReport("rag", "r1", Map.of("rag_chunks", 3L)))
                .block()).isEqualTo(ErasureTracker.Outcome.UNKNOWN);
        assertThat(rows.states.get(task)).isEqualTo(TaskState.FAILED);
        assertThat(rows.finishes).isEqualTo(1);
    }

    @Test
    void aRepeatedReportKeepsTheFirstCountsAndNeverFlipsTheTask() {
        open("scoring", "matching");
        var tracker = trackerAt(T0.plusSeconds(1));
        tracker.onReport(task, new ErasureReport("scoring", "r1", Map.of("resume_scores", 2L))).block();
        // The event delivered twice: the second report finds nothing left and says zero.
        assertThat(tracker.onReport(task, new ErasureReport("scoring", "r1", Map.of("resume_scores", 0L))).block())
                .isEqualTo(ErasureTracker.Outcome.WAITING);
        assertThat(tracker.onReport(task, new ErasureReport("matching", "r1", Map.of("index_entries", 1L))).block())
                .isEqualTo(ErasureTracker.Outcome.SUCCEEDED);
        assertThat(rows.results.get(task).get("participants").get("scoring").get("resume_scores").asLong()).isEqualTo(2);

        assertThat(tracker.onReport(task, new ErasureReport("matching", "r1", Map.of("index_entries", 0L))).block())
                .isEqualTo(ErasureTracker.Outcome.UNKNOWN);
        assertThat(trackerAt(T0.plus(Duration.ofHours(1))).check(task).block()).isEqualTo(ErasureTracker.Outcome.UNKNOWN);
        assertThat(rows.states.get(task)).isEqualTo(TaskState.SUCCEEDED);
        assertThat(rows.finishes).isEqualTo(1);
    }

    @Test
    void reportsBeforeThePlanAreTalliedOnceItIsOpen() {
        var tracker = trackerAt(T0.plusSeconds(1));
        assertThat(tracker.onReport(task, new ErasureReport("rag", "r1", Map.of())).block())
                .isEqualTo(ErasureTracker.Outcome.UNKNOWN);
        open("ingest", "rag");
        assertThat(tracker.onReport(task, new ErasureReport("ingest", "r1", Map.of("resumes", 1L))).block())
                .isEqualTo(ErasureTracker.Outcome.SUCCEEDED);
    }

    /** {@link ErasureLedger} in memory, with its table's primary key (first report per pair wins). */
    static final class MemoryLedger extends ErasureLedger {
        final Map<UUID, Open> plans = new HashMap<>();
        final Map<UUID, Map<String, ErasureReport>> reports = new HashMap<>();

        MemoryLedger() {
            super(null);
        }

        @Override
        public Mono<Void> open(UUID taskId, String tenantId, ErasurePlan plan, Instant at) {
            return Mono.fromRunnable(() -> plans.put(taskId, new Open(taskId, tenantId, plan, at)));
        }

        @Override
        public Mono<Boolean> record(UUID taskId, ErasureReport report, Instant at) {
            return Mono.fromSupplier(() -> reports.computeIfAbsent(taskId, t -> new LinkedHashMap<>())
                    .putIfAbsent(report.participant() + "/" + report.subject(), report) == null);
        }

        @Override
        public Mono<Open> find(UUID taskId) {
            return Mono.justOrEmpty(plans.get(taskId));
        }

        @Override
        public Flux<ErasureReport> reports(UUID taskId) {
            return Flux.fromIterable(new ArrayList<>(reports.getOrDefault(taskId, Map.of()).values()));
        }

        @Override
        public Flux<UUID> openTasks() {
            return Flux.fromIterable(new ArrayList<>(plans.keySet()));
        }

        @Override
        public Mono<Void> close(UUID taskId) {
            return Mono.fromRunnable(() -> {
                plans.remove(taskId);
                reports.remove(taskId);
            });
        }
    }

    /** The task rows in memory, changed only while RUNNING (as the SQL's guard). */
    static final class MemoryRows extends ErasureTaskRows {
        final Map<UUID, TaskState> states = new HashMap<>();
        final Map<UUID, Integer> progress = new HashMap<>();
        final Map<UUID, String> errors = new HashMap<>();
        final Map<UUID, JsonNode> results = new HashMap<>();
        int finishes;

        MemoryRows() {
            super(null);
        }

        @Override
        Mono<Void> progress(UUID taskId, int value, Instant at) {
            return Mono.fromRunnable(() -> progress.merge(taskId, value, Math::max));
        }

        @Override
        Mono<Boolean> finish(UUID taskId, TaskState state, String errorMessage, JsonNode result, Instant at) {
            return Mono.fromSupplier(() -> {
                if (states.get(taskId) != TaskState.RUNNING) {
                    return false;
                }
                finishes++;
                states.put(taskId, state);
                if (errorMessage != null) {
                    errors.put(taskId, errorMessage);
                }
                results.put(taskId, result);
                return true;
            });
        }
    }
}
