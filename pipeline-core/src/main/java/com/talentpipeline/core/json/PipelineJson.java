package com.talentpipeline.core.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.DateTimeFeature;

/**
 * Holds the JSON mapper for everything that crosses a process boundary (Kafka, Redis, JSONB).
 * One configuration everywhere keeps a value written by one service readable by every other.
 */
public final class PipelineJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Sorted keys make the output canonical, which content hashing relies on. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PipelineJson() {
    }

    /** The shared mapper; tolerant of unknown properties so consumers survive additive changes. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A mapper with sorted properties and map keys, for hashing. */
    public static JsonMapper canonical() {
        return CANONICAL;
    }
}
