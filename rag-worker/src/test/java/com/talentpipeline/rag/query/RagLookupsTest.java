package com.talentpipeline.rag.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.rag.RagLookup;
import com.talentpipeline.core.rag.RagLookup.What;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.rag.config.RagProperties;
import com.talentpipeline.rag.index.ChunkStore;
import com.talentpipeline.rag.index.IndexedResume;
import com.talentpipeline.rag.index.RagIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The index reads as the handler answers them: a resume's chunks for its own tenant only (another
 * tenant's id is 404), info with the tenant's sizes and the camelCase keys clients read, and health DOWN
 * when the store does not answer.
 */
class RagLookupsTest {

    final RagIndex index = mock(RagIndex.class);
    final ChunkStore store = mock(ChunkStore.class);
    final TextEncoder encoder = mock(TextEncoder.class);
    RagLookups lookups;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        lookups = new RagLookups(index, store, RagProperties.defaults(), new com.talentpipeline.core.kafka.reply.Responders(
                kafka, ConsumeKit.of(kafka, new SimpleMeterRegistry(), "rag-worker").deadLetters()));
        ModelInfo info = mock(ModelInfo.class);
        when(info.name()).thenReturn("all-MiniLM-L6-v2");
        when(info.version()).thenReturn("v1");
        when(info.dimension()).thenReturn(384);
        when(encoder.info()).thenReturn(info);
        when(index.encoder()).thenReturn(encoder);
        when(index.find(anyString(), anyString())).thenReturn(Mono.empty());
        Chunk chunk = new Chunk("c0", "skills", "Java, Kafka", 0, 11, null);
        when(index.find("tenant-a", "r1")).thenReturn(Mono.just(new IndexedResume("r1", 2, "v1", "Java, Kafka",
                List.of(chunk), new float[][] {{1f, 0f}}, "tenant-a")));
    }

    JsonNode answer(String tenant, RagLookup lookup) {
        return PipelineJson.mapper().valueToTree(lookups.handle(EventEnvelope.of("rag.lookup", UUID.randomUUID(), tenant,
                "s", null, null, lookup)).result());
    }

    @Test
    void aResumesChunksAreItsTenantsOnly() {
        JsonNode own = answer("tenant-a", new RagLookup(What.RESUME, "r1"));
        assertThat(own.get("resumeId").asString()).isEqualTo("r1");
        assertThat(own.get("version").asInt()).isEqualTo(2);
        assertThat(own.get("chunks").get(0).get("charEnd").asInt()).isEqualTo(11);
        assertThat(own.get("chunks").get(0).has("vector")).isFalse();
        assertThatThrownBy(() -> answer("tenant-b", new RagLookup(What.RESUME, "r1")))
                .isInstanceOfSatisfying(ApiProblemException.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void infoHasTheModelSettingsAndTheTenantsSizes() {
        when(store.sizes("tenant-a")).thenReturn(Mono.just(new long[] {3, 17}));
        when(index.cachedResumes("tenant-a")).thenReturn(2L);
        JsonNode info = answer("tenant-a", new RagLookup(What.INFO, null));
        assertThat(info.get("model").get("dimension").asInt()).isEqualTo(384);
        assertThat(info.get("retrieval").get("topK").asInt()).isPositive();
        assertThat(info.get("query").get("timeoutMillis").asLong()).isPositive();
        assertThat(info.get("index").get("resumes").asLong()).isEqualTo(3);
        assertThat(info.get("index").get("chunks").asLong()).isEqualTo(17);
        assertThat(info.get("index").get("cachedResumes").asLong()).isEqualTo(2);
    }

    @Test
    void healthIsDownWhenTheStoreFails() {
        when(encoder.isReady()).thenReturn(true);
        when(store.sizes()).thenReturn(Mono.just(new long[] {1, 1}));
        assertThat(answer("t", new RagLookup(What.HEALTH, null)).get("status").asString()).isEqualTo("UP");
        when(store.sizes()).thenReturn(Mono.error(new IllegalStateException("database away")));
        JsonNode down = answer("t", new RagLookup(What.HEALTH, null));
        assertThat(down.get("status").asString()).isEqualTo("DOWN");
        assertThat(down.get("database").asString()).isEqualTo("DOWN");
        assertThat(down.get("textModel").asString()).isEqualTo("UP");
    }
}
