package com.talentpipeline.core.task;

/**
 * The model that produced a result, recorded with every result so a reader knows what it is
 * looking at and caches can be keyed by it.
 *
 * @param name      model name, e.g. all-minilm-l6-v2
 * @param version   model version (name + digest prefix); part of every cache key
 * @param dimension embedding dimension
 */
public record ModelRef(String name, String version, int dimension) {
}
