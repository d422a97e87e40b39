package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import com.talentpipeline.localstack.frontdoor.FrontDoorRoutes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The access decision as an outsider meets it: every route of every service, read from the
 * services' own handler mappings (so a new route is covered without editing this test), each
 * written canonically and in the spellings a router would read the same way ({@code /v1;x/...},
 * {@code /%761/...}), sent with no key, with another tenant's key and with a made-up key. Nothing
 * may answer 2xx without the owner's key, nothing may show the owner's data, and nothing is a 5xx.
 */
class PathSpellingIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static LocalPipeline pipeline;
    static PipelineClient owner;
    static String resumeId;
    static String jobId;
    static String taskId;
    static String marker;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        owner = new PipelineClient(pipeline);
        marker = "spelling-" + UUID.randomUUID();
        JsonNode resume = owner.submit("/v1/resumes?userId=" + marker, Seeds.javaKafkaResume(marker + "@example.com"));
        resumeId = resume.get("resume_id").asString();
        taskId = resume.get("task_id").asString();
        jobId = owner.submit("/v1/jobs", Seeds.backendJob()).get("job_id").asString();
        owner.awaitTerminal(taskId, Duration.ofSeconds(60));
    }


    @Test
    void noSpellingOfAnyRouteOpensItWithoutTheOwnersKey() throws Exception {
        List<ServiceRoutes.Route> routes = routes();
        assertThat(routes).as("routes found in the handler mappings").hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("no key", null);
        keys.put("another tenant's key", SharedPipeline.keyB());
        keys.put("unknown key", "tp_000000000000_" + "0".repeat(40));
        for (ServiceRoutes.Route route : routes) {
            String path = concrete(route.pattern());
            for (String spelled : spellings(path)) {
                for (Map.Entry<String, String> key : keys.entrySet()) {
                    HttpResponse<String> response = send(route, spelled, key.getValue());
                    requests++;
                    int status = response.statusCode();
                    String what = route.service() + " " + route.method() + " " + spelled + " (" + key.getKey() + ") -> "
                            + status + " " + abbreviate(response.body());
                    // 501 is match-text's documented answer while no CLIP model is configured.
                    if (status >= 500 && !(status == 501 && route.pattern().endsWith("/match-text"))) {
                        failures.add("5xx: " + what);
                    }
                    boolean open = publicRoute(route.pattern());
                    // User ids are names within a tenant: another tenant's /users/{same name} is its own.
                    boolean ownResource = path.contains(resumeId) || path.contains(jobId) || path.contains(taskId);
                    if (!open && key.getValue() == null && status != 400 && status != 401) {
                        failures.add("not refused without a key: " + what);
                    }
                    if (!open && !spelled.equals(path) && status != 400) {
                        failures.add("non-canonical spelling not refused: " + what);
                    }
                    if (ownResource && status >= 200 && status < 300) {
                        failures.add("the owner's resource answered to another caller: " + what);
                    }
                    if (response.body().contains(marker + "@example.com")) {
                        failures.add("the owner's data leaked: " + what);
                    }
                    if (status >= 400 && !response.body().isEmpty()) {
                        String type = response.headers().firstValue("Content-Type").orElse("");
                        if (!type.contains("application/problem+json")) {
                            failures.add("error without problem+json: " + what + " [" + type + "]");
                        }
                    }
                }
            }
        }
        System.out.println("[path-spelling] " + routes.size() + " routes, " + requests + " requests");
        assertThat(failures).as("%d requests", requests).isEmpty();
        // Nothing above touched the owner's data.
        assertThat(owner.get(owner.results("/v1/resumes/" + resumeId)).statusCode()).isEqualTo(200);
        assertThat(owner.get(owner.results("/v1/tasks/" + taskId)).statusCode()).isEqualTo(200);
    }

    /**
     * The front door's table (the Ingress) sends every public route of every service to that service: a
     * route added to a service without a rule would answer 404 at the one base URL.
     */
    @Test
    void theFrontDoorRoutesEveryPublicRouteToTheServiceThatServesIt() {
        FrontDoorRoutes table = FrontDoorRoutes.fromClasspath();
        Map<String, String> serviceNames = Map.of("ingest", "ingest-api", "results", "results-api",
                "embedding", "embedding-worker", "rag", "rag-worker", "scoring", "scoring-worker",
                "matching", "matching-worker", "detection", "detection-worker");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (ServiceRoutes.Route route : routes()) {
            if (!ServiceRoutes.isApi(route)) {
                continue;
            }
            String path = concrete(route.pattern());
            checked++;
            String expected = serviceNames.get(route.service());
            if (table.allMatching(path).size() > 1) {
                failures.add(path + " matches several rules: " + table.allMatching(path));
            }
            if (!expected.equals(table.serviceFor(path))) {
                failures.add(route.method() + " " + route.pattern() + " is served by " + expected
                        + " but the front door sends it to " + table.serviceFor(path));
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(failures).isEmpty();
        // Workers serve actuator only: every API route is the ingest or the results API's.
        assertThat(routes().stream().filter(ServiceRoutes::isApi)
                .filter(r -> !r.service().equals("ingest") && !r.service().equals("results"))
                .map(r -> r.service() + " " + r.method() + " " + r.pattern()).toList())
                .as("API routes served by a worker").isEmpty();
        // And the front door really answers: the owner's task through the one base URL.
        assertThat(owner.get(owner.frontDoor("/v1/tasks/" + taskId)).statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedLinesAndHeadersAreProblemJsonAndOperatorsNeedTheirKey() throws Exception {
        // Through the front door: it passes long lines and big headers on, and the service answers.
        int ingest = pipeline.frontDoorPort();
        HttpResponse<String> longPath = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + ingest + "/v1/" + "a".repeat(9000))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(longPath.statusCode()).isEqualTo(414);
        assertThat(longPath.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(longPath.body()).contains("\"status\":414");
        HttpResponse<String> bigHeader = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + ingest + "/v1/jobs")).header("X-Filler", "x".repeat(40_000)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeader.statusCode()).isEqualTo(431);
        assertThat(bigHeader.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        // A body shorter than its Content-Length: 408 problem after the read timeout, and the connection closed.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ingest)) {
            socket.setSoTimeout(30_000);
            long started = System.nanoTime();
            socket.getOutputStream().write(("POST /v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + SharedPipeline.keyA() + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("request_timeout");
            assertThat(System.nanoTime() - started).as("answered after the read timeout, not held")
                    .isLessThan(java.time.Duration.ofSeconds(15).toNanos());
        }
        for (int port : ports().values()) {
            assertThat(plain(port, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(plain(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(plain(port, "/actuator/prometheus", SharedPipeline.keyA()).statusCode()).isEqualTo(401);
            assertThat(plain(port, "/actuator/prometheus", SharedPipeline.METRICS_KEY).statusCode()).isEqualTo(200);
            assertThat(plain(port, "/actuator/env", null).statusCode()).isIn(401, 404);
            assertThat(plain(port, "/actuator/health", null).body()).as("no details in public health")
                    .doesNotContain("redis_version").doesNotContain("/tmp");
        }
    }

    private static HttpResponse<String> plain(int port, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Public routes are called through the front door, the one base URL; actuator on the service's own port. */
    private static HttpResponse<String> send(ServiceRoutes.Route route, String path, String key) throws Exception {
        int port = route.pattern().startsWith("/actuator") ? route.port() : pipeline.frontDoorPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        switch (route.method()) {
            case "POST", "PUT", "PATCH" -> request.header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
            default -> request.method(route.method(), HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path written canonically and in spellings that a lenient router reads as the same path. */
    static Set<String> spellings(String path) {
        Set<String> out = new LinkedHashSet<>();
        out.add(path);
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path.substring(1) : path.substring(1, second);
        String rest = second < 0 ? "" : path.substring(second);
        out.add("/" + first + ";x" + rest);
        out.add("/" + first + ";" + rest);
        out.add("/" + "%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest);
        StringBuilder encoded = new StringBuilder();
        for (char c : first.toCharArray()) {
            encoded.append('%').append(Integer.toHexString(c));
        }
        out.add("/" + encoded + rest);
        out.add("/" + first + "/." + rest);
        out.add("//" + first + rest);
        out.add(path + "/");
        if (!rest.isEmpty()) {
            out.add("/" + first + rest.replaceFirst("/", ";jsessionid=1/"));
        }
        return out;
    }

    private static boolean publicRoute(String pattern) {
        return pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui") || pattern.startsWith("/webjars/");
    }

    /** Fills the pattern's variables with the owner's ids, so a leak would be a real one. */
    private static String concrete(String pattern) {
        Function<String, String> value = name -> switch (name) {
            case "resumeId", "id" -> pattern.contains("/jobs/") ? jobId : pattern.contains("/tasks/") ? taskId : resumeId;
            case "jobId" -> jobId;
            case "taskId" -> taskId;
            case "userId" -> marker;
            default -> UUID.randomUUID().toString();
        };
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) {
                out.append(pattern.substring(i));
                break;
            }
            int close = pattern.indexOf('}', open);
            out.append(pattern, i, open);
            String name = pattern.substring(open + 1, close).replaceAll("[:*].*", "");
            out.append(value.apply(name));
            i = close + 1;
        }
        return out.toString().replace("/**", "/x");
    }

    private static Map<String, Integer> ports() {
        return ServiceRoutes.ports(pipeline);
    }

    private static List<ServiceRoutes.Route> routes() {
        return ServiceRoutes.of(pipeline);
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }
}
