package com.talentpipeline.localstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Finds and reads the files under the repository's {@code infra/} folder for the infra tests. */
public final class InfraFiles {

    private InfraFiles() {
    }

    /** @return the repository's {@code infra/} folder, found from the working directory upwards */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("infra")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("infra");
            }
        }
        throw new IllegalStateException("no infra/ folder above " + dir);
    }

    /** @return the repository root (the parent of {@link #root()}) */
    public static Path repository() {
        return root().getParent();
    }

    /** @return files under {@code infra/<folder>} whose names end with {@code suffix}, sorted */
    public static List<Path> list(String folder, String suffix) {
        try (Stream<Path> files = Files.walk(root().resolve(folder))) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every YAML document in {@code file} (multi-document files give several) */
    public static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(in)) {
                if (doc != null) {
                    docs.add(asMap(doc, file.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** @return the single YAML document in {@code file} */
    public static Map<String, Object> yaml(Path file) {
        List<Map<String, Object>> docs = yamlDocuments(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + ": expected one YAML document, got " + docs.size());
        }
        return docs.get(0);
    }

    /** @return the parsed JSON file */
    public static JsonNode json(Path file) {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** @return every string value of a field named {@code field} anywhere in the JSON tree */
    public static List<String> fieldValues(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        collect(node, field, values);
        return values;
    }

    private static void collect(JsonNode node, String field, List<String> values) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                if (entry.getKey().equals(field) && entry.getValue().isString()) {
                    values.add(entry.getValue().asString());
                } else {
                    collect(entry.getValue(), field, values);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, field, values);
            }
        }
    }

    /** Casts a YAML node to a map, failing with the path when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object node, String where) {
        if (!(node instanceof Map)) {
            throw new AssertionError(where + ": expected a mapping, got " + node);
        }
        return (Map<String, Object>) node;
    }

    /** Casts a YAML node to a list, failing with the path when it is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object node, String where) {
        if (!(node instanceof List)) {
            throw new AssertionError(where + ": expected a sequence, got " + node);
        }
        return (List<Object>) node;
    }
}
