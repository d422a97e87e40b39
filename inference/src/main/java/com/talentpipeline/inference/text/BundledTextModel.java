package com.talentpipeline.inference.text;

import ai.djl.util.Utils;
import com.talentpipeline.inference.model.ModelDigests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A bundled ONNX model and tokenizer, shipped as resources of a langchain4j embeddings jar and named
 * by its {@link ModelDescriptor}.
 *
 * <p>DJL loads models from the file system, so the resources are extracted once to
 * {@code ${DJL_CACHE_DIR or java.io.tmpdir}/talent-pipeline-models/<name>/<sha12>/}. The
 * content hash names the directory, so a new jar version never reuses stale files and concurrent
 * processes can share the cache (each writes a temp file and moves it atomically).
 */
final class BundledTextModel {

    /** Name of the default bundled model. */
    static final String NAME = "all-minilm-l6-v2";

    /**
     * Extracted files.
     *
     * @param modelDir  directory to hand to DJL
     * @param modelFile the ONNX file inside it
     * @param tokenizer the tokenizer json inside it
     * @param digest    SHA-256 of the ONNX file
     * @param source    classpath URL the model came from
     */
    record Extracted(Path modelDir, Path modelFile, Path tokenizer, String digest, String source) {
    }

    private BundledTextModel() {
    }

    /**
     * @param descriptor the bundled model
     * @return the extracted model and tokenizer, extracting them if not yet cached
     */
    static Extracted extract(ModelDescriptor descriptor) {
        URL model = resource(descriptor.modelResource(), descriptor);
        // First pass only hashes: after the first start the files exist and nothing is written.
        String digest = sha256(model);
        Path dir = cacheRoot().resolve(descriptor.name()).resolve(digest.substring(0, 12));
        Path modelFile = dir.resolve(descriptor.name() + ".onnx");
        Path tokenizer = dir.resolve("tokenizer.json");
        try {
            Files.createDirectories(dir);
            copyIfAbsent(model, modelFile);
            copyIfAbsent(resource(descriptor.tokenizer(), descriptor), tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract bundled model to " + dir, e);
        }
        return new Extracted(dir, modelFile, tokenizer, digest, model.toString());
    }

    /**
     * @param descriptor the bundled model
     * @return its tokenizer json, extracted; avoids copying 90 MB of ONNX for a tokenizer
     */
    static Path extractTokenizer(ModelDescriptor descriptor) {
        URL url = resource(descriptor.tokenizer(), descriptor);
        Path file = cacheRoot().resolve(descriptor.name()).resolve("tokenizer-" + sha256(url).substring(0, 12) + ".json");
        try {
            Files.createDirectories(file.getParent());
            copyIfAbsent(url, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract bundled tokenizer to " + file, e);
        }
        return file;
    }

    /** @return {@code ${DJL_CACHE_DIR or java.io.tmpdir}/talent-pipeline-models} */
    static Path cacheRoot() {
        String djlCache = Utils.getEnvOrSystemProperty("DJL_CACHE_DIR");
        String root = djlCache == null || djlCache.isBlank() ? System.getProperty("java.io.tmpdir") : djlCache;
        return Paths.get(root, "talent-pipeline-models");
    }

    private static URL resource(String name, ModelDescriptor descriptor) {
        URL url = BundledTextModel.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("Resource " + name + " not found: is " + descriptor.artifact()
                    + " on the classpath?");
        }
        return url;
    }

    private static String sha256(URL url) {
        MessageDigest md = ModelDigests.newSha256();
        try (InputStream in = new DigestInputStream(url.openStream(), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void copyIfAbsent(URL url, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return; // the directory name is the content hash, so an existing file is the right one
        }
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
