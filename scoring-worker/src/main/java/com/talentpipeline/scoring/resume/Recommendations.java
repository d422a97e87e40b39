package com.talentpipeline.scoring.resume;

import java.util.Map;

/** The advice for a rule that gave less than half its points. */
final class Recommendations {

    private static final Map<String, String> BY_RULE = Map.ofEntries(
            Map.entry("contact.email", "Add a professional e-mail address."),
            Map.entry("contact.phone", "Add a phone number so recruiters can call you."),
            Map.entry("summary", "Write a 3-4 sentence summary (30+ words) naming your role, years and strongest skills."),
            Map.entry("skills.listed", "List at least 6 relevant skills."),
            Map.entry("experience.listed", "Add your work experience, internships or projects as roles."),
            Map.entry("experience.detailed", "Describe at least 2 responsibilities or achievements per role."),
            Map.entry("education.listed", "Add your education."),
            Map.entry("certifications.listed", "Add certifications relevant to your target role."),
            Map.entry("experience.years", "Count internships, freelance work and projects with dates to show your experience."),
            Map.entry("experience.quantified", "Quantify achievements with numbers: percentages, amounts, team sizes, users."),
            Map.entry("experience.action_verbs", "Start each achievement with an action verb (led, built, reduced, improved)."),
            Map.entry("experience.progression", "Show growth: responsibilities you led or owned, and promotions."),
            Map.entry("skills.count", "List at least 10 skills, tools and methods you use."),
            Map.entry("skills.proficiency", "State a proficiency level (e.g. Expert, Advanced) for each skill."),
            Map.entry("skills.evidenced", "Show your listed skills in your summary and role descriptions, not only in the skills list."),
            Map.entry("certifications.count", "Earn and list certifications for your field (2 or more)."),
            Map.entry("certifications.issuer", "Name the issuing organisation of each certification."),
            Map.entry("certifications.relevant", "Prefer certifications that match your skills or target role."));

    private Recommendations() {
    }

    static String forRule(String rule) {
        return BY_RULE.getOrDefault(rule, "Improve " + rule + ".");
    }
}
