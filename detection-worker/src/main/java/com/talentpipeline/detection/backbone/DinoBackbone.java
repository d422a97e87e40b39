package com.talentpipeline.detection.backbone;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A DINO ViT loaded once through DJL from a configured file (TorchScript on the PyTorch engine, or ONNX
 * on OnnxRuntime) that returns its last layer's tokens; see {@link DinoTranslator} and the README for
 * the export.
 */
public final class DinoBackbone implements Backbone {

    private final ZooModel<BufferedImage, PatchFeatures> model;
    private final BackboneInfo info;
    private volatile boolean closed;

    private DinoBackbone(ZooModel<BufferedImage, PatchFeatures> model, BackboneInfo info) {
        this.model = model;
        this.info = info;
    }

    /**
     * Loads the model (blocking).
     *
     * @param modelUrl  a file or directory path, or a URL DJL understands (file:, jar:)
     * @param engine    {@code PyTorch} or {@code OnnxRuntime}
     * @param name      the name to report
     * @param patchSize the ViT's patch size
     * @param inputSize longer side fed to it
     */
    public static DinoBackbone load(String modelUrl, String engine, String name, int patchSize, int inputSize) {
        return load(modelUrl, engine, name, patchSize, inputSize, false);
    }

    /** Loads the model; {@code square}: see {@link DinoTranslator#DinoTranslator(int, int, boolean)}. */
    public static DinoBackbone load(String modelUrl, String engine, String name, int patchSize, int inputSize,
            boolean square) {
        Criteria.Builder<BufferedImage, PatchFeatures> builder = Criteria.builder()
                .setTypes(BufferedImage.class, PatchFeatures.class)
                .optEngine(engine)
                .optTranslator(new DinoTranslator(patchSize, inputSize, square));
        Path path = Path.of(modelUrl);
        builder = Files.exists(path) ? builder.optModelPath(path) : builder.optModelUrls(modelUrl);
        try {
            ZooModel<BufferedImage, PatchFeatures> model = builder.build().loadModel();
            return new DinoBackbone(model, new BackboneInfo(name, "model", patchSize, inputSize, engine));
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("could not load the DINO backbone from " + modelUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public BackboneInfo info() {
        return info;
    }

    @Override
    public PatchFeatures extract(BufferedImage image) {
        // A predictor is not thread-safe; one per call is cheap next to a ViT forward pass.
        try (Predictor<BufferedImage, PatchFeatures> predictor = model.newPredictor()) {
            return predictor.predict(image);
        } catch (TranslateException e) {
            throw new IllegalStateException("the DINO backbone failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isReady() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        model.close();
    }
}
