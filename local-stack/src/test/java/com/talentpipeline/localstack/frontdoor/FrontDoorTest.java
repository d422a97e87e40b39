package com.talentpipeline.localstack.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The front door against two small backends: raw requests passed on, answers and streams passed back. */
class FrontDoorTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private DisposableServer ingest;
    private DisposableServer results;
    private FrontDoor door;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        ingest = backend("ingest");
        results = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
            seen.add("results " + request.method() + " " + request.uri() + " xff=" + request.requestHeaders().get("X-Forwarded-For"));
            if (request.uri().endsWith("/events")) {
                // A stream: three events a little apart; each must reach the client before the stream ends.
                return response.header("Content-Type", "text/event-stream")
                        .sendString(Flux.just("data: 1\n\n", "data: 2\n\n", "data: 3\n\n")
                                .delayElements(Duration.ofMillis(500)))
                        .then();
            }
            return response.status(404).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":404}")).then();
        }).bindNow();
        FrontDoorRoutes table = new FrontDoorRoutes(List.of(new FrontDoorRoutes.Route("/v1/tasks(/.*)?$", "results-api")),
                "ingest-api");
        door = FrontDoor.start(table, Map.of("ingest-api", "http://127.0.0.1:" + ingest.port(),
                "results-api", "http://127.0.0.1:" + results.port()), "127.0.0.1", 0);
    }

    private DisposableServer backend(String name) {
        return HttpServer.create().host("127.0.0.1").port(0).handle((request, response) ->
                request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            seen.add(name + " " + request.method() + " " + request.uri() + " body=" + body
                                    + " auth=" + request.requestHeaders().get("Authorization"));
                            return response.status(202).header("Location", "/v1/tasks/t1")
                                    .header("Content-Type", "application/json")
                                    .send(Mono.just(Unpooled.copiedBuffer("{\"echo\":" + body.length() + "}",
                                            StandardCharsets.UTF_8))).then();
                        })).bindNow();
    }

    @AfterEach
    void stop() {
        door.close();
        ingest.disposeNow();
        results.disposeNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + door.port() + path;
    }

    @Test
    void aPostIsPassedOnWithItsBodyHeadersAndAnswer() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url("/v1/resumes?userId=u1")))
                .header("Authorization", "Bearer k").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Location")).hasValue("/v1/tasks/t1");
        assertThat(answer.body()).isEqualTo("{\"echo\":7}");
        assertThat(seen).containsExactly("ingest POST /v1/resumes?userId=u1 body={\"a\":1} auth=Bearer k");
    }

    @Test
    void theRawPathIsPassedOnUnchangedSoTheServiceJudgesItsSpelling() throws Exception {
        for (String path : List.of("/v1;x/tasks/a", "/%76%31/tasks/a", "/v1/tasks/a%2Fb", "/v1//tasks", "/v1/./tasks")) {
            http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(seen.stream().map(s -> s.split(" ")[2]).collect(Collectors.toList()))
                .containsExactly("/v1;x/tasks/a", "/%76%31/tasks/a", "/v1/tasks/a%2Fb", "/v1//tasks", "/v1/./tasks");
    }

    @Test
    void readsGoToTheirRuleAndTheClientAddressIsForwardedNotTrustedFromTheClient() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url("/v1/tasks/x")))
                .header("X-Forwarded-For", "6.6.6.6").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(seen).containsExactly("results GET /v1/tasks/x xff=127.0.0.1");
    }

    @Test
    void eventStreamsArriveEventByEvent() throws Exception {
        long started = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(
                HttpRequest.newBuilder(URI.create(url("/v1/tasks/x/events"))).GET().build(), HttpResponse.BodyHandlers.ofLines());
        String first = stream.body().filter(line -> !line.isEmpty()).findFirst().orElseThrow();
        assertThat(first).isEqualTo("data: 1");
        // The events are 500 ms apart: a buffering proxy would hand the first one over after ~1.5 s, with the last.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("first event before the stream's end")
                .isLessThan(Duration.ofMillis(1200));
    }

    @Test
    void aBodyThatStopsShortIsA408ProblemAndTheConnectionCloses() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", door.port())) {
            socket.setSoTimeout(30_000);
            long started = System.nanoTime();
            socket.getOutputStream().write(("POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"title\":").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("request_timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FrontDoor.BODY_TIMEOUT.plusSeconds(5));
        }
        assertThat(seen).as("the service never saw the half request").isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemBeforeItIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", door.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/resumes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (FrontDoor.MAX_BODY_BYTES + 1L) + "\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("payload_too_large");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsA502Problem() throws Exception {
        results.disposeNow();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url("/v1/tasks/x"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"status\":502");
    }
}
