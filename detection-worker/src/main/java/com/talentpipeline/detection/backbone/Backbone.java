package com.talentpipeline.detection.backbone;

import java.awt.image.BufferedImage;

/** Turns an image into patch features; thread-safe. */
public interface Backbone extends AutoCloseable {

    /** Name and version, reported with every result so nobody mistakes one backbone for another. */
    BackboneInfo info();

    /** The patch features of an image (any size; the backbone resizes as it needs). */
    PatchFeatures extract(BufferedImage image);

    /** Whether the backbone is loaded and can extract (readiness). */
    default boolean isReady() {
        return true;
    }

    @Override
    default void close() {
    }
}
