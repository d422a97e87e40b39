package com.talentpipeline.scoring.interview;

import com.talentpipeline.core.skill.SkillVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The technical scorer: {@code technical} depth (technologies and engineering concepts named, concrete
 * figures, answers on topic, the job's keywords) and {@code problem_solving} (reasoning steps: causes,
 * trade-offs, measurement, alternatives, verification).
 */
public class TechnicalScorer implements DimensionScorer {

    /** The scorer's name. */
    public static final String NAME = "technical";

    private static final Pattern FIGURE = Pattern.compile("\\d");
    private static final Markers CONCEPTS = new Markers(List.of("latency", "throughput", "index", "indexes", "query plan",
            "cache", "caching", "partition", "partitions", "sharding", "replication", "consistency", "idempotent",
            "idempotency", "transaction", "transactions", "deadlock", "race condition", "concurrency", "thread pool",
            "memory leak", "garbage collection", "heap", "complexity", "o(n)", "o(log n)", "hash map", "binary search",
            "algorithm", "data structure", "api", "schema", "migration", "load balancer", "circuit breaker", "retry",
            "backoff", "timeout", "queue", "consumer", "producer", "p99", "percentile", "profiler", "profiling",
            "flame graph", "benchmark", "unit test", "integration test", "regression", "rollback", "feature flag",
            "canary", "monitoring", "alerting", "metrics", "tracing", "logs", "microservice", "microservices",
            "event-driven", "dependency injection", "normalization", "encryption", "authentication", "rate limiting",
            "batch", "streaming", "cpu", "gc", "jvm", "container", "pipeline", "deployment", "scalability"));
    private static final Markers REASONING = new Markers(List.of("because", "so that", "root cause", "first", "then",
            "next", "finally", "trade-off", "tradeoff", "trade off", "instead", "alternative", "alternatives", "compared",
            "measured", "measure", "profiled", "hypothesis", "reproduce", "reproduced", "isolated", "narrowed down",
            "tested", "verified", "validate", "edge case", "edge cases", "bottleneck", "therefore", "which meant",
            "the reason", "decided", "considered", "options", "step", "debugged", "investigated", "experiment"));

    private final SkillVocabulary vocabulary;
    private final boolean enabled;

    public TechnicalScorer(SkillVocabulary vocabulary, boolean enabled) {
        this.vocabulary = vocabulary;
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> dimensions() {
        return List.of("technical", "problem_solving");
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public List<DimensionScore> score(AnalysedTranscript t) {
        List<AnalysedTranscript.Answer> answers = t.answers();
        int n = answers.size();
        double relevance = t.relevanceScore();
        Set<String> terms = new LinkedHashSet<>();
        int withFigures = 0;
        StringBuilder all = new StringBuilder();
        for (AnalysedTranscript.Answer a : answers) {
            vocabulary.find(a.text(), 0, a.text().length()).forEach(m -> terms.add(m.skill()));
            terms.addAll(CONCEPTS.distinct(a.text()));
            if (FIGURE.matcher(a.text()).find()) {
                withFigures++;
            }
            all.append(a.lower()).append(' ');
        }
        double depth = Math.min(1, terms.size() / 10.0);
        double figures = Math.min(1, withFigures / (0.4 * n));
        List<String> jobFound = new ArrayList<>();
        for (String k : t.jobKeywords()) {
            if (all.indexOf(k.toLowerCase(java.util.Locale.ROOT)) >= 0) {
                jobFound.add(k);
            }
        }
        List<String> techSignals = new ArrayList<>();
        double technicalRaw;
        if (t.jobKeywords().isEmpty()) {
            technicalRaw = 0.45 * depth + 0.30 * relevance + 0.25 * figures;
        } else {
            double job = (double) jobFound.size() / t.jobKeywords().size();
            technicalRaw = 0.35 * depth + 0.25 * relevance + 0.20 * figures + 0.20 * job;
            techSignals.add(String.format("job keywords mentioned %d of %d: %s (weight 0.20)", jobFound.size(),
                    t.jobKeywords().size(), String.join(", ", jobFound)));
        }
        techSignals.add(0, String.format("%d distinct technologies and concepts: %s", terms.size(),
                String.join(", ", terms.stream().limit(12).toList())));
        techSignals.add(String.format("relevance to the questions %.2f", relevance));
        techSignals.add(String.format("%d of %d answers give concrete figures", withFigures, n));
        List<String> techEvidence = CONCEPTS.evidence(answers, 2);

        Set<String> steps = new LinkedHashSet<>();
        int chains = 0;
        for (AnalysedTranscript.Answer a : answers) {
            Set<String> found = REASONING.distinct(a.text());
            steps.addAll(found);
            if (found.size() >= 2) {
                chains++;
            }
        }
        double reasoning = Math.min(1, steps.size() / 8.0);
        double chainShare = Math.min(1, chains / (0.5 * n));
        int problemSolving = (int) Math.round(100 * (0.45 * reasoning + 0.30 * chainShare + 0.25 * relevance));
        List<String> psSignals = List.of(
                String.format("%d distinct reasoning steps: %s (weight 0.45)", steps.size(),
                        String.join(", ", steps.stream().limit(10).toList())),
                String.format("%d of %d answers reason in 2 or more steps (weight 0.30)", chains, n),
                String.format("relevance to the questions %.2f (weight 0.25)", relevance));
        return List.of(new DimensionScore("technical", NAME, (int) Math.round(100 * technicalRaw), techSignals, techEvidence),
                new DimensionScore("problem_solving", NAME, problemSolving, psSignals, REASONING.evidence(answers, 2)));
    }
}
