package com.talentpipeline.inference.text;

import com.talentpipeline.inference.model.ModelInfo;
import java.util.List;

/**
 * Turns texts into L2-normalised dense vectors.
 *
 * <p>Implementations are thread-safe and hold native resources, hence {@link AutoCloseable}.
 */
public interface TextEncoder extends AutoCloseable {

    /** @return provenance of the underlying model; {@link ModelInfo#dimension()} is the row length */
    ModelInfo info();

    /**
     * Embeds texts, one row per input text in input order.
     *
     * <p>Inputs are sent to the model in forward passes of at most the configured batch size. A text
     * longer than the model's token limit is split into token windows that are embedded separately and
     * averaged, so no content is silently dropped. Every returned row has L2 norm 1.
     *
     * @param texts texts to embed; must not contain {@code null}
     * @return {@code texts.size()} rows of {@link ModelInfo#dimension()} floats
     * @throws IllegalStateException if the encoder is closed
     * @throws EmbeddingException    if inference fails
     */
    float[][] embed(List<String> texts);

    /**
     * Embeds search queries (a question to a resume, a job looking for resumes): like {@link #embed}
     * but with the model's query prefix or instruction, where its training used one (e5's
     * {@code "query: "}, bge's retrieval instruction); {@link #embed} is for the documents searched.
     * Symmetric models embed both alike, which is the default.
     *
     * @param queries queries to embed; must not contain {@code null}
     * @return one unit-length row per query
     */
    default float[][] embedQueries(List<String> queries) {
        return embed(queries);
    }

    /**
     * Whether the encoder can serve requests (loaded and not closed); drives the {@code textModel}
     * health indicator.
     *
     * @return true while usable
     */
    default boolean isReady() {
        return true;
    }

    /** Releases the model's native resources. Idempotent; does not throw checked exceptions. */
    @Override
    void close();
}
