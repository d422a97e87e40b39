package com.talentpipeline.inference.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How one bundled model is run: where its ONNX file and tokenizer are on the classpath, its pooling,
 * token limit and the prefixes its training expects for queries and passages. Read from
 * {@code talent-pipeline/models/<name>.properties}, so choosing or tuning a model is configuration,
 * never a code fork.
 *
 * @param name          logical name, e.g. {@code bge-small-en-v15}; the first part of {@code model.version}
 * @param artifact      the Maven artifact that ships the files (for messages)
 * @param modelResource classpath resource of the ONNX graph
 * @param tokenizer     classpath resource of the HuggingFace {@code tokenizer.json}
 * @param pooling       DJL pooling mode ({@code mean}, {@code cls} ...)
 * @param maxTokens     token limit of one forward pass, special tokens and prefix included
 * @param queryPrefix   prepended to every search query (may be empty)
 * @param passagePrefix prepended to every document text (may be empty)
 */
public record ModelDescriptor(String name, String artifact, String modelResource, String tokenizer, String pooling,
        int maxTokens, String queryPrefix, String passagePrefix) {

    /** The models whose files ship with inference, default first. */
    public static final List<String> SHIPPED = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v15",
            "bge-small-en-v15-q", "e5-small-v2", "e5-small-v2-q");

    private static final String ROOT = "talent-pipeline/models/";

    /**
     * @param name a shipped model's name (case-insensitive)
     * @return its descriptor
     * @throws IllegalArgumentException if no descriptor of that name is on the classpath
     */
    public static ModelDescriptor of(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        String resource = ROOT + key + ".properties";
        Properties p = new Properties();
        try (InputStream in = ModelDescriptor.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null || key.isEmpty()) {
                throw new IllegalArgumentException("Unknown bundled text model '" + name + "'; shipped: " + SHIPPED);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return new ModelDescriptor(key, required(p, "artifact", resource), required(p, "model", resource),
                required(p, "tokenizer", resource), required(p, "pooling", resource),
                Integer.parseInt(required(p, "max-tokens", resource)), p.getProperty("query-prefix", ""),
                p.getProperty("passage-prefix", ""));
    }

    private static String required(Properties p, String key, String resource) {
        String value = p.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalStateException(resource + " lacks " + key);
        }
        return value;
    }
}
