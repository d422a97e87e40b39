package com.talentpipeline.core.web;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the front door's OpenAPI document the one document of the whole API: the paths and schemas of
 * the other services behind the same base URL are merged into it. Their documents are fetched in the
 * background (at start and then periodically), never on a request thread, and the last good copy of each
 * is kept while a service is away. A path the front door's own service declares wins.
 */
final class OpenApiMerge implements OpenApiCustomizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenApiMerge.class);

    private final List<String> baseUrls;
    private final Map<String, OpenAPI> fetched = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final java.util.concurrent.ScheduledExecutorService refresher;
    private final Duration refresh;
    private volatile long lastFull = System.nanoTime();

    private static final Duration MISSING_RETRY = Duration.ofSeconds(2);

    OpenApiMerge(List<String> baseUrls, Duration refresh) {
        this.baseUrls = baseUrls.stream().map(u -> u.replaceAll("/+$", "")).filter(u -> !u.isBlank()).toList();
        this.refresh = refresh;
        this.refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "openapi-merge");
            thread.setDaemon(true);
            return thread;
        });
        // Every 2 s until each service's document is held (services start in any order), then every `refresh`.
        refresher.scheduleWithFixedDelay(this::tick, 0, MISSING_RETRY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.nanoTime();
        if (fetched.size() < baseUrls.size() || now - lastFull >= refresh.toNanos()) {
            refresh();
            if (fetched.size() == baseUrls.size()) {
                lastFull = now;
            }
        }
    }

    /** Fetches every service's document, concurrently (also called by the schedule). */
    void refresh() {
        List<java.util.concurrent.CompletableFuture<Void>> calls = baseUrls.stream().map(base -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenAccept(answer -> {
                    if (answer.statusCode() != 200) {
                        log.warn("OpenAPI document of {} answered {}", base, answer.statusCode());
                        return;
                    }
                    try {
                        fetched.put(base, Json.mapper().readValue(answer.body(), OpenAPI.class));
                    } catch (Exception e) {
                        log.warn("OpenAPI document of {} not readable: {}", base, e.toString());
                    }
                })
                .exceptionally(e -> {
                    log.warn("OpenAPI document of {} not fetched: {}", base, e.toString());
                    return null;
                })).toList();
        java.util.concurrent.CompletableFuture.allOf(calls.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    }

    /** How many of the configured services' documents are held. */
    int documents() {
        return fetched.size();
    }

    @Override
    public void customise(OpenAPI openApi) {
        for (String base : baseUrls) {
            OpenAPI other = fetched.get(base);
            if (other != null) {
                merge(openApi, other);
            }
        }
    }

    static void merge(OpenAPI into, OpenAPI other) {
        if (other.getPaths() != null) {
            if (into.getPaths() == null) {
                into.setPaths(new Paths());
            }
            other.getPaths().forEach((path, item) -> into.getPaths().putIfAbsent(path, item));
        }
        Components components = other.getComponents();
        if (components != null && components.getSchemas() != null) {
            if (into.getComponents() == null) {
                into.setComponents(new Components());
            }
            components.getSchemas().forEach((name, schema) -> {
                if (into.getComponents().getSchemas() == null || !into.getComponents().getSchemas().containsKey(name)) {
                    into.getComponents().addSchemas(name, schema);
                }
            });
        }
        if (other.getTags() != null) {
            other.getTags().forEach(tag -> {
                if (into.getTags() == null || into.getTags().stream().noneMatch(t -> t.getName().equals(tag.getName()))) {
                    into.addTagsItem(tag);
                }
            });
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
