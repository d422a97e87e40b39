/**
 * Images: the {@code image.submitted} payload and the upload checks every service that takes images shares
 * (type from magic bytes, dimensions from the header before decoding, bounded decoding against bombs).
 */
package com.talentpipeline.core.image;
