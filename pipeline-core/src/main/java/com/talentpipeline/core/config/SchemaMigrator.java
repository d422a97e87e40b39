package com.talentpipeline.core.config;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pipeline's Flyway migrations ({@code classpath:db/migration}) at start-up, before the
 * service answers requests. Flyway's advisory lock makes concurrent starts of several services safe.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final PipelineProperties.Db db;

    public SchemaMigrator(PipelineProperties.Db db) {
        this.db = db;
    }

    @Override
    public void afterPropertiesSet() {
        var result = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        log.info("database schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
