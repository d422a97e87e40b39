package com.talentpipeline.ingest.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Documents in layouts a plain text dump gets wrong: a two-column PDF and a DOCX laid out as a table. */
final class LayoutDocuments {

    private LayoutDocuments() {
    }

    /** One A4 page: the header lines across the top, then the two columns side by side. */
    static byte[] twoColumnPdf(List<String> header, List<String> left, List<String> right) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                float y = 800;
                for (String line : header) {
                    write(content, font, 40, y, line);
                    y -= 14;
                }
                y -= 10;
                for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                    if (i < left.size()) {
                        write(content, font, 40, y, left.get(i));
                    }
                    if (i < right.size()) {
                        write(content, font, 320, y, right.get(i));
                    }
                    y -= 14;
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, 10);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** Paragraphs, then a table of rows (each cell may hold several lines, separated by \n). */
    static byte[] docxWithTable(List<String> paragraphs, List<List<String>> rows) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
            for (int r = 0; r < rows.size(); r++) {
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    var cell = row.getCell(c);
                    String[] lines = rows.get(r).get(c).split("\n");
                    cell.getParagraphs().get(0).createRun().setText(lines[0]);
                    for (int i = 1; i < lines.length; i++) {
                        cell.addParagraph().createRun().setText(lines[i]);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
