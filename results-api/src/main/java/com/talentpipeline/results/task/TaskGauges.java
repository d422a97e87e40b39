package com.talentpipeline.results.task;

import com.talentpipeline.core.task.store.TaskReads;
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
class TaskGauges {

    private static final Logger log = LoggerFactory.getLogger(TaskGauges.class);

    private final TaskReads tasks;
    private final MultiGauge gauge;

    public TaskGauges(DatabaseClient db, MeterRegistry meters) {
        this.tasks = new TaskReads(db);
        this.gauge = MultiGauge.builder("pipeline.tasks.current")
                .description("Tasks currently in each state, by type")
                .register(meters);
    }

    @Scheduled(initialDelay = 2_000, fixedDelay = 15_000)
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = tasks.countByTypeAndState()
                    .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("type", c.type(), "state", c.state()), c.count()))
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
