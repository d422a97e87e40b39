package com.talentpipeline.core.image;

/**
 * Payload of {@code image.submitted}: an uploaded image to run object discovery on. The bytes stay in
 * PostgreSQL ({@code images}); the event carries the id and what the API already checked.
 *
 * @param imageId     the image id (also the record key and the task's subject)
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}, from the magic bytes
 * @param width       width in pixels, read from the header
 * @param height      height in pixels, read from the header
 * @param sizeBytes   size of the upload
 */
public record ImageSubmitted(String imageId, String contentType, int width, int height, long sizeBytes) {
}
