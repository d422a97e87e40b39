package com.talentpipeline.scoring.query;

import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.career.TaxonomyList;
import com.talentpipeline.core.career.TaxonomyRequested;
import com.talentpipeline.core.career.TaxonomyView;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerTaxonomy;
import com.talentpipeline.scoring.store.TaxonomyStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers {@code taxonomy.requested} (the front door's {@code POST/GET/DELETE /v1/career-paths/taxonomies[/{id}]},
 * validated there) from {@code career_taxonomies}, this worker's table: store, list, read and delete a
 * tenant's taxonomies; 404 for an id the tenant does not have. The built-in taxonomy is read-only.
 */
@Component
class TaxonomyQueries implements RequestHandler<TaxonomyRequested> {

    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    private final TaxonomyStore taxonomies;
    private final Responder<TaxonomyRequested> responder;

    TaxonomyQueries(TaxonomyStore taxonomies, Responders responders) {
        this.taxonomies = taxonomies;
        this.responder = responders.of(Topics.TAXONOMY_REQUESTED, null, this, "taxonomy-query", 2);
    }

    @KafkaListener(id = "taxonomy-queries", idIsGroup = false, topics = Topics.TAXONOMY_REQUESTED_NAME, batch = "true")
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        responder.onBatch(records);
    }

    @Override
    public Answer handle(EventEnvelope<TaxonomyRequested> request) {
        String tenant = request.tenantId();
        TaxonomyRequested q = request.payload();
        Object body = switch (q.operation()) {
            case CREATE -> create(tenant, q);
            case LIST -> list(tenant);
            case GET -> get(tenant, q.id());
            case DELETE -> delete(tenant, q.id());
        };
        return Answer.of(body, null);
    }

    private TaxonomyView create(String tenant, TaxonomyRequested q) {
        if (q.id() == null || q.name() == null || q.labels() == null || CareerTaxonomy.BUILT_IN_ID.equals(q.id())) {
            // The front door checks this; a request from elsewhere is refused, never half stored.
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "A taxonomy needs an id (not 'builtin'), a name and labels");
        }
        List<CareerLabel> labels = q.labels().stream().map(TaxonomyQueries::label).toList();
        return view(taxonomies.save(tenant, q.id(), q.name().strip(), labels).block(STORE_WAIT));
    }

    private static CareerLabel label(CareerRequested.Label l) {
        String name = l.label().strip();
        return new CareerLabel(name, name, l.description(), List.of(),
                l.examples() == null ? List.of() : l.examples().stream().map(String::strip).toList());
    }

    private TaxonomyList list(String tenant) {
        List<TaxonomyList.TaxonomySummary> stored = taxonomies.list(tenant)
                .map(t -> new TaxonomyList.TaxonomySummary(t.id(), t.name(), t.labels().size(), text(t.createdAt())))
                .collectList().block(STORE_WAIT);
        return new TaxonomyList(new TaxonomyList.BuiltinTaxonomy(CareerTaxonomy.BUILT_IN_ID, CareerTaxonomy.builtIn().paths().size()),
                stored == null ? List.of() : stored);
    }

    private TaxonomyView get(String tenant, String id) {
        if (CareerTaxonomy.BUILT_IN_ID.equals(id)) {
            return view(new TaxonomyStore.Taxonomy(id, "Built-in career paths", CareerTaxonomy.builtIn().paths(),
                    null));
        }
        return taxonomies.find(tenant, id).blockOptional(STORE_WAIT).map(TaxonomyQueries::view)
                .orElseThrow(() -> ApiProblemException.notFound("Taxonomy", id));
    }

    private Deleted delete(String tenant, String id) {
        if (!Boolean.TRUE.equals(taxonomies.delete(tenant, id).block(STORE_WAIT))) {
            throw ApiProblemException.notFound("Taxonomy", id);
        }
        return new Deleted(true);
    }

    /** A stored taxonomy as its readers see it: labels with example counts, not the examples. */
    private static TaxonomyView view(TaxonomyStore.Taxonomy t) {
        return new TaxonomyView(t.id(), t.name(), t.labels().stream().map(TaxonomyQueries::viewLabel).toList(),
                text(t.createdAt()));
    }

    private static TaxonomyView.TaxonomyLabel viewLabel(CareerLabel l) {
        return new TaxonomyView.TaxonomyLabel(l.name(), l.description(), l.skills(), l.examples().size());
    }

    private static String text(OffsetDateTime at) {
        return at == null ? null : at.toString();
    }

    /** The reply to a delete (the front door answers 204 without a body). */
    record Deleted(boolean deleted) {
    }

}
