package com.talentpipeline.detection.maskcut;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of images with known objects: 1-3 circles, rectangles or blobs, solid, striped,
 * dotted or noisy, on gradient, noisy, striped, checkered or blotchy backgrounds; every object's
 * pixel mask is the ground truth.
 */
public final class SyntheticScenes {

    /** One generated image and the masks of its objects. */
    public record Scene(BufferedImage image, List<PixelMask> objects, String description) {
    }

    private SyntheticScenes() {
    }

    /** The scene of a seed; width 480, height 360-480. */
    public static Scene generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int width = 480;
        int height = 360 + 24 * random.nextInt(6);
        int[] bgA = randomColor(random);
        int[] bgB = mix(bgA, randomColor(random), 0.35);
        int background = random.nextInt(5);
        int objectCount = 1 + random.nextInt(3);
        List<Shape> shapes = new ArrayList<>();
        for (int attempt = 0; shapes.size() < objectCount && attempt < 200; attempt++) {
            Shape s = Shape.random(random, width, height, bgA);
            boolean clear = true;
            for (Shape other : shapes) {
                clear &= !s.overlaps(other, 12);
            }
            if (clear) {
                shapes.add(s);
            }
        }
        int[] rgb = new int[width * height];
        List<boolean[]> masks = new ArrayList<>();
        for (int k = 0; k < shapes.size(); k++) {
            masks.add(new boolean[width * height]);
        }
        double noise = background == 1 ? 14 : 4;
        double period = 6 + random.nextInt(7);
        double angle = random.nextDouble() * Math.PI;
        double[][] blotch = blotches(random, width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                double t = (x * 0.6 + y * 0.4) / (width * 0.6 + height * 0.4);
                int[] c = switch (background) {
                    case 0, 1 -> mix(bgA, bgB, t);
                    case 2 -> ((int) Math.floor((x * Math.cos(angle) + y * Math.sin(angle)) / period) & 1) == 0
                            ? bgA : mix(bgA, bgB, 0.8);
                    case 3 -> (((x / 8) + (y / 8)) & 1) == 0 ? bgA : bgB;
                    default -> mix(bgA, bgB, blotch[y][x]);
                };
                int[] out = c;
                for (int k = 0; k < shapes.size(); k++) {
                    Shape s = shapes.get(k);
                    if (s.contains(x, y)) {
                        out = s.color(x, y);
                        masks.get(k)[p] = true;
                        for (int j = 0; j < k; j++) {
                            masks.get(j)[p] = false;
                        }
                    }
                }
                rgb[p] = pack(out, random, noise);
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        List<PixelMask> truth = new ArrayList<>();
        StringBuilder description = new StringBuilder("bg" + background);
        for (int k = 0; k < shapes.size(); k++) {
            truth.add(new PixelMask(width, height, masks.get(k)));
            description.append(' ').append(shapes.get(k).describe());
        }
        return new Scene(image, truth, description.toString());
    }

    private static double[][] blotches(SplittableRandom random, int width, int height) {
        // Smooth value noise: bilinear interpolation of a coarse random grid.
        int gw = 8;
        int gh = 8;
        double[][] grid = new double[gh + 1][gw + 1];
        for (double[] row : grid) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble();
            }
        }
        double[][] out = new double[height][width];
        for (int y = 0; y < height; y++) {
            double gy = (double) y / height * gh;
            int y0 = (int) gy;
            double fy = gy - y0;
            for (int x = 0; x < width; x++) {
                double gx = (double) x / width * gw;
                int x0 = (int) gx;
                double fx = gx - x0;
                out[y][x] = (1 - fy) * ((1 - fx) * grid[y0][x0] + fx * grid[y0][x0 + 1])
                        + fy * ((1 - fx) * grid[y0 + 1][x0] + fx * grid[y0 + 1][x0 + 1]);
            }
        }
        return out;
    }

    static int[] randomColor(SplittableRandom random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }

    static int[] mix(int[] a, int[] b, double t) {
        return new int[] {(int) (a[0] + (b[0] - a[0]) * t), (int) (a[1] + (b[1] - a[1]) * t),
            (int) (a[2] + (b[2] - a[2]) * t)};
    }

    private static int pack(int[] c, SplittableRandom random, double noise) {
        int r = clamp(c[0] + random.nextGaussian() * noise);
        int g = clamp(c[1] + random.nextGaussian() * noise);
        int b = clamp(c[2] + random.nextGaussian() * noise);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static double distance(int[] a, int[] b) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** An object: kind 0 circle, 1 rectangle, 2 blob; texture 0 solid, 1 stripes, 2 dots, 3 speckles. */
    private record Shape(int kind, double cx, double cy, double radius, double aspect, double[] harmonics,
            int texture, int[] colorA, int[] colorB, long noiseSeed) {

        static Shape random(SplittableRandom random, int width, int height, int[] background) {
            double radius = 36 + random.nextDouble() * 56;
            double cx = radius + 8 + random.nextDouble() * (width - 2 * radius - 16);
            double cy = radius + 8 + random.nextDouble() * (height - 2 * radius - 16);
            int[] a;
            do {
                a = randomColor(random);
            } while (distance(a, background) < 110);
            int[] b = mix(a, randomColor(random), 0.45);
            double[] harmonics = new double[6];
            for (int i = 0; i < harmonics.length; i++) {
                harmonics[i] = (random.nextDouble() - 0.5) * 0.5 / (1 + i * 0.5);
            }
            return new Shape(random.nextInt(3), cx, cy, radius, 0.6 + random.nextDouble() * 0.8, harmonics,
                    random.nextInt(4), a, b, random.nextLong());
        }

        boolean contains(int x, int y) {
            double dx = x + 0.5 - cx;
            double dy = y + 0.5 - cy;
            return switch (kind) {
                case 0 -> dx * dx + dy * dy <= radius * radius;
                case 1 -> Math.abs(dx) <= radius * Math.min(1, aspect) && Math.abs(dy) <= radius * Math.min(1, 1 / aspect);
                default -> {
                    double theta = Math.atan2(dy, dx);
                    double r = 1;
                    for (int i = 0; i < harmonics.length; i++) {
                        r += harmonics[i] * Math.cos((i + 2) * theta + i);
                    }
                    yield Math.sqrt(dx * dx + dy * dy) <= radius * r;
                }
            };
        }

        int[] color(int x, int y) {
            return switch (texture) {
                case 1 -> ((int) Math.floor((x + y) / 7.0) & 1) == 0 ? colorA : colorB;
                case 2 -> ((x % 10) - 5) * ((x % 10) - 5) + ((y % 10) - 5) * ((y % 10) - 5) < 9 ? colorB : colorA;
                case 3 -> (((x * 73856093) ^ (y * 19349663) ^ noiseSeed) & 3) == 0 ? colorB : colorA;
                default -> colorA;
            };
        }

        boolean overlaps(Shape other, double margin) {
            double reach = radius * 1.45 + other.radius * 1.45 + margin;
            return Math.hypot(cx - other.cx, cy - other.cy) < reach;
        }

        String describe() {
            return new String[] {"circle", "rect", "blob"}[kind] + "/" + new String[] {"solid", "stripes", "dots", "speckle"}[texture]
                    + "@" + Math.round(cx) + "," + Math.round(cy) + "r" + Math.round(radius);
        }
    }
}
