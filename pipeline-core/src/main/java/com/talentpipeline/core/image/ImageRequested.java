package com.talentpipeline.core.image;

/**
 * Payload of {@code image.requested}: an image question a client waits for, asked at the front door
 * ({@code POST /v1/images:detect}, {@code /v1/images/compare}, {@code /v1/images/match-text}) and answered
 * by the detection worker through request-reply. The images travel in the event (the topic takes records up
 * to {@link com.talentpipeline.core.topic.Topics#IMAGE_MAX_BYTES}); the front door already checked their type
 * and size.
 *
 * @param operation what to compute ({@link Operation})
 * @param first     the image of {@code detect}, the first image of {@code compare}; null for {@code match-text}
 * @param second    the second image of {@code compare}, else null
 * @param text      the text of {@code match-text}, else null
 */
public record ImageRequested(Operation operation, byte[] first, byte[] second, String text) {

    /** The kinds of image request. */
    public enum Operation {
        /** Object discovery on {@code first}, nothing stored. */
        DETECT,
        /** Cosine similarity of the global embeddings of {@code first} and {@code second}. */
        COMPARE,
        /** Text-to-image matching (needs a CLIP model). */
        MATCH_TEXT
    }

    /** A detection request. */
    public static ImageRequested detect(byte[] image) {
        return new ImageRequested(Operation.DETECT, image, null, null);
    }

    /** A comparison request. */
    public static ImageRequested compare(byte[] first, byte[] second) {
        return new ImageRequested(Operation.COMPARE, first, second, null);
    }

    /** A text-matching request. */
    public static ImageRequested matchText(String text) {
        return new ImageRequested(Operation.MATCH_TEXT, null, null, text);
    }
}
