package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.report.Stats;
import com.talentpipeline.core.json.PipelineJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End-to-end resumes per second (HTTP submit by 8 concurrent clients to the last task SUCCEEDED, polled with
 * {@code GET /v1/tasks/{id}}) against the raw encoder on the same texts, embedded as the worker would: every distinct
 * text of up to 32 documents per call, where a resume's texts are everything the pipeline needs encoded
 * once (section items, skills, profile text, retrieval chunks). The ratio is the share of raw model
 * throughput the whole pipeline (HTTP, PostgreSQL, Kafka, cache look-ups, results, the other workers)
 * keeps. A second figure waits for every downstream result too (score and RAG index).
 */
public final class PipelineSection implements BenchSection {

    @Override
    public String id() {
        return "pipeline";
    }

    @Override
    public String title() {
        return "Pipeline efficiency: end-to-end vs raw encoder";
    }

    @Override
    public SectionResult run(BenchContext context) throws Exception {
        int n = context.size("pipeline.resumes", 160);
        List<String> resumes = context.corpus().resumes(n, "pipeline");
        context.pipeline();
        // Warm the HTTP path, the worker and the results consumer with other documents first.
        List<String> warm = submitAll(context, context.corpus().resumes(16, "pipeline-warm-up")).stream()
                .map(Accepted::taskId).toList();
        context.awaitSucceeded(warm, Duration.ofSeconds(120), 50);

        long t0 = System.nanoTime();
        List<Accepted> accepted = submitAll(context, resumes);
        List<String> taskIds = accepted.stream().map(Accepted::taskId).toList();
        long submitted = System.nanoTime() - t0;
        boolean done = context.awaitSucceeded(taskIds, Duration.ofSeconds(180), 20);
        long endToEnd = System.nanoTime() - t0;
        if (!done) {
            throw new IllegalStateException("not all " + n + " tasks SUCCEEDED within 180 s");
        }
        // Every downstream result, as a client sees it: each resume's score (results API, 200 once a resume.score
        // task SUCCEEDED) and its RAG index (ingest's RAG endpoint, 200 once indexed). The RAG lookups are
        // request-replies to the RAG worker, so they are asked only once the scores are in, for fewer rounds.
        Duration left = Duration.ofSeconds(180);
        long downstream = System.nanoTime();
        boolean scored = context.awaitOk(context.pipeline().resultsPort(),
                accepted.stream().map(a -> "/v1/resumes/" + a.resumeId() + "/score").toList(), left, 20);
        boolean indexed = scored && context.awaitOk(context.pipeline().ingestPort(),
                accepted.stream().map(a -> "/v1/rag/resumes/" + a.resumeId()).toList(),
                left.minusNanos(System.nanoTime() - downstream), 20);
        long allResults = System.nanoTime() - t0;
        if (!indexed) {
            throw new IllegalStateException("not every score and RAG index of the " + n + " resumes within 180 s");
        }

        List<List<String>> batches = new ArrayList<>();
        List<List<String>> sectionBatches = new ArrayList<>();
        int texts = 0;
        for (int from = 0; from < n; from += 32) {
            List<String> documents = resumes.subList(from, Math.min(n, from + 32));
            List<String> batch = Corpus.planTexts(documents);
            List<String> sections = new ArrayList<>();
            documents.forEach(d -> sections.addAll(Corpus.texts(d)));
            texts += batch.size();
            batches.add(batch);
            sectionBatches.add(sections);
        }
        long r0 = System.nanoTime();
        for (List<String> batch : batches) {
            context.encoder().embed(batch);
        }
        long raw = System.nanoTime() - r0;
        long s0 = System.nanoTime();
        for (List<String> batch : sectionBatches) {
            context.encoder().embed(batch);
        }
        long rawSections = System.nanoTime() - s0;

        double pipelineRate = Stats.perSecond(n, endToEnd);
        double allRate = Stats.perSecond(n, allResults);
        double rawRate = Stats.perSecond(n, raw);
        return new SectionResult(id(), title())
                .metric("resumes", n)
                .metric("texts embedded (distinct per batch of 32)", texts)
                .metric("submit phase (all 202) ms", submitted / 1_000_000)
                .metric("end-to-end resumes/s (submit to SUCCEEDED)", pipelineRate)
                .metric("end-to-end resumes/s with every result (score, RAG index)", allRate)
                .metric("raw encoder resumes/s (same texts)", rawRate)
                .metric("raw encoder resumes/s (section texts only, the baseline before embed-once)",
                        Stats.perSecond(n, rawSections))
                .ratio("end-to-end / raw encoder", pipelineRate, rawRate, "pipeline resumes/s", "raw encoder resumes/s")
                .ratio("end-to-end with every result / raw encoder", allRate, rawRate, "pipeline resumes/s (all results)",
                        "raw encoder resumes/s")
                .note("The worker (max-poll-records 32) and the raw encoder use the same model and batch size; the"
                        + " services, Kafka, PostgreSQL and Redis share the machine's cores with it. The raw encoder"
                        + " encodes what the pipeline must encode once per resume: section items, skills, the"
                        + " profile text and the retrieval chunks (before embed-once the section texts alone were"
                        + " the baseline, while the scoring and RAG workers encoded profile and chunks again).");
    }

    /** A 202's ids. */
    record Accepted(String taskId, String resumeId) {
    }

    static List<Accepted> submitAll(BenchContext context, List<String> bodies) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Accepted>> futures = new ArrayList<>();
            for (String body : bodies) {
                futures.add(clients.submit(() -> {
                    HttpResponse<String> response = context.submit("/v1/resumes", body);
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
                    }
                    var json = PipelineJson.mapper().readTree(response.body());
                    return new Accepted(json.get("task_id").asString(), json.get("resume_id").asString());
                }));
            }
            List<Accepted> ids = new ArrayList<>();
            for (Future<Accepted> f : futures) {
                ids.add(f.get());
            }
            return Collections.unmodifiableList(ids);
        } finally {
            clients.shutdownNow();
        }
    }
}
