package com.talentpipeline.core.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What a task computes; the wire name is what clients see. */
public enum TaskType {
    RESUME_EMBEDDING("resume.embedding"),
    JOB_EMBEDDING("job.embedding"),
    /** A question about a resume answered by the rag worker after its synchronous timeout. */
    RAG_QUERY("rag.query");

    private final String wireName;

    TaskType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name (or the enum name). */
    @JsonCreator
    public static TaskType fromWireName(String value) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(value) || t.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task type " + value));
    }
}
