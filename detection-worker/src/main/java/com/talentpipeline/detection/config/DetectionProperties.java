package com.talentpipeline.detection.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the detection worker ({@code pipeline.detection.*}); documented in {@code detection-worker.yml}.
 *
 * @param upload         limits of the images to decode
 * @param overlay        the overlay PNG published with each upload's detections
 * @param maskcut        MaskCut's parameters
 * @param backbone       which backbone extracts patch features
 * @param clip           the optional CLIP model for text-to-image matching
 * @param refine         whether mask boundaries are refined on the image's colours
 */
@ConfigurationProperties(prefix = "pipeline.detection")
public record DetectionProperties(
        @DefaultValue Upload upload,
        @DefaultValue Overlay overlay,
        @DefaultValue Maskcut maskcut,
        @DefaultValue Backbone backbone,
        @DefaultValue Clip clip,
        @DefaultValue("true") boolean refine) {

    /** Defaults everywhere (tests). */
    public static DetectionProperties defaults() {
        return new DetectionProperties(new Upload(40_000_000L),
                new Overlay(640, DataSize.ofKilobytes(512)), new Maskcut(0.15, 1e-5, 3, 0.01, 0.5),
                new Backbone("", "PyTorch", "dino", 8, 480, false, 1.0, 0.8, 0.5), new Clip(""), true);
    }

    /**
     * @param maxPixels largest accepted width x height, read from the header before decoding (422 above)
     */
    public record Upload(@DefaultValue("40000000") long maxPixels) {
    }

    /**
     * @param maxSide longest side of the overlay PNG (scaled down above)
     * @param maxSize largest overlay PNG published on task.events; a larger one is left out
     */
    public record Overlay(@DefaultValue("640") int maxSide, @DefaultValue("512KB") DataSize maxSize) {
    }

    /**
     * @param tau             cosine threshold of an edge between patches
     * @param eps             affinity of pairs below the threshold
     * @param maxObjects      objects per image at most (rounds)
     * @param minAreaFraction masks covering at most this share of the image are dropped
     * @param maxIou          masks with a higher IoU to the previous one are dropped
     */
    public record Maskcut(@DefaultValue("0.15") double tau, @DefaultValue("1e-5") double eps,
            @DefaultValue("3") int maxObjects, @DefaultValue("0.01") double minAreaFraction,
            @DefaultValue("0.5") double maxIou) {
    }

    /**
     * @param modelUrl       a DINO ViT file or directory (TorchScript or ONNX); empty = the built-in backbone
     * @param engine         DJL engine of the model: {@code PyTorch} or {@code OnnxRuntime}
     * @param name           name reported for the model (e.g. {@code dino-vits8})
     * @param patchSize      patch side of the model, or of the built-in backbone
     * @param inputSize      longer image side fed to the backbone
     * @param squareInput    model only: resize every image to input-size x input-size (exports traced at one size)
     * @param colorWeight    built-in backbone: weight of colour descriptors
     * @param textureWeight  built-in backbone: weight of texture descriptors
     * @param positionWeight built-in backbone: weight of position
     */
    public record Backbone(@DefaultValue("") String modelUrl, @DefaultValue("PyTorch") String engine,
            @DefaultValue("dino") String name, @DefaultValue("8") int patchSize, @DefaultValue("480") int inputSize,
            @DefaultValue("false") boolean squareInput,
            @DefaultValue("1.0") double colorWeight, @DefaultValue("0.8") double textureWeight,
            @DefaultValue("0.5") double positionWeight) {

        public boolean model() {
            return modelUrl != null && !modelUrl.isBlank();
        }
    }

    /** @param modelUrl a CLIP model for text-to-image matching; empty = the endpoint answers 501 */
    public record Clip(@DefaultValue("") String modelUrl) {

        public boolean enabled() {
            return modelUrl != null && !modelUrl.isBlank();
        }
    }
}
