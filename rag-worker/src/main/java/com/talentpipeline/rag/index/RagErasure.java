package com.talentpipeline.rag.index;

import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The RAG worker's part of an erasure (participant {@code rag}): the resume's {@code rag_documents},
 * {@code rag_chunks} and {@code rag_query_stats} rows, then its index entry in memory. Reports the rows
 * per table.
 */
@Component
class RagErasure implements ErasureParticipant {

    private final RagIndex index;
    private final MeterRegistry meters;

    RagErasure(RagIndex index, MeterRegistry meters) {
        this.index = index;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "rag";
    }

    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        return index.drop(resume.tenantId(), resume.resumeId())
                .doOnSuccess(counts -> Counter.builder("pipeline.rag.index.events")
                        .description("Resume versions indexed or dropped by the RAG worker")
                        .tag("action", "dropped").tag("outcome", "erased").register(meters).increment());
    }
}
