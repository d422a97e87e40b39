package com.talentpipeline.rag.query;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.rag.RagLookup;
import com.talentpipeline.core.rag.RagViews;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.rag.config.RagProperties;
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
 * Answers {@code rag.lookup}, the reads of this worker's index asked at the front door: a resume's indexed
 * version and chunks (404 while it is not indexed for the tenant), the model, settings and the tenant's
 * index sizes, and the health of the text model and the index store. They are queries: the reply is the
 * answer, no task. They are answered here, not from published events, because they describe the index
 * this worker holds (its cache, its model, its store) at the moment of asking.
 */
@Component
class RagLookups implements RequestHandler<RagLookup> {

    private static final Duration STORE_WAIT = Duration.ofSeconds(10);
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(3);

    private final RagIndex index;
    private final ChunkStore store;
    private final RagProperties properties;
    private final Responder<RagLookup> responder;

    RagLookups(RagIndex index, ChunkStore store, RagProperties properties, Responders responders) {
        this.index = index;
        this.store = store;
        this.properties = properties;
        this.responder = responders.of(Topics.RAG_LOOKUP, null, this, "rag-lookup", 2);
    }

    @KafkaListener(id = "rag-lookups", idIsGroup = false, topics = Topics.RAG_LOOKUP_NAME, batch = "true")
    void onLookups(List<ConsumerRecord<String, byte[]>> records) {
        responder.onBatch(records);
    }

    @Override
    public Answer handle(EventEnvelope<RagLookup> request) {
        String tenant = request.tenantId();
        RagLookup lookup = request.payload();
        Object body = switch (lookup.what()) {
            case RESUME -> resume(tenant, lookup.resumeId());
            case INFO -> info(tenant);
            case HEALTH -> health();
        };
        return Answer.of(body, null);
    }

    private RagViews.RagIndexedResume resume(String tenant, String resumeId) {
        IndexedResume r = resumeId == null ? null : index.find(tenant, resumeId).block(STORE_WAIT);
        if (r == null) {
            throw ApiProblemException.notFound("Resume", resumeId);
        }
        return new RagViews.RagIndexedResume(r.resumeId(), r.version(), r.model(), r.text(), r.chunks().stream()
                .map(c -> new RagViews.RagChunk(c.chunkId(), c.section(), c.text(), c.charStart(), c.charEnd())).toList());
    }

    private RagViews.RagInfo info(String tenant) {
        long[] sizes = store.sizes(tenant).block(STORE_WAIT);
        ModelInfo model = index.encoder().info();
        RagProperties.Retrieval retrieval = properties.retrieval();
        return new RagViews.RagInfo(new RagViews.RagModel(model.name(), model.version(), model.dimension()),
                new RagViews.RagRetrieval(retrieval.topK(), retrieval.mmrLambda(), retrieval.minScore(),
                        retrieval.relativeCutoff(), retrieval.lexicalWeight(), retrieval.sectionWeight()),
                new RagViews.RagAnswerSettings(properties.answer().maxSentences()),
                new RagViews.RagQueryLimits(properties.query().timeout().toMillis(), properties.query().maxChars()),
                new RagViews.RagLlm(properties.llm().enabled(), properties.llm().model() == null ? "" : properties.llm().model()),
                new RagViews.RagIndexSizes(sizes == null ? 0 : sizes[0], sizes == null ? 0 : sizes[1],
                        index.cachedResumes(tenant), index.cachedChunks(tenant)));
    }

    /** Always a body: the front door answers 503 when {@code status} is DOWN. */
    RagViews.RagHealth health() {
        boolean model = index.encoder().isReady();
        boolean db;
        try {
            db = store.sizes().block(HEALTH_WAIT) != null;
        } catch (RuntimeException e) {
            db = false;
        }
        return new RagViews.RagHealth(model && db ? "UP" : "DOWN", model ? "UP" : "DOWN", db ? "UP" : "DOWN");
    }

}
