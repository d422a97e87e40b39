package com.talentpipeline.results.model;

import com.talentpipeline.core.model.WorkerModels;
import java.time.Instant;

/**
 * One loaded model of one worker instance, as {@code GET /v1/models} returns it.
 *
 * @param service        worker application name
 * @param instance       worker instance id
 * @param name           model name
 * @param version        model version ({@code name@digest prefix}); stored vectors are keyed by it
 * @param digest         SHA-256 of the weights
 * @param engine         DJL engine
 * @param device         device it runs on
 * @param dimension      output vector length
 * @param loadTimeMillis load and warm-up time at start-up
 * @param source         where it was loaded from
 * @param requestsServed texts embedded by this instance since it started (as of {@code announcedAt})
 * @param startedAt      when the instance started
 * @param announcedAt    when the instance last announced
 * @param stale          whether announcements stopped (instance crashed or cut off from Kafka)
 */
record ModelView(String service, String instance, String name, String version, String digest,
        String engine, String device, int dimension, long loadTimeMillis, String source, long requestsServed,
        Instant startedAt, Instant announcedAt, boolean stale) {

    static ModelView of(WorkerModels worker, WorkerModels.LoadedModel m, boolean stale) {
        return new ModelView(worker.service(), worker.instance(), m.name(), m.version(), m.digest(), m.engine(),
                m.device(), m.dimension(), m.loadTimeMillis(), m.source(), m.requestsServed(), worker.startedAt(),
                worker.announcedAt(), stale);
    }
}
