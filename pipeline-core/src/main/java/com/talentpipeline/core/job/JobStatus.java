package com.talentpipeline.core.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a job is open for matching. */
public enum JobStatus {
    ACTIVE, CLOSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    /** Parses active or closed (any case). */
    @JsonCreator
    public static JobStatus fromWireName(String value) {
        for (JobStatus s : values()) {
            if (s.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + value + "', expected active or closed");
    }
}
