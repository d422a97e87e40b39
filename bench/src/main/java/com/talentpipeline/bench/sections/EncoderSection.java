package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.report.Stats;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences per second on the same texts (the section texts of synthetic resumes) of: the project's
 * batched {@link DjlTextEncoder} (one call, forward passes of 32, length-sorted); a one-at-a-time
 * loop on the same model and code (batch size 1, one call per text); langchain4j's in-process
 * {@code AllMiniLmL6V2EmbeddingModel} ({@code embedAll}, its own thread pool). Each path is warmed
 * up first; the vectors are compared (cosine) so a fast wrong encoder would show.
 */
public final class EncoderSection implements BenchSection {

    private static final int ROUNDS = 2;

    @Override
    public String id() {
        return "encoder";
    }

    @Override
    public String title() {
        return "Encoder: batched DJL vs one-at-a-time DJL vs langchain4j";
    }

    @Override
    public SectionResult run(BenchContext context) {
        int resumes = context.size("encoder.resumes", 48);
        List<String> texts = new ArrayList<>();
        for (String resume : context.corpus().resumes(resumes, "encoder")) {
            texts.addAll(Corpus.texts(resume));
        }
        List<String> warmUp = texts.subList(0, Math.min(32, texts.size()));
        SectionResult result = new SectionResult(id(), title());

        DjlTextEncoder batched = context.encoder();
        batched.embed(warmUp);
        AllMiniLmL6V2EmbeddingModel langchain4j = new AllMiniLmL6V2EmbeddingModel();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        langchain4j.embedAll(segments.subList(0, warmUp.size()));
        float[][] batchedVectors = null;
        float[][] loopVectors = new float[texts.size()][];
        List<Embedding> lc4j = null;
        long batchedNanos = Long.MAX_VALUE;
        long loopNanos = Long.MAX_VALUE;
        long lc4jNanos = Long.MAX_VALUE;
        try (DjlTextEncoder single = BenchContext.loadEncoder(1)) {
            for (String text : warmUp) {
                single.embed(List.of(text));
            }
            // Interleaved rounds, best of each: other work on the machine hits every path alike.
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                batchedVectors = batched.embed(texts);
                batchedNanos = Math.min(batchedNanos, System.nanoTime() - t0);

                t0 = System.nanoTime();
                for (int i = 0; i < texts.size(); i++) {
                    loopVectors[i] = single.embed(List.of(texts.get(i)))[0];
                }
                loopNanos = Math.min(loopNanos, System.nanoTime() - t0);

                t0 = System.nanoTime();
                lc4j = langchain4j.embedAll(segments).content();
                lc4jNanos = Math.min(lc4jNanos, System.nanoTime() - t0);
            }
        }

        double minCosLoop = 1;
        double minCosLc4j = 1;
        for (int i = 0; i < texts.size(); i++) {
            minCosLoop = Math.min(minCosLoop, Vectors.cosine(batchedVectors[i], loopVectors[i]));
            minCosLc4j = Math.min(minCosLc4j, Vectors.cosine(batchedVectors[i], lc4j.get(i).vector()));
        }
        double batchedRate = Stats.perSecond(texts.size(), batchedNanos);
        double loopRate = Stats.perSecond(texts.size(), loopNanos);
        double lc4jRate = Stats.perSecond(texts.size(), lc4jNanos);
        return result
                .metric("texts", texts.size())
                .metric("batched DJL (batch 32) sentences/s", batchedRate)
                .metric("one-at-a-time DJL (batch 1) sentences/s", loopRate)
                .metric("langchain4j AllMiniLmL6V2EmbeddingModel.embedAll sentences/s", lc4jRate)
                .metric("min cosine batched vs one-at-a-time", minCosLoop)
                .metric("min cosine batched vs langchain4j", minCosLc4j)
                .ratio("batched / one-at-a-time DJL", batchedRate, loopRate, "batched DJL sentences/s",
                        "one-at-a-time DJL sentences/s")
                .ratio("batched DJL / langchain4j", batchedRate, lc4jRate, "batched DJL sentences/s",
                        "langchain4j sentences/s")
                .note("Texts: the section texts the embedding worker embeds for " + resumes
                        + " synthetic resumes (summary, skills, roles, responsibilities, education, certifications).")
                .note("Each rate is the best of " + ROUNDS + " interleaved rounds over all texts, after a warm-up.")
                .note("langchain4j runs each text as its own inference on a thread pool of the machine's cores;"
                        + " both use ONNX Runtime 1.21.1 (pinned: one native ONNX Runtime per JVM).");
    }
}
