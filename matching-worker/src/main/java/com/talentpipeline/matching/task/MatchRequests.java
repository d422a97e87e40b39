package com.talentpipeline.matching.task;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.match.MatchRequested;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.recommend.Comparisons;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Compares one resume with one job for {@code match.requested} (the front door's {@code POST /v1/matches},
 * always a {@code match} task there): waits up to {@code pipeline.matching.embeddings-wait} for both
 * profiles (a document accepted a moment ago may not be embedded yet), then compares, from the 30-day
 * cache when it holds the pair. The result and the task event go out through the {@link Responder}.
 */
@Component
class MatchRequests implements RequestHandler<MatchRequested> {

    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    private final DocumentStore documents;
    private final Profiles profiles;
    private final Comparisons comparisons;
    private final TextEncoder encoder;
    private final MatchingProperties properties;
    private final Responder<MatchRequested> responder;

    MatchRequests(DocumentStore documents, Profiles profiles, Comparisons comparisons, TextEncoder encoder,
            MatchingProperties properties, @Qualifier("matchingExecutor") ExecutorService executor,
            Responders responders) {
        this.documents = documents;
        this.profiles = profiles;
        this.comparisons = comparisons;
        this.encoder = encoder;
        this.properties = properties;
        this.responder = responders.of(Topics.MATCH_REQUESTED, TaskType.MATCH, this, executor);
    }

    @KafkaListener(id = "match-requests", idIsGroup = false, topics = Topics.MATCH_REQUESTED_NAME, batch = "true")
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        responder.onBatch(records);
    }

    @Override
    public Answer handle(EventEnvelope<MatchRequested> request) {
        String tenant = request.tenantId();
        MatchRequested match = request.payload();
        StoredDocument resumeRow = documents.resumeForRequest(tenant, match.resumeId()).blockOptional(STORE_WAIT)
                .orElseThrow(() -> ApiProblemException.notFound("Resume", match.resumeId()));
        ResumeProfile resume = profiles.awaitResume(resumeRow, properties.embeddingsWait());
        JobProfile job = resume == null ? null : profiles.awaitJob(tenant, match.jobId(), properties.embeddingsWait());
        if (resume == null || job == null) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "embeddings_pending", (resume == null ? "the resume"
                    : "the job") + " has no embeddings after " + properties.embeddingsWait().toSeconds() + "s");
        }
        Comparisons.Outcome outcome = comparisons.compare(resume, job);
        ModelInfo info = encoder.info();
        return new Answer(outcome.result(), new ModelRef(info.name(), info.version(), info.dimension()),
                outcome.cacheHit());
    }
}
