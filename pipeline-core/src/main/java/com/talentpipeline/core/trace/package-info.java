/**
 * Following one task across services: the W3C {@code traceparent} of the request that created a
 * task travels in every event's envelope and as a Kafka record header, and workers continue that
 * trace (Micrometer Tracing on the OpenTelemetry bridge) so their log lines carry its trace id.
 */
package com.talentpipeline.core.trace;
