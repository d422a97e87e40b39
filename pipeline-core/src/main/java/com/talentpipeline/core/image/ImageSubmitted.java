package com.talentpipeline.core.image;

/**
 * Payload of {@code image.submitted}: an uploaded image to run object discovery on. The ingest API keeps
 * the upload ({@code images}, its table); the event carries the bytes too, so the detection worker reads no
 * table of another module (the topic takes records up to
 * {@link com.talentpipeline.core.topic.Topics#IMAGE_MAX_BYTES}).
 *
 * @param imageId     the image id (also the record key and the task's subject)
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}, from the magic bytes
 * @param width       width in pixels, read from the header
 * @param height      height in pixels, read from the header
 * @param sizeBytes   size of the upload
 * @param fileName    the client's file name (metadata for the COCO export), may be null
 * @param bytes       the image; null in an event that lost it (its task fails)
 */
public record ImageSubmitted(String imageId, String contentType, int width, int height, long sizeBytes,
        String fileName, byte[] bytes) {
}
