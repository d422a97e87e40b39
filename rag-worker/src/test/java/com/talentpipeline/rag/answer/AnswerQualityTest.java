package com.talentpipeline.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.core.chunk.ChunkedResume;
import com.talentpipeline.core.chunk.ResumeChunker;
import com.talentpipeline.rag.config.RagProperties;
import com.talentpipeline.rag.index.IndexedResume;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The question set on the real model (all-MiniLM-L6-v2), without Kafka or PostgreSQL. */
class AnswerQualityTest {

    static TextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = DjlTextEncoder.load(new TextModelProperties(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    static IndexedResume index(String id, com.talentpipeline.core.resume.Resume resume) {
        ChunkedResume chunked = new ResumeChunker(400, 12).chunk(resume);
        float[][] vectors = encoder.embed(chunked.chunks().stream().map(Chunk::context).toList());
        return new IndexedResume(id, 1, encoder.info().version(), chunked.text(), chunked.chunks(), vectors);
    }

    @Test
    void answersCiteTheRightSectionAndAbsentFactsAreRefused() {
        RagService service = new RagService(encoder, RagProperties.defaults());
        Map<String, IndexedResume> indexes = new HashMap<>();
        int answerable = 0, answeredRight = 0, absent = 0, refusedRight = 0;
        List<String> wrong = new ArrayList<>();
        for (QuestionSet.Question q : QuestionSet.all()) {
            IndexedResume resume = indexes.computeIfAbsent(q.who(), who -> index(who, q.resume()));
            Answer a = service.answer(resume, q.question());
            System.out.printf("%-6s %-60s answered=%s top=%.3f best=%s -> %s%n", q.who(), q.question(), a.answered(), a.topScore(),
                    a.citations().isEmpty() ? "-" : a.citations().get(0).section() + ":" + a.citations().get(0).score(),
                    a.response());
            if (q.expectedSection() != null) {
                answerable++;
                if (a.answered() && a.citations().stream().anyMatch(c -> q.accepts(c.section()))) {
                    answeredRight++;
                } else {
                    wrong.add(q.who() + ": " + q.question());
                }
            } else {
                absent++;
                if (!a.answered() && a.response().equals(Answer.REFUSAL) && a.citations().isEmpty()) {
                    refusedRight++;
                } else {
                    wrong.add(q.who() + ": " + q.question());
                }
            }
        }
        System.out.printf("answered correctly %d/%d, correctly refused %d/%d, wrong: %s%n", answeredRight,
                answerable, refusedRight, absent, wrong);
        assertThat((double) answeredRight / answerable).isGreaterThanOrEqualTo(0.8);
        assertThat((double) refusedRight / absent).isGreaterThanOrEqualTo(0.8);
    }
}
