package com.talentpipeline.core.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperienceCalculatorTest {

    private static final YearMonth TODAY = YearMonth.of(2026, 11);

    private static Resume.WorkExperience role(String start, String end) {
        return new Resume.WorkExperience("Engineer", "Acme", start, end, List.of());
    }

    @Test
    void overlappingRolesAreCountedOnce() {
        // 2018-01..2020-12 (36 months) and 2020-01..2021-12 overlap by 12 months: union 48 months.
        double years = ExperienceCalculator.totalYears(
                List.of(role("2018-01", "2020-12"), role("2020-01", "2021-12")), TODAY);
        assertThat(years).isEqualTo(4.0);
    }

    @Test
    void presentCountsUpToToday() {
        assertThat(ExperienceCalculator.totalYears(List.of(role("2024-12", "present")), TODAY)).isEqualTo(2.0);
        assertThat(ExperienceCalculator.totalYears(List.of(role("2024-12", null)), TODAY)).isEqualTo(2.0);
    }

    @Test
    void gapsAreNotCountedAndBadDatesAreSkipped() {
        double years = ExperienceCalculator.totalYears(
                List.of(role("2010", "2010-12"), role("2015-01", "2015-12"), role("garbage", "2020")), TODAY);
        assertThat(years).isEqualTo(2.0);
    }

    @Test
    void noRolesIsZero() {
        assertThat(ExperienceCalculator.totalYears(List.of(), TODAY)).isZero();
    }

    @Test
    void datesParseToMonthPrecisionAndRejectNonsense() {
        assertThat(ResumeDates.parse("2019-03-15")).contains(YearMonth.of(2019, 3));
        assertThat(ResumeDates.parse("2019")).contains(YearMonth.of(2019, 1));
        assertThat(ResumeDates.parse("2019-13")).isEmpty();
        assertThat(ResumeDates.parse("2019-02-30")).isEmpty();
        assertThat(ResumeDates.parse("March 2019")).isEmpty();
        assertThat(ResumeDates.isPresent(" Present ")).isTrue();
    }
}
