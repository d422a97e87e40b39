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
 * End-to-end resumes per second (HTTP submit by 8 concurrent clients to the last task SUCCEEDED in
 * PostgreSQL) against the raw encoder on the same texts, embedded as the worker would (the texts of
 * up to 32 documents per call). The ratio is the share of raw model throughput the whole pipeline
 * (HTTP, PostgreSQL, Kafka, cache look-ups, results) keeps.
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
        List<String> warm = submitAll(context, context.corpus().resumes(16, "pipeline-warm-up"));
        context.awaitSucceeded(warm, Duration.ofSeconds(120), 50);

        long t0 = System.nanoTime();
        List<String> taskIds = submitAll(context, resumes);
        long submitted = System.nanoTime() - t0;
        boolean done = context.awaitSucceeded(taskIds, Duration.ofSeconds(180), 20);
        long endToEnd = System.nanoTime() - t0;
        if (!done) {
            throw new IllegalStateException("not all " + n + " tasks SUCCEEDED within 180 s");
        }

        List<List<String>> batches = new ArrayList<>();
        int texts = 0;
        for (int from = 0; from < n; from += 32) {
            List<String> batch = new ArrayList<>();
            for (String resume : resumes.subList(from, Math.min(n, from + 32))) {
                batch.addAll(Corpus.texts(resume));
            }
            texts += batch.size();
            batches.add(batch);
        }
        long r0 = System.nanoTime();
        for (List<String> batch : batches) {
            context.encoder().embed(batch);
        }
        long raw = System.nanoTime() - r0;

        double pipelineRate = Stats.perSecond(n, endToEnd);
        double rawRate = Stats.perSecond(n, raw);
        return new SectionResult(id(), title())
                .metric("resumes", n)
                .metric("texts embedded", texts)
                .metric("submit phase (all 202) ms", submitted / 1_000_000)
                .metric("end-to-end resumes/s (submit to SUCCEEDED)", pipelineRate)
                .metric("raw encoder resumes/s (same texts)", rawRate)
                .ratio("end-to-end / raw encoder", pipelineRate, rawRate, "pipeline resumes/s", "raw encoder resumes/s")
                .note("The worker (max-poll-records 32) and the raw encoder use the same model and batch size; the"
                        + " services, Kafka, PostgreSQL and Redis share the machine's cores with it.");
    }

    static List<String> submitAll(BenchContext context, List<String> bodies) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String body : bodies) {
                futures.add(clients.submit(() -> {
                    HttpResponse<String> response = context.submit("/v1/resumes", body);
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
                    }
                    return PipelineJson.mapper().readTree(response.body()).get("taskId").asString();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return Collections.unmodifiableList(ids);
        } finally {
            clients.shutdownNow();
        }
    }
}
