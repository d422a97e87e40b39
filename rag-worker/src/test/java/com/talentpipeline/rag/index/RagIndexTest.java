package com.talentpipeline.rag.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.chunk.ChunkedResume;
import com.talentpipeline.core.chunk.ResumeChunker;
import com.talentpipeline.core.chunk.ResumeChunks;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

/** The index stores the chunks and vectors the embedding worker published; it encodes only across a model change. */
class RagIndexTest {

    static final Resume RESUME = new Resume(null, null, null, null, "Backend engineer. Mentors juniors.",
            List.of(new Resume.Skill("Java", null)), List.of(), List.of(), List.of());

    final TextEncoder encoder = mock(TextEncoder.class);
    final ChunkStore store = mock(ChunkStore.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RagIndex index;

    RagIndexTest() {
        ModelInfo info = mock(ModelInfo.class);
        when(info.version()).thenReturn("m@1");
        when(encoder.info()).thenReturn(info);
        when(store.replace(any())).thenReturn(Mono.just(true));
        index = new RagIndex(encoder, store, meters);
    }

    static ResumeEmbeddings embedded(String modelVersion, ChunkedResume chunked, float value) {
        List<float[]> vectors = new ArrayList<>();
        chunked.chunks().forEach(c -> vectors.add(new float[] {value, 0}));
        return new ResumeEmbeddings("r1", 2, new ModelRef("m", modelVersion, 2), Map.of(), Map.of(), null, RESUME,
                null, Map.of(), new ResumeChunks(chunked.text(), chunked.chunks(), vectors));
    }

    @Test
    void publishedVectorsAreStoredAsTheyCameWithoutCallingTheModel() {
        ChunkedResume chunked = new ResumeChunker().chunk(RESUME);
        assertThat(index.index("t", embedded("m@1", chunked, 0.5f))).isTrue();

        ArgumentCaptor<IndexedResume> stored = ArgumentCaptor.forClass(IndexedResume.class);
        verify(store).replace(stored.capture());
        assertThat(stored.getValue().chunks()).isEqualTo(chunked.chunks());
        assertThat(List.of(stored.getValue().vectors())).allSatisfy(v -> assertThat(v).containsExactly(0.5f, 0f));
        assertThat(stored.getValue().text()).isEqualTo(chunked.text());
        verify(encoder, never()).embed(any());
        assertThat(meters.counter("pipeline.rag.index.reencoded").count()).isZero();
    }

    @Test
    void vectorsOfAnotherModelAreReEncodedHereNotComparedAcrossModels() {
        ChunkedResume chunked = new ResumeChunker().chunk(RESUME);
        when(encoder.embed(any())).thenAnswer(call -> {
            List<String> texts = call.getArgument(0);
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {0, 1};
            }
            return out;
        });
        index.index("t", embedded("old-model@0", chunked, 0.5f));

        ArgumentCaptor<IndexedResume> stored = ArgumentCaptor.forClass(IndexedResume.class);
        verify(store).replace(stored.capture());
        assertThat(List.of(stored.getValue().vectors())).allSatisfy(v -> assertThat(v).containsExactly(0f, 1f));
        assertThat(stored.getValue().model()).isEqualTo("m@1");
        assertThat(meters.counter("pipeline.rag.index.reencoded").count()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutChunksIsRefused() {
        var withoutChunks = new ResumeEmbeddings("r1", 1, new ModelRef("m", "m@1", 2), Map.of(), Map.of(), null);
        assertThatThrownBy(() -> index.index("t", withoutChunks)).isInstanceOf(IllegalArgumentException.class);
        verify(store, never()).replace(any());
    }
}
