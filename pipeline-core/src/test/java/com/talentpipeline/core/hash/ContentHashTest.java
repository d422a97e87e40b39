package com.talentpipeline.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void cosmeticWhitespaceAndKeyOrderDoNotChangeTheHash() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("skills", List.of("Java", "Kafka"));
        a.put("summary", "Backend   engineer\n building  services ");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("summary", "Backend engineer building services");
        b.put("skills", List.of("Java", "Kafka"));
        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b)).hasSize(64);
    }

    @Test
    void anyChangeOfMeaningChangesTheHash() {
        assertThat(ContentHash.of(Map.of("skills", List.of("Java", "Kafka"))))
                .isNotEqualTo(ContentHash.of(Map.of("skills", List.of("Kafka", "Java"))))
                .isNotEqualTo(ContentHash.of(Map.of("skills", List.of("Java", "Kafka", "Go"))));
        assertThat(ContentHash.ofText("Java")).isNotEqualTo(ContentHash.ofText("java"));
    }

    @Test
    void unicodeIsNormalisedToNfc() {
        String composed = "Jos\u00e9";
        String decomposed = "Jose\u0301";
        assertThat(ContentHash.ofText(composed)).isEqualTo(ContentHash.ofText(decomposed));
    }

    @Test
    void knownVector() {
        assertThat(ContentHash.sha256Hex("abc".getBytes()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
