package com.talentpipeline.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.vector.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every shipped model loads from its descriptor, with the pooling and prefixes its training expects. */
class ShippedModelsTest {

    static final List<String> SHIPPED = ModelDescriptor.SHIPPED;

    @Test
    void descriptorsCarryEachModelsPoolingAndPrefixes() {
        ModelDescriptor minilm = ModelDescriptor.of("all-minilm-l6-v2");
        assertThat(minilm.pooling()).isEqualTo("mean");
        assertThat(minilm.maxTokens()).isEqualTo(256);
        assertThat(minilm.queryPrefix()).isEmpty();
        ModelDescriptor bge = ModelDescriptor.of("BGE-small-en-v15");
        assertThat(bge.name()).isEqualTo("bge-small-en-v15");
        assertThat(bge.pooling()).isEqualTo("cls");
        assertThat(bge.queryPrefix()).isEqualTo("Represent this sentence for searching relevant passages: ");
        assertThat(bge.passagePrefix()).isEmpty();
        ModelDescriptor e5 = ModelDescriptor.of("e5-small-v2-q");
        assertThat(e5.pooling()).isEqualTo("mean");
        assertThat(e5.queryPrefix()).isEqualTo("query: ");
        assertThat(e5.passagePrefix()).isEqualTo("passage: ");
        assertThat(e5.maxTokens()).isEqualTo(512);
        assertThatThrownBy(() -> ModelDescriptor.of("gpt-17")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e5-small-v2");
    }

    @ParameterizedTest
    @FieldSource("SHIPPED")
    void eachShippedModelLoadsAndRanksByMeaning(String name) {
        TextModelProperties properties = new TextModelProperties();
        properties.setBundled(name);
        properties.setBatchSize(8);
        ModelDescriptor descriptor = ModelDescriptor.of(name);
        try (DjlTextEncoder encoder = DjlTextEncoder.load(properties, null)) {
            assertThat(encoder.info().name()).isEqualTo(name);
            assertThat(encoder.info().version()).startsWith(name + "@");
            assertThat(encoder.info().dimension()).isEqualTo(384);
            float[][] passages = encoder.embed(List.of("Worked with PostgreSQL, MySQL and MongoDB databases.",
                    "Enjoys hiking, painting and playing the guitar."));
            float[] query = encoder.embedQueries(List.of("Which databases does the candidate know?"))[0];
            assertThat(norm(query)).isCloseTo(1.0, within(1e-4));
            assertThat(Vectors.dot(query, passages[0])).isGreaterThan(Vectors.dot(query, passages[1]));
            float[] asPassage = encoder.embed(List.of("Which databases does the candidate know?"))[0];
            double same = Vectors.cosine(query, asPassage);
            if (descriptor.queryPrefix().equals(descriptor.passagePrefix())) {
                assertThat(same).isGreaterThan(0.9999);
            } else {
                assertThat(same).isLessThan(0.999);
            }
        }
    }

    @Test
    void passagePrefixIsPrependedToWhatTheModelReads() {
        TextModelProperties withPrefix = new TextModelProperties();
        withPrefix.setBundled("e5-small-v2-q");
        TextModelProperties noPrefix = new TextModelProperties();
        noPrefix.setBundled("e5-small-v2-q");
        noPrefix.setPassagePrefix("");
        noPrefix.setQueryPrefix("");
        try (DjlTextEncoder e5 = DjlTextEncoder.load(withPrefix, null);
                DjlTextEncoder raw = DjlTextEncoder.load(noPrefix, null)) {
            String text = "Senior Java developer, Spring Boot and Kafka.";
            assertThat(Vectors.cosine(e5.embed(List.of(text))[0], raw.embed(List.of("passage: " + text))[0]))
                    .isGreaterThan(0.9999);
            assertThat(Vectors.cosine(e5.embedQueries(List.of(text))[0], raw.embed(List.of("query: " + text))[0]))
                    .isGreaterThan(0.9999);
        }
    }

    @Test
    void poolingIsConfigurationAndChangesTheVectors() {
        TextModelProperties cls = new TextModelProperties();
        cls.setBundled("bge-small-en-v15-q");
        TextModelProperties mean = new TextModelProperties();
        mean.setBundled("bge-small-en-v15-q");
        mean.setPooling("mean");
        try (DjlTextEncoder a = DjlTextEncoder.load(cls, null); DjlTextEncoder b = DjlTextEncoder.load(mean, null)) {
            String text = "Hadoop and Spark data engineer.";
            assertThat(Vectors.cosine(a.embed(List.of(text))[0], b.embed(List.of(text))[0])).isLessThan(0.99);
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
