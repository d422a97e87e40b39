package com.talentpipeline.rag.answer;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.rag.Citation;
import com.talentpipeline.rag.config.RagProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optional generative answer from an OpenAI-compatible chat completions endpoint, grounded only in
 * the retrieved chunks. An answer that cites no chunk, or a chunk that was not retrieved, is rejected;
 * so are timeouts and errors. Each rejection is a {@link Fallback} naming the reason.
 */
final class Generative {

    private static final Pattern CITATION = Pattern.compile("\\[([A-Za-z]+-[0-9.]+)\\]");

    private final RagProperties.Llm llm;
    private final HttpClient http;

    public Generative(RagProperties.Llm llm) {
        this.llm = llm;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(llm.timeout()).build();
    }

    /** Why the generative answer was not used. */
    public static final class Fallback extends Exception {
        private final String reason;

        public Fallback(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Asks the model; returns its answer and the cited chunk ids (all valid, at least one). */
    public Result answer(String question, List<Citation> context) throws Fallback {
        ObjectNode body = PipelineJson.mapper().createObjectNode();
        body.put("model", llm.model() == null ? "" : llm.model());
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", """
                Answer the question about a candidate using only the resume excerpts given. Cite every \
                statement with the excerpt id in square brackets, e.g. [skills-1]. If the excerpts do not \
                answer the question, reply exactly: The resume does not say.""");
        StringBuilder user = new StringBuilder("Excerpts:\n");
        for (Citation c : context) {
            user.append('[').append(c.chunkId()).append("] ").append(c.text()).append('\n');
        }
        user.append("\nQuestion: ").append(question);
        messages.addObject().put("role", "user").put("content", user.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(llm.url()))
                .timeout(llm.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (llm.apiKey() != null && !llm.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + llm.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Fallback("timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fallback("error: interrupted");
        } catch (Exception e) {
            throw new Fallback("error: " + e.getClass().getSimpleName());
        }
        if (response.statusCode() / 100 != 2) {
            throw new Fallback("error: HTTP " + response.statusCode());
        }
        String content;
        try {
            JsonNode json = PipelineJson.mapper().readTree(response.body());
            content = json.path("choices").path(0).path("message").path("content").asString("").strip();
        } catch (RuntimeException e) {
            throw new Fallback("error: unreadable response");
        }
        if (content.isEmpty()) {
            throw new Fallback("error: empty answer");
        }
        Set<String> allowed = context.stream().map(Citation::chunkId).collect(Collectors.toSet());
        Set<String> cited = new java.util.LinkedHashSet<>();
        Matcher m = CITATION.matcher(content);
        while (m.find()) {
            cited.add(m.group(1));
        }
        if (cited.isEmpty()) {
            throw new Fallback("no_valid_citation");
        }
        if (!allowed.containsAll(cited)) {
            throw new Fallback("no_valid_citation");
        }
        return new Result(content, List.copyOf(cited));
    }

    /** A grounded generative answer. */
    public record Result(String text, List<String> citedChunkIds) {
    }
}
