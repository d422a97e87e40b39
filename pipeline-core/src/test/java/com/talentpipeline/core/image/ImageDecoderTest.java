package com.talentpipeline.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.web.ApiProblemException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(40_000_000L);

    static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void typesComeFromMagicBytes() throws Exception {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        assertThat(ImageType.sniff(encode(image, "png"))).contains(ImageType.PNG);
        assertThat(ImageType.sniff(encode(image, "jpeg"))).contains(ImageType.JPEG);
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ImageType.sniff(webp)).contains(ImageType.WEBP);
        assertThat(ImageType.sniff("%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void decodesPngAndJpegWithTheirSize() throws Exception {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        BufferedImage png = decoder.read(encode(image, "png"));
        assertThat(png.getWidth()).isEqualTo(20);
        assertThat(png.getRGB(3, 4) & 0xffffff).isEqualTo(0xff0000);
        ImageDecoder.Header jpeg = decoder.inspect(encode(image, "jpeg"));
        assertThat(jpeg.type()).isEqualTo(ImageType.JPEG);
        assertThat(jpeg.height()).isEqualTo(10);
    }

    /** 1x1 WebP files, lossless (VP8L) and lossy (VP8), as browsers' feature tests embed them. */
    @Test
    void decodesWebP() {
        for (String base64 : new String[] {"UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==",
            "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA"}) {
            byte[] webp = java.util.Base64.getDecoder().decode(base64);
            ImageDecoder.Header header = decoder.inspect(webp);
            assertThat(header.type()).isEqualTo(ImageType.WEBP);
            assertThat(header.width()).isEqualTo(1);
            assertThat(decoder.decode(webp, header).getHeight()).isEqualTo(1);
        }
    }

    @Test
    void textIsUnsupportedMediaType() {
        assertThatThrownBy(() -> decoder.inspect("hello, not an image".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(415);
                    assertThat(e.code()).isEqualTo("unsupported_media_type");
                });
    }

    /** A 70-byte PNG that declares 100000 x 100000 pixels is refused from its header, nothing allocated. */
    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        assertThatThrownBy(() -> decoder.inspect(pngHeaderOnly(100_000, 100_000)))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("image_too_large");
                });
    }

    @Test
    void aTruncatedImageIsUnprocessable() throws Exception {
        byte[] png = encode(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "png");
        byte[] cut = java.util.Arrays.copyOf(png, 12);
        assertThatThrownBy(() -> decoder.read(cut)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status().value()).isEqualTo(422));
    }

    @Test
    void aPngCutAfterItsHeaderPassesTheHeaderCheckButNotVerification() throws Exception {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                image.setRGB(x, y, x * 7919 + y * 104729);
            }
        }
        byte[] cut = java.util.Arrays.copyOf(encode(image, "png"), 60);
        ImageDecoder.Header header = decoder.inspect(cut);
        assertThat(header.width()).isEqualTo(160);
        assertThatThrownBy(() -> decoder.verify(cut, header)).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("invalid_image");
        });
    }

    @Test
    void verificationOfALargeImageDecodesItSubsampled() throws Exception {
        byte[] large = encode(new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB), "png");
        decoder.verify(large, decoder.inspect(large));
        byte[] jpeg = encode(new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB), "jpg");
        decoder.verify(jpeg, decoder.inspect(jpeg));
    }

    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(type);
        out.writeBytes(ihdr.array());
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
