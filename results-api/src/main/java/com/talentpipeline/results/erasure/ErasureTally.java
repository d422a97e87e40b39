package com.talentpipeline.results.erasure;

import com.talentpipeline.core.erasure.ErasurePlan;
import com.talentpipeline.core.erasure.ErasureReport;
import com.talentpipeline.core.json.PipelineJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of one erasure task: which of the listed participants have reported on every listed resume,
 * and the result document. A report is counted once per (participant, resume): a re-delivered event's
 * second report (zeros) changes nothing. Reports of participants the plan does not list are shown but
 * not waited for.
 *
 * @param plan    what the task waits for
 * @param reports the reports recorded so far
 */
record ErasureTally(ErasurePlan plan, List<ErasureReport> reports) {

    /** Counts that are not table rows: Redis entries and in-memory index entries. */
    private static final Set<String> NOT_ROWS = Set.of("cache_keys", "index_entries");

    ErasureTally {
        reports = List.copyOf(reports);
    }

    /** The listed participants still missing a report on at least one resume, in the plan's order. */
    List<String> missing() {
        Set<String> reported = new HashSet<>();
        reports.forEach(r -> reported.add(r.participant() + "\u0000" + r.subject()));
        List<String> missing = new ArrayList<>();
        for (String participant : plan.participants()) {
            if (plan.resumes().stream().anyMatch(resume -> !reported.contains(participant + "\u0000" + resume))) {
                missing.add(participant);
            }
        }
        return missing;
    }

    /** Whether every listed participant reported on every resume. */
    boolean complete() {
        return missing().isEmpty();
    }

    /** Share of the expected reports received, 0-99 while waiting (100 is for the finished task). */
    int progress() {
        int expected = plan.participants().size() * plan.resumes().size();
        if (expected == 0) {
            return 99;
        }
        Set<String> listed = Set.copyOf(plan.participants());
        Set<String> resumes = Set.copyOf(plan.resumes());
        long received = reports.stream()
                .filter(r -> listed.contains(r.participant()) && resumes.contains(r.subject()))
                .map(r -> r.participant() + "\u0000" + r.subject())
                .distinct()
                .count();
        return (int) Math.min(99, received * 100 / expected);
    }

    /** Per participant, what it removed over all resumes (the listed ones always present, then others). */
    Map<String, Map<String, Long>> perParticipant() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        plan.participants().forEach(p -> out.put(p, new TreeMap<>()));
        Set<String> seen = new HashSet<>();
        for (ErasureReport report : reports) {
            if (!seen.add(report.participant() + "\u0000" + report.subject())) {
                continue; // the ledger keeps one per pair; be safe with a list that has more
            }
            Map<String, Long> counts = out.computeIfAbsent(report.participant(), p -> new TreeMap<>());
            report.counts().forEach((name, n) -> counts.merge(name, n, Long::sum));
        }
        return out;
    }

    /**
     * The task's result: {@code resumes}, {@code participants} (per participant, its counts), {@code rows}
     * (per table, over all participants), {@code files}, {@code cacheKeysEvicted}, {@code tombstones},
     * {@code events}, and {@code missing} when some participant did not report.
     */
    ObjectNode result() {
        Map<String, Map<String, Long>> perParticipant = perParticipant();
        Map<String, Long> rows = new TreeMap<>();
        long cacheKeys = 0;
        for (Map<String, Long> counts : perParticipant.values()) {
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                if (count.getKey().equals("cache_keys")) {
                    cacheKeys += count.getValue();
                } else if (!NOT_ROWS.contains(count.getKey())) {
                    rows.merge(count.getKey(), count.getValue(), Long::sum);
                }
            }
        }
        var mapper = PipelineJson.mapper();
        ObjectNode result = mapper.createObjectNode();
        result.set("resumes", mapper.valueToTree(plan.resumes()));
        result.set("participants", mapper.valueToTree(perParticipant));
        result.set("rows", mapper.valueToTree(rows));
        result.put("files", rows.getOrDefault("resume_files", 0L));
        result.put("cacheKeysEvicted", cacheKeys);
        result.set("tombstones", mapper.valueToTree(plan.tombstones()));
        result.set("events", mapper.valueToTree(plan.events()));
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            result.set("missing", mapper.valueToTree(missing));
        }
        return result;
    }
}
