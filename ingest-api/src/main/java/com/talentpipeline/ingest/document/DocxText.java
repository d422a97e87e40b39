package com.talentpipeline.ingest.document;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * DOCX text in body order with every table cell on its own lines. Word's own extractor joins a
 * row's cells with tabs, so a resume laid out as a table ("Education | B.Sc. Physics, Pune, 2015")
 * would put the heading and the entry on one line; here each cell's paragraphs are separate lines
 * and rows are separated by a blank line, so headings in one cell still read as headings.
 */
final class DocxText {

    private DocxText() {
    }

    static String of(XWPFDocument doc) {
        StringBuilder out = new StringBuilder();
        for (IBodyElement element : doc.getBodyElements()) {
            append(element, out, 0);
        }
        return out.toString();
    }

    private static void append(IBodyElement element, StringBuilder out, int depth) {
        if (element instanceof XWPFParagraph paragraph) {
            out.append(paragraph.getText()).append('\n');
        } else if (element instanceof XWPFTable table && depth < 5) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (IBodyElement inner : cell.getBodyElements()) {
                        append(inner, out, depth + 1);
                    }
                }
                out.append('\n');
            }
        }
    }
}
