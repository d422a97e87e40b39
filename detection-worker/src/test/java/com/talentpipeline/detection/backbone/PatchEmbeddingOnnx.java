package com.talentpipeline.detection.backbone;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tiny ONNX model with a DINO export's interface, for testing the DJL loading path offline:
 * input {@code pixel_values [1, 3, H, W]}, output {@code tokens [1, 1 + N, C]} (a CLS token, then one
 * token per patch). It is a ViT's patch-embedding layer only (a strided convolution whose six channels
 * are each patch's mean of R, G, B and its left-minus-right difference of R, G, B), so its features are
 * colour and edge descriptors, not DINO's: it proves the plumbing, not the representation. The protobuf
 * is encoded by hand (no ONNX or protobuf library here).
 */
final class PatchEmbeddingOnnx {

    static final int CHANNELS = 6;

    private PatchEmbeddingOnnx() {
    }

    static Path write(Path file, int patch) throws Exception {
        int c = CHANNELS;
        float[] weights = new float[c * 3 * patch * patch];
        float area = patch * patch;
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < patch; y++) {
                for (int x = 0; x < patch; x++) {
                    weights[((ch * 3 + ch) * patch + y) * patch + x] = 1f / area;
                    weights[(((ch + 3) * 3 + ch) * patch + y) * patch + x] = (x < patch / 2 ? 1f : -1f) / area;
                }
            }
        }
        Proto graph = new Proto()
                .message(1, node(new String[] {"pixel_values", "conv_w", "conv_b"}, "patches", "Conv",
                        intsAttribute("kernel_shape", patch, patch), intsAttribute("strides", patch, patch)))
                .message(1, node(new String[] {"patches", "shape"}, "flat", "Reshape"))
                .message(1, node(new String[] {"flat"}, "tokens_t", "Transpose", intsAttribute("perm", 0, 2, 1)))
                .message(1, node(new String[] {"cls", "tokens_t"}, "tokens", "Concat", intAttribute("axis", 1)))
                .string(2, "patch-embedding-test")
                .message(5, floatTensor("conv_w", weights, c, 3, patch, patch))
                .message(5, floatTensor("conv_b", new float[c], c))
                .message(5, longTensor("shape", new long[] {0, 0, -1}, 3))
                .message(5, floatTensor("cls", new float[] {1, 1, 1, 0, 0, 0}, 1, 1, c))
                .message(11, valueInfo("pixel_values", "1", "3", "H", "W"))
                .message(12, valueInfo("tokens", "1", "T", Integer.toString(c)));
        Proto model = new Proto().varint(1, 7).string(2, "talent-pipeline-test").message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 13));
        Files.write(file, model.bytes());
        return file;
    }

    private static Proto node(String[] inputs, String output, String op, Proto... attributes) {
        Proto node = new Proto();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, op + "_" + output).string(4, op);
        for (Proto attribute : attributes) {
            node.message(5, attribute);
        }
        return node;
    }

    private static Proto intsAttribute(String name, long... values) {
        Proto a = new Proto().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, 7);
    }

    private static Proto intAttribute(String name, long value) {
        return new Proto().string(1, name).varint(3, value).varint(20, 2);
    }

    private static Proto floatTensor(String name, float[] values, long... dims) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return t.varint(2, 1).string(8, name).bytes(9, raw.array());
    }

    private static Proto longTensor(String name, long[] values, long... dims) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return t.varint(2, 7).string(8, name).bytes(9, raw.array());
    }

    /** A float tensor value with named or fixed dimensions. */
    private static Proto valueInfo(String name, String... dims) {
        Proto shape = new Proto();
        for (String d : dims) {
            Proto dim = d.chars().allMatch(Character::isDigit) ? new Proto().varint(1, Long.parseLong(d))
                    : new Proto().string(2, d);
            shape.message(1, dim);
        }
        Proto tensor = new Proto().varint(1, 1).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    /** Minimal protobuf writer: varint and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void writeVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
