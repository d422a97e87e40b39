/**
 * The detection worker: unsupervised object discovery (MaskCut) and image similarity. It serves no API of
 * its own (actuator only): uploads arrive on {@code image.submitted}, the questions a client waits for on
 * {@code image.requested} (request-reply, asked at the ingest API).
 */
package com.talentpipeline.detection;
