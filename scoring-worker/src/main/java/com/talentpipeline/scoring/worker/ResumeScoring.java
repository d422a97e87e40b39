package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TaskFailure;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.resume.ResumeScored;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.core.score.ResumeScore;
import com.talentpipeline.scoring.resume.ResumeScorer;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Scores every resume version from {@code resume.embedded} (the content and its profile vector, encoded
 * once by the embedding worker; this worker encodes no resume text): a deterministic {@code resume.score} task
 * per (tenant, resume, version) goes RUNNING, then the score comes from the cache (kind
 * {@code resume-score}, key = scorer and model version + content hash) or the scorer, is stored in
 * {@code resume_scores} and {@code predictions}, and is published as SUCCEEDED and {@code resume.scored}.
 * The uploaded file's text comes from the worker's own document projection: a record whose version is
 * not projected yet (its {@code resume.submitted} is still on the way to the projection's consumer group)
 * waits {@code pipeline.scoring.documents.wait}, then fails the batch, which the kit's error handler retries;
 * a resume erased meanwhile is skipped. A version older than the latest stored one is skipped; a record the
 * scorer fails on goes to the DLT and its task to FAILED. Logs name ids only, never resume content.
 */
@Component
public class ResumeScoring {

    /** The cache kind (its TTL, 7 days by default, is {@code pipeline.cache.ttl.resume-score}). */
    public static final String CACHE_KIND = "resume-score";
    private static final Logger log = LoggerFactory.getLogger(ResumeScoring.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final ResumeScorer scorer;
    private final ScoreStore store;
    private final Documents documents;
    private final ResultCache cache;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final DeadLetters deadLetters;
    private final TypedListener<ResumeEmbeddings> listener;
    private final Clock clock = Clock.systemUTC();

    private final Duration documentWait;

    public ResumeScoring(ResumeScorer scorer, ScoreStore store, Documents documents, ResultCache cache,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, ConsumeKit kit,
            @Value("${pipeline.scoring.documents.wait:10s}") Duration documentWait) {
        this.documentWait = documentWait;
        this.scorer = scorer;
        this.store = store;
        this.documents = documents;
        this.cache = cache;
        this.kafka = kafka;
        this.meters = meters;
        this.deadLetters = kit.deadLetters();
        // resume.embedded skips bad records (the embedding worker dead-letters bad submissions and fails their
        // tasks); one without the resume comes from an older embedding worker and is skipped the same way.
        this.listener = kit.listener(Topics.RESUME_EMBEDDED).requiring(envelope -> {
            if (envelope.payload().resume() == null) {
                throw new IllegalArgumentException("resume.embedded without the resume (an older embedding worker)");
            }
        }).handler(this::process);
    }

    /** The deterministic task id of a resume version's score. */
    public static UUID taskId(String tenant, String resumeId, int version) {
        return com.talentpipeline.core.task.TaskIds.resumeScore(tenant, resumeId, version);
    }

    /** One poll of {@code resume.embedded}, as the {@code @KafkaListener} receives it. */
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        listener.onBatch(records);
    }

    /** Processes one decoded batch; returns when everything it published is acknowledged. */
    void process(List<Received<ResumeEmbeddings>> records) throws Exception {
        Outbox out = new Outbox(kafka, deadLetters);
        for (Received<ResumeEmbeddings> received : records) {
            scoreOne(received.record(), received.envelope(), out);
        }
        out.awaitAcks(30_000);
    }

    private void scoreOne(ConsumerRecord<String, byte[]> record, EventEnvelope<ResumeEmbeddings> envelope, Outbox out) {
        ResumeEmbeddings s = envelope.payload();
        String tenant = envelope.tenantId();
        UUID taskId = taskId(tenant, s.resumeId(), s.version());
        Integer latest = store.latestVersion(tenant, s.resumeId()).block(DB_TIMEOUT);
        if (latest != null && latest > s.version()) {
            count("stale");
            return;
        }
        Documents.StoredResume projected = Documents.patiently(documents.resume(tenant, s.resumeId())
                .filter(r -> r.version() >= s.version()), documentWait).block(DB_TIMEOUT.plus(documentWait));
        if (projected == null) {
            if (Boolean.TRUE.equals(documents.erased(tenant, s.resumeId()).block(DB_TIMEOUT))) {
                count("erased");
                return;
            }
            // resume.submitted (the uploaded file's text) has not reached this worker's projection yet:
            // the kit's error handler retries the batch, so the version is scored with its text.
            throw new IllegalStateException("resume " + s.resumeId() + " v" + s.version()
                    + " is not in the scoring worker's document projection yet; retrying the batch");
        }
        // The text of this version's file; none when a newer version was projected meanwhile (as the
        // ingest API keeps only the latest file), and none for a JSON submission.
        String sourceText = projected.version() == s.version() ? projected.sourceText() : null;
        out.task(envelope, taskId, s.resumeId(), TaskEvent.running(TaskType.RESUME_SCORE));
        Timer.Sample sample = Timer.start(meters);
        ResumeScore score;
        boolean hit;
        CacheKey key;
        ScoreStore.ProfileVector profile;
        try {
            profile = profile(s);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("resume", s.resume());
            input.put("sourceText", sourceText == null ? "" : sourceText);
            key = new CacheKey(tenant, CACHE_KIND, scorer.version(), ContentHash.of(input));
            String cached = cache.get(key).block();
            ResumeScore fromCache = cached == null ? null : read(cached);
            hit = fromCache != null;
            score = hit ? fromCache.forSubject(s.resumeId(), s.version())
                    : scorer.score(s.resumeId(), s.version(), s.resume(), sourceText, profile.vector(), YearMonth.now(clock));
        } catch (RuntimeException e) {
            log.error("task {}: scoring resume {} v{} failed; dead-lettered", taskId, s.resumeId(), s.version(), e);
            out.failForGood(record, e, TaskFailure.of(envelope, taskId, s.resumeId(), TaskType.RESUME_SCORE,
                    ErrorCode.MODEL_FAILED, "Scoring failed: " + e.getClass().getSimpleName()));
            count("failed");
            return;
        }
        String json = PipelineJson.mapper().writeValueAsString(score);
        Boolean stored = store.save(tenant, s.resumeId(), s.version(), score.scorerVersion(), key.contentHash(), taskId,
                json, profile).block(DB_TIMEOUT);
        if (!Boolean.TRUE.equals(stored)) {
            count("stale");
            return; // a newer version was stored meanwhile, or the resume was erased
        }
        if (!hit) {
            cache.put(key, json).block();
        }
        cache.remember(s.resumeId(), key).block();
        ModelInfo info = scorer.model();
        out.task(envelope, taskId, s.resumeId(), TaskEvent.succeeded(TaskType.RESUME_SCORE,
                new ModelRef(info.name(), info.version(), info.dimension()), "/v1/resumes/" + s.resumeId() + "/score",
                PipelineJson.mapper().readTree(json), hit));
        CareerPrediction top = score.careerPaths().isEmpty() ? null : score.careerPaths().get(0);
        ResumeScored scored = new ResumeScored(s.resumeId(), s.version(), taskId, score.overallScore(), score.grade(),
                score.atsScore(), top == null ? null : top.careerPath(), top == null ? 0 : top.confidence(),
                score.scorerVersion());
        out.send(Topics.RESUME_SCORED, s.resumeId(), new EventEnvelope<>(UUID.randomUUID().toString(),
                Topics.RESUME_SCORED_NAME, taskId, tenant, s.resumeId(), key.contentHash(), java.time.Instant.now(),
                envelope.traceparent(), scored));
        sample.stop(Timer.builder("scoring.resume.latency").description("Time to score one resume version")
                .tag("cache", hit ? "hit" : "miss").publishPercentileHistogram().register(meters));
        count(hit ? "cache" : "scored");
        log.info("task {} resume {} v{} scored ({})", taskId, s.resumeId(), s.version(), hit ? "cache" : "scorer");
    }

    /**
     * The profile vector as published, when its model is the one the career labels are encoded with;
     * else (a rolling model upgrade) encoded here, counted as {@code outcome=reencoded}.
     */
    private ScoreStore.ProfileVector profile(ResumeEmbeddings s) {
        String model = scorer.model().version();
        if (s.profile() != null && s.model() != null && model.equals(s.model().version())) {
            return new ScoreStore.ProfileVector(model, s.profile());
        }
        count("reencoded");
        return new ScoreStore.ProfileVector(model, scorer.encodeProfile(s.resume()));
    }

    private static ResumeScore read(String json) {
        try {
            return PipelineJson.mapper().readValue(json, ResumeScore.class);
        } catch (RuntimeException e) {
            return null; // an unreadable entry is a miss
        }
    }

    private void count(String outcome) {
        Counter.builder("scoring.resumes").description("Resume versions handled by the scoring worker, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }
}
