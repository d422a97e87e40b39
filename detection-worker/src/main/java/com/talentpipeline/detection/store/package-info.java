/** PostgreSQL storage of the detections (this worker's table {@code detections}). */
package com.talentpipeline.detection.store;
