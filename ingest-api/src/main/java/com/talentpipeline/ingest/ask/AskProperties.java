package com.talentpipeline.ingest.ask;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines and limits of the requests answered through Kafka ({@code pipeline.ingest.ask.*}).
 *
 * @param queryTimeout longest wait for a worker's answer to a query (stored taxonomies, RAG index reads)
 *                     before 503 (default 5s)
 * @param rag          {@code POST /v1/rag/queries}
 * @param career       {@code POST /v1/career-paths/predict} and the taxonomies' limits
 * @param matching     the matching worker's queries (batch, clusters, search, candidates, recommendations)
 * @param image        {@code POST /v1/images:detect}, {@code /v1/images/compare}, {@code /v1/images/match-text}
 */
@ConfigurationProperties("pipeline.ingest.ask")
record AskProperties(@DefaultValue("5s") Duration queryTimeout, @DefaultValue Rag rag, @DefaultValue Career career,
        @DefaultValue Matching matching, @DefaultValue Image image) {

    /**
     * @param timeout         longest wait for the detection worker's answer before 202 with a task (default 10s)
     * @param maxDetectPixels largest width x height {@code images:detect} takes (default 1000000); larger is 422
     */
    record Image(@DefaultValue("10s") Duration timeout, @DefaultValue("1000000") long maxDetectPixels) {
    }

    /**
     * @param timeout  longest wait for the answer before 202 with a task; a request's {@code timeoutMillis}
     *                 may only shorten it (default 5s)
     * @param maxChars longest question (default 1000)
     */
    record Rag(@DefaultValue("5s") Duration timeout, @DefaultValue("1000") int maxChars) {
    }

    /**
     * @param timeout      longest wait for a prediction before 202 with a task (default 10s)
     * @param maxTextChars longest text or example (default 20000)
     * @param maxLabels    most labels of a request (default 100)
     * @param maxExamples  most examples per label (default 20)
     */
    record Career(@DefaultValue("10s") Duration timeout, @DefaultValue("20000") int maxTextChars,
            @DefaultValue("100") int maxLabels, @DefaultValue("20") int maxExamples) {
    }

    /**
     * @param batchMaxJobs    most job ids of {@code POST /v1/matches/batch} (default 1000; keep equal to the
     *                        matching worker's {@code pipeline.matching.batch.max-jobs})
     * @param clustersTimeout longest wait for {@code POST /v1/jobs/clusters} before 202 with a
     *                        {@code job.clusters} task (default 10s)
     * @param readTimeout     longest wait for a search, candidates or recommendations page before 202 with a
     *                        task (default 5s)
     */
    record Matching(@DefaultValue("1000") int batchMaxJobs, @DefaultValue("10s") Duration clustersTimeout,
            @DefaultValue("5s") Duration readTimeout) {
    }
}
