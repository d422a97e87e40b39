package com.talentpipeline.scoring.resume;

import java.util.Locale;
import java.util.Set;

/** Verbs recruiters and ATS guides expect at the start of an achievement line. */
final class ActionVerbs {

    private static final Set<String> VERBS = Set.of("achieved", "administered", "analyzed", "analysed", "architected",
            "automated", "built", "championed", "coached", "collaborated", "conducted", "configured", "coordinated",
            "created", "cut", "decreased", "defined", "delivered", "deployed", "designed", "developed", "directed",
            "drove", "engineered", "established", "evaluated", "executed", "expanded", "founded", "generated", "grew",
            "guided", "handled", "hired", "identified", "implemented", "improved", "increased", "initiated", "introduced",
            "launched", "led", "maintained", "managed", "mentored", "migrated", "modernized", "monitored", "negotiated",
            "optimized", "optimised", "organized", "owned", "performed", "planned", "prepared", "produced", "reduced",
            "redesigned", "refactored", "resolved", "restructured", "reviewed", "scaled", "secured", "shipped",
            "simplified", "spearheaded", "streamlined", "supervised", "taught", "tested", "trained", "transformed",
            "wrote", "assessed", "audited", "authored", "closed", "cared", "educated", "reconciled",
            "forecast", "forecasted", "ran", "partnered", "prototyped", "researched", "modelled", "modeled");

    private ActionVerbs() {
    }

    /** Whether the line starts with an action verb (after a bullet or dash). */
    public static boolean startsWithOne(String line) {
        String s = line.strip().replaceFirst("^[-*\u2022\\s]+", "");
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end > 0 && VERBS.contains(s.substring(0, end).toLowerCase(Locale.ROOT));
    }
}
