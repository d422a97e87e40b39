package com.talentpipeline.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRangesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Jan 2019 - Present; 2019-01; present",
            "January 2019 – Current; 2019-01; present",
            "2017-2019; 2017; 2019",
            "2017 - 2019; 2017; 2019",
            "03/2020 to 06/2021; 2020-03; 2021-06",
            "3/2020 until 6/2021; 2020-03; 2021-06",
            "2018.04 – 2020.11; 2018-04; 2020-11",
            "2020-03 - 2021-06; 2020-03; 2021-06",
            "Sept 2014 — Dec. 2016; 2014-09; 2016-12",
            "Engineer, Acme (Feb 2010 - Mar 2012); 2010-02; 2012-03",
            "Jan 2018 to Present; 2018-01; present",
            "July-2018 to April 2019; 2018-07; 2019-04",
            "2015-16; 2015; 2016",
            "2016 till now; 2016; present",
            "March 2016 to till date; 2016-03; present",
            "since 2019; 2019; present",
            "Working here since Jun 2020; 2020-06; present",
    })
    void normalisesRanges(String text, String start, String end) {
        var range = DateRanges.find(text).orElseThrow();
        assertThat(range.start()).isEqualTo(start);
        assertThat(range.end()).isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"+1 415 555 0134", "Built 3 services", "13/2020 - 14/2021", "1234-5678", "2019 - 2017", "2020-03"})
    void ignoresWhatIsNotADateRange(String text) {
        assertThat(DateRanges.find(text)).isEmpty();
    }
}
