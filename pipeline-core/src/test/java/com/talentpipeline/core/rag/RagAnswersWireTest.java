package com.talentpipeline.core.rag;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RAG worker's replies keep the keys clients read (camelCase where they were, the later keys
 * snake_case, absent metadata left out): moving the records into this contract must not change a byte.
 */
class RagAnswersWireTest {

    @Test
    void anAnswerKeepsItsKeysAndLeavesOutAbsentMetadata() throws Exception {
        Citation citation = new Citation("c1", "experience", "Led the Java team", 0, 17, 0.82);
        RagAnswer answer = new RagAnswer("r1", 2, "Who led?", "Led the Java team [c1]", true, List.of(citation), 0.82,
                "extractive", null, 12.5, null);
        assertThat(PipelineJson.mapper().writeValueAsString(answer)).isEqualTo("{\"resumeId\":\"r1\",\"resumeVersion\":2,"
                + "\"query\":\"Who led?\",\"response\":\"Led the Java team [c1]\",\"answered\":true,\"citations\":[{"
                + "\"chunkId\":\"c1\",\"section\":\"experience\",\"text\":\"Led the Java team\",\"charStart\":0,"
                + "\"charEnd\":17,\"score\":0.82}],\"topScore\":0.82,\"mode\":\"extractive\",\"fallbackReason\":null,"
                + "\"processing_time\":12.5}");

        RagAnswer withStats = new RagAnswer("r1", 2, "q", "The resume does not say.", false, List.of(), 0.1,
                "extractive", null, 3.0, new RagAnswer.QueryStats(4, 3, 0.75));
        assertThat(PipelineJson.mapper().writeValueAsString(withStats)).endsWith(
                "\"metadata\":{\"total_queries\":4,\"successful_queries\":3,\"success_rate\":0.75}}");
    }

    @Test
    void theIndexReadsKeepTheirKeys() throws Exception {
        RagViews.RagInfo info = new RagViews.RagInfo(new RagViews.RagModel("all-MiniLM-L6-v2", "v1", 384),
                new RagViews.RagRetrieval(4, 0.7, 0.45, 0.8, 0.4, 0.1), new RagViews.RagAnswerSettings(3),
                new RagViews.RagQueryLimits(5000, 1000), new RagViews.RagLlm(false, ""),
                new RagViews.RagIndexSizes(2, 9, 1, 4));
        assertThat(PipelineJson.mapper().writeValueAsString(info)).isEqualTo("{\"model\":{\"name\":\"all-MiniLM-L6-v2\","
                + "\"version\":\"v1\",\"dimension\":384},\"retrieval\":{\"topK\":4,\"mmrLambda\":0.7,\"minScore\":0.45,"
                + "\"relativeCutoff\":0.8,\"lexicalWeight\":0.4,\"sectionWeight\":0.1},\"answer\":{\"maxSentences\":3},"
                + "\"query\":{\"timeoutMillis\":5000,\"maxChars\":1000},\"llm\":{\"enabled\":false,\"model\":\"\"},"
                + "\"index\":{\"resumes\":2,\"chunks\":9,\"cachedResumes\":1,\"cachedChunks\":4}}");

        RagViews.RagIndexedResume indexed = new RagViews.RagIndexedResume("r1", 2, "v1", "Java",
                List.of(new RagViews.RagChunk("c1", "skills", "Java", 0, 4)));
        assertThat(PipelineJson.mapper().writeValueAsString(indexed)).isEqualTo("{\"resumeId\":\"r1\",\"version\":2,"
                + "\"model\":\"v1\",\"text\":\"Java\",\"chunks\":[{\"chunkId\":\"c1\",\"section\":\"skills\","
                + "\"text\":\"Java\",\"charStart\":0,\"charEnd\":4}]}");

        assertThat(PipelineJson.mapper().writeValueAsString(new RagViews.RagHealth("DOWN", "UP", "DOWN")))
                .isEqualTo("{\"status\":\"DOWN\",\"textModel\":\"UP\",\"database\":\"DOWN\"}");
    }
}
