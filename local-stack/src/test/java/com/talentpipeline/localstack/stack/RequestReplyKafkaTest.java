package com.talentpipeline.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.kafka.reply.PendingReplies;
import com.talentpipeline.core.kafka.reply.ReplyConsumer;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.rag.RagRequested;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * The request-reply kit on a real (embedded) broker, without the services: two front-door instances
 * share one reply topic, each reading it with its own {@link ReplyConsumer}; a worker answers with the
 * kit's {@link Responder} and a handler that does no work, so the latencies printed are the kit's own
 * overhead (publish, acknowledge, worker poll, reply, reply poll), next to a direct HTTP call of the same
 * handler measured in the same loop.
 */
class RequestReplyKafkaTest {

    @TempDir
    static Path dir;
    static EmbeddedKafkaServer kafka;
    static KafkaProducer<String, byte[]> producer;
    static final ExecutorService workers = Executors.newFixedThreadPool(4);
    static final AtomicBoolean running = new AtomicBoolean(true);
    static Thread worker;
    static final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafkaServer(StackSettings.forTests(dir.resolve("stack")));
        kafka.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?> t : List.of(Topics.RAG_REQUESTED, Topics.REQUEST_REPLIES, Topics.TASK_EVENTS)) {
                topics.add(new NewTopic(t.name(), t.partitions(), (short) 1));
                topics.add(new NewTopic(t.deadLetterTopic(), t.partitions(), (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
        // As the services' producers: idempotent, acks=all, linger 2 ms.
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2), new StringSerializer(), new ByteArraySerializer());
        RequestHandler<RagRequested> echo = request -> RequestHandler.Answer.of(
                Map.of("response", "answer to " + request.payload().query()), null);
        Responder<RagRequested> responder = new Responder<>(Topics.RAG_REQUESTED, TaskType.RAG_QUERY, echo,
                record -> toFuture(record), workers, com.talentpipeline.core.kafka.consume.ConsumeKit.of(
                        org.mockito.Mockito.mock(org.springframework.kafka.core.KafkaOperations.class),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "worker").deadLetters());
        worker = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "worker", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(Topics.RAG_REQUESTED_NAME));
                while (running.get()) {
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    c.poll(Duration.ofMillis(500)).forEach(batch::add);
                    if (!batch.isEmpty()) {
                        responder.onBatch(batch);
                        c.commitSync();
                    }
                }
            }
        }, "test-worker");
        worker.start();
    }

    static CompletableFuture<?> toFuture(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(metadata);
            }
        });
        return done;
    }

    static RequestReply frontDoor() {
        PendingReplies pending = new PendingReplies();
        ReplyConsumer replies = new ReplyConsumer(Topics.REQUEST_REPLIES,
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), pending);
        replies.start();
        closing.add(replies::stop);
        // Off the caller's thread as ReactiveSends does: send() may block on metadata.
        return new RequestReply(record -> Mono.fromFuture(() -> toFuture(record))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), pending,
                (taskId, type, tenant, subject) -> Mono.empty(), Topics.REQUEST_REPLIES_NAME, "http://results",
                Duration.ofSeconds(5));
    }

    static RequestReply.Request<RagRequested> question(String query) {
        return new RequestReply.Request<>(Topics.RAG_REQUESTED, TaskType.RAG_QUERY, "tenant-a", "r-" + query, null,
                new RagRequested("r-" + query, query, false));
    }

    static HttpResponse<String> send(HttpClient http, URI uri, String body) {
        try {
            return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        running.set(false);
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (worker != null) {
            worker.join(10_000);
        }
        workers.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void twoFrontDoorsEachGetTheirOwnRepliesAndTheKitsOverheadIsPrinted() {
        RequestReply a = frontDoor();
        RequestReply b = frontDoor();
        // Concurrent questions on both instances: every answer reaches the instance that asked.
        List<Mono<String>> asks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RequestReply door = i % 2 == 0 ? a : b;
            String query = (i % 2 == 0 ? "a" : "b") + i;
            asks.add(door.ask(question(query), Duration.ofSeconds(10)).map(r -> {
                assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
                return ((JsonNode) r.getBody()).get("response").asString() + "|" + query;
            }));
        }
        List<String> answers = Flux.merge(asks).collectList().block(Duration.ofSeconds(60));
        assertThat(answers).hasSize(40).allSatisfy(s -> {
            String[] parts = s.split("\\|");
            assertThat(parts[0]).isEqualTo("answer to " + parts[1]);
        });

        // Sequential round trips, alternating with a direct HTTP call to the same handler (as the worker's own
        // endpoint answered before), so both see the same machine load; 20 warm-up pairs.
        DisposableServer direct = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/ask", (request, response) -> response
                        .header("Content-Type", "application/json")
                        .sendString(request.receive().aggregate().asString().map(q -> "{\"response\":\"answer to " + q + "\"}"))))
                .bindNow();
        closing.add(direct::disposeNow);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> kit = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            long t0 = System.nanoTime();
            ResponseEntity<Object> r = a.ask(question("q" + i), Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
            long took = (System.nanoTime() - t0) / 1_000;
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
            long t1 = System.nanoTime();
            HttpResponse<String> h = send(http, URI.create("http://127.0.0.1:" + direct.port() + "/ask"), "q" + i);
            long tookHttp = (System.nanoTime() - t1) / 1_000;
            assertThat(h.body()).isEqualTo("{\"response\":\"answer to q" + i + "\"}");
            if (i >= 20) {
                kit.add(took);
                plain.add(tookHttp);
            }
        }
        kit.sort(Long::compare);
        plain.sort(Long::compare);
        double kit50 = kit.get(kit.size() / 2) / 1000.0, kit99 = kit.get((int) (kit.size() * 0.99)) / 1000.0;
        double http50 = plain.get(plain.size() / 2) / 1000.0, http99 = plain.get((int) (plain.size() * 0.99)) / 1000.0;
        System.out.printf("REQUEST-REPLY KIT (no work, embedded broker) p50 %.2f ms p99 %.2f ms; direct HTTP p50 %.2f ms "
                + "p99 %.2f ms; ratio p50 %.1fx p99 %.1fx over %d pairs; load average %.1f%n", kit50, kit99, http50, http99,
                kit50 / http50, kit99 / http99, kit.size(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(kit.get(kit.size() / 2)).as("p50 of the bare round trip").isLessThan(250_000L);
    }
}
