package com.talentpipeline.matching.config;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.candidates.CandidateRanker;
import com.talentpipeline.matching.cluster.JobClusterer;
import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.matching.compare.SkillEmbeddings;
import com.talentpipeline.matching.compare.SkillMatcher;
import com.talentpipeline.matching.index.CompactedTopicReader;
import com.talentpipeline.matching.index.IndexHealthIndicator;
import com.talentpipeline.matching.index.Indexes;
import com.talentpipeline.matching.index.JobIndex;
import com.talentpipeline.matching.index.JobIndexLoader;
import com.talentpipeline.matching.index.ResumeVectors;
import com.talentpipeline.matching.query.MatchingQueries;
import com.talentpipeline.matching.recommend.Comparisons;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.recommend.RecommendationRefresher;
import com.talentpipeline.matching.recommend.Recommender;
import com.talentpipeline.matching.search.JobSearch;
import com.talentpipeline.matching.store.DocumentListeners;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredResume;
import com.talentpipeline.matching.task.TaskPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wiring of the matching worker. Its Kafka error policy is the consume kit's (pipeline-core): bad records
 * follow their topic's policy, infrastructure failures are retried with back-off until they succeed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
class MatchingConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService matchingExecutor() {
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "matching-task");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    JobIndex jobIndex(TextEncoder encoder, MatchingProperties properties, MeterRegistry meters) {
        JobIndex index = new JobIndex(encoder.info().dimension(), properties.index().scoring());
        Gauge.builder("pipeline.matching.index.jobs", index, JobIndex::size).description("Active jobs in the job index")
                .register(meters);
        return index;
    }

    /** Skill vectors, learned from the embedded topics (the embedding worker encodes every document's skills). */
    @Bean
    SkillEmbeddings skillEmbeddings(TextEncoder encoder) {
        return new SkillEmbeddings(encoder);
    }

    @Bean
    ResumeVectors resumeVectors(SkillEmbeddings skills, MeterRegistry meters) {
        ResumeVectors vectors = new ResumeVectors(skills);
        Gauge.builder("pipeline.matching.index.resumes", vectors, ResumeVectors::size)
                .description("Resumes whose embeddings the matching worker holds").register(meters);
        return vectors;
    }

    /** Applies job.embedded to the job index, with the skill names of the worker's own job projection. */
    @Bean
    JobIndexLoader jobIndexLoader(JobIndex jobs, DocumentStore store, SkillEmbeddings skills, MeterRegistry meters) {
        JobIndexLoader loader = new JobIndexLoader(jobs, store, skills, meters);
        Gauge.builder("pipeline.matching.index.pending", loader, JobIndexLoader::pending)
                .description("Embedded jobs waiting for their job.submitted to reach the projection").register(meters);
        return loader;
    }

    /**
     * The projection of resume.submitted and job.submitted (matching_resumes, matching_jobs); jobs it
     * stores are handed to the index loader, which indexes the ones it held back for want of their row.
     */
    @Bean
    DocumentListeners documentListeners(DocumentStore store, MeterRegistry meters, ConsumeKit kit,
            JobIndexLoader loader) {
        return new DocumentListeners(store, meters, kit, loader::projected);
    }

    @Bean
    @SuppressWarnings("unchecked")
    Indexes indexes(JobIndex jobs, ResumeVectors resumes, JobIndexLoader loader, ConsumerFactory<?, ?> consumers,
            MatchingProperties properties) {
        var factory = (ConsumerFactory<String, byte[]>) consumers;
        String group = properties.index().groupId();
        return new Indexes(jobs, resumes,
                new CompactedTopicReader(Topics.JOB_EMBEDDED_NAME, Topics.JOB_EMBEDDED.partitions(), factory, group, loader::apply),
                new CompactedTopicReader(Topics.RESUME_EMBEDDED_NAME, Topics.RESUME_EMBEDDED.partitions(), factory, group,
                        resumes::apply));
    }

    @Bean
    IndexHealthIndicator matchingIndex(Indexes indexes) {
        return new IndexHealthIndicator(() -> indexes.jobsReader().caughtUp(), () -> indexes.resumesReader().caughtUp(),
                () -> indexes.jobs().size(), () -> indexes.resumes().size());
    }

    @Bean
    MatchEngine matchEngine(SkillEmbeddings skills, MatchingProperties properties) {
        return new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(), skills,
                properties.skillThreshold()));
    }

    @Bean
    Comparisons comparisons(MatchEngine engine, ObjectProvider<ResultCache> cache, MatchingProperties properties) {
        return new Comparisons(engine, cache.getIfAvailable(), properties);
    }

    @Bean
    Profiles profiles(JobIndex jobs, ResumeVectors resumes) {
        return new Profiles(jobs, resumes);
    }

    @Bean
    Recommender recommender(JobIndex jobs, MatchEngine engine, MatchingProperties properties) {
        return new Recommender(jobs, engine, properties);
    }

    /** Candidates of a job: reads the candidates' stored rows in one query per top-k round. */
    @Bean
    CandidateRanker candidateRanker(ResumeVectors resumes, DocumentStore documents, MatchEngine engine,
            MatchingProperties properties) {
        return new CandidateRanker(resumes, (tenant, ids) -> documents.resumes(tenant, ids)
                .collectMap(StoredResume::id).block(Duration.ofSeconds(10)), engine, properties);
    }

    @Bean
    JobSearch jobSearch(DatabaseClient db, com.talentpipeline.inference.text.QueryEncoder queries, JobIndex jobs,
            MatchingProperties properties) {
        return new JobSearch(db, queries, jobs, properties.search());
    }

    @Bean
    JobClusterer jobClusterer(MatchingProperties properties) {
        return new JobClusterer(properties.clusters());
    }

    /** The answers to the front door's queries (request-reply over Kafka). */
    @Bean
    MatchingQueries matchingQueries(DocumentStore documents, Profiles profiles, Comparisons comparisons,
            Recommender recommender, JobSearch search, JobClusterer clusterer, CandidateRanker ranker, Indexes indexes,
            TaskPublisher tasks, TextEncoder encoder, MatchingProperties properties) {
        return new MatchingQueries(documents, profiles, comparisons, recommender, search, clusterer, ranker, indexes,
                tasks, encoder, properties);
    }

    @Bean
    RecommendationRefresher recommendationRefresher(Recommender recommender, Indexes indexes, DocumentStore documents,
            TaskPublisher tasks, KafkaTemplate<String, byte[]> kafka,
            MatchingProperties properties, ConsumeKit kit) {
        return new RecommendationRefresher(recommender, indexes.resumes(), documents, tasks, kafka,
                indexes.jobsReader(), properties, kit);
    }
}
