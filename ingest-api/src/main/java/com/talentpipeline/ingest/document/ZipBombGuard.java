package com.talentpipeline.ingest.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipInputStream;

/**
 * Inflates a zip once into nothing, counting, before POI sees it: a DOCX whose parts expand past the
 * limit (or that has absurdly many entries) is refused before any of it is kept in memory. POI's own
 * {@code ZipSecureFile} ratio check stays on as a second line.
 */
final class ZipBombGuard {

    private static final int MAX_ENTRIES = 1_000;

    private ZipBombGuard() {
    }

    static void check(byte[] zip, long maxInflatedBytes) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                if (++entries > MAX_ENTRIES) {
                    throw DocumentProblems.tooComplex("The document has more than " + MAX_ENTRIES + " parts");
                }
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxInflatedBytes) {
                        throw DocumentProblems.tooComplex("The document expands to more than " + maxInflatedBytes
                                + " bytes when unpacked");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw DocumentProblems.malformed(DocumentType.DOCX);
        }
    }
}
