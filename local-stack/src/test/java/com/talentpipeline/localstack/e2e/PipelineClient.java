package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** What a client program does: HTTP against the running services, JSON in and out. */
final class PipelineClient {

    // HTTP/1.1 as curl and most clients speak it; the JDK's default h2c upgrade attempt on every new
    // connection is not what the services' users send.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalPipeline pipeline;
    // The API key sent on every request (tenant A's unless chosen otherwise); null sends none.
    private final String key;

    PipelineClient(LocalPipeline pipeline) {
        this(pipeline, SharedPipeline.keyA());
    }

    /** A client of another pipeline (not the shared one) sending the given key (null: none). */
    PipelineClient(LocalPipeline pipeline, String key) {
        this.pipeline = pipeline;
        this.key = key;
    }

    /** The same client sending another API key (null: none). */
    PipelineClient withKey(String otherKey) {
        return new PipelineClient(pipeline, otherKey);
    }

    /** A request builder carrying tenant A's API key, for tests that send with their own HttpClient. */
    static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + SharedPipeline.keyA());
    }

    /** A request builder carrying this client's key. */
    HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    /** Sends a request built by {@link #request}, body as text. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    /** Streams the response body line by line (Server-Sent Events). */
    HttpResponse<java.util.stream.Stream<String>> lines(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET with extra headers. */
    HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = request(url).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** DELETE with this client's key. */
    HttpResponse<String> delete(String url) {
        return send(request(url).DELETE().build());
    }

    String ingest(String path) {
        return route(pipeline.ingestPort(), path);
    }

    String results(String path) {
        return route(pipeline.resultsPort(), path);
    }

    /** A URL of the scoring worker's API. */
    String scoring(String path) {
        return route(pipeline.scoringWorkerPort(), path);
    }

    /**
     * Every public call goes through the front door, the one base URL a client knows; operator endpoints
     * (actuator) are not routed by the front door and stay on the service's own port.
     */
    private String route(int servicePort, String path) {
        if (path.startsWith("/actuator")) {
            return "http://127.0.0.1:" + servicePort + path;
        }
        return "http://127.0.0.1:" + pipeline.frontDoorPort() + path;
    }

    /** The one base URL. */
    String frontDoor(String path) {
        return "http://127.0.0.1:" + pipeline.frontDoorPort() + path;
    }

    HttpResponse<String> put(String url, String body) {
        return send(request(url)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> post(String url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** {@code http://127.0.0.1:<port><path>}: a service started outside the shared pipeline (fault tests). */
    String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A POST of raw bytes (invalid UTF-8, odd content types) with its own answer timeout. */
    HttpResponse<String> postBytes(String url, byte[] body, String contentType, Duration timeout) {
        HttpRequest.Builder request = request(url)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request.build());
    }

    HttpResponse<String> get(String url) {
        return send(request(url).GET().build());
    }

    /** GET of an operator endpoint (actuator metrics) with the suite's metrics key instead of a tenant key. */
    HttpResponse<String> scrape(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + SharedPipeline.METRICS_KEY).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            // The services run in this JVM: their threads show where the request is stuck.
            StringBuilder dump = new StringBuilder("THREAD DUMP after timeout of " + request.uri() + "\n");
            Thread.getAllStackTraces().forEach((t, trace) -> {
                dump.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
                for (StackTraceElement element : trace) {
                    dump.append("    at ").append(element).append('\n');
                }
            });
            System.err.println(dump);
            System.err.println("RETRY on a fresh connection: " + freshAttempt(request));
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    private static String freshAttempt(HttpRequest request) {
        try {
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long t0 = System.nanoTime();
            int status = fresh.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            return status + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        } catch (Exception e) {
            return e.toString();
        }
    }

    String detection(String path) {
        return route(pipeline.detectionWorkerPort(), path);
    }

    /** A multipart/form-data POST: file parts as {name: {fileName, bytes}}. */
    HttpResponse<String> postFiles(String url, Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----pipeline" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        files.forEach((name, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A GET whose body is binary (an image). */
    HttpResponse<byte[]> getBytes(String url) {
        try {
            return http.send(request(url).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(url + ": " + e, e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return PipelineJson.mapper().readTree(response.body());
    }

    /** Submits and returns the 202 body. */
    JsonNode submit(String path, String body) {
        HttpResponse<String> response = post(ingest(path), body, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    /** Polls the task until it is terminal. */
    JsonNode awaitTerminal(String taskId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode task = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(results("/v1/tasks/" + taskId));
            if (response.statusCode() == 200) {
                task = json(response);
                String state = task.get("state").asString();
                if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                    return task;
                }
            }
            sleep(50);
        }
        throw new AssertionError("task " + taskId + " not terminal after " + timeout + ": " + task);
    }

    /** The value of a Prometheus sample (summed over the series matching all given label fragments). */
    double metric(int port, String name, String... labelFragments) {
        String body = scrape("http://127.0.0.1:" + port + "/actuator/prometheus").body();
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String fragment : labelFragments) {
                all &= labels.contains(fragment);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
