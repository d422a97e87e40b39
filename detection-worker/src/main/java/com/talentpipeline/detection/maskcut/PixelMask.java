package com.talentpipeline.detection.maskcut;

import java.util.ArrayList;
import java.util.List;

/**
 * A binary mask over an image's pixels (row-major), with the measures detection needs: area,
 * bounding box, IoU and COCO's uncompressed run-length encoding.
 *
 * @param width  image width
 * @param height image height
 * @param pixels {@code width * height} flags, row-major
 */
public record PixelMask(int width, int height, boolean[] pixels) {

    public PixelMask {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("mask size does not match " + width + "x" + height);
        }
    }

    /** Pixels set. */
    public long area() {
        long a = 0;
        for (boolean p : pixels) {
            if (p) {
                a++;
            }
        }
        return a;
    }

    /** The tight box {@code [x, y, w, h]} around the set pixels; {@code [0, 0, 0, 0]} when empty. */
    public int[] bbox() {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (pixels[row + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new int[] {0, 0, 0, 0} : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    /** Intersection over union with a mask of the same size (0 when both are empty). */
    public double iou(PixelMask other) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < pixels.length; i++) {
            boolean a = pixels[i];
            boolean b = other.pixels[i];
            if (a && b) {
                inter++;
            }
            if (a || b) {
                union++;
            }
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    /**
     * COCO's uncompressed RLE counts: alternating runs of 0s and 1s in column-major (Fortran) order,
     * starting with a (possibly empty) run of 0s; with {@code size = [height, width]}.
     */
    public List<Long> rleCounts() {
        List<Long> counts = new ArrayList<>();
        boolean current = false;
        long run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean v = pixels[y * width + x];
                if (v != current) {
                    counts.add(run);
                    run = 0;
                    current = v;
                }
                run++;
            }
        }
        counts.add(run);
        return counts;
    }

    /** Decodes COCO uncompressed RLE counts (column-major) back into a mask. */
    public static PixelMask fromRle(int width, int height, List<? extends Number> counts) {
        boolean[] pixels = new boolean[width * height];
        long position = 0;
        boolean value = false;
        for (Number count : counts) {
            for (long k = 0; k < count.longValue(); k++, position++) {
                if (value) {
                    int x = (int) (position / height);
                    int y = (int) (position % height);
                    pixels[y * width + x] = true;
                }
            }
            value = !value;
        }
        if (position != (long) width * height) {
            throw new IllegalArgumentException("RLE counts cover " + position + " pixels, not " + (long) width * height);
        }
        return new PixelMask(width, height, pixels);
    }
}
