package com.talentpipeline.detection.backbone;

/**
 * What produced the features.
 *
 * @param name      e.g. {@code builtin-color-texture-v1} or {@code dino-vits8}
 * @param kind      {@code builtin} (training-free descriptors) or {@code model} (a learned ViT)
 * @param patchSize patch side in pixels of the backbone's input
 * @param inputSize the longer image side the backbone resizes to
 * @param engine    DJL engine of a model, {@code java} for the built-in backbone
 */
public record BackboneInfo(String name, String kind, int patchSize, int inputSize, String engine) {
}
