package com.talentpipeline.core.topic;

/**
 * What a consumer does with a record of a topic that it cannot decode (not JSON, no payload, a payload
 * of the wrong shape). Declared once per topic in {@link Topics}; applied in one place, the consume kit
 * ({@code com.talentpipeline.core.kafka.consume}), and counted as
 * {@code pipeline_bad_records_total{topic,policy}}.
 */
public enum BadRecordPolicy {

    /**
     * Copy the record to {@code <topic>.DLT} with the dead-letter headers and, when the bytes still name
     * a task, mark that task FAILED ({@code MALFORMED_EVENT}). For the topics that carry work a client
     * submitted and waits for: the record must neither be lost nor leave its task hanging.
     */
    DEAD_LETTER,

    /**
     * Log, count and skip the record. For derived and announcement topics (embedded vectors, model
     * announcements, webhook notifications): they are written by the pipeline's own services after their
     * checks, so a bad record is a bug or version skew rather than user input, the task behind it already
     * ended where it was produced, and a later record (the next version, the next announcement) replaces it.
     */
    SKIP_AND_COUNT;

    /** The lower-case tag value of the {@code policy} metric tag. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
