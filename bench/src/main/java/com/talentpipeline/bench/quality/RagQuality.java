package com.talentpipeline.bench.quality;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.ingest.document.ResumeTextParser;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.rag.answer.Answer;
import com.talentpipeline.rag.answer.Mmr;
import com.talentpipeline.rag.answer.RagService;
import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.core.chunk.ChunkedResume;
import com.talentpipeline.core.chunk.ResumeChunker;
import com.talentpipeline.rag.config.RagProperties;
import com.talentpipeline.rag.index.IndexedResume;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * RAG retrieval on the annotated resumes, through the rag worker's own code: each resume parsed by
 * the ingest API's parser, chunked by {@link ResumeChunker}, embedded, then asked the questions of
 * {@code quality/rag-questions.tsv} (resume index, question, expected answer text; empty when the
 * resume does not say) with {@link RagService} and its default settings.
 */
public final class RagQuality {

    /**
     * @param hitRateAt4        answerable questions whose expected text is in one of the 4 retrieved chunks
     * @param answeredRate      answerable questions answered (not refused)
     * @param refusalRate       unanswerable questions refused
     * @param answerable        answerable questions
     * @param unanswerable      unanswerable questions
     * @param chunks            chunks embedded
     */
    public record Result(double hitRateAt4, double answeredRate, double refusalRate, int answerable, int unanswerable,
            int chunks) {
    }

    /** One question of the set. */
    record Question(int resume, String text, String expected) {
    }

    private final List<QualityData.Annotated> data;
    private final List<Question> questions = load();

    public RagQuality(List<QualityData.Annotated> data) {
        this.data = data;
    }

    /** The questions, in file order. */
    List<Question> questionList() {
        return questions;
    }

    /** The question set's size. */
    public int questions() {
        return questions.size();
    }

    /** The default rag worker settings, bound as the worker binds them (no overrides). */
    static RagProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("pipeline.rag", RagProperties.class);
    }

    /** The chunk contexts of every resume the questions ask about (also the encoder speed texts). */
    public List<String> contexts() {
        List<String> out = new ArrayList<>();
        ResumeChunker chunker = chunker(defaults());
        ResumeTextParser parser = new ResumeTextParser(SkillVocabulary.defaults());
        for (int i : questions.stream().map(Question::resume).distinct().sorted().toList()) {
            for (Chunk c : chunker.chunk(parser.parse(data.get(i).content()).resume()).chunks()) {
                out.add(c.context());
            }
        }
        return out;
    }

    private static ResumeChunker chunker(RagProperties p) {
        return new ResumeChunker(); // the embedding worker's defaults (pipeline.embedding.chunking)
    }

    public Result run(TextEncoder encoder) {
        RagProperties properties = defaults();
        RagService rag = new RagService(encoder, properties);
        ResumeChunker chunker = chunker(properties);
        ResumeTextParser parser = new ResumeTextParser(SkillVocabulary.defaults());
        Map<Integer, IndexedResume> indexed = new HashMap<>();
        int chunks = 0;
        int hits = 0;
        int answered = 0;
        int refused = 0;
        int answerable = 0;
        int unanswerable = 0;
        for (Question q : questions) {
            IndexedResume index = indexed.get(q.resume());
            if (index == null) {
                ChunkedResume chunked = chunker.chunk(parser.parse(data.get(q.resume()).content()).resume());
                List<String> contexts = chunked.chunks().stream().map(Chunk::context).toList();
                float[][] vectors = contexts.isEmpty() ? new float[0][] : encoder.embed(contexts);
                index = new IndexedResume("r" + q.resume(), 1, encoder.info().version(), chunked.text(), chunked.chunks(),
                        vectors);
                indexed.put(q.resume(), index);
                chunks += contexts.size();
            }
            Answer answer = rag.answer(index, q.text());
            if (q.expected().isEmpty()) {
                unanswerable++;
                refused += answer.answered() ? 0 : 1;
                continue;
            }
            answerable++;
            answered += answer.answered() ? 1 : 0;
            String expected = norm(q.expected());
            for (Mmr.Pick pick : rag.retrieve(index, q.text())) {
                if (norm(index.chunks().get(pick.index()).context()).contains(expected)) {
                    hits++;
                    break;
                }
            }
        }
        return new Result(hits / (double) answerable, answered / (double) answerable,
                refused / (double) unanswerable, answerable, unanswerable, chunks);
    }

    private static String norm(String s) {
        return " " + s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#]+", " ").strip() + " ";
    }

    private static List<Question> load() {
        List<Question> out = new ArrayList<>();
        try (InputStream in = RagQuality.class.getResourceAsStream("/quality/rag-questions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource quality/rag-questions.tsv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new Question(Integer.parseInt(f[0].strip()), f[1].strip(), f.length > 2 ? f[2].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
