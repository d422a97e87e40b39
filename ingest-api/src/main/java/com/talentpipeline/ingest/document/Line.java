package com.talentpipeline.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of extracted text with its position, its bullet marker stripped.
 *
 * <p>A physical line can hold several logical lines: exports that lost their line breaks run bullets
 * together ("... Agile. • Built ...") or glue a heading onto the end of the previous line
 * ("... 6 monthsCompany Details"). Those are cut into separate lines here, each keeping its exact
 * offsets in the original text, so provenance still points at the source.
 *
 * @param number  1-based line number
 * @param start   offset of the (stripped) content in the whole text
 * @param text    the content, trimmed, without a leading bullet
 * @param bullet  whether the line started with a bullet marker
 */
record Line(int number, int start, String text, boolean bullet) {

    /**
     * Bullets seen in resumes: •, ●, ▪, ◦, ❖, ➢, ✓, -, *, –, ·, "â¢" (a UTF-8 bullet read as Latin-1),
     * "o " as Word's fallback glyph, and numbers ("1.", "2)", "(3)").
     */
    private static final String GLYPHS = "•●▪■◦❖❑➢➤►✓✔◆◇⚫○→★✦□\u2023\u2043\uF0B7\uF0A7\uF076\uF0D8";
    private static final Pattern BULLET = Pattern.compile(
            "^(?:â¢|â€¢|[" + GLYPHS + "\\-*–·]|o(?=\\s)|\\(?\\d{1,2}[.)](?=\\s)|\\(\\d{1,2}\\))\\s*");
    /** A bullet glyph inside a line, after a space or sentence end: the start of a run-on bullet. */
    private static final Pattern INNER_BULLET = Pattern.compile("(?<=\\S)\\s*(?:â¢|â€¢|[" + GLYPHS + "])\\s*(?=\\S)");
    /** Headings exported without a line break before them ("...6 monthsCompany Details"). */
    private static final Pattern GLUED_HEADING = Pattern.compile(
            "(?<=\\S)\\s*((?:Education|Skills?|Company|Project|Personal|Work|Professional|Academic|Technical|Employment)"
                    + " Details)\\s*$");

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

    /** The part of this line from {@code from} on, trimmed (a value after a label, say), or null if blank. */
    Line rest(int from) {
        String raw = text.substring(from);
        String stripped = raw.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        return new Line(number, start + from + raw.indexOf(stripped), stripped, false);
    }

    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int offset = 0;
        int number = 1;
        for (String raw : text.split("\n", -1)) {
            int before = lines.size();
            segment(raw, offset, number, lines);
            if (lines.size() == before) {
                lines.add(new Line(number, offset, "", false));
            }
            offset += raw.length() + 1;
            number++;
        }
        return lines;
    }

    /** Cuts one physical line at glued headings and run-on bullets. */
    private static void segment(String raw, int offset, int number, List<Line> out) {
        List<int[]> cuts = new ArrayList<>();
        Matcher heading = GLUED_HEADING.matcher(raw);
        int limit = raw.length();
        if (heading.find()) {
            limit = heading.start(1);
        }
        int from = 0;
        Matcher inner = INNER_BULLET.matcher(raw).region(0, limit);
        while (inner.find()) {
            cuts.add(new int[] {from, inner.start()});
            from = inner.start();
        }
        cuts.add(new int[] {from, limit});
        if (limit < raw.length()) {
            cuts.add(new int[] {limit, raw.length()});
        }
        for (int[] cut : cuts) {
            Line line = one(raw.substring(cut[0], cut[1]), offset + cut[0], number);
            if (!line.blank() || cuts.size() == 1) {
                out.add(line);
            }
        }
    }

    private static Line one(String raw, int offset, int number) {
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
        return new Line(number, offset + lead, content, isBullet);
    }
}
