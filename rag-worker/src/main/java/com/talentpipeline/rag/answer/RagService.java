package com.talentpipeline.rag.answer;

import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.core.rag.Citation;
import com.talentpipeline.rag.config.RagProperties;
import com.talentpipeline.rag.index.IndexedResume;
import com.talentpipeline.inference.text.QueryEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Answers a question from one indexed resume: embed the question, pick top-k chunks by MMR, refuse
 * below the relevance threshold, else compose the extractive answer (or the generative one, if an
 * endpoint is configured and its answer is validly cited).
 */
@Service
public class RagService {

    private final QueryEncoder queries;
    private final RagProperties properties;
    private final Generative generative;

    /** A service with its own query cache (tests, the benchmark). */
    public RagService(TextEncoder encoder, RagProperties properties) {
        this(QueryEncoder.of(encoder), properties);
    }

    /** The service as wired: questions go through the shared, cached and batched query encoder. */
    @org.springframework.beans.factory.annotation.Autowired
    public RagService(QueryEncoder queries, RagProperties properties) {
        this.queries = queries;
        this.properties = properties;
        this.generative = properties.llm().enabled() ? new Generative(properties.llm()) : null;
    }

    /**
     * The chunks retrieved for a question, best first by MMR: what {@link #answer} cites from (those
     * within the relative cut-off of the best) or refuses on (best below the minimum score).
     *
     * @param resume   the resume's index
     * @param question the question
     * @return at most {@code retrieval.top-k} picks; empty for a resume without chunks
     */
    public List<Mmr.Pick> retrieve(IndexedResume resume, String question) {
        RagProperties.Retrieval r = properties.retrieval();
        if (resume.chunks().isEmpty()) {
            return List.of();
        }
        // The question is a search query: models trained with a query instruction or prefix get it.
        float[] q = queries.encode(question);
        java.util.Set<String> terms = Terms.of(question);
        java.util.Set<String> intents = Terms.sections(question);
        double[] relevance = new double[resume.chunks().size()];
        for (int i = 0; i < relevance.length; i++) {
            double lexical = 0;
            if (!terms.isEmpty()) {
                java.util.Set<String> chunkTerms = Terms.of(resume.chunks().get(i).context());
                lexical = terms.stream().filter(chunkTerms::contains).count() / (double) terms.size();
            }
            double intent = intents.contains(resume.chunks().get(i).section()) ? r.sectionWeight() : 0;
            relevance[i] = Mmr.dot(q, resume.vectors()[i]) + r.lexicalWeight() * lexical + intent;
        }
        return Mmr.select(relevance, resume.vectors(), r.topK(), r.mmrLambda());
    }

    /** Answers (blocking: runs the model); the resume's index must be given. */
    public Answer answer(IndexedResume resume, String question) {
        RagProperties.Retrieval r = properties.retrieval();
        if (resume.chunks().isEmpty()) {
            return refusal(resume, 0);
        }
        List<Mmr.Pick> picks = retrieve(resume, question);
        double best = picks.isEmpty() ? 0 : Double.NEGATIVE_INFINITY;
        for (Mmr.Pick pick : picks) {
            best = Math.max(best, pick.score());
        }
        if (best < r.minScore()) {
            return refusal(resume, best);
        }
        double cutoff = Math.max(r.minScore(), best * r.relativeCutoff());
        List<Citation> supported = new ArrayList<>();
        for (Mmr.Pick p : picks) {
            if (p.score() >= cutoff) {
                Chunk c = resume.chunks().get(p.index());
                supported.add(new Citation(c.chunkId(), c.section(), c.text(), c.charStart(), c.charEnd(),
                        Math.round(p.score() * 10_000) / 10_000.0));
            }
        }
        supported.sort((a, b) -> Double.compare(b.score(), a.score()));
        List<Citation> extractive = supported.subList(0, Math.min(properties.answer().maxSentences(), supported.size()));
        String fallbackReason = null;
        if (generative != null) {
            try {
                Generative.Result g = generative.answer(question, supported);
                Map<String, Citation> byId = supported.stream()
                        .collect(Collectors.toMap(Citation::chunkId, Function.identity()));
                List<Citation> cited = g.citedChunkIds().stream().map(byId::get).toList();
                return new Answer(g.text(), cited, true, Answer.GENERATIVE, null, resume.version(),
                        supported.get(0).score());
            } catch (Generative.Fallback f) {
                fallbackReason = f.reason();
            }
        }
        return new Answer(Extractive.compose(extractive, extractive.size()), List.copyOf(extractive), true,
                Answer.EXTRACTIVE, fallbackReason, resume.version(), supported.get(0).score());
    }

    private static Answer refusal(IndexedResume resume, double best) {
        return new Answer(Answer.REFUSAL, List.of(), false, Answer.EXTRACTIVE, null, resume.version(),
                Math.round(best * 10_000) / 10_000.0);
    }
}
