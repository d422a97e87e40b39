/**
 * Image uploads: {@code POST /v1/images} checks the image, stores it in the ingest API's {@code images} table in
 * the intake kit's one statement with its task, and publishes {@code image.submitted} for the detection worker.
 */
package com.talentpipeline.ingest.image;
