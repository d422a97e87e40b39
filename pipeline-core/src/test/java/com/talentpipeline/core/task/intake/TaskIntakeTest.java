package com.talentpipeline.core.task.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.core.web.ApiProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;

/**
 * The intake's contract on an in-memory store and a mocked producer: an Idempotency-Key replays the first
 * task without writing or publishing again, a refused or silent Kafka undoes every row (the owner's too) and
 * answers 503, and the event carries the client's trace in its header and envelope (a new root without one).
 */
class TaskIntakeTest {

    static final InterviewSubmitted INTERVIEW = new InterviewSubmitted("iv-1",
            List.of(new InterviewSubmitted.Turn("candidate", "I would use an idempotency key.")),
            new InterviewSubmitted.Rubric(0.3, 0.4, 0.3), null);
    static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @SuppressWarnings("unchecked")
    final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    final MemoryStore store = new MemoryStore();
    final TaskIntake intake = new TaskIntake(store, kafka, new IntakeSettings(Duration.ofMillis(300),
            Duration.ofSeconds(7)), new SimpleMeterRegistry());

    /** Records what the owner was asked to undo. */
    static final class Owner implements OwnerRows<Void> {
        final List<Integer> undone = new ArrayList<>();

        @Override
        public String ctes() {
            return "doc AS (INSERT INTO owned (id) VALUES (:subject) RETURNING 3 AS version)";
        }

        @Override
        public Mono<Void> undo(Integer version, Void state) {
            return Mono.fromRunnable(() -> undone.add(version));
        }
    }

    /** The kit's rows in memory: tasks by id and keys by tenant/key. */
    static class MemoryStore implements IntakeStore {
        final Map<UUID, String> tasks = new HashMap<>();
        final Map<String, Object[]> keys = new HashMap<>();
        int writes;
        RuntimeException nextWriteFails;

        @Override
        public <S> Mono<Written<S>> write(IntakeRequest<?, S> r, String tenantId, UUID taskId, OffsetDateTime now) {
            return Mono.fromCallable(() -> {
                if (nextWriteFails != null) {
                    RuntimeException e = nextWriteFails;
                    nextWriteFails = null;
                    throw e;
                }
                writes++;
                tasks.put(taskId, r.subjectId());
                if (r.idempotencyKey() != null) {
                    keys.put(tenantId + "/" + r.idempotencyKey(), new Object[] {r.requestHash(), taskId, r.subjectId()});
                }
                return new Written<S>(3, null);
            });
        }

        @Override
        public Mono<Accepted> findByKey(String tenantId, String key, String requestHash) {
            return Mono.justOrEmpty(keys.get(tenantId + "/" + key)).map(row -> {
                if (!requestHash.equals(row[0])) {
                    throw R2dbcIntakeStore.keyReused(key);
                }
                return new Accepted((UUID) row[1], (String) row[2], true);
            });
        }

        @Override
        public <S> Mono<Void> undo(IntakeRequest<?, S> r, UUID taskId, Written<S> written) {
            return Mono.fromRunnable(() -> {
                tasks.remove(taskId);
                keys.values().removeIf(row -> row[1].equals(taskId));
            }).then(r.rows().undo(written.version(), written.state()));
        }
    }

    IntakeRequest<InterviewSubmitted, Void> request(String key, String hash, OwnerRows<Void> rows) {
        return new IntakeRequest<>(TaskType.INTERVIEW_SCORE, Topics.INTERVIEW_SUBMITTED, "iv-1", hash,
                version -> INTERVIEW, key, null, rows, null);
    }

    @SuppressWarnings("unchecked")
    void kafkaAcknowledges() {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
    }

    @SuppressWarnings("unchecked")
    ProducerRecord<String, byte[]> published() {
        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        return sent.getValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepeatedIdempotencyKeyReplaysTheFirstTaskWithoutWritingOrPublishingAgain() {
        kafkaAcknowledges();
        Accepted first = intake.submit(request("key-1", "h1", OwnerRows.none()), "t1", null).block();
        Accepted again = intake.submit(request("key-1", "h1", OwnerRows.none()), "t1", null).block();

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.taskId()).isEqualTo(first.taskId());
        assertThat(again.subjectId()).isEqualTo("iv-1");
        assertThat(store.writes).isEqualTo(1);
        verify(kafka, times(1)).send(any(ProducerRecord.class));

        // Another tenant's same key is its own task; the same key on other content is refused.
        Accepted other = intake.submit(request("key-1", "h1", OwnerRows.none()), "t2", null).block();
        assertThat(other.taskId()).isNotEqualTo(first.taskId());
        assertThatThrownBy(() -> intake.submit(request("key-1", "h2", OwnerRows.none()), "t1", null).block())
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.code()).isEqualTo("idempotency_key_reused");
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void losingARaceOnTheSameKeyAnswersTheWinnersTask() {
        UUID winner = UUID.randomUUID();
        store.keys.put("t1/key-2", new Object[] {"interview.score:h1", winner, "iv-1"});
        // The lookup before the write missed the winner's key; its insert then hits the unique key.
        IntakeStore racing = new MemoryStore() {
            boolean looked;

            @Override
            public Mono<Accepted> findByKey(String tenantId, String key, String requestHash) {
                if (!looked) {
                    looked = true;
                    return Mono.empty();
                }
                return store.findByKey(tenantId, key, requestHash);
            }

            @Override
            public <S> Mono<Written<S>> write(IntakeRequest<?, S> r, String tenantId, UUID taskId, OffsetDateTime now) {
                return Mono.error(new DuplicateKeyException("idempotency_keys_pkey"));
            }
        };
        TaskIntake racer = new TaskIntake(racing, kafka, new IntakeSettings(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new SimpleMeterRegistry());
        Accepted answer = racer.submit(request("key-2", "h1", OwnerRows.none()), "t1", null).block();
        assertThat(answer.taskId()).isEqualTo(winner);
        assertThat(answer.replayed()).isTrue();
        verify(kafka, never()).send(any(ProducerRecord.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenKafkaRefusesEveryRowIsUndoneAndTheAnswerIs503WithRetryAfter() {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("no leader")));
        Owner owner = new Owner();
        assertThatThrownBy(() -> intake.submit(request("key-3", "h1", owner), "t1", TRACE).block())
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.tasks).isEmpty();
        assertThat(store.keys).isEmpty();
        assertThat(owner.undone).containsExactly(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenKafkaDoesNotAnswerWithinTheAckTimeoutTheRowsAreUndoneToo() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(new CompletableFuture<>());
        Owner owner = new Owner();
        assertThatThrownBy(() -> intake.submit(request(null, "h1", owner), "t1", null).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(store.tasks).isEmpty();
        assertThat(owner.undone).containsExactly(3);
    }

    @Test
    void theEventCarriesTheClientsTraceInItsHeaderAndEnvelopeKeyedBySubject() {
        kafkaAcknowledges();
        Accepted accepted = intake.submit(request(null, "h1", OwnerRows.none()), "t1", TRACE.toUpperCase()).block();

        ProducerRecord<String, byte[]> record = published();
        assertThat(record.topic()).isEqualTo("interview.submitted");
        assertThat(record.key()).isEqualTo("iv-1");
        assertThat(new String(record.headers().lastHeader(Traceparent.HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(TRACE);
        EventEnvelope<InterviewSubmitted> envelope = Topics.INTERVIEW_SUBMITTED.decode(record.value());
        assertThat(envelope.traceparent()).isEqualTo(TRACE);
        assertThat(envelope.taskId()).isEqualTo(accepted.taskId());
        assertThat(envelope.tenantId()).isEqualTo("t1");
        assertThat(envelope.payload()).isEqualTo(INTERVIEW);
    }

    @Test
    void withoutAClientTraceTheTaskGetsANewRootInHeaderAndEnvelope() {
        kafkaAcknowledges();
        intake.submit(request(null, "h1", OwnerRows.none()), "t1", "not-a-traceparent").block();

        ProducerRecord<String, byte[]> record = published();
        String header = new String(record.headers().lastHeader(Traceparent.HEADER).value(), StandardCharsets.UTF_8);
        assertThat(Traceparent.isValid(header)).isTrue();
        assertThat(Topics.INTERVIEW_SUBMITTED.decode(record.value()).traceparent()).isEqualTo(header);
    }

    @Test
    void theOneStatementHoldsTheOwnersRowsTheTaskAndOnlyWhatTheRequestNeeds() {
        String plain = R2dbcIntakeStore.sql(request(null, "h1", new Owner()));
        assertThat(plain).startsWith("WITH doc AS (INSERT INTO owned").contains("INSERT INTO tasks")
                .doesNotContain("idempotency_keys", "task_results");
        assertThat(plain.indexOf("INSERT INTO owned")).isLessThan(plain.indexOf("INSERT INTO tasks"));

        var keyed = new IntakeRequest<>(TaskType.RESUME_EMBEDDING, Topics.INTERVIEW_SUBMITTED, "r-1", "h1",
                version -> INTERVIEW, "key", null, OwnerRows.none(),
                new Finished(new ModelRef("m", "m@1", 384), "/v1/resumes/r-1/embeddings", "{\"version\":0}"));
        assertThat(R2dbcIntakeStore.sql(keyed)).contains("INSERT INTO idempotency_keys", "INSERT INTO task_results");
    }

    @Test
    void theAnswerIsWrittenSnakeCaseAndLeavesOutWhatIsAbsent() {
        UUID task = UUID.randomUUID();
        var json = com.talentpipeline.core.web.wire.WireJson.writer(builder -> { }).writeValueAsString(
                TaskAccepted.of(new Accepted(task, "iv-1", true), TaskAccepted.taskUrl("http://r/", task))
                        .forInterview("iv-1"));
        assertThat(json).contains("\"task_id\":\"" + task + "\"", "\"status\":\"ACCEPTED\"",
                "\"task_url\":\"http://r/v1/tasks/" + task + "\"", "\"replayed\":true", "\"interview_id\":\"iv-1\"")
                .doesNotContain("resume_id", "cache_hit", "null", "taskId");
        assertThat(json.indexOf("interview_id")).isEqualTo(json.lastIndexOf("interview_id"));
    }
}
