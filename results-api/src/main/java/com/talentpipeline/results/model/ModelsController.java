package com.talentpipeline.results.model;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/models}: every model loaded by every worker instance that announced itself. */
@RestController
class ModelsController {

    private final ModelRegistry registry;

    /** @param registry the announcements read so far */
    public ModelsController(ModelRegistry registry) {
        this.registry = registry;
    }

    /** @return {@code {"models": [...]}}, one entry per model per worker instance */
    @GetMapping("/v1/models")
    public Models models() {
        return new Models(registry.models(Instant.now()));
    }

    /**
     * The response body.
     *
     * @param models one entry per model per worker instance
     */
    public record Models(List<ModelView> models) {
    }
}
