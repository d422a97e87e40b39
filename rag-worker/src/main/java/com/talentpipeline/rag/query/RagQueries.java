package com.talentpipeline.rag.query;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.rag.RagAnswer;
import com.talentpipeline.core.rag.RagRequested;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.rag.answer.Answer;
import com.talentpipeline.rag.answer.RagService;
import com.talentpipeline.rag.index.ChunkStore;
import com.talentpipeline.rag.index.IndexedResume;
import com.talentpipeline.rag.index.RagIndex;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers the questions of {@code rag.requested} (asked at the front door's {@code POST /v1/rag/queries}):
 * a resume this worker has not indexed for the tenant is a 404 refusal; otherwise the answer, with the
 * query counted in the resume's statistics. The reply and the {@code rag.query} task event are published
 * by the {@link Responder}; questions of one poll are answered in parallel on four threads (model calls).
 */
@Component
class RagQueries implements RequestHandler<RagRequested> {

    private final RagIndex index;
    private final RagService service;
    private final ChunkStore store;
    private final Responder<RagRequested> responder;

    RagQueries(RagIndex index, RagService service, ChunkStore store, Responders responders) {
        this.index = index;
        this.service = service;
        this.store = store;
        this.responder = responders.of(Topics.RAG_REQUESTED, TaskType.RAG_QUERY, this, "rag-query", 4);
    }

    @KafkaListener(id = "rag-queries", idIsGroup = false, topics = Topics.RAG_REQUESTED_NAME, batch = "true")
    void onQuestions(List<ConsumerRecord<String, byte[]>> records) {
        responder.onBatch(records);
    }

    @Override
    public Answer handle(EventEnvelope<RagRequested> request) {
        long t0 = System.nanoTime();
        RagRequested q = request.payload();
        IndexedResume resume = index.find(request.tenantId(), q.resumeId()).block(Duration.ofSeconds(10));
        if (resume == null) {
            throw ApiProblemException.notFound("Resume", q.resumeId());
        }
        com.talentpipeline.rag.answer.Answer answer = service.answer(resume, q.query());
        long[] counts = store.countQuery(resume.resumeId(), answer.answered()).block(Duration.ofSeconds(10));
        RagAnswer.QueryStats metadata = !q.includeMetadata() || counts == null ? null
                : new RagAnswer.QueryStats(counts[0], counts[1],
                        counts[0] == 0 ? 0.0 : Math.round(10_000.0 * counts[1] / counts[0]) / 10_000.0);
        RagAnswer body = new RagAnswer(resume.resumeId(), resume.version(), q.query(), answer.response(),
                answer.answered(), answer.citations(), answer.topScore(), answer.mode(), answer.fallbackReason(),
                Math.round((System.nanoTime() - t0) / 100_000.0) / 10.0, metadata);
        ModelInfo model = index.encoder().info();
        return Answer.of(body, new ModelRef(model.name(), model.version(), model.dimension()));
    }

}
