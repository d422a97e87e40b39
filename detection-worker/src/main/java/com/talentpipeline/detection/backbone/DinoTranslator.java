package com.talentpipeline.detection.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import com.talentpipeline.inference.vector.Vectors;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * DJL translator of a DINO ViT exported to return its last layer's tokens {@code [1, 1 + N, C]} (CLS
 * first): the image is resized so both sides are multiples of the patch size (longer side
 * {@code inputSize}), normalised with ImageNet's mean and standard deviation, fed as {@code [1, 3, H, W]};
 * the CLS token is dropped and the N patch tokens become the {@code H/p x W/p} grid, each L2-normalised
 * (as CutLER does before its affinity). The pre- and post-processing are plain-array methods, testable
 * without an engine.
 */
final class DinoTranslator implements Translator<BufferedImage, PatchFeatures> {

    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};
    private static final String GRID = "grid";

    private final int patchSize;
    private final int inputSize;
    private final boolean square;

    public DinoTranslator(int patchSize, int inputSize) {
        this(patchSize, inputSize, false);
    }

    /**
     * @param square resize every image to {@code inputSize x inputSize} (for an export traced at one fixed
     *               size); masks are still mapped back to the image's own aspect ratio
     */
    public DinoTranslator(int patchSize, int inputSize, boolean square) {
        this.patchSize = patchSize;
        this.inputSize = inputSize;
        this.square = square;
    }

    /** The {@code {rows, cols}} patch grid an image of this size is resized to. */
    public int[] grid(int width, int height) {
        if (square) {
            int side = Math.max(1, inputSize / patchSize);
            return new int[] {side, side};
        }
        double scale = (double) inputSize / Math.max(width, height);
        int cols = Math.max(1, (int) Math.round(width * scale / patchSize));
        int rows = Math.max(1, (int) Math.round(height * scale / patchSize));
        return new int[] {rows, cols};
    }

    /** None: the input is already {@code [1, 3, H, W]} (DJL's default would stack a second batch axis). */
    @Override
    public ai.djl.translate.Batchifier getBatchifier() {
        return null;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage input) {
        int[] grid = grid(input.getWidth(), input.getHeight());
        ctx.setAttachment(GRID, grid);
        int h = grid[0] * patchSize;
        int w = grid[1] * patchSize;
        float[] chw = normalisedPixels(input, w, h);
        NDArray array = ctx.getNDManager().create(chw, new Shape(1, 3, h, w));
        return new NDList(array);
    }

    @Override
    public PatchFeatures processOutput(TranslatorContext ctx, NDList list) {
        int[] grid = (int[]) ctx.getAttachment(GRID);
        NDArray tokens = list.get(0);
        Shape shape = tokens.getShape();
        int count = (int) shape.get(shape.dimension() - 2);
        int dim = (int) shape.get(shape.dimension() - 1);
        return patches(tokens.toFloatArray(), count, dim, grid[0], grid[1]);
    }

    /** Resizes to {@code w x h} (bilinear) and returns CHW floats normalised with ImageNet's statistics. */
    public static float[] normalisedPixels(BufferedImage image, int w, int h) {
        BufferedImage resized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        int[] rgb = resized.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[3 * w * h];
        int plane = w * h;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                int v = (rgb[p] >> (16 - 8 * c)) & 0xff;
                out[c * plane + p] = (v / 255f - MEAN[c]) / STD[c];
            }
        }
        return out;
    }

    /**
     * Patch features from the model's tokens ({@code count x dim}, CLS first): drops the CLS token,
     * checks the rest fills the grid, L2-normalises each patch; the embedding is their normalised mean.
     */
    public static PatchFeatures patches(float[] tokens, int count, int dim, int rows, int cols) {
        int n = rows * cols;
        if (count != n + 1) {
            throw new IllegalStateException("the model returned " + count + " tokens; a " + rows + "x" + cols
                    + " grid needs " + (n + 1) + " (CLS + patches): is it exported to return the last layer's tokens?");
        }
        float[] features = new float[n * dim];
        System.arraycopy(tokens, dim, features, 0, n * dim);
        Vectors.normaliseRows(features, n, dim);
        return new PatchFeatures(rows, cols, dim, features, PatchFeatures.meanEmbedding(features, n, dim));
    }
}
