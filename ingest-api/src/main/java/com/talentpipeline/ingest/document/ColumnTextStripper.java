package com.talentpipeline.ingest.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF text that keeps two-column layouts apart. Sorting by position alone reads a two-column resume
 * row by row, splicing the sidebar ("Skills", "Languages") into the experience next to it. This
 * collects each page's words with their positions (PDFBox {@link TextPosition}s), looks for a vertical
 * gutter in the middle half of the page that no word crosses while many rows hold words on both
 * sides of it, and if there is one writes the lines that span the page first (a name, a title over
 * both columns), then the left column, then the right column. Pages without a gutter come out as the
 * plain position-sorted text.
 */
final class ColumnTextStripper {

    /** At least this share of rows must have words on both sides of the gutter for it to count. */
    private static final double MIN_TWO_SIDED_ROWS = 0.3;
    /** At most this share of rows may cross the gutter (headings over both columns). */
    private static final double MAX_CROSSING_ROWS = 0.2;

    private ColumnTextStripper() {
    }

    /** The text of pages 1..lastPage, columns in reading order. */
    static String text(PDDocument doc, int lastPage) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int page = 1; page <= lastPage; page++) {
            Collector collector = new Collector();
            collector.setSortByPosition(true);
            collector.setLineSeparator("\n");
            collector.setStartPage(page);
            collector.setEndPage(page);
            String plain = collector.getText(doc);
            float width = doc.getPage(page - 1).getMediaBox().getWidth();
            String columns = layout(collector.words, width);
            out.append(columns == null ? plain : columns);
        }
        return out.toString();
    }

    /** A word and its box (PDF user space; y grows downwards in PDFBox's adjusted coordinates). */
    record Word(String text, float x, float end, float y, float height) {
    }

    /** The page's text in column order, or null when the page has no gutter. */
    static String layout(List<Word> words, float pageWidth) {
        List<List<Word>> rows = rows(words);
        if (rows.size() < 6) {
            return null;
        }
        float best = -1;
        int bestTwoSided = 0;
        for (float x = pageWidth * 0.25f; x <= pageWidth * 0.75f; x += 2) {
            int crossing = 0;
            int twoSided = 0;
            for (List<Word> row : rows) {
                final float at = x;
                boolean crosses = row.stream().anyMatch(w -> w.x() < at && w.end() > at);
                boolean left = row.stream().anyMatch(w -> w.end() <= at);
                boolean right = row.stream().anyMatch(w -> w.x() >= at);
                if (crosses) {
                    crossing++;
                } else if (left && right) {
                    twoSided++;
                }
            }
            if (crossing <= rows.size() * MAX_CROSSING_ROWS && twoSided >= rows.size() * MIN_TWO_SIDED_ROWS
                    && twoSided > bestTwoSided) {
                best = x;
                bestTwoSided = twoSided;
            }
        }
        if (best < 0) {
            return null;
        }
        final float gutter = best;
        List<Word> spanning = new ArrayList<>();
        List<Word> left = new ArrayList<>();
        List<Word> right = new ArrayList<>();
        for (List<Word> row : rows) {
            if (row.stream().anyMatch(w -> w.x() < gutter && w.end() > gutter)) {
                spanning.addAll(row);
                continue;
            }
            for (Word w : row) {
                (w.end() <= gutter ? left : right).add(w);
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<Word> part : List.of(spanning, left, right)) {
            for (List<Word> row : rows(part)) {
                text.append(String.join(" ", row.stream().map(Word::text).toList())).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Words grouped into rows (same baseline within half a line height), each row sorted left to right. */
    private static List<List<Word>> rows(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparing(Word::y).thenComparing(Word::x));
        List<List<Word>> rows = new ArrayList<>();
        List<Word> row = new ArrayList<>();
        float y = Float.NaN;
        for (Word w : sorted) {
            if (!row.isEmpty() && Math.abs(w.y() - y) > Math.max(2f, w.height() / 2)) {
                row.sort(Comparator.comparing(Word::x));
                rows.add(row);
                row = new ArrayList<>();
            }
            if (row.isEmpty()) {
                y = w.y();
            }
            row.add(w);
        }
        if (!row.isEmpty()) {
            row.sort(Comparator.comparing(Word::x));
            rows.add(row);
        }
        return rows;
    }

    /** Records every word PDFBox writes, with its box. */
    private static final class Collector extends PDFTextStripper {

        final List<Word> words = new ArrayList<>();

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            // PDFBox hands over one word (or a run without word separators) at a time.
            List<TextPosition> run = new ArrayList<>();
            for (TextPosition p : positions) {
                if (p.getUnicode() != null && p.getUnicode().isBlank()) {
                    add(run);
                    run = new ArrayList<>();
                } else {
                    run.add(p);
                }
            }
            add(run);
            super.writeString(text, positions);
        }

        private void add(List<TextPosition> run) {
            if (run.isEmpty()) {
                return;
            }
            StringBuilder s = new StringBuilder();
            run.forEach(p -> s.append(p.getUnicode()));
            TextPosition first = run.get(0);
            TextPosition last = run.get(run.size() - 1);
            words.add(new Word(s.toString(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj(), Math.max(1f, first.getHeightDir())));
        }
    }
}
