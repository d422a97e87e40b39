package com.talentpipeline.core.kafka.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.rag.RagRequested;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Request-reply without a broker: the "broker" hands each request record to a {@link Responder} on
 * another thread and each reply record to the front door's {@link PendingReplies}, as its
 * {@link ReplyConsumer} would.
 */
class RequestReplyTest {

    private static final ModelRef MODEL = new ModelRef("test-model", "1", 3);

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final PendingReplies pending = new PendingReplies();
    /** Every record the worker published: replies, task events, DLT copies. */
    private final List<ProducerRecord<String, byte[]>> published = new CopyOnWriteArrayList<>();
    /** Tasks the front door created for a 202: task id, type, tenant, subject. */
    private final List<Object[]> tasksCreated = new CopyOnWriteArrayList<>();
    private final TaskFallback fallback = (taskId, type, tenant, subject) -> Mono.fromRunnable(
            () -> tasksCreated.add(new Object[] {taskId, type, tenant, subject}));

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    /** The worker's sender: keeps the record, and delivers replies as the reply consumer does. */
    private CompletableFuture<?> workerSends(ProducerRecord<String, byte[]> record) {
        published.add(record);
        if (record.topic().equals(Topics.REQUEST_REPLIES_NAME)) {
            pending.complete(Topics.REQUEST_REPLIES.decode(record.value()).payload());
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The consume kit's dead-letter writer, sending through {@link #workerSends}. */
    @SuppressWarnings("unchecked")
    private com.talentpipeline.core.kafka.consume.DeadLetters deadLetters() {
        org.springframework.kafka.core.KafkaOperations<String, byte[]> kafka =
                org.mockito.Mockito.mock(org.springframework.kafka.core.KafkaOperations.class);
        org.mockito.Mockito.when(kafka.send(org.mockito.ArgumentMatchers.any(ProducerRecord.class))).thenAnswer(call -> {
            workerSends(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        return new com.talentpipeline.core.kafka.consume.DeadLetters(kafka,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "test-worker");
    }

    /** A front door whose requests a worker answers with {@code handler} after {@code delay}. */
    private RequestReply door(RequestHandler<RagRequested> handler, Duration delay) {
        return door(handler, delay, TaskType.RAG_QUERY);
    }

    /** As above, with the responder's task type (null: a query responder, no task events). */
    private RequestReply door(RequestHandler<RagRequested> handler, Duration delay, TaskType type) {
        Responder<RagRequested> responder = new Responder<>(Topics.RAG_REQUESTED, type, handler,
                this::workerSends, workers, deadLetters());
        Function<ProducerRecord<String, byte[]>, Mono<?>> broker = record -> {
            CompletableFuture.runAsync(() -> {
                sleep(delay);
                responder.onBatch(List.of(consumed(record)));
            }, workers);
            return Mono.just(true);
        };
        return new RequestReply(broker, pending, fallback, Topics.REQUEST_REPLIES_NAME, "http://results:8081/",
                Duration.ofSeconds(5));
    }

    private static RequestReply.Request<RagRequested> question(String resumeId, String query) {
        return new RequestReply.Request<>(Topics.RAG_REQUESTED, TaskType.RAG_QUERY, "tenant-a", resumeId, null,
                new RagRequested(resumeId, query, false));
    }

    private static RequestHandler<RagRequested> echo() {
        return request -> RequestHandler.Answer.of(Map.of("resumeId", request.payload().resumeId(),
                "response", "answer to " + request.payload().query()), MODEL);
    }

    @Test
    void aReplyWithinTheDeadlineIsTheAnswerAndNoTaskIsCreatedForIt() {
        ResponseEntity<Object> answer = door(echo(), Duration.ZERO).ask(question("r1", "Where?"), Duration.ofSeconds(5))
                .block(Duration.ofSeconds(10));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((JsonNode) answer.getBody()).get("response").asString()).isEqualTo("answer to Where?");
        assertThat(tasksCreated).isEmpty();
        assertThat(pending.size()).isZero();
    }

    @Test
    void pastTheDeadlineTheAnswerIs202WithTheTaskAndTheLateReplyCompletesThatTask() {
        ResponseEntity<Object> answer = door(echo(), Duration.ofMillis(400))
                .ask(question("r1", "Where?"), Duration.ofMillis(50)).block(Duration.ofSeconds(10));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        RequestAccepted accepted = (RequestAccepted) answer.getBody();
        assertThat(answer.getHeaders().getLocation()).hasToString("http://results:8081/v1/tasks/" + accepted.taskId());
        assertThat(accepted.type()).isEqualTo("rag.query");
        assertThat(accepted.subjectId()).isEqualTo("r1");
        assertThat(tasksCreated).hasSize(1);
        assertThat(tasksCreated.get(0)).containsExactly(accepted.taskId(), TaskType.RAG_QUERY, "tenant-a", "r1");
        assertThat(pending.size()).as("nobody waits after the deadline").isZero();

        // The worker answers later: its reply finds nobody waiting, its task event completes the 202's task.
        EventEnvelope<TaskEvent> event = awaitTaskEvent(accepted.taskId());
        assertThat(event.payload().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(event.payload().type()).isEqualTo(TaskType.RAG_QUERY);
        assertThat(event.payload().result().get("response").asString()).isEqualTo("answer to Where?");
        assertThat(event.payload().model()).isEqualTo(MODEL);
        assertThat(event.tenantId()).isEqualTo("tenant-a");
        assertThat(event.subjectId()).isEqualTo("r1");
    }

    @Test
    void aZeroDeadlineIsAlwaysATaskEvenWhenTheWorkerIsInstant() {
        ResponseEntity<Object> answer = door(echo(), Duration.ZERO).ask(question("r1", "Where?"), Duration.ZERO)
                .block(Duration.ofSeconds(10));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        UUID taskId = ((RequestAccepted) answer.getBody()).taskId();
        assertThat(awaitTaskEvent(taskId).payload().state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void repliesAreRoutedByCorrelationIdWhateverTheirOrder() {
        // The worker answers the first question last: each caller still gets its own answer.
        RequestHandler<RagRequested> slowFirst = request -> {
            if (request.payload().query().equals("first")) {
                sleep(Duration.ofMillis(300));
            }
            return echo().handle(request);
        };
        RequestReply door = door(slowFirst, Duration.ZERO);
        Mono<ResponseEntity<Object>> first = door.ask(question("r1", "first"), Duration.ofSeconds(5));
        Mono<ResponseEntity<Object>> second = door.ask(question("r2", "second"), Duration.ofSeconds(5));
        var both = Mono.zip(first, second).block(Duration.ofSeconds(10));
        assertThat(((JsonNode) both.getT1().getBody()).get("response").asString()).isEqualTo("answer to first");
        assertThat(((JsonNode) both.getT2().getBody()).get("response").asString()).isEqualTo("answer to second");

        // A reply this instance does not wait for (another replica's) is dropped.
        assertThat(pending.complete(Reply.ok(UUID.randomUUID(), null))).isFalse();
    }

    @Test
    void aRefusalIsTheWorkersProblemAndFailsTheTask() {
        RequestHandler<RagRequested> notIndexed = request -> {
            throw ApiProblemException.notFound("Resume", request.payload().resumeId());
        };
        RequestReply door = door(notIndexed, Duration.ZERO);
        assertThatThrownBy(() -> door.ask(question("r9", "Where?"), Duration.ofSeconds(5)).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ApiProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(p.code()).isEqualTo("not_found");
                    assertThat(p.getMessage()).isEqualTo("Resume r9 was not found");
                });
        // The reply goes out first (a client waits for it); the task event follows.
        EventEnvelope<TaskEvent> failed = awaitTaskEvent(null);
        assertThat(failed.payload().state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.payload().error().code()).isEqualTo(ErrorCode.REQUEST_REFUSED);
    }

    @Test
    void aQueryIsAnsweredByTheReplyAloneWithNoTaskAndNoTaskEvent() {
        JsonNode body = door(echo(), Duration.ZERO, null).query(question("r1", "Where?"), Duration.ofSeconds(5))
                .block(Duration.ofSeconds(10));
        assertThat(body.get("response").asString()).isEqualTo("answer to Where?");
        assertThat(tasksCreated).isEmpty();
        assertThat(pending.size()).isZero();
        assertThat(published).extracting(ProducerRecord::topic).containsExactly(Topics.REQUEST_REPLIES_NAME);
    }

    @Test
    void aQueryRefusedIsTheWorkersProblemAndAQueryPastItsDeadlineIs503WithoutATask() {
        RequestHandler<RagRequested> notIndexed = request -> {
            throw ApiProblemException.notFound("Taxonomy", request.payload().resumeId());
        };
        assertThatThrownBy(() -> door(notIndexed, Duration.ZERO, null).query(question("t9", "x"), Duration.ofSeconds(5))
                .block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ApiProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(p.getMessage()).isEqualTo("Taxonomy t9 was not found");
                });

        assertThatThrownBy(() -> door(echo(), Duration.ofMillis(400), null).query(question("r1", "slow"),
                Duration.ofMillis(50)).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ApiProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                });
        assertThat(pending.size()).isZero();
        assertThat(tasksCreated).isEmpty();
        sleep(Duration.ofMillis(600));
        assertThat(published).extracting(ProducerRecord::topic).doesNotContain(Topics.TASK_EVENTS_NAME);
    }

    @Test
    void aRequestKafkaDoesNotAcknowledgeIs503AndNothingWaits() {
        RequestReply door = new RequestReply(record -> Mono.error(new IllegalStateException("broker away")), pending,
                fallback, Topics.REQUEST_REPLIES_NAME, "http://results:8081", Duration.ofSeconds(5));
        assertThatThrownBy(() -> door.ask(question("r1", "Where?"), Duration.ofSeconds(1)).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        p -> assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(pending.size()).isZero();
        assertThat(tasksCreated).isEmpty();
    }

    @Test
    void aPoisonRequestGoesToTheDltAndItsCallerGetsA400() {
        Responder<RagRequested> responder = new Responder<>(Topics.RAG_REQUESTED, TaskType.RAG_QUERY, echo(),
                this::workerSends, workers, deadLetters());
        UUID correlationId = UUID.randomUUID();
        CompletableFuture<Reply> waiting = pending.register(correlationId);
        RecordHeaders headers = new RecordHeaders();
        ReplyHeaders.attach(headers, Topics.REQUEST_REPLIES_NAME, correlationId);
        responder.onBatch(List.of(new ConsumerRecord<>(Topics.RAG_REQUESTED_NAME, 2, 7L, 0L, TimestampType.CREATE_TIME,
                0, 0, "r1", "{not json".getBytes(), headers, java.util.Optional.empty())));

        assertThat(published).anySatisfy(r -> {
            assertThat(r.topic()).isEqualTo("rag.requested.DLT");
            assertThat(r.partition()).isEqualTo(2);
            assertThat(new String(r.value())).isEqualTo("{not json");
            // The kit's one header set.
            assertThat(r.headers().lastHeader(com.talentpipeline.core.kafka.consume.DeadLetterHeaders.SERVICE)).isNotNull();
        });
        Reply reply = waiting.join();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("malformed_request");
    }

    /** The task event of {@code taskId} (null: the first one), once the worker published it. */
    private EventEnvelope<TaskEvent> awaitTaskEvent(UUID taskId) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            for (ProducerRecord<String, byte[]> r : published) {
                if (r.topic().equals(Topics.TASK_EVENTS_NAME)) {
                    EventEnvelope<TaskEvent> e = Topics.TASK_EVENTS.decode(r.value());
                    if (taskId == null || e.taskId().equals(taskId)) {
                        return e;
                    }
                }
            }
            sleep(Duration.ofMillis(10));
        }
        throw new AssertionError("no task event for " + taskId);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(),
                record.value(), record.headers(), java.util.Optional.empty());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
