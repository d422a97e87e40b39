/**
 * Images: the {@code image.submitted} payload and the upload checks every service that takes images shares
 * (type from magic bytes, dimensions from the header before decoding, bounded decoding against bombs), and
 * the detection worker's answers ({@link com.talentpipeline.core.image.ImageDetections},
 * {@link com.talentpipeline.core.image.ImageSimilarity}) that the OpenAPI document types.
 */
package com.talentpipeline.core.image;
