package com.talentpipeline.core.image;

import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.HttpStatus;

/**
 * Checks and decodes uploads. The type comes from the magic bytes; the dimensions from the header,
 * before any pixel is decoded, so a small file that declares a huge image (a decompression bomb) is
 * refused without allocating it.
 */
public final class ImageDecoder {

    /**
     * An upload that passed the header checks.
     *
     * @param type   the sniffed type
     * @param width  width from the header
     * @param height height from the header
     */
    public record Header(ImageType type, int width, int height) {

        public long pixels() {
            return (long) width * height;
        }
    }

    private final long maxPixels;

    /** @param maxPixels largest width x height accepted */
    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Sniffs the type and reads the dimensions; 415 for another type, 422 for a bad or too large image. */
    public Header inspect(byte[] bytes) {
        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> new ApiProblemException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "The file is not a PNG, JPEG or WebP image (checked by its content, not its name)",
                List.of(new FieldProblem("file", "must be a PNG, JPEG or WebP image")), null));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(type);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                Header header = new Header(type, width, height);
                if (width <= 0 || height <= 0) {
                    throw invalid("the image has no pixels");
                }
                if (header.pixels() > maxPixels) {
                    throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "image_too_large",
                            "The image is " + width + "x" + height + " pixels; at most " + maxPixels + " pixels are accepted",
                            List.of(new FieldProblem("file", "at most " + maxPixels + " pixels")), null);
                }
                return header;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblemException p) {
                throw p;
            }
            throw invalid("its header cannot be read");
        }
    }

    /** Decodes an image whose header {@link #inspect} accepted, as RGB. */
    public BufferedImage decode(byte[] bytes, Header header) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(header.type());
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                if (image.getType() == BufferedImage.TYPE_INT_RGB) {
                    return image;
                }
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                var g = rgb.createGraphics();
                try {
                    g.setColor(java.awt.Color.WHITE); // transparent pixels on white, as viewers show them
                    g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                    g.drawImage(image, 0, 0, null);
                } finally {
                    g.dispose();
                }
                return rgb;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw invalid("it cannot be decoded");
        }
    }

    /** Pixels kept when {@link #verify} decodes: enough to read every row, small enough to hold at once. */
    static final long VERIFY_PIXELS = 1_000_000;

    /**
     * Decodes the whole image to prove it is readable (a header can be intact while the pixel data is
     * cut short or corrupt), subsampled to about {@link #VERIFY_PIXELS} pixels so that memory stays
     * small: the reader still inflates every row of the stream. 422 {@code invalid_image} when it cannot.
     */
    public void verify(byte[] bytes, Header header) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(header.type());
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) header.pixels() / VERIFY_PIXELS)));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                    throw invalid("it has no decodable pixels");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblemException p) {
                throw p;
            }
            throw invalid("it cannot be decoded");
        }
    }

    /** Inspects and decodes. */
    public BufferedImage read(byte[] bytes) {
        return decode(bytes, inspect(bytes));
    }

    private static ImageReader reader(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.format());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type);
        }
        return readers.next();
    }

    private static ApiProblemException invalid(String why) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_image",
                "The image is damaged: " + why, List.of(new FieldProblem("file", "is not a readable image")), null);
    }
}
