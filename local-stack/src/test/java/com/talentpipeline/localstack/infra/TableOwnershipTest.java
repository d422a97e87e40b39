package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owner: the module whose migrations ({@code src/main/resources/db/migration/<set>})
 * create it. pipeline-core's kit sets own the kit tables (tasks, task_results, idempotency_keys,
 * api_keys, erased_subjects): a service uses a kit through its Java API, never through SQL of its own.
 * Read from the source trees of every module of the reactor: production code ({@code src/main/java})
 * and SQL resources outside the module's migrations. Test code may look at any table.
 *
 * <p>A module's SQL names a table when a statement keyword precedes it: {@code FROM}, {@code JOIN},
 * {@code INTO}, {@code UPDATE}, {@code TABLE}, {@code USING}, {@code REFERENCES}, and in migrations also
 * {@code ON} (an index or trigger). Keywords are upper case, as in all SQL of this repository; Java
 * comments are ignored.
 */
class TableOwnershipTest {

    private static final Pattern CREATE = Pattern.compile("\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern NAMES = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING|REFERENCES)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(?:ONLY\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern NAMES_IN_DDL = Pattern.compile("\\bON\\s+([a-z_][a-z0-9_]*)");

    /**
     * Temporary: the places where a module still names a table it does not own, keyed
     * {@code module:File:table}, each with why it is still there and where it goes. The lead drives this
     * list to empty; an entry that no longer occurs fails the test, so the list only shrinks.
     */
    private static final Map<String, String> KNOWN_VIOLATIONS = knownViolations();

    private static Map<String, String> knownViolations() {
        Map<String, String> known = new TreeMap<>();
        return known;
    }

    /**
     * Temporary, like {@link #KNOWN_VIOLATIONS}: migrations that touch another module's table, keyed
     * {@code module:script:table}.
     */
    private static final Map<String, String> KNOWN_MIGRATION_VIOLATIONS = Map.of();

    @Test
    void everyTableIsCreatedByOneModuleAndItsMigrationsTouchOnlyItsTables() {
        Map<String, String> owners = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String module : modules()) {
            for (Path script : migrations(module)) {
                for (String table : matches(CREATE, sqlWithoutComments(read(script)))) {
                    String previous = owners.put(table, module);
                    if (previous != null && !previous.equals(module)) {
                        problems.add(table + " is created by " + previous + " and by " + module + " (" + script + ")");
                    }
                }
            }
        }
        assertThat(owners).as("tables found").containsKeys("tasks", "resumes", "jobs", "predictions",
                "resume_scores", "rag_chunks", "detections", "api_keys", "erased_subjects", "webhooks");
        for (String module : modules()) {
            for (Path script : migrations(module)) {
                String sql = sqlWithoutComments(read(script));
                Set<String> named = matches(NAMES, sql);
                named.addAll(matches(NAMES_IN_DDL, sql));
                for (String table : named) {
                    String owner = owners.get(table);
                    String key = module + ":" + script.getFileName().toString().replace(".sql", "") + ":" + table;
                    if (owner != null && !owner.equals(module) && !KNOWN_MIGRATION_VIOLATIONS.containsKey(key)) {
                        problems.add(module + "'s migration " + script.getFileName() + " touches " + table
                                + ", owned by " + owner);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(owners).containsEntry("tasks", "pipeline-core").containsEntry("api_keys", "pipeline-core")
                .containsEntry("erased_subjects", "pipeline-core").containsEntry("jobs", "ingest-api")
                .containsEntry("predictions", "results-api").containsEntry("resume_scores", "scoring-worker")
                .containsEntry("rag_documents", "rag-worker").containsEntry("detections", "detection-worker")
                .containsEntry("images", "ingest-api").containsEntry("erasure_tasks", "pipeline-core");
    }

    @Test
    void noModuleNamesATableItDoesNotOwnInItsSql() {
        Map<String, String> owners = owners();
        Set<String> found = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (String module : modules()) {
            for (Path file : sources(module)) {
                String text = read(file);
                String code = file.toString().endsWith(".java") ? javaWithoutComments(text) : sqlWithoutComments(text);
                String name = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                for (String table : matches(NAMES, code)) {
                    String owner = owners.get(table);
                    if (owner == null || owner.equals(module)) {
                        continue;
                    }
                    String key = module + ":" + name + ":" + table;
                    found.add(key);
                    if (!KNOWN_VIOLATIONS.containsKey(key)) {
                        violations.add(key + " (" + InfraFiles.repository().relativize(file) + " names " + table
                                + ", owned by " + owner + ")");
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's table; use the owner's events or API").isEmpty();
        assertThat(KNOWN_VIOLATIONS.keySet()).as("known violations that no longer occur: remove them from the list")
                .containsAll(found).isSubsetOf(found);
    }

    /**
     * A table name built at run time ({@code "FROM " + table}, {@code FROM %s}) hides from the scan above, so it
     * is allowed only where the module owns every table it can be: ingest's document rows (resumes, jobs).
     */
    private static final Map<String, String> DYNAMIC_TABLE_NAMES = Map.of(
            "ingest-api:SubmissionService", "ingest's own document tables (resumes, jobs)",
            "ingest-api:DocumentRows", "ingest's own document tables (resumes, jobs)");

    @Test
    void tableNamesBuiltAtRunTimeStayInTheirOwner() {
        Pattern dynamic = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(?:%s|\"\\s*\\+)");
        Set<String> found = new TreeSet<>();
        for (String module : modules()) {
            for (Path file : sources(module)) {
                if (file.toString().endsWith(".java") && dynamic.matcher(javaWithoutComments(read(file))).find()) {
                    found.add(module + ":" + file.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertThat(found).as("SQL with a table name built at run time").isEqualTo(DYNAMIC_TABLE_NAMES.keySet());
    }

    @Test
    void theScannerSeesSqlInStringsAndTextBlocksButNotInComments() {
        String java = """
                // SELECT * FROM jobs
                /* INSERT INTO tasks */
                String a = "SELECT id FROM resumes WHERE x = '//'";
                String b = \"""
                        UPDATE predictions SET kind = 'x'
                        \""";
                String c = "http://host/path"; DELETE FROM webhooks
                """;
        assertThat(matches(NAMES, javaWithoutComments(java))).containsExactlyInAnyOrder("resumes", "predictions",
                "webhooks");
        assertThat(matches(NAMES, sqlWithoutComments("-- FROM jobs\nALTER TABLE IF EXISTS tasks ADD x int")))
                .containsExactly("tasks");
    }

    /** Table name to owning module, from every module's migrations. */
    static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        for (String module : modules()) {
            for (Path script : migrations(module)) {
                for (String table : matches(CREATE, sqlWithoutComments(read(script)))) {
                    owners.put(table, module);
                }
            }
        }
        return owners;
    }

    /** The reactor's modules, from the root pom. */
    static List<String> modules() {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(InfraFiles.repository().resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertThat(modules).contains("pipeline-core", "ingest-api", "results-api");
        return modules;
    }

    private static List<Path> migrations(String module) {
        return files(InfraFiles.repository().resolve(module).resolve("src/main/resources/db/migration"), ".sql");
    }

    private static List<Path> sources(String module) {
        Path main = InfraFiles.repository().resolve(module).resolve("src/main");
        Path migrations = main.resolve("resources/db/migration");
        List<Path> out = new ArrayList<>(files(main.resolve("java"), ".java"));
        files(main.resolve("resources"), ".sql").stream().filter(p -> !p.startsWith(migrations)).forEach(out::add);
        return out;
    }

    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String sqlWithoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", " ");
    }

    /** Java source with comments blanked, string and text-block contents kept. */
    static String javaWithoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(src, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, n);
                out.append(src, i, j);
                i = j;
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
