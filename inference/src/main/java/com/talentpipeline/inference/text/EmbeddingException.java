package com.talentpipeline.inference.text;

/** Inference or model loading failed; wraps DJL's checked exceptions so callers need no DJL types. */
public class EmbeddingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   underlying DJL/IO failure
     */
    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
