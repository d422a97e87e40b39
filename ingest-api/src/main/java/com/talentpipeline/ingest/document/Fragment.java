package com.talentpipeline.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of a line with its span, so values cut out of a line keep their provenance.
 *
 * @param text the piece, trimmed
 * @param span where it is in the extracted text
 */
record Fragment(String text, Span span) {

    /** Separators between title, company, institution, issuer: " at ", " @ ", "|", em/en dashes, " - ", ",", "·". */
    static final Pattern SEPARATORS = Pattern.compile("\\s+(?:at|@)\\s+|\\s*[|–—·•]\\s*|\\s+-\\s+|,\\s+|\\s*\\t\\s*|\\s{3,}");
    private static final String TRIM = "^[\\s|,;:()\\[\\]–—\\-·•]+|[\\s|,;:()\\[\\]–—\\-·•]+$";

    static Fragment of(Line line) {
        return new Fragment(line.text(), line.span());
    }

    /** The line without the characters [from, to) (e.g. a date range), if anything meaningful is left. */
    static Fragment without(Line line, int from, int to) {
        String before = line.text().substring(0, from);
        String after = line.text().substring(to);
        // Keep the longer side's position; a date is almost always at one end of the line.
        boolean keepBefore = before.strip().length() >= after.strip().length();
        String kept = keepBefore ? before : after;
        int offset = keepBefore ? 0 : to;
        return trimmed(line, kept, offset);
    }

    /** Splits on {@link #SEPARATORS}, dropping empty pieces. */
    List<Fragment> split() {
        List<Fragment> pieces = new ArrayList<>();
        Matcher m = SEPARATORS.matcher(text);
        int last = 0;
        while (m.find()) {
            add(pieces, last, m.start());
            last = m.end();
        }
        add(pieces, last, text.length());
        return pieces;
    }

    boolean hasLetters() {
        return text.chars().anyMatch(Character::isLetter);
    }

    private void add(List<Fragment> pieces, int from, int to) {
        Fragment piece = trimmedPiece(from, to);
        if (piece != null && piece.hasLetters()) {
            pieces.add(piece);
        }
    }

    private Fragment trimmedPiece(int from, int to) {
        String raw = text.substring(from, to);
        String stripped = raw.replaceAll(TRIM, "");
        if (stripped.isEmpty()) {
            return null;
        }
        int lead = raw.indexOf(stripped);
        int start = span.start() + from + lead;
        return new Fragment(stripped, new Span(span.line(), start, start + stripped.length()));
    }

    private static Fragment trimmed(Line line, String kept, int offset) {
        String stripped = kept.replaceAll(TRIM, "");
        int lead = stripped.isEmpty() ? 0 : kept.indexOf(stripped);
        return new Fragment(stripped, line.span(offset + lead, offset + lead + stripped.length()));
    }
}
