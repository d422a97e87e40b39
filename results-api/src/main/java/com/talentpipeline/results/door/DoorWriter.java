package com.talentpipeline.results.door;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.results.resume.ResumeVersions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Records, for every SUCCEEDED resume embedding and resume score the task store accepted, that the result
 * of the submission's content is known (see {@link DoorEntries}): the embedding with its model, result and
 * link, the score with its scorer version. The content hash is the envelope's, which the workers carry over
 * from the ingest API's {@code resume.submitted} event. A score is recorded only for a version known to have
 * no uploaded file: the scorer also reads the file's text, which the content hash does not cover. Whether a
 * version came from a file is this service's projection of {@code resume.submitted} ({@link ResumeVersions});
 * a version not projected yet counts as a file (outcome {@code unknown}, nothing recorded): a missed entry
 * only costs a later door miss, a wrong one would answer a JSON submission with a score of a file's text.
 * Best effort: Redis failing only means no door hit. Counts {@code pipeline.door.entries{kind,outcome}}.
 */
@Component
public class DoorWriter {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);

    private final ResultCache cache;
    private final ResumeVersions versions;
    private final MeterRegistry meters;

    /** With the application's result cache (none without Redis: nothing is recorded). */
    @Autowired
    public DoorWriter(ObjectProvider<ResultCache> cache, ResumeVersions versions, MeterRegistry meters) {
        this(cache.getIfAvailable(), versions, meters);
    }

    /**
     * @param cache    where entries go; null records nothing
     * @param versions whether a resume version came from an uploaded file
     */
    public DoorWriter(ResultCache cache, ResumeVersions versions, MeterRegistry meters) {
        this.cache = cache;
        this.versions = versions;
        this.meters = meters;
    }

    /** Records the event's result when it is a stored SUCCEEDED resume embedding or score; else nothing. */
    public Mono<Void> record(EventEnvelope<TaskEvent> envelope) {
        TaskEvent event = envelope.payload();
        if (cache == null || event.state() != TaskState.SUCCEEDED || event.result() == null
                || envelope.contentHash() == null || envelope.subjectId() == null) {
            return Mono.empty();
        }
        if (event.type() == TaskType.RESUME_EMBEDDING && event.model() != null) {
            DoorEntries.Embedding entry = new DoorEntries.Embedding(event.model(),
                    template(event.resultLink(), envelope.subjectId()), event.result());
            return put(DoorEntries.embeddingKey(envelope.tenantId(), envelope.contentHash()), entry,
                    DoorEntries.EMBEDDING_TTL_KIND, envelope.subjectId());
        }
        if (event.type() == TaskType.RESUME_SCORE) {
            JsonNode scorer = event.result().get("scorer_version");
            JsonNode version = event.result().get("version");
            if (scorer == null || !scorer.isString() || version == null || !version.isInt()) {
                return Mono.empty();
            }
            return versions.fromUpload(envelope.tenantId(), envelope.subjectId(), version.asInt())
                    .timeout(DB_TIMEOUT)
                    .map(file -> file ? "file" : "json")
                    .defaultIfEmpty("unknown")
                    .flatMap(source -> !source.equals("json") ? count(DoorEntries.SCORE_KIND, source) : put(
                            DoorEntries.scoreKey(envelope.tenantId(), envelope.contentHash()),
                            new DoorEntries.Score(scorer.asString()), DoorEntries.SCORE_TTL_KIND,
                            envelope.subjectId()));
        }
        return Mono.empty();
    }

    /** The link with the resume id replaced by the placeholder, so it can be filled for another resume. */
    static String template(String resultLink, String resumeId) {
        return resultLink == null ? null : resultLink.replace(resumeId, DoorEntries.RESUME_ID);
    }

    private Mono<Void> put(CacheKey key, Object entry, String ttlKind, String subjectId) {
        String json = PipelineJson.mapper().writeValueAsString(entry);
        // Lives as long as the worker's own cache entry, so a door hit is also a hit for the worker.
        Duration ttl = cache.ttlOf(ttlKind);
        return cache.put(key, json, ttl)
                .flatMap(stored -> stored ? cache.remember(subjectId, key, ttl).then(count(key.kind(), "stored"))
                        : count(key.kind(), "failed"));
    }

    private Mono<Void> count(String kind, String outcome) {
        return Mono.fromRunnable(() -> Counter.builder("pipeline.door.entries")
                .description("Door cache entries written by the results API, by kind and outcome")
                .tag("kind", kind).tag("outcome", outcome)
                .register(meters).increment());
    }
}
