package com.talentpipeline.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.skill.SkillKeys;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.index.ResumeVectors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Skill vectors come from the embedded events; the matcher then decides without calling the model. */
class SkillEmbeddingsTest {

    final TextEncoder encoder = mock(TextEncoder.class);

    SkillEmbeddingsTest() {
        ModelInfo info = mock(ModelInfo.class);
        when(info.version()).thenReturn("m@1");
        when(encoder.info()).thenReturn(info);
        when(encoder.embed(any())).thenThrow(new AssertionError("the model must not be called"));
    }

    @Test
    void publishedSkillVectorsAreLearnedThroughTheResumeIndexAndMatchedWithoutTheModel() {
        SkillEmbeddings skills = new SkillEmbeddings(encoder);
        ResumeVectors resumes = new ResumeVectors(skills);
        SkillKeys keys = SkillKeys.defaults();
        var resume = new ResumeEmbeddings("r1", 1, new ModelRef("m", "m@1", 2), Map.of("skills", new float[] {1, 0}),
                Map.of("skills", 2), new ResumeEmbeddings.Metrics(3, 2, 1), null, null,
                Map.of(keys.key("JS"), new float[] {1, 0}, keys.key("Spring Boot"), new float[] {0, 1}), null);
        resumes.put(EventEnvelope.of("resume.embedded", UUID.randomUUID(), "t", "r1", "h", null, resume));
        skills.learn("m@1", Map.of(keys.key("JavaScript"), new float[] {1, 0}, keys.key("Spring Framework"),
                new float[] {0.6f, 0.8f}));

        SkillMatcher.Split split = new SkillMatcher(SkillVocabulary.defaults(), skills, 0.8)
                .forResume(List.of("JS", "Spring Boot")).split(List.of("javascript", "Spring Framework"));

        assertThat(split.matched()).containsExactly("JavaScript");
        assertThat(split.missing()).containsExactly(keys.canonical("Spring Framework"));
        verify(encoder, never()).embed(any());
        // The index holds the section view only, not the per-skill vectors.
        assertThat(resumes.get("t", "r1").embeddings().skillVectors()).isNull();
    }

    @Test
    void vectorsOfAnotherModelAreNotLearned() {
        SkillEmbeddings skills = new SkillEmbeddings(encoder);
        assertThat(skills.learn("other@2", Map.of("java", new float[] {1, 0}))).isZero();
        assertThat(skills.knows("Java")).isFalse();
        assertThat(skills.learn("m@1", Map.of("java", new float[] {1, 0}))).isEqualTo(1);
        assertThat(skills.knows("JAVA")).isTrue();
    }
}
