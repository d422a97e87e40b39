package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.config.PipelineProperties;
import com.talentpipeline.core.config.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-owner migration sets ({@code pipeline.db.locations} of each service's own yml) against a real
 * PostgreSQL: they build exactly the schema the old single history (V1..V12, kept as test resources
 * under {@code schema/legacy}) built; a database migrated by the old history upgrades to them without
 * change and keeps its rows; and services applying the same kit sets at the same moment all succeed.
 */
class SchemaMigrationTest {

    /** Start order of {@code LocalPipeline}: the results API first, ingest last. */
    private static final List<String> START_ORDER = List.of("results-api", "rag-worker", "scoring-worker",
            "matching-worker", "detection-worker", "ingest-api");

    /**
     * What the sets add to the old V1..V12 schema since the split, so the comparison stays exact: the
     * erasure kit's ledger (core/erasure V2), the workers' document projections (scoring V2, matching V1) and
     * the results API's projection of resume.submitted (results V3).
     */
    private static final Set<String> SINCE_SPLIT = Set.of("table erasure_tasks", "table erasure_reports",
            "index erasure_tasks_pkey", "index erasure_reports_pkey", "constraint erasure_tasks.erasure_tasks_pkey",
            "constraint erasure_reports.erasure_reports_pkey",
            "table scoring_resumes", "table scoring_jobs", "index scoring_resumes_pkey", "index scoring_jobs_pkey",
            "constraint scoring_resumes.scoring_resumes_pkey", "constraint scoring_jobs.scoring_jobs_pkey",
            "table matching_resumes", "table matching_jobs", "index matching_resumes_pkey", "index matching_jobs_pkey",
            "constraint matching_resumes.matching_resumes_pkey", "constraint matching_jobs.matching_jobs_pkey",
            "index matching_jobs_search", "index matching_jobs_tenant_status", "function matching_jobs_search_vector",
            "function matching_jobs_search_trigger", "trigger matching_jobs_search_update",
            "table resume_versions", "index resume_versions_pkey", "index resume_versions_user",
            "constraint resume_versions.resume_versions_pkey");

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("unix_socket_directories", "''").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theSetsBuildTheSchemaOfTheOldSingleHistory() throws Exception {
        String legacy = database("legacy_only");
        migrateLegacy(legacy);
        String fresh = database("sets_only");
        for (String service : START_ORDER) {
            migrate(fresh, locations(service));
        }
        Map<String, String> expected = withoutForeignOwnerKey(schema(legacy));
        assertThat(expected).containsKeys("table tasks", "table resumes", "table predictions", "table detections",
                "trigger jobs_search_update", "function jobs_search_vector");
        assertSameAsLegacyPlusSinceSplit(schema(fresh), expected);
    }

    @Test
    void aDatabaseOfTheOldHistoryUpgradesAndKeepsItsRows() throws Exception {
        String db = database("upgraded");
        migrateLegacy(db);
        Map<String, String> before = schema(db);
        execute(db, """
                INSERT INTO jobs (id, tenant_id, version, content, content_hash, status, created_at, updated_at)
                VALUES ('j1', 't1', 1, '{"title": "Data engineer"}', 'h', 'OPEN', now(), now())""");
        for (String service : START_ORDER) {
            migrate(db, locations(service));
        }
        assertSameAsLegacyPlusSinceSplit(schema(db), withoutForeignOwnerKey(before));
        assertThat(query(db, "SELECT search::text FROM jobs WHERE id = 'j1'")).contains("'data':1A", "'engin':2A");
        // Every set recorded its scripts in its own history; the old history is left as it was.
        assertThat(query(db, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo("11");
        assertThat(query(db, "SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank) "
                + "FROM flyway_history_core_task")).isEqualTo("0:true,1:true");
        assertThat(query(db, "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_history_ingest"))
                .isEqualTo("0,1,2");
        assertThat(query(db, "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_history_core_erasure"))
                .isEqualTo("0,1,2");
    }

    @Test
    void servicesStartingTogetherApplyTheSharedKitSetsOnce() throws Exception {
        String db = database("concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(START_ORDER.size());
        try {
            CyclicBarrier together = new CyclicBarrier(START_ORDER.size());
            List<Future<?>> starts = new ArrayList<>();
            for (String service : START_ORDER) {
                List<String> locations = locations(service);
                starts.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    migrate(db, locations);
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get(2, TimeUnit.MINUTES); // throws if any service's migration failed
            }
        } finally {
            pool.shutdownNow();
        }
        String legacy = database("legacy_reference");
        migrateLegacy(legacy);
        assertSameAsLegacyPlusSinceSplit(schema(db), withoutForeignOwnerKey(schema(legacy)));
        for (String kit : List.of("core_task", "core_security", "core_erasure")) {
            assertThat(query(db, "SELECT count(*) FROM flyway_history_" + kit + " WHERE version = '1'"))
                    .as(kit).isEqualTo("1");
        }
    }

    /** Every object of the old schema, unchanged, and only the objects added since the split besides. */
    private static void assertSameAsLegacyPlusSinceSplit(Map<String, String> actual, Map<String, String> legacy) {
        Map<String, String> old = new TreeMap<>(actual);
        old.keySet().removeAll(SINCE_SPLIT);
        assertThat(old).isEqualTo(legacy);
        assertThat(actual.keySet()).containsAll(SINCE_SPLIT);
    }

    /** {@code pipeline.db.locations} of the service's own configuration file. */
    @SuppressWarnings("unchecked")
    static List<String> locations(String service) {
        Map<String, Object> pipeline = (Map<String, Object>) InfraFiles.yaml(ServiceConfigs.file(service)).get("pipeline");
        Map<String, Object> db = (Map<String, Object>) pipeline.get("db");
        assertThat(db.get("migrate")).as(service + " pipeline.db.migrate").isEqualTo(true);
        return List.of(String.valueOf(db.get("locations")).split("\\s*,\\s*"));
    }

    private static void migrate(String db, List<String> locations) {
        new SchemaMigrator(new PipelineProperties.Db(true, url(db), "postgres", "", locations)).afterPropertiesSet();
    }

    private static void migrateLegacy(String db) {
        Flyway.configure().dataSource(url(db), "postgres", "").locations("classpath:schema/legacy").load().migrate();
    }

    private static String url(String db) {
        return postgres.getJdbcUrl("postgres", db);
    }

    private static String database(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static void execute(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The old schema less its one cross-owner foreign key (detections, detection's, to images, ingest's):
     * detection's V2 drops it, because detection migrates before ingest creates images.
     */
    private static Map<String, String> withoutForeignOwnerKey(Map<String, String> old) {
        Map<String, String> out = new TreeMap<>(old);
        assertThat(out.remove("constraint detections.detections_image_id_fkey")).as("the old foreign key").isNotNull();
        return out;
    }

    /**
     * Every table (columns in order with type, nullability and default), index, constraint, function and
     * trigger of the public schema, but Flyway's history tables, keyed by kind and name.
     */
    private static Map<String, String> schema(String db) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        String notFlyway = " NOT LIKE 'flyway%'";
        collect(db, out, """
                SELECT 'table ' || table_name, string_agg(column_name || ' ' || udt_name || ' ' || is_nullable
                       || ' ' || coalesce(column_default, '-'), ', ' ORDER BY ordinal_position)
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name""" + notFlyway + """
                 GROUP BY table_name""");
        collect(db, out, "SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename" + notFlyway);
        collect(db, out, """
                SELECT 'constraint ' || conrelid::regclass || '.' || conname, pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text""" + notFlyway);
        collect(db, out, "SELECT 'function ' || proname, pg_get_functiondef(oid) FROM pg_proc "
                + "WHERE pronamespace = 'public'::regnamespace");
        collect(db, out, "SELECT 'trigger ' || tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal");
        return out;
    }

    private static void collect(String db, Map<String, String> out, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
    }
}
