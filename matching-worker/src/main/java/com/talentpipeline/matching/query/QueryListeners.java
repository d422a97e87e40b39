package com.talentpipeline.matching.query;

import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.match.CandidatesRequested;
import com.talentpipeline.core.match.JobClustersRequested;
import com.talentpipeline.core.match.JobSearchRequested;
import com.talentpipeline.core.match.MatchBatchRequested;
import com.talentpipeline.core.match.RecommendationsRequested;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The request topics of the matching worker's queries, each answered through the request-reply kit's
 * {@link Responder}: the reply goes to the front-door instance that may still wait, and the task event
 * (SUCCEEDED with the result, or FAILED) completes the task of a request already answered {@code 202}.
 * Every replica holds the whole index, so the topics are shared by the worker's consumer group.
 */
@Component
class QueryListeners {

    private final Responder<MatchBatchRequested> batch;
    private final Responder<JobClustersRequested> clusters;
    private final Responder<JobSearchRequested> search;
    private final Responder<CandidatesRequested> candidates;
    private final Responder<RecommendationsRequested> recommendations;

    QueryListeners(MatchingQueries queries, @Qualifier("matchingExecutor") ExecutorService executor,
            Responders responders) {
        this.batch = responders.of(Topics.MATCH_BATCH_REQUESTED, TaskType.MATCH_BATCH, queries::batch, executor);
        this.clusters = responders.of(Topics.JOB_CLUSTERS_REQUESTED, TaskType.JOB_CLUSTERS, queries::clusters, executor);
        this.search = responders.of(Topics.JOB_SEARCH_REQUESTED, TaskType.JOB_SEARCH, queries::search, executor);
        this.candidates = responders.of(Topics.JOB_CANDIDATES_REQUESTED, TaskType.JOB_CANDIDATES, queries::candidates, executor);
        this.recommendations = responders.of(Topics.RECOMMENDATIONS_REQUESTED, TaskType.RECOMMENDATIONS_QUERY,
                queries::recommendations, executor);
    }

    @KafkaListener(id = "match-batch-requests", idIsGroup = false, topics = Topics.MATCH_BATCH_REQUESTED_NAME, batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        batch.onBatch(records);
    }

    @KafkaListener(id = "job-cluster-requests", idIsGroup = false, topics = Topics.JOB_CLUSTERS_REQUESTED_NAME, batch = "true")
    void onClusters(List<ConsumerRecord<String, byte[]>> records) {
        clusters.onBatch(records);
    }

    @KafkaListener(id = "job-search-requests", idIsGroup = false, topics = Topics.JOB_SEARCH_REQUESTED_NAME, batch = "true")
    void onSearch(List<ConsumerRecord<String, byte[]>> records) {
        search.onBatch(records);
    }

    @KafkaListener(id = "job-candidate-requests", idIsGroup = false, topics = Topics.JOB_CANDIDATES_REQUESTED_NAME,
            batch = "true")
    void onCandidates(List<ConsumerRecord<String, byte[]>> records) {
        candidates.onBatch(records);
    }

    @KafkaListener(id = "recommendation-requests", idIsGroup = false, topics = Topics.RECOMMENDATIONS_REQUESTED_NAME,
            batch = "true")
    void onRecommendations(List<ConsumerRecord<String, byte[]>> records) {
        recommendations.onBatch(records);
    }
}
