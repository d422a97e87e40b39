/**
 * Micrometer instrumentation shared by all encoders. Metric names are stable API: dashboards and
 * alerts read {@code inference_latency_seconds_*}, {@code inference_batch_size_*} and
 * {@code inference_texts_total} from {@code /actuator/prometheus}.
 */
package com.talentpipeline.inference.metrics;
