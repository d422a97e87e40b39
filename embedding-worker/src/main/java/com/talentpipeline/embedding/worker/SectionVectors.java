package com.talentpipeline.embedding.worker;

import java.util.Map;

/**
 * What the cache keeps for one document: the pooled vector and item count of each section.
 *
 * @param means  section to L2-normalised mean vector
 * @param counts section to number of items pooled
 */
public record SectionVectors(Map<String, float[]> means, Map<String, Integer> counts) {
}
