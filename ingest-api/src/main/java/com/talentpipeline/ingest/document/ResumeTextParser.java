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
 * their headings, contact details by pattern, skills by the {@link SkillVocabulary}, roles by their
 * date ranges. Every value carries the span it came from, and what could not be found becomes a
 * warning instead of a guess.
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
    private static final Pattern URL = Pattern.compile(
            "(?:https?://|www\\.)[^\\s|,;]+|(?<![\\w.])(?:linkedin\\.com|github\\.com|gitlab\\.com)/[^\\s|,;]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_WORDS = Pattern.compile(
            "(?i)\\b(engineer|developer|manager|analyst|scientist|designer|architect|lead|consultant|intern"
                    + "|director|administrator|specialist|officer|head|president|vp|cto|ceo|programmer|researcher"
                    + "|technician|coordinator|associate|sre|devops|tester|qa|owner|founder|advocate|trainee)\\b");
    private static final Pattern DEGREE = Pattern.compile(
            "(?i)(?<![\\p{Alnum}])(bachelor|master|b\\.?\\s?sc|m\\.?\\s?sc|b\\.?s\\.|m\\.?s\\.|bs|ms|b\\.?a\\.?|m\\.?a\\.?|mba"
                    + "|ph\\.?\\s?d|doctor(?:ate)?|associate degree|diploma|b\\.?\\s?eng|m\\.?\\s?eng|b\\.?tech|m\\.?tech)"
                    + "(?![\\p{Alnum}])");
    private static final Pattern INSTITUTION = Pattern.compile(
            "(?i)\\b(university|college|institute|school|academy|polytechnic|universit[äa]t|hochschule|eth)\\b");
    private static final int MAX_LINKS = 10;
    private static final int MAX_ROLES = 100;

    private final SkillVocabulary vocabulary;

    public ResumeTextParser(SkillVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Parses the text; never throws on odd input (it only yields fewer fields and more warnings). */
    public ParsedResume parse(String text) {
        List<Line> lines = Line.split(text);
        Map<String, Span> provenance = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<Section, List<Line>> sections = new EnumMap<>(Section.class);
        List<Line> header = new ArrayList<>();
        Section current = null;
        for (Line line : lines) {
            Optional<Section> heading = Section.heading(line);
            if (heading.isPresent()) {
                current = heading.get();
                sections.computeIfAbsent(current, s -> new ArrayList<>());
            } else if (!line.blank()) {
                (current == null ? header : sections.get(current)).add(line);
            }
        }

        String email = EmailAddresses.withoutInvisible(find(EMAIL, text, "email", provenance));
        List<Line> contactLines = header.isEmpty() ? lines : header;
        String phone = findPhone(contactLines, provenance);
        List<String> links = findLinks(contactLines);
        String[] name = name(header, provenance, warnings);
        if (email == null) {
            warnings.add("no email address found");
        }
        String summary = summary(sections.get(Section.SUMMARY), provenance);
        List<Resume.Skill> skills = skills(text, sections.get(Section.SKILLS), provenance, warnings);
        List<String> undated = new ArrayList<>();
        List<Resume.WorkExperience> roles = experience(sections.getOrDefault(Section.EXPERIENCE, List.of()),
                provenance, warnings, undated);
        if (!sections.containsKey(Section.EXPERIENCE)) {
            warnings.add("no work experience section found");
        }
        List<Resume.Education> education = education(sections.getOrDefault(Section.EDUCATION, List.of()),
                provenance, warnings);
        List<Resume.Certification> certifications =
                certifications(sections.getOrDefault(Section.CERTIFICATIONS, List.of()), provenance);

        Resume resume = new Resume(name[0], name[1], email, phone, summary, skills, roles, education, certifications);
        return new ParsedResume(resume, links, warnings, provenance, undated);
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

    private static List<String> findLinks(List<Line> lines) {
        List<String> links = new ArrayList<>();
        for (Line line : lines) {
            Matcher m = URL.matcher(line.text());
            while (m.find() && links.size() < MAX_LINKS) {
                String link = m.group().replaceAll("[.)\\]]+$", "");
                if (!links.contains(link)) {
                    links.add(link);
                }
            }
        }
        return links;
    }

    /** The first header line that reads like a person's name: 2-4 words, letters only, no contact details. */
    private static String[] name(List<Line> header, Map<String, Span> provenance, List<String> warnings) {
        for (Line line : header.subList(0, Math.min(header.size(), 5))) {
            String candidate = line.text().replaceFirst("(?i)^name\\s*:\\s*", "");
            String[] words = candidate.split("\\s+");
            if (words.length >= 2 && words.length <= 4 && candidate.length() <= 60
                    && candidate.matches("[\\p{L}][\\p{L}'.\\- ]*") && !TITLE_WORDS.matcher(candidate).find()) {
                int offset = line.text().length() - candidate.length();
                provenance.put("firstName", line.span(offset, offset + words[0].length()));
                provenance.put("lastName", line.span(line.text().length() - words[words.length - 1].length(),
                        line.text().length()));
                String first = capitalise(words[0]);
                String last = capitalise(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)));
                return new String[] {first, last};
            }
        }
        warnings.add("no name found");
        return new String[] {null, null};
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

    // ---- summary and skills ---------------------------------------------------------------------

    private static String summary(List<Line> section, Map<String, Span> provenance) {
        if (section == null || section.isEmpty()) {
            return null;
        }
        Line first = section.get(0);
        Line last = section.get(section.size() - 1);
        provenance.put("summary", new Span(first.number(), first.start(), last.end()));
        String summary = String.join(" ", section.stream().map(Line::text).toList());
        return summary.length() > 10_000 ? summary.substring(0, 10_000) : summary;
    }

    private List<Resume.Skill> skills(String text, List<Line> section, Map<String, Span> provenance,
            List<String> warnings) {
        List<SkillVocabulary.Match> matches;
        if (section == null || section.isEmpty()) {
            warnings.add("no skills section found; skills were matched in the whole text");
            matches = vocabulary.find(text, 0, text.length());
        } else {
            matches = vocabulary.find(text, section.get(0).start(), section.get(section.size() - 1).end());
        }
        List<Resume.Skill> skills = new ArrayList<>();
        for (SkillVocabulary.Match match : matches.subList(0, Math.min(matches.size(), 300))) {
            provenance.put("skills[" + skills.size() + "]", new Span(lineOf(text, match.start()), match.start(),
                    match.end()));
            skills.add(new Resume.Skill(match.skill(), null));
        }
        return skills;
    }

    // ---- experience -----------------------------------------------------------------------------

    /** A role being assembled from a date line, the header lines around it and its bullets. */
    private static final class RoleDraft {
        final List<Fragment> header = new ArrayList<>();
        final List<String> responsibilities = new ArrayList<>();
        DateRanges.Range dates;
        Span datesSpan;
    }

    private static List<Resume.WorkExperience> experience(List<Line> section, Map<String, Span> provenance,
            List<String> warnings, List<String> undated) {
        List<RoleDraft> drafts = new ArrayList<>();
        List<Fragment> pending = new ArrayList<>();
        RoleDraft current = null;
        for (Line line : section) {
            Optional<DateRanges.Range> range = line.bullet() ? Optional.empty() : DateRanges.find(line.text());
            if (range.isPresent()) {
                RoleDraft role = new RoleDraft();
                role.dates = range.get();
                role.datesSpan = line.span(range.get().from(), range.get().to());
                // The title/company lines just above the date line belong to this role (at most two).
                role.header.addAll(pending.subList(Math.max(0, pending.size() - 2), pending.size()));
                pending.clear();
                Fragment rest = Fragment.without(line, range.get().from(), range.get().to());
                if (rest.hasLetters()) {
                    role.header.add(rest);
                }
                drafts.add(role);
                current = role;
            } else if (line.bullet() || isProse(line)) {
                if (!pending.isEmpty()) {
                    current = absorbPending(current, pending, drafts);
                }
                if (current != null && current.responsibilities.size() < 50) {
                    current.responsibilities.add(line.text().length() > 2_000
                            ? line.text().substring(0, 2_000) : line.text());
                }
            } else if (current != null && current.header.isEmpty()) {
                current.header.add(Fragment.of(line)); // date-first layout: the title follows the dates
            } else {
                pending.add(Fragment.of(line));
            }
            if (drafts.size() >= MAX_ROLES) {
                break;
            }
        }
        if (!pending.isEmpty()) {
            absorbPending(current, pending, drafts);
        }

        List<Resume.WorkExperience> roles = new ArrayList<>();
        int withoutDates = 0;
        for (RoleDraft draft : drafts) {
            if (draft.header.isEmpty()) {
                continue;
            }
            String prefix = "workExperience[" + roles.size() + "]";
            Fragment[] titleCompany = titleAndCompany(draft.header);
            if (draft.dates == null) {
                withoutDates++;
                undated.add(titleCompany[0].text() + (titleCompany[1] == null ? "" : " | " + titleCompany[1].text()));
                continue;
            }
            provenance.put(prefix + ".jobTitle", titleCompany[0].span());
            String company;
            if (titleCompany[1] == null) {
                company = "Unknown";
                warnings.add("no company found for role '" + titleCompany[0].text() + "'");
            } else {
                company = titleCompany[1].text();
                provenance.put(prefix + ".company", titleCompany[1].span());
            }
            provenance.put(prefix + ".startDate", draft.datesSpan);
            provenance.put(prefix + ".endDate", draft.datesSpan);
            roles.add(new Resume.WorkExperience(limit(titleCompany[0].text()), limit(company), draft.dates.start(),
                    draft.dates.end(), draft.responsibilities));
        }
        if (withoutDates > 0) {
            warnings.add("no dates found for " + withoutDates + (withoutDates == 1 ? " role" : " roles")
                    + "; listed in undatedRoles, not in workExperience");
        }
        return roles;
    }

    /**
     * Header lines followed by a bullet without a date line: either the company line of the role
     * just started ("Engineer | 2019 - 2021" then "Acme"), or a role that has no dates.
     */
    private static RoleDraft absorbPending(RoleDraft current, List<Fragment> pending, List<RoleDraft> drafts) {
        if (current != null && current.responsibilities.isEmpty() && current.header.size() == 1
                && pending.size() == 1) {
            current.header.add(pending.get(0));
            pending.clear();
            return current;
        }
        RoleDraft undated = new RoleDraft();
        undated.header.addAll(pending.subList(Math.max(0, pending.size() - 2), pending.size()));
        pending.clear();
        drafts.add(undated);
        return undated;
    }

    /** A sentence rather than a title line: long, or ending with a full stop. */
    private static boolean isProse(Line line) {
        return line.text().length() > 90 || (line.text().endsWith(".") && line.text().split("\\s+").length > 6);
    }

    /** [title, company or null]: the piece with a job-title word is the title, the other the company. */
    static Fragment[] titleAndCompany(List<Fragment> header) {
        List<Fragment> pieces = new ArrayList<>();
        if (header.size() >= 2) {
            pieces.addAll(header);
        } else {
            pieces.addAll(header.get(0).split());
            if (pieces.isEmpty()) {
                pieces.add(header.get(0));
            }
        }
        Fragment title = null;
        for (Fragment piece : pieces) {
            if (TITLE_WORDS.matcher(piece.text()).find()) {
                title = piece;
                break;
            }
        }
        if (title == null) {
            title = pieces.get(0);
        }
        Fragment company = null;
        for (Fragment piece : pieces) {
            if (piece != title) {
                company = piece;
                break;
            }
        }
        // A header line "Title, Company" given as one of two lines: split it when the other is a location.
        if (company != null && header.size() >= 2 && title.split().size() >= 2 && !TITLE_WORDS.matcher(company.text()).find()) {
            List<Fragment> parts = title.split();
            if (TITLE_WORDS.matcher(parts.get(0).text()).find() && !TITLE_WORDS.matcher(parts.get(1).text()).find()) {
                return new Fragment[] {parts.get(0), parts.get(1)};
            }
        }
        return new Fragment[] {title, company};
    }

    // ---- education and certifications ---------------------------------------------------------

    private static List<Resume.Education> education(List<Line> section, Map<String, Span> provenance,
            List<String> warnings) {
        List<Resume.Education> entries = new ArrayList<>();
        Fragment degree = null;
        Fragment institution = null;
        String date = null;
        for (Line line : section) {
            Optional<DateRanges.Range> range = DateRanges.find(line.text());
            Optional<DateRanges.Range> single = range.isPresent() ? range : DateRanges.findLastDate(line.text());
            Fragment rest = single.map(r -> Fragment.without(line, r.from(), r.to())).orElse(Fragment.of(line));
            Fragment lineDegree = null;
            Fragment lineInstitution = null;
            for (Fragment piece : rest.split()) {
                if (lineInstitution == null && INSTITUTION.matcher(piece.text()).find()) {
                    lineInstitution = piece;
                } else if (lineDegree == null && DEGREE.matcher(piece.text()).find()) {
                    lineDegree = piece;
                }
            }
            // A new degree (or a second institution) starts the next entry.
            if ((lineDegree != null && degree != null) || (lineInstitution != null && institution != null)) {
                addEducation(entries, degree, institution, date, provenance, warnings);
                degree = null;
                institution = null;
                date = null;
            }
            degree = lineDegree != null ? lineDegree : degree;
            institution = lineInstitution != null ? lineInstitution : institution;
            if (single.isPresent() && (lineDegree != null || lineInstitution != null || date == null)) {
                String end = single.get().end();
                date = end.equals("present") ? null : end;
            }
        }
        addEducation(entries, degree, institution, date, provenance, warnings);
        return entries;
    }

    private static void addEducation(List<Resume.Education> entries, Fragment degree, Fragment institution,
            String date, Map<String, Span> provenance, List<String> warnings) {
        if (degree == null && institution == null) {
            return;
        }
        if (degree == null || institution == null) {
            warnings.add("education entry '" + (degree == null ? institution : degree).text()
                    + "' has no " + (degree == null ? "degree" : "institution") + "; left out");
            return;
        }
        String prefix = "education[" + entries.size() + "]";
        provenance.put(prefix + ".degree", degree.span());
        provenance.put(prefix + ".institution", institution.span());
        entries.add(new Resume.Education(limit(degree.text()), limit(institution.text()), date));
    }

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
        return value.length() > 200 ? value.substring(0, 200) : value;
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
