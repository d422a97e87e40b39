package com.talentpipeline.ingest.document;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date ranges such as "Jan 2019 - Present", "2017-2019", "03/2020 to 06/2021" or
 * "2018.04 – 2020.11" in a line and normalises both ends to {@code YYYY-MM}, {@code YYYY} when the
 * text gives only a year (a month is never invented), or {@code present}.
 */
final class DateRanges {

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    /**
     * One date: "Jan 2019", "January, 2019", "July-2018", "Jan'18" is not (two-digit years are too
     * ambiguous alone), "03/2020", "3/2020", "2020-03", "2020.03", "2019".
     */
    private static final String DATE = "(?:" + MONTH + "\\s*[,\\-'’]?\\s*\\d{4}|\\d{1,2}[/.]\\d{4}"
            + "|\\d{4}[-/.]\\d{1,2}(?!\\d)|\\d{4})";
    private static final String OPEN_END = "(?:present|current(?:ly)?|now|today|ongoing|to date|till date|till now"
            + "|date|continuing|running)";
    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\p{Alnum}])(" + DATE + ")\\s*(?:-|–|—|to|until|till|through|thru|upto|up to)\\s*(" + DATE + "|"
                    + OPEN_END + ")(?![\\p{Alnum}])",
            Pattern.CASE_INSENSITIVE);
    /** An academic or fiscal year written "2015-16" or "2015/16": 2015 to 2016. */
    private static final Pattern SHORT_END = Pattern.compile("(?<![\\p{Alnum}])(\\d{4})\\s*[-–/]\\s*(\\d{2})(?![\\p{Alnum}/.-])");
    /** An open range with only its start: "since 2019", "since March 2019", "from 2019 onwards". */
    private static final Pattern SINCE = Pattern.compile(
            "(?<![\\p{Alnum}])(?:since|from)\\s+(" + DATE + ")(?:\\s+(?:onwards?|till now|till date|to date))?"
                    + "(?![\\p{Alnum}])", Pattern.CASE_INSENSITIVE);
    /** A single date on a line, e.g. a graduation "May 2016" or "2016". */
    private static final Pattern SINGLE = Pattern.compile("(?<![\\p{Alnum}])(" + DATE + ")(?![\\p{Alnum}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR = Pattern.compile("(" + MONTH + ")\\s*[,\\-'’]?\\s*(\\d{4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_MONTH_FIRST = Pattern.compile("(\\d{1,2})[/.](\\d{4})");
    private static final Pattern NUMERIC_YEAR_FIRST = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private DateRanges() {
    }

    /**
     * The first plausible date range in {@code text}, or empty: a full range, else an academic year
     * ("2015-16"), else an open one ("since 2019", which ends {@code present}).
     */
    public static Optional<Range> find(String text) {
        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            Optional<String> start = normalise(m.group(1));
            Optional<String> end = normalise(m.group(2));
            if (start.isPresent() && end.isPresent() && ordered(start.get(), end.get())) {
                return Optional.of(new Range(start.get(), end.get(), m.start(), m.end()));
            }
        }
        m = SHORT_END.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            int end = Integer.parseInt(m.group(2));
            // "2015-16" is a year range only when the second number is the next year (or one after);
            // "2015-03" stays a month.
            int full = year - year % 100 + end;
            if (plausibleYear(year) && (full == year + 1 || full == year + 2)) {
                return Optional.of(new Range(m.group(1), String.valueOf(full), m.start(), m.end()));
            }
        }
        m = SINCE.matcher(text);
        while (m.find()) {
            Optional<String> start = normalise(m.group(1));
            if (start.isPresent() && !start.get().equals("present")) {
                return Optional.of(new Range(start.get(), "present", m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** An end before the start is a misread, e.g. a phone number split as "2019 - 1998". */
    private static boolean ordered(String start, String end) {
        return end.equals("present") || end.compareTo(start.substring(0, Math.min(start.length(), end.length()))) >= 0;
    }

    /** The last single date in {@code text} (a graduation date is usually the end of a range), or empty. */
    public static Optional<Range> findLastDate(String text) {
        Matcher m = SINGLE.matcher(text);
        Range last = null;
        while (m.find()) {
            Optional<String> date = normalise(m.group(1));
            if (date.isPresent() && !date.get().equals("present")) {
                last = new Range(date.get(), date.get(), m.start(), m.end());
            }
        }
        return Optional.ofNullable(last);
    }

    /** One date to {@code YYYY-MM}, {@code YYYY} or {@code present}; empty when it is not a real date. */
    public static Optional<String> normalise(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.matches(OPEN_END)) {
            return Optional.of("present");
        }
        Matcher m = MONTH_YEAR.matcher(value);
        if (m.matches()) {
            return yearMonth(m.group(2), monthNumber(m.group(1)));
        }
        m = NUMERIC_MONTH_FIRST.matcher(value);
        if (m.matches()) {
            return yearMonth(m.group(2), Integer.parseInt(m.group(1)));
        }
        m = NUMERIC_YEAR_FIRST.matcher(value);
        if (m.matches()) {
            return yearMonth(m.group(1), Integer.parseInt(m.group(2)));
        }
        if (YEAR.matcher(value).matches()) {
            int year = Integer.parseInt(value);
            return plausibleYear(year) ? Optional.of(value) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> yearMonth(String yearText, int month) {
        int year = Integer.parseInt(yearText);
        if (!plausibleYear(year) || month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of("%04d-%02d".formatted(year, month));
    }

    /** Resume years: 1950 to a few years ahead (expected graduation); phone or ZIP digits are not years. */
    private static boolean plausibleYear(int year) {
        return year >= 1950 && year <= java.time.Year.now().getValue() + 6;
    }

    private static int monthNumber(String name) {
        String key = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return switch (key) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    /**
     * A date range found in a line.
     *
     * @param start normalised start
     * @param end   normalised end or {@code present}
     * @param from  first character of the range in the searched text
     * @param to    one past its last character
     */
    public record Range(String start, String end, int from, int to) {
    }
}
