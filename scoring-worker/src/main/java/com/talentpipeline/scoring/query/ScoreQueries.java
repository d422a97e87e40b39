package com.talentpipeline.scoring.query;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.score.ScoreRequested;
import com.talentpipeline.core.score.ScoredResume;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.score.AtsScore;
import com.talentpipeline.core.score.ResumeScore;
import com.talentpipeline.scoring.resume.ResumeScorer;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers {@code score.requested} ({@code GET /v1/resumes/{id}/score?jobId=} at the results API): the
 * latest stored score of the resume with its ATS score recomputed against the job (the job's keywords
 * found and missing), plus {@code task_id}. 404 for a resume or job the tenant does not have, 409
 * {@code not_ready} while the resume is not scored yet.
 */
@Component
class ScoreQueries implements RequestHandler<ScoreRequested> {

    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    private final ScoreStore store;
    private final Documents documents;
    private final ResumeScorer scorer;
    private final Clock clock;
    private final Responder<ScoreRequested> responder;
    private final Duration documentWait;

    ScoreQueries(ScoreStore store, Documents documents, ResumeScorer scorer, Responders responders,
            @Value("${pipeline.scoring.documents.request-wait:1s}") Duration documentWait) {
        this.store = store;
        this.documents = documents;
        this.documentWait = documentWait;
        this.scorer = scorer;
        this.clock = Clock.systemUTC();
        this.responder = responders.of(Topics.SCORE_REQUESTED, null, this, "score-query", 2);
    }

    @KafkaListener(id = "score-queries", idIsGroup = false, topics = Topics.SCORE_REQUESTED_NAME, batch = "true")
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        responder.onBatch(records);
    }

    @Override
    public Answer handle(EventEnvelope<ScoreRequested> request) {
        String tenant = request.tenantId();
        String resumeId = request.payload().resumeId();
        String jobId = request.payload().jobId();
        // The projection may not hold a just-submitted resume or job yet: looked up again for a moment.
        var resume = Documents.patiently(documents.resume(tenant, resumeId), documentWait)
                .blockOptional(STORE_WAIT.plus(documentWait))
                .orElseThrow(() -> ApiProblemException.notFound("Resume", resumeId));
        ScoreStore.Stored stored = store.latest(tenant, resumeId).blockOptional(STORE_WAIT)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.CONFLICT, "not_ready",
                        "Resume " + resumeId + " is not scored yet; retry shortly", List.of(), Duration.ofSeconds(1)));
        var job = Documents.patiently(documents.job(tenant, jobId), documentWait)
                .blockOptional(STORE_WAIT.plus(documentWait))
                .orElseThrow(() -> ApiProblemException.notFound("Job", jobId));
        String text = resume.sourceText();
        ResumeScore score = PipelineJson.mapper().readValue(stored.result(), ResumeScore.class);
        AtsScore ats = scorer.atsFor(resume.resume(), text, job, jobId, YearMonth.now(clock));
        return Answer.of(new ScoredResume(score.withAts(ats), stored.taskId().toString()), null);
    }

}
