package com.talentpipeline.core.resume;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the date forms the resume schema allows, to month precision. */
public final class ResumeDates {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private ResumeDates() {
    }

    /** True for the word "present" (any case) that marks a current role. */
    public static boolean isPresent(String value) {
        return value != null && value.trim().equalsIgnoreCase("present");
    }

    /** The month of a date, or empty when it is not one of the allowed forms or not a real date. */
    public static Optional<YearMonth> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            if (m.group(3) != null) {
                LocalDate.of(year, month, Integer.parseInt(m.group(3))); // validates the day
            }
            if (year < 1900 || year > 2200) {
                return Optional.empty();
            }
            return Optional.of(YearMonth.of(year, month));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
