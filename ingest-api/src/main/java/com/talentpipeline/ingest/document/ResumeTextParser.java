package com.talentpipeline.ingest.document;

import com.talentpipeline.core.email.EmailAddresses;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.resume.Resume;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a resume's plain text into the {@link Resume} schema with rules, not a model: sections by
 * their headings (capitals, title case, with or without a colon, glued to the previous line, or
 * followed by content on the same line), contact details by pattern, skills from the lists people
 * write ({@link SkillExtractor}), roles by their date ranges or labels ({@link ExperienceParser}),
 * degrees by blocks ({@link EducationParser}). Every value carries the span it came from, and what
 * could not be found becomes a warning instead of a guess: a resume without a name, e-mail or phone
 * is still a resume.
 */
public final class ResumeTextParser {

    /**
     * An ASCII address, which may have invisible format characters (zero-width, bidi, soft hyphen)
     * inside: they are dropped from what is kept. It must not start or end inside a word, so that an
     * address with a look-alike letter ({@code jаne@...}, Cyrillic a) is not cut to a fragment.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])(?:[A-Za-z0-9._%+-]|\\p{Cf})+@(?:[A-Za-z0-9.-]|\\p{Cf})+\\.[A-Za-z]{2,}(?![\\p{L}\\p{N}])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\(?\\d[\\d ().-]{7,}\\d(?!\\w)");
    /**
     * Links: with a scheme or www, or a bare "domain.tld/path" (a job-board profile such as
     * "indeed.com/r/Name/123", LinkedIn, GitHub). A profile link is a link, never an e-mail.
     */
    private static final Pattern URL = Pattern.compile(
            "(?:https?://|www\\.)[^\\s|,;]+|(?<![\\w.@/])(?:[a-z0-9-]+\\.)+(?:com|in|io|me|org|net|dev|co|uk|de)/[^\\s|,;]+",
            Pattern.CASE_INSENSITIVE);
    /** The rest of a link broken at the end of a line ("indeed.com/r/Jay-" then "Madhavi/1e7d..."). */
    private static final Pattern LINK_TAIL = Pattern.compile("^[\\w\\-./?=&%]+$");
    private static final Pattern TITLE_WORDS = Pattern.compile(
            "(?i)\\b(engineer|developer|manager|analyst|scientist|designer|architect|lead|consultant|intern"
                    + "|director|administrator|specialist|officer|head|president|vp|cto|ceo|programmer|researcher"
                    + "|technician|coordinator|associate|sre|devops|tester|qa|owner|founder|advocate|trainee"
                    + "|executive|accountant|auditor|supervisor|assistant|clerk|teacher|lecturer|professor"
                    + "|representative|advisor|adviser|partner|expert|operator|agent|recruiter|controller"
                    + "|professional|member|fresher|student|secretary|attorney|lawyer|nurse|doctor|chef"
                    + "|editor|writer|trainer|instructor|mentor|support|sales|engineering|administrator)\\b");
    private static final int MAX_LINKS = 10;
    /** Where a headline's title ends: "Analyst - Acme", "Engineer at Acme", "Engineer with 5 years of ...". */
    private static final Pattern HEADLINE_END = Pattern.compile(
            "\\s+[-–—|]\\s+|\\s+(?:at|@|with|having)\\s+|\\s*,\\s*");

    private final SkillExtractor skills;

    public ResumeTextParser(SkillVocabulary vocabulary) {
        this.skills = new SkillExtractor(vocabulary);
    }

    /** A line that cannot be part of a skills list: a date range, or a project/role label. */
    private static boolean endsSkillList(Line line) {
        return DateRanges.find(line.text()).isPresent()
                || line.text().matches("(?i)^(?:project\\s*\\d*|client|title|description|roles?|responsibilit(?:y|ies)"
                        + "|team size|duration|company|organi[sz]ation|designation)\\b\\s*(?:[:\\-–&].*|\\d.*)?$");
    }

    /** Whether the text reads like a job title (has a job-title word). */
    static boolean isTitle(String text) {
        return TITLE_WORDS.matcher(text).find();
    }

    /** Parses the text; never throws on odd input (it only yields fewer fields and more warnings). */
    public ParsedResume parse(String text) {
        List<Line> lines = Line.split(text);
        Map<String, Span> provenance = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<Section, List<Line>> sections = new EnumMap<>(Section.class);
        List<Line> header = new ArrayList<>();
        List<Line> skillLines = new ArrayList<>();
        Section current = null;
        for (Line line : lines) {
            Optional<Section> heading = Section.heading(line);
            if (heading.isPresent()) {
                current = heading.get();
                sections.computeIfAbsent(current, s -> new ArrayList<>());
                continue;
            }
            Optional<Section.Headed> headed = Section.headingWithContent(line);
            if (headed.isPresent() && headed.get().section() != Section.OTHER) {
                Section target = headed.get().section();
                if (target == Section.SKILLS) {
                    skillLines.add(headed.get().content());
                }
                // "Skills: Java, SQL" inside a role lists that role's skills; it does not end the role list.
                if (current == null || current == Section.SUMMARY || current == Section.OTHER || current == Section.SKILLS
                        || target == current) {
                    current = target;
                }
                sections.computeIfAbsent(target, s -> new ArrayList<>()).add(headed.get().content());
                continue;
            }
            if (current == Section.SKILLS && !line.blank() && endsSkillList(line)) {
                // A project or role written under the skills without a heading: the list has ended.
                current = Section.OTHER;
                sections.computeIfAbsent(current, s -> new ArrayList<>());
            }
            (current == null ? header : sections.get(current)).add(line);
            if (current == Section.SKILLS || (current != Section.EXPERIENCE && current != Section.EDUCATION
                    && !line.bullet() && SkillExtractor.SKILL_LABEL.matcher(line.text()).find())) {
                if (!line.blank()) {
                    skillLines.add(line);
                }
            }
        }
        List<Line> headerLines = header.stream().filter(l -> !l.blank()).toList();

        String email = EmailAddresses.withoutInvisible(find(EMAIL, text, "email", provenance));
        List<Line> contactLines = headerLines.isEmpty() ? lines : headerLines;
        String phone = findPhone(contactLines, provenance);
        List<String> links = findLinks(lines, contactLines, provenance);
        Line[] nameLine = new Line[1];
        String[] name = name(headerLines, provenance, nameLine);
        if (name[0] == null) {
            warnings.add("no name found");
        }
        if (email == null) {
            warnings.add(links.isEmpty() ? "no email address found"
                    : "no email address found; the contact link " + links.get(0) + " is kept in links");
        }
        if (phone == null) {
            warnings.add("no phone number found");
        }
        String[] headline = headline(headerLines, nameLine[0], provenance);
        String location = location(headerLines, lines, provenance);
        String summary = summary(sections.get(Section.SUMMARY), headerLines, nameLine[0], provenance);
        List<Resume.Skill> skillList = skills.extract(text, skillLines, provenance, warnings);
        List<String> undated = new ArrayList<>();
        ExperienceParser.Result experience = ExperienceParser.parse(
                sections.getOrDefault(Section.EXPERIENCE, List.of()), provenance, warnings, undated);
        if (!sections.containsKey(Section.EXPERIENCE)) {
            warnings.add("no work experience section found");
        }
        EducationParser.Result education = EducationParser.parse(sections.getOrDefault(Section.EDUCATION, List.of()),
                provenance, warnings);
        List<Resume.Certification> certifications = certifications(
                sections.getOrDefault(Section.CERTIFICATIONS, List.of()).stream().filter(l -> !l.blank()).toList(),
                provenance);
        List<String> places = new ArrayList<>();
        experience.places().forEach(p -> places.add(Places.firstPart(p).text()));
        education.places().forEach(p -> places.add(Places.firstPart(p).text()));

        if (summary == null && skillList.isEmpty() && experience.roles().isEmpty() && education.entries().isEmpty()
                && certifications.isEmpty()) {
            // Readable text in no layout the rules know: keep it as the summary rather than refuse it.
            summary = limit(text.strip(), 10_000);
            provenance.put("summary", new Span(1, text.indexOf(text.strip()), text.indexOf(text.strip()) + summary.length()));
            warnings.add("no resume sections recognised; the text is kept as the summary");
        }
        Resume resume = new Resume(name[0], name[1], email, phone, summary, skillList, experience.roles(),
                education.entries(), certifications);
        return new ParsedResume(resume, links, warnings, provenance, undated, headline[0], headline[1], location,
                List.copyOf(places));
    }

    // ---- contact --------------------------------------------------------------------------------

    private static String find(Pattern pattern, String text, String field, Map<String, Span> provenance) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        provenance.put(field, new Span(lineOf(text, m.start()), m.start(), m.end()));
        return m.group();
    }

    private static String findPhone(List<Line> lines, Map<String, Span> provenance) {
        for (Line line : lines) {
            Matcher m = PHONE.matcher(line.text());
            while (m.find()) {
                String candidate = m.group().strip();
                long digits = candidate.chars().filter(Character::isDigit).count();
                // 9-15 digits (E.164) and not a date range such as "2017 - 2019".
                if (digits >= 9 && digits <= 15 && DateRanges.find(candidate).isEmpty()) {
                    provenance.put("phone", line.span(m.start(), m.start() + candidate.length()));
                    return candidate.length() > 40 ? candidate.substring(0, 40) : candidate;
                }
            }
        }
        return null;
    }

    /** Links of the contact block, first; a link cut at a line end is joined with its tail on the next line. */
    private static List<String> findLinks(List<Line> all, List<Line> contactLines, Map<String, Span> provenance) {
        List<String> links = new ArrayList<>();
        for (Line line : contactLines) {
            Matcher m = URL.matcher(line.text());
            while (m.find() && links.size() < MAX_LINKS) {
                String link = m.group().replaceAll("[.)\\]]+$", "");
                int end = line.start() + m.start() + link.length();
                if ((link.endsWith("/") || link.endsWith("-")) && m.end() == line.text().length()) {
                    Line next = nextNonBlank(all, line);
                    if (next != null && !next.bullet() && LINK_TAIL.matcher(next.text()).matches()) {
                        link = link + next.text().replaceAll("[.)\\]]+$", "");
                        end = next.start() + next.text().replaceAll("[.)\\]]+$", "").length();
                    }
                }
                if (!links.contains(link)) {
                    provenance.putIfAbsent("links[" + links.size() + "]",
                            new Span(line.number(), line.start() + m.start(), end));
                    links.add(link);
                }
            }
        }
        return links;
    }

    private static Line nextNonBlank(List<Line> all, Line line) {
        int at = all.indexOf(line);
        for (int i = at + 1; i < all.size() && i <= at + 2; i++) {
            if (!all.get(i).blank()) {
                return all.get(i);
            }
        }
        return null;
    }

    /** The first header line that reads like a person's name: 2-5 words, letters only, no contact details. */
    private static String[] name(List<Line> header, Map<String, Span> provenance, Line[] at) {
        for (Line line : header.subList(0, Math.min(header.size(), 5))) {
            String candidate = line.text().replaceFirst("(?i)^name\\s*:\\s*", "").strip();
            String[] words = candidate.split("\\s+");
            if (words.length >= 2 && words.length <= 5 && candidate.length() <= 60
                    && candidate.matches("[\\p{L}][\\p{L}'.\\- ]*") && !isTitle(candidate)
                    && Section.heading(line).isEmpty()) {
                int offset = line.text().indexOf(candidate);
                provenance.put("firstName", line.span(offset, offset + words[0].length()));
                provenance.put("lastName", line.span(offset + candidate.length() - words[words.length - 1].length(),
                        offset + candidate.length()));
                at[0] = line;
                String first = capitalise(words[0]);
                String last = capitalise(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)));
                return new String[] {first, last};
            }
        }
        return new String[] {null, null};
    }

    /** The title line under the name ("Senior Software Engineer", "Analyst - Acme"): [title, employer or null]. */
    private static String[] headline(List<Line> header, Line nameLine, Map<String, Span> provenance) {
        int at = nameLine == null ? -1 : header.indexOf(nameLine);
        for (int i = at + 1; i < Math.min(header.size(), at + 3); i++) {
            Line line = header.get(i);
            String text = line.text();
            if (text.length() > 100 || text.contains("@") || URL.matcher(text).find() || !isTitle(text)
                    || text.endsWith(".") || text.split("\\s+").length > 12) {
                continue;
            }
            boolean sentence = Character.isLowerCase(text.charAt(0)) && text.split("\\s+").length > 4;
            if (sentence || text.matches("(?i)^(?:have|has|having|worked|working|i)\\b.*")) {
                continue; // a sentence about the person, not a title line
            }
            Matcher dash = HEADLINE_END.matcher(text);
            boolean cut = dash.find();
            int end = cut ? dash.start() : text.length();
            String title = text.substring(0, end).strip();
            if (!isTitle(title)) {
                continue;
            }
            provenance.put("headline", line.span(0, title.length()));
            String employer = null;
            String sep = cut ? dash.group().strip() : "";
            if (cut && !sep.equals(",") && !sep.equals("with") && !sep.equals("having")) {
                String rest = Places.cut(new Fragment(text.substring(dash.end()).strip(), line.span(dash.end(),
                        text.length())))[0].text();
                if (ExperienceParser.plausibleCompany(rest) && !rest.isBlank()) {
                    employer = limit(rest, 200);
                    provenance.put("employer", line.span(text.indexOf(rest, dash.end()),
                            text.indexOf(rest, dash.end()) + rest.length()));
                }
            }
            return new String[] {limit(title, 200), employer};
        }
        return new String[] {null, null};
    }

    /** The candidate's city: a "City, Region" line or a "Location:" label in the contact block. */
    private static String location(List<Line> header, List<Line> all, Map<String, Span> provenance) {
        for (Line line : header.subList(0, Math.min(header.size(), 8))) {
            Fragment city = Places.city(line);
            if (city != null) {
                provenance.put("location", city.span());
                return limit(city.text(), 200);
            }
        }
        for (Line line : all) {
            if (line.text().matches("(?i)^(?:current\\s+)?(?:location|address|city)\\s*[:\\-–].+")) {
                Fragment city = Places.city(line);
                if (city != null) {
                    provenance.put("location", city.span());
                    return limit(city.text(), 200);
                }
            }
        }
        return null;
    }

    /** "JANE" -> "Jane"; mixed-case names are kept as written ("McDonald", "van der Berg"). */
    private static String capitalise(String word) {
        if (!word.equals(word.toUpperCase(Locale.ROOT))) {
            return word;
        }
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '\'';
        }
        return out.toString();
    }

    // ---- summary ------------------------------------------------------------------------------

    /** The summary section, else the prose paragraph of the header (job-board exports have no heading for it). */
    private static String summary(List<Line> section, List<Line> header, Line nameLine,
            Map<String, Span> provenance) {
        List<Line> lines = section == null ? List.of() : section.stream().filter(l -> !l.blank()).toList();
        if (lines.isEmpty()) {
            int from = nameLine == null ? 0 : header.indexOf(nameLine) + 1;
            lines = header.subList(Math.min(from, header.size()), header.size()).stream()
                    .filter(l -> l.text().split("\\s+").length >= 8 && !l.text().contains("@")
                            && !URL.matcher(l.text()).find())
                    .toList();
        }
        if (lines.isEmpty()) {
            return null;
        }
        Line first = lines.get(0);
        Line last = lines.get(lines.size() - 1);
        provenance.put("summary", new Span(first.number(), first.start(), last.end()));
        return limit(String.join(" ", lines.stream().map(Line::text).toList()), 10_000);
    }

    // ---- education and certifications ---------------------------------------------------------

    private static List<Resume.Certification> certifications(List<Line> section, Map<String, Span> provenance) {
        List<Resume.Certification> certifications = new ArrayList<>();
        for (Line line : section) {
            if (certifications.size() >= 100) {
                break;
            }
            Fragment rest = DateRanges.findLastDate(line.text())
                    .map(r -> Fragment.without(line, r.from(), r.to())).orElse(Fragment.of(line));
            if (!rest.hasLetters()) {
                continue;
            }
            String text = rest.text();
            Fragment name = rest;
            String issuer = null;
            int paren = text.indexOf('(');
            Matcher issuedBy = Pattern.compile("(?i)\\s*[,\\-–—|]?\\s*(?:issued by|by)\\s+").matcher(text);
            if (issuedBy.find() && issuedBy.start() > 0) {
                name = new Fragment(text.substring(0, issuedBy.start()).strip(),
                        new Span(rest.span().line(), rest.span().start(), rest.span().start() + issuedBy.start()));
                issuer = text.substring(issuedBy.end()).replaceAll("[()]", "").strip();
            } else if (paren > 0) {
                name = new Fragment(text.substring(0, paren).strip(),
                        new Span(rest.span().line(), rest.span().start(), rest.span().start() + paren));
                issuer = text.substring(paren + 1).replaceAll("[()]", "").split(",")[0].strip();
            } else {
                Matcher sep = Pattern.compile("\\s+[|—]\\s+|\\s+-\\s+|,\\s+").matcher(text);
                if (sep.find()) {
                    name = new Fragment(text.substring(0, sep.start()).strip(),
                            new Span(rest.span().line(), rest.span().start(), rest.span().start() + sep.start()));
                    issuer = text.substring(sep.end()).strip();
                }
            }
            if (name.text().isBlank()) {
                continue;
            }
            provenance.put("certifications[" + certifications.size() + "].name", name.span());
            certifications.add(new Resume.Certification(limit(name.text()),
                    issuer == null || issuer.isBlank() ? null : limit(issuer)));
        }
        return certifications;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String limit(String value) {
        return limit(value, 200);
    }

    private static String limit(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
