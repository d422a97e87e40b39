package com.talentpipeline.localstack.infra;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the metric names a PromQL expression reads. Not a full PromQL parser: it strips string
 * literals, label matchers ({@code {...}}), grouping clauses ({@code by (...)}, {@code on (...)},
 * ...), range/offset selectors and durations, then keeps every identifier that is not a PromQL
 * keyword, function or aggregation. That is exact for the expressions the dashboards and rules use
 * and errs on the side of reporting too many names (a test then fails loudly, never silently).
 */
public final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            // aggregation operators and modifiers
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "and", "or", "unless", "limitk", "limit_ratio",
            // functions
            "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min",
            "day_of_month", "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor",
            "histogram_quantile", "histogram_count", "histogram_sum", "histogram_avg", "holt_winters", "hour",
            "idelta", "increase", "irate", "label_join", "label_replace", "ln", "log2", "log10", "minute",
            "month", "predict_linear", "rate", "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt",
            "time", "timestamp", "vector", "year", "avg_over_time", "min_over_time", "max_over_time",
            "sum_over_time", "count_over_time", "quantile_over_time", "stddev_over_time", "stdvar_over_time",
            "last_over_time", "present_over_time", "inf", "nan");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GRAFANA_VARS = Pattern.compile("\\$\\{?\\w+(:\\w+)?\\}?");
    private static final Pattern IDENT = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private PromQl() {
    }

    /** @return the metric names {@code expr} selects, in order of appearance */
    public static Set<String> metricNames(String expr) {
        String s = STRINGS.matcher(expr).replaceAll(" ");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        s = RANGES.matcher(s).replaceAll(" ");
        s = GRAFANA_VARS.matcher(s).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String ident = m.group(1);
            // Numbers such as 1e3 start with a digit and are never matched; durations were in [].
            if (!KEYWORDS.contains(ident.toLowerCase(java.util.Locale.ROOT))) {
                names.add(ident);
            }
        }
        return names;
    }

    /** @return the name a scraped series must have for {@code name} to exist (histogram suffixes folded) */
    public static Set<String> candidates(String name) {
        Set<String> c = new LinkedHashSet<>();
        c.add(name);
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                c.add(name.substring(0, name.length() - suffix.length()));
            }
        }
        return c;
    }
}
