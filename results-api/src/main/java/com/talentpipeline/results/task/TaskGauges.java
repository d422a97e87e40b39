package com.talentpipeline.results.task;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** {@code pipeline.tasks.current{type,state}}: how many tasks are in each state now, refreshed every 15 s. */
@Component
public class TaskGauges {

    private static final Logger log = LoggerFactory.getLogger(TaskGauges.class);

    private final DatabaseClient db;
    private final MultiGauge gauge;

    public TaskGauges(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        this.gauge = MultiGauge.builder("pipeline.tasks.current")
                .description("Tasks currently in each state, by type")
                .register(meters);
    }

    @Scheduled(initialDelay = 2_000, fixedDelay = 15_000)
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = db.sql("SELECT type, state, count(*) AS n FROM tasks GROUP BY type, state")
                    .<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(Tags.of("type", row.get("type", String.class),
                            "state", row.get("state", String.class)), row.get("n", Long.class)))
                    .all()
                    .collectList()
                    .block(Duration.ofSeconds(5));
            if (rows != null) {
                gauge.register(rows, true);
            }
        } catch (RuntimeException e) {
            log.debug("task gauges not refreshed: {}", e.toString());
        }
    }
}
