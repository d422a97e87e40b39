package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsMetricNamesAndSkipsFunctionsLabelsAndGrouping() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (type, le) "
                + "(rate(pipeline_task_latency_seconds_bucket{state=\"SUCCEEDED\"}[$__rate_interval])))"))
                .containsExactly("pipeline_task_latency_seconds_bucket");
        assertThat(PromQl.metricNames("sum by (kind) (rate(a_total{result=\"hit\"}[5m])) / on (kind) "
                + "group_left sum by (kind) (rate(b_total[5m])) > 0.5 and up{job=\"x\"} == 0"))
                .containsExactly("a_total", "b_total", "up");
        assertThat(PromQl.metricNames("max by (service) (deriv(lag_max[10m])) > 1e3"))
                .containsExactly("lag_max");
    }

    @Test
    void histogramSuffixesFoldToTheBaseName() {
        assertThat(PromQl.candidates("x_seconds_bucket")).containsExactly("x_seconds_bucket", "x_seconds");
        assertThat(PromQl.candidates("x_total")).containsExactly("x_total");
    }
}
