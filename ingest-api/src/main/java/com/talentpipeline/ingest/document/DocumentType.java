package com.talentpipeline.ingest.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The document types accepted, detected from the bytes (magic numbers), never from the file name or
 * the declared Content-Type, which clients get wrong and attackers set at will.
 */
public enum DocumentType {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    TEXT("text/plain"),
    /** A photographed or scanned resume; read by OCR only. */
    PNG("image/png"),
    /** A photographed or scanned resume; read by OCR only. */
    JPEG("image/jpeg");

    private static final int MAX_ZIP_ENTRIES_SCANNED = 200;

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** Whether the type is a picture, whose text only OCR can read. */
    public boolean isImage() {
        return this == PNG || this == JPEG;
    }

    /** The IANA media type stored with the file. */
    public String mediaType() {
        return mediaType;
    }

    /** The type of the content, or empty when it is none of the accepted ones. */
    public static Optional<DocumentType> detect(byte[] bytes) {
        if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
                && bytes[4] == '-') {
            return Optional.of(PDF);
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            // A zip: DOCX only if it has the WordprocessingML main part (XLSX, JAR... are refused).
            return isDocx(bytes) ? Optional.of(DOCX) : Optional.empty();
        }
        return isText(bytes) ? Optional.of(TEXT) : Optional.empty();
    }

    /** Whether a declared Content-Type is compatible with the detected type (generic types always are). */
    public boolean accepts(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String base = declared.split(";", 2)[0].trim().toLowerCase();
        if (base.equals("application/octet-stream") || base.equals("binary/octet-stream")) {
            return true;
        }
        return switch (this) {
            case PDF -> base.equals("application/pdf") || base.equals("application/x-pdf");
            case DOCX -> base.equals(mediaType) || base.equals("application/msword") || base.equals("application/zip");
            case TEXT -> base.startsWith("text/");
            case PNG -> base.equals("image/png");
            case JPEG -> base.equals("image/jpeg") || base.equals("image/jpg") || base.equals("image/pjpeg");
        };
    }

    private static boolean isDocx(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES_SCANNED) {
                if (entry.getName().equals("word/document.xml")) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** Strict UTF-8 without NULs or other control characters than whitespace: a binary blob is not text. */
    private static boolean isText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        return control == 0;
    }
}
