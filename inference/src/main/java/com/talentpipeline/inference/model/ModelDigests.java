package com.talentpipeline.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** SHA-256 helpers used to pin a model version to its exact weights. */
public final class ModelDigests {

    /** File extensions that hold weights, used to find the weights file inside a model directory. */
    private static final Set<String> WEIGHT_EXTENSIONS =
            Set.of("onnx", "pt", "pth", "torchscript", "params", "safetensors", "bin");

    private ModelDigests() {
    }

    /** @return a fresh SHA-256 digest */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }

    /**
     * @param file file to hash
     * @return lowercase hex SHA-256 of the file content
     */
    public static String sha256(Path file) {
        MessageDigest md = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hash " + file, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Finds the weights file of a model: the path itself when it is a file, otherwise the largest
     * top-level file with a known weights extension (a model directory also holds tokenizer and
     * config files, which must not define the version).
     *
     * @param modelPath file or directory DJL loaded the model from
     * @return the weights file
     * @throws IllegalStateException if a directory holds no recognisable weights file
     */
    public static Path weightsFile(Path modelPath) {
        if (Files.isRegularFile(modelPath)) {
            return modelPath;
        }
        try (Stream<Path> files = Files.list(modelPath)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> WEIGHT_EXTENSIONS.contains(extension(p)))
                    .max((a, b) -> Long.compare(size(a), size(b)))
                    .orElseThrow(() -> new IllegalStateException("No weights file in " + modelPath));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + modelPath, e);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
