package com.talentpipeline.ingest.document;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.skill.SkillVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Skills as people list them: comma or bullet lists in a skills section, "Label: a, b, c" lines
 * ("Languages: C, C++", "Tools: Jira"), durations ("Python (2 years)", "SQL- Experience - 6 months"),
 * and libraries in parentheses ("Python (pandas, numpy)"). A listed item that the vocabulary knows
 * gets its canonical name ("k8s" is Kubernetes); other short items are kept as written. Prose
 * lines in a skills section only yield the vocabulary's skills, since a sentence is not a skill.
 */
final class SkillExtractor {

    private static final int MAX_SKILLS = 300;
    /** Labels of lines that list skills, anywhere outside experience and education. */
    static final Pattern SKILL_LABEL = Pattern.compile(
            "(?i)^((?:[\\p{L}/&+\\-]+\\s+){0,4}(?:skills?|languages?|tools?|technolog(?:y|ies)|databases?|frameworks?"
                    + "|software|operating systems?|os|platforms?|packages?|ides?|libraries|middleware|scripting"
                    + "|methodolog(?:y|ies)|servers?|cloud|testing|proficiency|expertise|competenc(?:y|ies)"
                    + "|web|utilities|environment|version control|api|reporting|big data|erp|crm|devops"
                    + "|containers?|ci/cd|design|modules?|applications?|systems?|technical))\\s*[:：\\-–]\\s*(?=\\S)");
    private static final Pattern DURATION = Pattern.compile(
            "(?i)^(?:less than\\s+)?[\\d.+]*\\s*(?:years?|yrs?|months?|mos?)\\.?$|^(?:expert|advanced|intermediate|basic"
                    + "|beginner|proficient|good|fluent|native)$");
    private static final Pattern EXPERIENCE_SUFFIX = Pattern.compile(
            "(?i)\\s*-\\s*experience\\s*-\\s*(?:less than\\s+)?[\\d.]+\\s*(?:months?|years?)\\s*$");
    /** Between items: commas, semicolons, bars, bullets, tabs, wide gaps, "and", and numbering ("2. OOPS"). */
    private static final Pattern ITEM_SEPARATORS = Pattern.compile(
            "\\s*[,;|•·]\\s*|\\s*\\t\\s*|\\s{3,}|\\s+(?:and|&)\\s+|\\s+\\d{1,2}[.)]\\s+");
    private static final Set<String> NOT_SKILLS = Set.of("etc", "others", "other", "various", "basic", "good",
            "knowledge", "and", "the", "of", "in", "with", "less than 1 year", "skills");

    private final SkillVocabulary vocabulary;

    SkillExtractor(SkillVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Skills from the listing lines; when there are none, the vocabulary's skills in the whole text.
     *
     * @param listing lines of skills sections and skill label lines, in order
     */
    List<Resume.Skill> extract(String text, List<Line> listing, Map<String, Span> provenance, List<String> warnings) {
        List<Fragment> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Line line : listing) {
            if (!line.blank()) {
                fromLine(text, line, found, seen);
            }
        }
        if (found.isEmpty()) {
            warnings.add("no skills section found; skills were matched in the whole text");
            for (SkillVocabulary.Match match : vocabulary.find(text, 0, text.length())) {
                add(found, seen, new Fragment(match.skill(), new Span(lineOf(text, match.start()), match.start(),
                        match.end())));
            }
        }
        List<Resume.Skill> skills = new ArrayList<>();
        for (Fragment skill : found.subList(0, Math.min(found.size(), MAX_SKILLS))) {
            provenance.put("skills[" + skills.size() + "]", skill.span());
            skills.add(new Resume.Skill(skill.text(), null));
        }
        return skills;
    }

    private void fromLine(String text, Line line, List<Fragment> found, Set<String> seen) {
        // "SQL- Experience - 6 months" (a skills table exported as text): the skill is before the suffix.
        String whole = EXPERIENCE_SUFFIX.matcher(line.text()).replaceFirst("");
        Matcher label = SKILL_LABEL.matcher(whole);
        int from = label.find() ? label.end() : 0;
        String listedText = whole.substring(from).strip();
        if (listedText.isEmpty()) {
            return;
        }
        int start = line.start() + whole.indexOf(listedText, from);
        boolean listed = from > 0 || listedText.matches(".*[,;|•].*") || listedText.split("\\s+").length <= 5;
        if (!listed) {
            // A sentence in a skills section: only the skills the vocabulary recognises in it.
            for (SkillVocabulary.Match match : vocabulary.find(text, start, start + listedText.length())) {
                add(found, seen, new Fragment(match.skill(), new Span(line.number(), match.start(), match.end())));
            }
            return;
        }
        List<Fragment> items = items(new Fragment(listedText, new Span(line.number(), start, start + listedText.length())));
        long wordy = items.stream().filter(i -> i.text().split("\\s+").length >= 3).count();
        if (from == 0 && listedText.split("\\s+").length >= 12 && wordy * 2 > items.size()) {
            // Comma-separated prose ("It provides services, tools, software for ..."): not a list.
            for (SkillVocabulary.Match match : vocabulary.find(text, start, start + listedText.length())) {
                add(found, seen, new Fragment(match.skill(), new Span(line.number(), match.start(), match.end())));
            }
            return;
        }
        for (Fragment item : items) {
            item(text, item, found, seen);
        }
    }

    /** Splits on separators at parenthesis depth 0; "X (a, b)" gives X, a and b unless (a, b) is a duration. */
    private static List<Fragment> items(Fragment f) {
        String s = f.text();
        List<Fragment> out = new ArrayList<>(outside(f, 0, s.length()));
        int depth = 0;
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if ((c == ')' || c == ']') && depth > 0 && --depth == 0
                    && !DURATION.matcher(s.substring(open + 1, i).strip()).matches()) {
                out.addAll(pieces(f, open + 1, i));
            }
        }
        return out;
    }

    /** The text of [from, to) outside parentheses, cut at separators. */
    private static List<Fragment> outside(Fragment f, int from, int to) {
        String s = f.text();
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            }
            // Parenthesised text becomes a separator, so positions stay aligned.
            plain.append(depth > 0 ? ',' : c);
            if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return pieces(new Fragment(plain.toString(), new Span(f.span().line(), f.span().start() + from,
                f.span().start() + to)), 0, plain.length());
    }

    private static List<Fragment> pieces(Fragment f, int from, int to) {
        List<Fragment> out = new ArrayList<>();
        String s = f.text().substring(from, to);
        Matcher sep = ITEM_SEPARATORS.matcher(s);
        int last = 0;
        while (true) {
            boolean more = sep.find();
            int end = more ? sep.start() : s.length();
            String raw = s.substring(last, end);
            String item = raw.replaceAll("^[\\s\\-–:.*>]+|[\\s\\-–:.*]+$", "");
            if (!item.isEmpty()) {
                int lead = raw.indexOf(item);
                int start = f.span().start() + from + last + lead;
                out.add(new Fragment(item, new Span(f.span().line(), start, start + item.length())));
            }
            if (!more) {
                return out;
            }
            last = sep.end();
        }
    }

    private void item(String text, Fragment item, List<Fragment> found, Set<String> seen) {
        String value = item.text();
        String canonical = vocabulary.canonical(value);
        if (canonical != null) {
            add(found, seen, new Fragment(canonical, item.span()));
            return;
        }
        int words = value.split("\\s+").length;
        if (words > 5 || value.length() > 50 || value.chars().noneMatch(Character::isLetter) || value.contains("://")
                || value.startsWith("www.") || DateRanges.find(value).isPresent()
                || NOT_SKILLS.contains(value.toLowerCase(Locale.ROOT))) {
            // Too long for one skill: keep what the vocabulary recognises inside it.
            for (SkillVocabulary.Match match : vocabulary.find(text, item.span().start(), item.span().end())) {
                add(found, seen, new Fragment(match.skill(), new Span(item.span().line(), match.start(), match.end())));
            }
            return;
        }
        add(found, seen, item);
    }

    private static void add(List<Fragment> found, Set<String> seen, Fragment skill) {
        if (seen.add(skill.text().toLowerCase(Locale.ROOT))) {
            found.add(skill);
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
