package com.talentpipeline.ingest.door;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pipeline.ingest.door}.
 *
 * @param enabled    answer submissions whose results are known at once (default true); off = every
 *                   submission travels through the workers
 * @param timeout    longest wait for the door cache in Redis; past it the submission takes the normal path
 *                   (default 50ms), so the door never slows a submission noticeably
 * @param staleAfter a worker instance whose last {@code model.registry} announcement is older counts as gone
 *                   (default 60s, four announce intervals, as the results API's {@code /v1/models})
 */
@ConfigurationProperties("pipeline.ingest.door")
record DoorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50ms") Duration timeout,
        @DefaultValue("60s") Duration staleAfter) {
}
