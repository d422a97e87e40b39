package com.talentpipeline.core.task.intake;

import reactor.core.publisher.Mono;

/** A task without an owner's row (e.g. an interview: the transcript travels in the event). */
enum NoRows implements OwnerRows<Void> {
    INSTANCE;

    @Override
    public String ctes() {
        return "doc AS (SELECT CAST(NULL AS integer) AS version)";
    }

    @Override
    public Mono<Void> undo(Integer version, Void state) {
        return Mono.empty();
    }
}
