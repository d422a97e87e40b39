package com.talentpipeline.ingest.document;

import com.talentpipeline.core.resume.Resume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Degrees out of an education section: "Degree, School, 2015" on one line, a stacked block (degree
 * line, school line, date line, in that order or with the date first), or a date-first table row.
 * A block closes at its date; within it the school is the piece naming an institution, the degree
 * the piece naming a degree, and in a two-line block without such words the first line is the
 * degree and the second the school.
 */
final class EducationParser {

    static final Pattern DEGREE = Pattern.compile(
            "(?i)(?<![\\p{Alnum}])(bachelor'?s?|master'?s?|b\\.?\\s?sc|m\\.?\\s?sc|b\\.?s\\.|m\\.?s\\.|bs|ms|b\\.?a\\.?|m\\.?a\\.?"
                    + "|mba|pgdm|pgdbm|pg ?diploma|post ?graduat\\w*|graduat\\w*|ph\\.?\\s?d|doctor(?:ate)?"
                    + "|associate degree|diploma|b\\.?\\s?eng|m\\.?\\s?eng|b\\.?\\s?tech|m\\.?\\s?tech|b\\.?\\s?e\\.?|m\\.?\\s?e\\.?"
                    + "|b\\.?\\s?com|m\\.?\\s?com|bca|mca|bba|bbm|b\\.?\\s?pharm|m\\.?\\s?pharm|llb|ll\\.b|llm|b\\.?\\s?ed|m\\.?\\s?ed"
                    + "|h\\.?s\\.?c|s\\.?s\\.?c|sslc|cbse|icse|puc|hsc|12th|10th|xii|intermediate|matriculation|higher secondary"
                    + "|secondary school certificate|senior secondary|engineering)(?![\\p{Alnum}])");
    static final Pattern INSTITUTION = Pattern.compile(
            "(?i)\\b(university|universit[äa]t|college|institute|institution|insitute|school|academy|polytechnic"
                    + "|hochschule|eth|vidyalaya|vidyapeeth|vidyapith|mahavidyalaya|board|iit|nit|iim|bits)\\b");

    /** The schema's limit on education entries. */
    private static final int MAX_ENTRIES = 50;

    private EducationParser() {
    }

    /** Entries, and the places written next to schools (for the location field). */
    record Result(List<Resume.Education> entries, List<Fragment> places) {
    }

    static Result parse(List<Line> section, Map<String, Span> provenance, List<String> warnings) {
        List<Resume.Education> entries = new ArrayList<>();
        List<Fragment> places = new ArrayList<>();
        List<Fragment> block = new ArrayList<>();
        for (Line line : section) {
            if (line.blank()) {
                continue;
            }
            Optional<DateRanges.Range> range = DateRanges.find(line.text());
            Optional<DateRanges.Range> single = range.isPresent() ? range : DateRanges.findLastDate(line.text());
            if (single.isEmpty()) {
                // A degree line after a complete pair starts the next entry even without dates.
                if (block.size() >= 2 && DEGREE.matcher(line.text()).find() && !INSTITUTION.matcher(line.text()).find()) {
                    close(block, null, entries, places, provenance, warnings);
                }
                block.add(Fragment.of(line));
                continue;
            }
            String end = single.get().end();
            String date = end.equals("present") ? null : end;
            Fragment rest = Fragment.without(line, single.get().from(), single.get().to());
            boolean dateFirst = single.get().from() == 0 && rest.hasLetters();
            if (dateFirst && !block.isEmpty()) {
                close(block, null, entries, places, provenance, warnings);
            }
            if (rest.hasLetters()) {
                block.add(rest);
            }
            if (!block.isEmpty()) {
                close(block, date, entries, places, provenance, warnings);
            }
        }
        close(block, null, entries, places, provenance, warnings);
        return new Result(entries, places);
    }

    private static void close(List<Fragment> block, String date, List<Resume.Education> entries,
            List<Fragment> places, Map<String, Span> provenance, List<String> warnings) {
        if (block.isEmpty() || entries.size() >= MAX_ENTRIES) {
            block.clear();
            return;
        }
        List<Fragment> pieces = new ArrayList<>();
        if (block.size() == 1) {
            pieces.addAll(block.get(0).split());
        } else {
            pieces.addAll(block);
        }
        Fragment degree = null;
        Fragment institution = null;
        for (Fragment piece : pieces) {
            if (institution == null && INSTITUTION.matcher(piece.text()).find()
                    && (degree != null || !DEGREE.matcher(piece.text()).lookingAt())) {
                institution = piece;
            } else if (degree == null && DEGREE.matcher(piece.text()).find()) {
                degree = piece;
            }
        }
        if (block.size() >= 2) {
            // Stacked lines with no telling words: the degree comes first, then the school.
            if (degree == null) {
                degree = block.get(0) == institution ? block.get(1) : block.get(0);
            }
            if (institution == null) {
                int at = block.indexOf(degree);
                institution = at + 1 < block.size() ? block.get(at + 1) : (at > 0 ? block.get(0) : null);
            }
        }
        block.clear();
        if (institution != null) {
            Fragment[] cut = Places.cut(institution);
            institution = cut[0];
            if (cut[1] != null) {
                places.add(cut[1]);
            }
        }
        if (degree == null && institution == null) {
            return;
        }
        if (degree == null || institution == null) {
            warnings.add("education entry '" + (degree == null ? institution : degree).text()
                    + "' has no " + (degree == null ? "degree" : "institution") + "; left out");
            return;
        }
        String prefix = "education[" + entries.size() + "]";
        provenance.put(prefix + ".degree", degree.span());
        provenance.put(prefix + ".institution", institution.span());
        entries.add(new Resume.Education(limit(degree.text()), limit(institution.text()), date));
    }

    private static String limit(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }
}
