package com.talentpipeline.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of extracted text with its position, its bullet marker stripped.
 *
 * @param number  1-based line number
 * @param start   offset of the (stripped) content in the whole text
 * @param text    the content, trimmed, without a leading bullet
 * @param bullet  whether the line started with a bullet marker
 */
record Line(int number, int start, String text, boolean bullet) {

    /** Bullets seen in resumes: •, ●, ▪, ◦, -, *, –, ·, ➢, ✓, and "o " as Word's fallback glyph. */
    private static final Pattern BULLET = Pattern.compile("^(?:[•●▪■◦\\-*–·➢►✓]|o(?=\\s))\\s*");

    int end() {
        return start + text.length();
    }

    boolean blank() {
        return text.isEmpty();
    }

    Span span() {
        return new Span(number, start, end());
    }

    /** A span of part of this line. */
    Span span(int from, int to) {
        return new Span(number, start + from, start + to);
    }

    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int offset = 0;
        int number = 1;
        for (String raw : text.split("\n", -1)) {
            int lead = 0;
            while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
                lead++;
            }
            String content = raw.substring(lead).stripTrailing();
            var bullet = BULLET.matcher(content);
            boolean isBullet = bullet.find() && bullet.end() < content.length();
            if (isBullet) {
                lead += bullet.end();
                content = content.substring(bullet.end());
            }
            lines.add(new Line(number++, offset + lead, content, isBullet));
            offset += raw.length() + 1;
        }
        return lines;
    }
}
