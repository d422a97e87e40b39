/** Backbones that turn an image into patch features: the built-in colour/texture descriptors and a DINO ViT through DJL. */
package com.talentpipeline.detection.backbone;
