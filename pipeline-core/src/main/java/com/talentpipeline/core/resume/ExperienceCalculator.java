package com.talentpipeline.core.resume;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Total years of experience: the union of all role date ranges in months, so overlapping roles are
 * not counted twice, with "present" (or a missing end) counted up to the given month.
 */
public final class ExperienceCalculator {

    private ExperienceCalculator() {
    }

    /** Years (one decimal) covered by the roles' date ranges, up to {@code today}. */
    public static double totalYears(List<Resume.WorkExperience> roles, YearMonth today) {
        List<long[]> ranges = new ArrayList<>();
        for (Resume.WorkExperience role : roles) {
            Optional<YearMonth> start = ResumeDates.parse(role.startDate());
            if (start.isEmpty()) {
                continue;
            }
            YearMonth end = role.endDate() == null || ResumeDates.isPresent(role.endDate())
                    ? today
                    : ResumeDates.parse(role.endDate()).orElse(null);
            if (end == null) {
                continue;
            }
            if (end.isAfter(today)) {
                end = today;
            }
            long from = index(start.get());
            long to = index(end) + 1; // a role from Jan to Jan counts one month
            if (to > from) {
                ranges.add(new long[] {from, to});
            }
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        long months = 0;
        long curStart = -1;
        long curEnd = -1;
        for (long[] r : ranges) {
            if (r[0] > curEnd) {
                months += curEnd - curStart;
                curStart = r[0];
                curEnd = r[1];
            } else {
                curEnd = Math.max(curEnd, r[1]);
            }
        }
        months += curEnd - curStart;
        return Math.round(months / 12.0 * 10) / 10.0;
    }

    private static long index(YearMonth month) {
        return ChronoUnit.MONTHS.between(YearMonth.of(1900, 1), month);
    }
}
