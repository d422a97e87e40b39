package com.talentpipeline.scoring.web;

import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblems;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerTaxonomy;
import com.talentpipeline.scoring.config.ScoringProperties;
import com.talentpipeline.scoring.store.TaxonomyStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The tenant's stored career taxonomies ({@code POST/GET/DELETE /v1/career-paths/taxonomies[/{id}]}).
 * Predictions ({@code POST /v1/career-paths/predict}) are asked at the front door and reach this worker on
 * {@code career.requested} ({@code predict.CareerPredictions}).
 */
@RestController
public class CareerController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final TaxonomyStore taxonomies;
    private final ScoringProperties.Career settings;

    public CareerController(TaxonomyStore taxonomies, ScoringProperties properties) {
        this.taxonomies = taxonomies;
        this.settings = properties.career();
    }

    private static List<CareerLabel> toLabels(List<CareerRequests.Label> labels) {
        return labels.stream().map(l -> new CareerLabel(l.label().strip(), l.label().strip(), l.description(), List.of(),
                l.examples() == null ? List.of() : l.examples().stream().map(String::strip).toList())).toList();
    }

    private void validateLabels(List<CareerRequests.Label> labels, String field, FieldProblems problems) {
        if (labels.size() < 2) {
            problems.add(field, "give at least 2 labels");
        }
        if (labels.size() > settings.maxLabels()) {
            throw FieldProblems.tooLarge(field, "at most " + settings.maxLabels() + " labels");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            CareerRequests.Label l = labels.get(i);
            String at = field + "[" + i + "]";
            if (l == null || l.label() == null || l.label().isBlank()) {
                problems.add(at + ".label", "must not be blank");
                continue;
            }
            if (l.label().length() > 200) {
                problems.add(at + ".label", "must be at most 200 characters");
            }
            if (!seen.add(l.label().strip().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(at + ".label", "is a duplicate");
            }
            if (l.description() != null && l.description().length() > 2_000) {
                problems.add(at + ".description", "must be at most 2000 characters");
            }
            if (l.examples() != null) {
                if (l.examples().size() > settings.maxExamples()) {
                    throw FieldProblems.tooLarge(at + ".examples", "at most " + settings.maxExamples() + " examples");
                }
                for (int k = 0; k < l.examples().size(); k++) {
                    String e = l.examples().get(k);
                    if (e == null || e.isBlank()) {
                        problems.add(at + ".examples[" + k + "]", "must not be blank");
                    } else if (e.length() > settings.maxTextChars()) {
                        throw FieldProblems.tooLarge(at + ".examples[" + k + "]",
                                "must be at most " + settings.maxTextChars() + " characters");
                    }
                }
            }
        }
    }

    @PostMapping(path = "/v1/career-paths/taxonomies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody(required = false) CareerRequests.Taxonomy request,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        FieldProblems problems = new FieldProblems();
        if (request == null) {
            problems.add("body", "must not be empty");
            problems.throwIfAny("The taxonomy");
        }
        if (request.id() != null && (!ID.matcher(request.id()).matches() || request.id().equals(CareerTaxonomy.BUILT_IN_ID))) {
            problems.add("id", "must be 1-100 letters, digits, '.', '_' or '-', and not 'builtin'");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            problems.add("name", "must be 1-200 characters");
        }
        if (request.labels() == null) {
            problems.add("labels", "must not be empty");
        } else {
            validateLabels(request.labels(), "labels", problems);
        }
        problems.throwIfAny("The taxonomy");
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        return taxonomies.save(tenant, id, request.name().strip(), toLabels(request.labels()))
                .map(t -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/v1/career-paths/taxonomies/" + id))
                        .body(full(t)));
    }

    @GetMapping(path = "/v1/career-paths/taxonomies", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> list(ServerWebExchange exchange) {
        return taxonomies.list(RequestTenant.of(exchange)).map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("labels", t.labels().size());
            m.put("created_at", t.createdAt().toString());
            return m;
        }).collectList().map(l -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("builtin", Map.of("id", CareerTaxonomy.BUILT_IN_ID, "labels", CareerTaxonomy.builtIn().paths().size()));
            body.put("taxonomies", l);
            return body;
        });
    }

    @GetMapping(path = "/v1/career-paths/taxonomies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> get(@PathVariable String id, ServerWebExchange exchange) {
        if (id.equals(CareerTaxonomy.BUILT_IN_ID)) {
            return Mono.just(full(new TaxonomyStore.Taxonomy(id, "Built-in career paths", CareerTaxonomy.builtIn().paths(), null)));
        }
        return taxonomies.find(RequestTenant.of(exchange), id)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Taxonomy", id)))
                .map(CareerController::full);
    }

    @DeleteMapping(path = "/v1/career-paths/taxonomies/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return taxonomies.delete(RequestTenant.of(exchange), id)
                .flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(ApiProblemException.notFound("Taxonomy", id)));
    }

    private static Map<String, Object> full(TaxonomyStore.Taxonomy t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        List<Map<String, Object>> labels = new ArrayList<>();
        for (CareerLabel l : t.labels()) {
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("label", l.name());
            label.put("description", l.description());
            if (!l.skills().isEmpty()) {
                label.put("skills", l.skills());
            }
            label.put("examples", l.examples().size());
            labels.add(label);
        }
        m.put("labels", labels);
        if (t.createdAt() != null) {
            m.put("created_at", t.createdAt().toString());
        }
        return m;
    }
}
