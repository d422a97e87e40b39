package com.talentpipeline.ingest.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds the folder with Tesseract's {@code <language>.traineddata}: the configured one, or the model
 * bundled at {@code tessdata/<language>.traineddata} on the class path (the tess4j jar ships
 * {@code eng}), copied once into a cache folder because Tesseract reads models from files only.
 * Nothing is downloaded.
 */
final class TessdataFiles {

    private TessdataFiles() {
    }

    /**
     * The tessdata folder for the language.
     *
     * @throws IllegalStateException when the configured folder lacks the model, or no bundled model exists
     */
    static Path resolve(String configuredPath, String cacheDir, String language) {
        String file = language + ".traineddata";
        if (configuredPath != null && !configuredPath.isBlank()) {
            Path dir = Path.of(configuredPath);
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new IllegalStateException("no " + file + " in the configured tessdata folder " + dir);
            }
            return dir;
        }
        Path dir = cacheDir == null || cacheDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "talent-pipeline", "tessdata")
                : Path.of(cacheDir);
        Path target = dir.resolve(file);
        String resource = "tessdata/" + file;
        try (InputStream in = TessdataFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundled " + resource + " on the class path; set "
                        + "pipeline.ingest.ocr.tessdata-path");
            }
            byte[] model = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == model.length) {
                return dir; // extracted by an earlier start
            }
            Files.createDirectories(dir);
            // Written beside the target and moved, so a concurrent start never reads half a model.
            Path part = Files.createTempFile(dir, file, ".part");
            Files.write(part, model);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + resource + " into " + dir, e);
        }
    }
}
