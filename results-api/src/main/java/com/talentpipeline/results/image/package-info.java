/**
 * {@code GET /v1/images/{id}/detections}: an uploaded image's detections, read from the SUCCEEDED
 * {@code image.detection} task's result the detection worker published on {@code task.events}.
 */
package com.talentpipeline.results.image;
