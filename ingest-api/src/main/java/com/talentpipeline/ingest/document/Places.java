package com.talentpipeline.ingest.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places written next to a company or school ("Oracle -  Bangalore, Karnataka -", "Acme — Berlin")
 * and the candidate's own location in the contact block ("Pune, Maharashtra - Email me on ...").
 */
final class Places {

    /** "Name - City, Region -" or "Name — City": the name, then a short run of capitalised place words. */
    private static final Pattern TRAILING_PLACE = Pattern.compile(
            "^(.+?)\\s+[-–—]\\s+(\\p{Lu}[\\p{L}.' ]{1,40}(?:,\\s*\\p{L}[\\p{L}.' ]{1,40}){0,2})\\s*[-–—]?\\s*$");
    /** "Wipro Technologies (Bangalore, Karnataka)": a place in parentheses, with a comma. */
    private static final Pattern PAREN_PLACE = Pattern.compile(
            "^(.+?)\\s*\\((\\p{Lu}[\\p{L}.' ]{1,40},\\s*\\p{Lu}[\\p{L}.' ]{1,40})\\)\\s*$");
    /** A value with a dangling separator: "NIIT -". */
    private static final Pattern DANGLING = Pattern.compile("^(.+?)\\s*[-–—,]+\\s*$");
    /** "City, Region" (optionally a third part), alone or before " - ". */
    private static final Pattern CITY_REGION = Pattern.compile(
            "^(\\p{Lu}[\\p{L}.' ]{1,40}?),\\s*\\p{Lu}[\\p{L}.' ]{1,40}(?:,\\s*\\p{L}[\\p{L}.' ]{1,40})?\\s*(?:[-–—|].*)?$");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(?:current\\s+)?(?:location|address|city|based in|residence|place)\\s*[:\\-–]\\s*(.+)$");

    private Places() {
    }

    /** [value, place or null]: the value without a place written after it. */
    static Fragment[] cut(Fragment fragment) {
        Matcher paren = PAREN_PLACE.matcher(fragment.text());
        if (paren.matches()) {
            return new Fragment[] {sub(fragment, paren.start(1), paren.end(1)), sub(fragment, paren.start(2), paren.end(2))};
        }
        Matcher m = TRAILING_PLACE.matcher(fragment.text());
        if (m.matches() && !ResumeTextParser.isTitle(m.group(2)) && m.group(2).split("\\s+").length <= 6) {
            return new Fragment[] {sub(fragment, m.start(1), m.end(1)), sub(fragment, m.start(2), m.end(2))};
        }
        m = DANGLING.matcher(fragment.text());
        if (m.matches()) {
            return new Fragment[] {sub(fragment, m.start(1), m.end(1)), null};
        }
        return new Fragment[] {fragment, null};
    }

    /** The city of a contact line such as "Navi Mumbai, Maharashtra - Email me on Indeed" or "Location: Pune". */
    static Fragment city(Line line) {
        Matcher label = LABEL.matcher(line.text());
        if (label.matches()) {
            Line value = line.rest(label.start(1));
            String city = value.text().split("[,|\\-–]")[0].strip();
            return city.isEmpty() || !city.chars().anyMatch(Character::isLetter) ? null
                    : new Fragment(city, value.span(0, city.length()));
        }
        Matcher m = CITY_REGION.matcher(line.text());
        if (m.matches() && !ResumeTextParser.isTitle(m.group(1)) && m.group(1).split("\\s+").length <= 3) {
            return new Fragment(m.group(1).strip(), line.span(m.start(1), m.start(1) + m.group(1).strip().length()));
        }
        return null;
    }

    /** The first comma-separated part of a place ("Bangalore, Karnataka" gives "Bangalore"). */
    static Fragment firstPart(Fragment place) {
        int comma = place.text().indexOf(',');
        if (comma < 0) {
            return place;
        }
        String head = place.text().substring(0, comma).strip();
        return new Fragment(head, new Span(place.span().line(), place.span().start(), place.span().start() + head.length()));
    }

    private static Fragment sub(Fragment f, int from, int to) {
        String text = f.text().substring(from, to).strip();
        int lead = f.text().indexOf(text, from);
        return new Fragment(text, new Span(f.span().line(), f.span().start() + lead, f.span().start() + lead + text.length()));
    }
}
