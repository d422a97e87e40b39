package com.talentpipeline.embedding.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.core.vector.PackedVector;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The vectors of one document version, as the cache keeps them (packed: a cache entry is read on every
 * hit): section means and counts, skill vectors, and for a resume its profile vector and chunk vectors.
 *
 * @param means        section to L2-normalised mean vector
 * @param counts       section to number of items pooled
 * @param skills       skill key to vector
 * @param profile      the profile text's vector, or null
 * @param chunkVectors one vector per chunk, or null
 */
record EncodedDocument(
        @JsonSerialize(contentUsing = PackedVector.Serializer.class)
        @JsonDeserialize(contentUsing = PackedVector.Deserializer.class) Map<String, float[]> means,
        Map<String, Integer> counts,
        @JsonSerialize(contentUsing = PackedVector.Serializer.class)
        @JsonDeserialize(contentUsing = PackedVector.Deserializer.class) Map<String, float[]> skills,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonSerialize(using = PackedVector.Serializer.class)
        @JsonDeserialize(using = PackedVector.Deserializer.class) float[] profile,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonSerialize(contentUsing = PackedVector.Serializer.class)
        @JsonDeserialize(contentUsing = PackedVector.Deserializer.class) List<float[]> chunkVectors) {

    /** Assembles a document's vectors from the vector of each of its texts. */
    public static EncodedDocument of(EncodingPlan plan, Function<String, float[]> vectorOf) {
        Map<String, float[]> means = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        plan.sections().forEach((section, items) -> {
            List<float[]> vectors = new ArrayList<>(items.size());
            items.forEach(text -> vectors.add(vectorOf.apply(text)));
            means.put(section, Vectors.normalisedMean(vectors));
            counts.put(section, items.size());
        });
        Map<String, float[]> skills = new LinkedHashMap<>();
        plan.skillTexts().forEach((key, text) -> skills.put(key, vectorOf.apply(text)));
        float[] profile = plan.profileText() == null || plan.profileText().isBlank() ? null
                : vectorOf.apply(plan.profileText());
        List<float[]> chunkVectors = plan.chunks() == null ? null
                : plan.chunks().chunks().stream().map(c -> vectorOf.apply(c.context())).toList();
        return new EncodedDocument(means, counts, skills, profile, chunkVectors);
    }

    /** Whether this entry has every vector the plan asks for (an entry from an older layout may not). */
    public boolean covers(EncodingPlan plan) {
        return means != null && skills != null && means.keySet().equals(plan.sections().keySet())
                && skills.keySet().equals(plan.skillTexts().keySet())
                && (plan.profileText() == null || plan.profileText().isBlank() || profile != null)
                && (plan.chunks() == null || (chunkVectors != null && chunkVectors.size() == plan.chunks().chunks().size()));
    }
}
