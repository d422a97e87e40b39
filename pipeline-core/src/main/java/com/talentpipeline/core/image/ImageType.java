package com.talentpipeline.core.image;

import java.util.Optional;

/** The accepted image types, recognised by their magic bytes (never by file name or declared type). */
public enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpeg"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String format;

    ImageType(String mediaType, String format) {
        this.mediaType = mediaType;
        this.format = format;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The ImageIO format name. */
    public String format() {
        return format;
    }

    /** The type whose signature starts {@code bytes}, if any. */
    public static Optional<ImageType> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The type of a media type string ({@code image/png}...). */
    public static ImageType ofMediaType(String mediaType) {
        for (ImageType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported image type " + mediaType);
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
