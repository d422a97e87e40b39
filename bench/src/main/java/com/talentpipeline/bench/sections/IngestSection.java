package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.report.Stats;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskIds;
import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.localstack.stack.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Accepted submissions per second and the latency of each POST (8 concurrent clients, each waiting
 * for its 202) against a raw Kafka producer ({@code acks=all}, idempotent, like ingest's) sending
 * the same bytes from 8 threads, each waiting for its acknowledgement, to a topic of the same
 * partition count. The difference is what validation, the PostgreSQL transaction and HTTP cost.
 */
public final class IngestSection implements BenchSection {

    private static final int CLIENTS = 8;

    @Override
    public String id() {
        return "ingest";
    }

    @Override
    public String title() {
        return "Ingest: HTTP submissions vs raw Kafka producer";
    }

    @Override
    public SectionResult run(BenchContext context) throws Exception {
        int n = context.size("ingest.requests", 400);
        // One document (already embedded by the cache section's corpus): the worker answers from the cache
        // and stays out of the way of what is measured here.
        String body = context.corpus().resume("cache", 0);
        context.pipeline();
        measure(n / 4, () -> accept(context, body));
        long[] ingest = new long[n];
        Steps steps = Steps.of(context);
        long ingestNanos = measureInto(ingest, () -> accept(context, body));
        Steps running = Steps.of(context).minus(steps);

        context.stack().createTopics(List.of(TopicSpec.of("bench.raw-submissions", 6)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long[] raw = new long[n];
        long rawNanos;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(context))) {
            Sender send = () -> producer.send(new ProducerRecord<>("bench.raw-submissions", UUID.randomUUID().toString(), bytes))
                    .get(30, TimeUnit.SECONDS);
            measure(n / 4, send);
            rawNanos = measureInto(raw, send);
        }

        // The same load with every consumer paused: what ingest costs without the downstream work of each
        // accepted resume competing for the same cores. Then the backlog is drained before the next section.
        long[] paused = new long[n];
        List<String> resumeIds = java.util.Collections.synchronizedList(new ArrayList<>());
        long pausedNanos;
        Steps pausedSteps;
        context.pauseConsumers(true);
        try {
            Steps before = Steps.of(context);
            pausedNanos = measureInto(paused, () -> resumeIds.add(accept(context, body)));
            pausedSteps = Steps.of(context).minus(before);
        } finally {
            context.pauseConsumers(false);
        }
        long drain = System.nanoTime();
        List<String> scoreTasks = resumeIds.stream()
                .map(id -> TaskIds.resumeScore(Tenants.DEFAULT, id, 1).toString()).toList();
        if (!context.awaitSucceeded(scoreTasks, Duration.ofSeconds(300), 200)) {
            throw new IllegalStateException("the paused backlog was not worked off in 300 s");
        }
        double drainSeconds = (System.nanoTime() - drain) / 1e9;
        double pausedRate = Stats.perSecond(n, pausedNanos);
        double ingestRate = Stats.perSecond(n, ingestNanos);
        double rawRate = Stats.perSecond(n, rawNanos);
        double ingestP50 = Stats.percentileMillis(ingest, 50);
        double ingestP99 = Stats.percentileMillis(ingest, 99);
        double rawP50 = Stats.percentileMillis(raw, 50);
        double rawP99 = Stats.percentileMillis(raw, 99);
        return new SectionResult(id(), title())
                .metric("requests", n)
                .metric("concurrent clients", CLIENTS)
                .metric("payload bytes", bytes.length)
                .metric("ingest accepted/s", ingestRate)
                .metric("ingest p50 ms", ingestP50)
                .metric("ingest p99 ms", ingestP99)
                .metric("raw producer records/s", rawRate)
                .metric("raw producer p50 ms", rawP50)
                .metric("raw producer p99 ms", rawP99)
                .ratio("ingest / raw producer throughput", ingestRate, rawRate, "ingest accepted/s", "raw producer records/s")
                .ratio("ingest p50 / raw producer p50", ingestP50, rawP50, "ingest p50 ms", "raw producer p50 ms")
                .ratio("ingest p99 / raw producer p99", ingestP99, rawP99, "ingest p99 ms", "raw producer p99 ms")
                .metric("consumers paused: ingest accepted/s", pausedRate)
                .metric("consumers paused: ingest p50 ms", Stats.percentileMillis(paused, 50))
                .metric("consumers paused: ingest p99 ms", Stats.percentileMillis(paused, 99))
                .metric("consumers paused: backlog worked off in s", drainSeconds)
                .metric("mean ms, running: HTTP request in ingest", running.http())
                .metric("mean ms, running: door look-up (Redis MGET)", running.door())
                .metric("mean ms, running: task + document statement", running.store())
                .metric("mean ms, running: Kafka acknowledgement", running.publish())
                .metric("mean ms, paused: HTTP request in ingest", pausedSteps.http())
                .metric("mean ms, paused: door look-up (Redis MGET)", pausedSteps.door())
                .metric("mean ms, paused: task + document statement", pausedSteps.store())
                .metric("mean ms, paused: Kafka acknowledgement", pausedSteps.publish())
                .ratio("consumers paused: ingest / raw producer throughput", pausedRate, rawRate,
                        "ingest accepted/s, consumers paused", "raw producer records/s")
                .note("A quarter of the requests are sent first as warm-up and not counted, for both. The payload is"
                        + " the cache section's first resume, so after the first one every submission is answered at"
                        + " the door (its results are known) and still published. 'consumers paused' repeats the ingest"
                        + " run with every worker's and the results API's listeners paused: the difference is what the"
                        + " downstream work of each accepted resume takes from the same cores.");
    }

    /** POSTs the resume; returns its resume id. */
    private static String accept(BenchContext context, String body) {
        var response = context.submit("/v1/resumes", body);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
        }
        return PipelineJson.mapper().readTree(response.body()).get("resume_id").asString();
    }

    private static Properties producerProperties(BenchContext context) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.stack().endpoints().kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /**
     * Totals (count, seconds) of ingest's own timers, to say where a request's time goes: the whole request
     * in ingest, the door look-up, the task and document statement, and Kafka's acknowledgement.
     */
    private record Steps(double[] counts, double[] seconds) {

        private static final String[] TIMERS = {"http.server.requests", "ingest.door.cache.latency",
                "pipeline.ingest.store.latency", "pipeline.ingest.publish.latency"};

        static Steps of(BenchContext context) {
            var meters = context.pipeline().ingestContext().getBean(io.micrometer.core.instrument.MeterRegistry.class);
            double[] counts = new double[TIMERS.length];
            double[] seconds = new double[TIMERS.length];
            for (int i = 0; i < TIMERS.length; i++) {
                var search = meters.find(TIMERS[i]);
                if (i == 0) {
                    search = search.tag("uri", "/v1/resumes").tag("method", "POST");
                }
                for (var timer : search.timers()) {
                    counts[i] += timer.count();
                    seconds[i] += timer.totalTime(TimeUnit.SECONDS);
                }
            }
            return new Steps(counts, seconds);
        }

        Steps minus(Steps earlier) {
            double[] c = new double[TIMERS.length];
            double[] s = new double[TIMERS.length];
            for (int i = 0; i < TIMERS.length; i++) {
                c[i] = counts[i] - earlier.counts[i];
                s[i] = seconds[i] - earlier.seconds[i];
            }
            return new Steps(c, s);
        }

        private double mean(int i) {
            return counts[i] == 0 ? 0 : 1000 * seconds[i] / counts[i];
        }

        double http() {
            return mean(0);
        }

        double door() {
            return mean(1);
        }

        double store() {
            return mean(2);
        }

        double publish() {
            return mean(3);
        }
    }

    /** One request or record, waiting for its answer. */
    @FunctionalInterface
    interface Sender {
        void send() throws Exception;
    }

    private static void measure(int n, Sender sender) throws Exception {
        measureInto(new long[n], sender);
    }

    /** Sends {@code latencies.length} times from {@link #CLIENTS} threads; fills the latencies, returns the wall time. */
    private static long measureInto(long[] latencies, Sender sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = client; i < latencies.length; i += CLIENTS) {
                        long s = System.nanoTime();
                        sender.send();
                        latencies[i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return System.nanoTime() - t0;
        } finally {
            pool.shutdownNow();
        }
    }
}
