package com.talentpipeline.core.config;

import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies this service's Flyway migration sets at start-up, before the service answers requests. Each
 * set is one owner's scripts: {@code classpath:db/migration/<name>} with its own history table
 * {@code flyway_history_<name>} ({@code /} becomes {@code _}), so a kit's set ({@code core/task},
 * {@code core/security}, {@code core/erasure}) is applied by every service that uses the kit, and a
 * service's own set only by that service. Sets are applied in the configured order: kits first.
 *
 * <p>Several services applying the same set at once is safe: Flyway takes a PostgreSQL advisory lock
 * per history table for the migration. All sets share one schema, so a set's first migration runs
 * with {@code baselineOnMigrate} at version 0 (Flyway otherwise refuses a non-empty schema without
 * its own history table); every script is idempotent ({@code IF NOT EXISTS}), which is also how a
 * database migrated by the old single history ({@code flyway_schema_history}) upgrades.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    /** A location name: lower-case path segments, e.g. {@code core/task} or {@code scoring}. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)*");

    private static final int RACE_ATTEMPTS = 10;
    private static final long RACE_PAUSE_MILLIS = 100;

    private final PipelineProperties.Db db;

    public SchemaMigrator(PipelineProperties.Db db) {
        this.db = db;
    }

    /**
     * @param name a migration set, e.g. {@code core/task}
     * @return its history table, e.g. {@code flyway_history_core_task}
     */
    public static String historyTable(String name) {
        return "flyway_history_" + checked(name).replace('/', '_');
    }

    /**
     * @param name a migration set, e.g. {@code core/task}
     * @return its Flyway location, e.g. {@code classpath:db/migration/core/task}
     */
    public static String location(String name) {
        return "classpath:db/migration/" + checked(name);
    }

    @Override
    public void afterPropertiesSet() {
        List<String> locations = db.locations();
        if (locations.isEmpty()) {
            throw new IllegalStateException("pipeline.db.migrate is true but pipeline.db.locations names no "
                    + "migration set (e.g. core/task,core/security,results)");
        }
        for (String name : locations) {
            migrate(name);
        }
    }

    /**
     * Another service that starts at the same time may have just created the set's history table and not yet
     * written its baseline row: Flyway then refuses to baseline an empty history table. That service finishes
     * within moments, so the migration is tried again a few times before giving up.
     */
    private void migrate(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                migrateOnce(name);
                return;
            } catch (org.flywaydb.core.api.FlywayException e) {
                boolean raced = e.getMessage() != null && e.getMessage().contains("already exists, and is empty");
                if (!raced || attempt >= RACE_ATTEMPTS) {
                    throw e;
                }
                log.info("schema {}: another service is creating history {}; trying again ({}/{})", name,
                        historyTable(name), attempt, RACE_ATTEMPTS);
                try {
                    Thread.sleep(RACE_PAUSE_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void migrateOnce(String name) {
        var result = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations(location(name))
                .table(historyTable(name))
                // One schema holds every owner's tables: a set's history starts in a non-empty schema.
                // Baseline 0 is below every script, so V1 still runs (and is a no-op where it exists).
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("empty history of " + name)
                // A set whose scripts are missing on the class path is a packaging error, not "nothing to do".
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("schema {} migrated to version {} ({} migrations applied, history {})", name,
                    result.targetSchemaVersion, result.migrationsExecuted, historyTable(name));
        } else {
            log.info("schema {} up to date (history {})", name, historyTable(name));
        }
    }

    private static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a migration set name: " + name);
        }
        return name;
    }
}
