package com.talentpipeline.ingest.document;

import com.talentpipeline.core.resume.Resume;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roles out of an experience section, in the layouts resumes use: a title/company header next to a
 * date line (before or after it), "Title, Company  2019 - 2021" on one line, and label/value lines
 * ("Designation: ...", "Organization : ...", "Duration : ...", "company - X" / "description - ...").
 * Bullets and the prose under a role are its responsibilities; a line that continues a wrapped
 * bullet is joined to it rather than read as a new role.
 */
final class ExperienceParser {

    private static final int MAX_ROLES = 100;
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(company(?: name)?|organi[sz]ation(?: name)?|employer|firm|client|designation|role|position"
                    + "|job title|title|post|duration|period|tenure|working period|dates?|from|description"
                    + "|responsibilit(?:y|ies)|roles? (?:and|&) responsibilities|key responsibilities|job profile"
                    + "|work profile|project(?: title| name)?)\\s*[:：\\-–]\\s*(.*)$");

    /** A role being assembled from a date line, the header lines around it and its bullets. */
    private static final class RoleDraft {
        final List<Fragment> header = new ArrayList<>();
        final List<String> responsibilities = new ArrayList<>();
        Fragment title;
        Fragment company;
        DateRanges.Range dates;
        Span datesSpan;
        Fragment place;

        boolean labelled() {
            return title != null || company != null;
        }
    }

    /** Roles with dates, and the places written next to companies (for the location field). */
    record Result(List<Resume.WorkExperience> roles, List<Fragment> places) {
    }

    private ExperienceParser() {
    }

    static Result parse(List<Line> section, Map<String, Span> provenance, List<String> warnings, List<String> undated) {
        List<RoleDraft> drafts = new ArrayList<>();
        List<Fragment> pending = new ArrayList<>();
        RoleDraft current = null;
        boolean afterResponsibility = false;
        for (Line line : section) {
            if (line.blank()) {
                afterResponsibility = false;
                continue;
            }
            Matcher label = LABEL.matcher(line.text());
            if (!line.bullet() && label.matches()) {
                current = labelled(line, label, current, drafts, pending);
                afterResponsibility = label.group(1).toLowerCase(Locale.ROOT).startsWith("desc")
                        || label.group(1).toLowerCase(Locale.ROOT).contains("respons");
                continue;
            }
            Optional<DateRanges.Range> range = line.bullet() ? Optional.empty() : DateRanges.find(line.text());
            if (range.isPresent() && current != null && current.labelled() && current.dates == null
                    && pending.isEmpty() && !Fragment.without(line, range.get().from(), range.get().to()).hasLetters()) {
                // "company - X" then a bare date line: the dates of that role.
                current.dates = range.get();
                current.datesSpan = line.span(range.get().from(), range.get().to());
                afterResponsibility = false;
            } else if (range.isPresent()) {
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
                afterResponsibility = false;
            } else if (afterResponsibility && current != null && !line.bullet() && continues(line)) {
                // A wrapped bullet: the line goes on with the previous responsibility.
                int last = current.responsibilities.size() - 1;
                if (last >= 0) {
                    current.responsibilities.set(last, limit(current.responsibilities.get(last) + " " + line.text(), 2_000));
                } else {
                    current.responsibilities.add(limit(line.text(), 2_000));
                }
            } else if (line.bullet() || isProse(line)) {
                if (!pending.isEmpty()) {
                    current = absorbPending(current, pending, drafts);
                }
                if (current != null && current.responsibilities.size() < 50) {
                    current.responsibilities.add(limit(line.text(), 2_000));
                }
                afterResponsibility = true;
            } else if (current != null && current.header.isEmpty() && !current.labelled()) {
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
        return build(drafts, provenance, warnings, undated);
    }

    private static RoleDraft labelled(Line line, Matcher label, RoleDraft current, List<RoleDraft> drafts,
            List<Fragment> pending) {
        String key = label.group(1).toLowerCase(Locale.ROOT);
        Line value = label.group(2).isBlank() ? null : line.rest(label.start(2));
        if (key.startsWith("desc") || key.contains("respons") || key.contains("profile")) {
            if (current != null && value != null && current.responsibilities.size() < 50) {
                current.responsibilities.add(limit(value.text(), 2_000));
            }
            return current;
        }
        if (key.startsWith("project")) {
            return current;
        }
        if (key.startsWith("duration") || key.startsWith("period") || key.startsWith("tenure")
                || key.startsWith("working") || key.startsWith("date") || key.equals("from")) {
            Optional<DateRanges.Range> range = value == null ? Optional.empty() : DateRanges.find(value.text());
            if (current != null && range.isPresent() && current.dates == null) {
                current.dates = range.get();
                current.datesSpan = value.span(range.get().from(), range.get().to());
            }
            return current;
        }
        boolean isCompany = key.startsWith("compan") || key.startsWith("organi") || key.equals("employer")
                || key.equals("firm") || key.equals("client");
        RoleDraft role = current;
        if (role == null || !role.labelled() || (isCompany ? role.company != null : role.title != null)) {
            role = new RoleDraft();
            drafts.add(role);
            // A header line just above ("Senior Analyst" then "Organization: Acme") is this role's title.
            if (isCompany && !pending.isEmpty() && ResumeTextParser.isTitle(pending.get(pending.size() - 1).text())) {
                role.title = pending.get(pending.size() - 1);
            }
            pending.clear();
        }
        if (value != null) {
            Fragment[] cut = Places.cut(Fragment.of(value));
            if (isCompany) {
                role.company = cut[0];
                role.place = cut[1];
            } else {
                role.title = cut[0];
            }
        }
        return role;
    }

    /** A line that carries on the sentence above: starts in lower case, or with a conjunction or bracket. */
    private static boolean continues(Line line) {
        char first = line.text().charAt(0);
        return Character.isLowerCase(first) || first == '(' || first == '&'
                || line.text().matches("(?i)^(and|or|with|of|in|to|for)\\b.*");
    }

    private static Result build(List<RoleDraft> drafts, Map<String, Span> provenance, List<String> warnings,
            List<String> undated) {
        List<Resume.WorkExperience> roles = new ArrayList<>();
        List<Fragment> places = new ArrayList<>();
        int withoutDates = 0;
        for (RoleDraft draft : drafts) {
            Fragment title;
            Fragment company;
            if (draft.labelled()) {
                title = draft.title;
                company = draft.company;
            } else if (!draft.header.isEmpty()) {
                Fragment[] titleCompany = titleAndCompany(draft.header);
                title = titleCompany[0];
                company = titleCompany[1];
            } else {
                continue;
            }
            Fragment place = draft.place;
            if (company != null) {
                Fragment[] cut = Places.cut(company);
                company = plausibleCompany(cut[0].text()) ? cut[0] : null;
                place = place != null ? place : cut[1];
            }
            if (title != null) {
                Fragment[] cut = Places.cut(title);
                title = withoutTail(cut[0]);
                place = place != null ? place : cut[1];
            }
            if (place != null) {
                places.add(place);
            }
            if (title == null && company == null) {
                continue; // nothing that names a role: a sub-heading or a sentence, not a role
            }
            String prefix = "workExperience[" + roles.size() + "]";
            if (draft.dates != null && inFuture(draft.dates.start())) {
                // "2031 - Present" is a misread (or a plan), and the schema refuses a future start.
                warnings.add("a role starting in the future (" + draft.dates.start() + ") was read as undated");
                draft.dates = null;
            }
            if (draft.dates == null) {
                withoutDates++;
                // "Title | Company", "Title", or "| Company" when only the company is known.
                undated.add((title == null ? "" : title.text())
                        + (company == null ? "" : (title == null ? "| " : " | ") + company.text()));
                continue;
            }
            String titleText;
            if (title == null) {
                titleText = "Unknown";
                warnings.add("no job title found for the role at '" + company.text() + "'");
            } else {
                titleText = title.text();
                provenance.put(prefix + ".jobTitle", title.span());
            }
            String companyText;
            if (company == null) {
                companyText = "Unknown";
                warnings.add("no company found for role '" + titleText + "'");
            } else {
                companyText = company.text();
                provenance.put(prefix + ".company", company.span());
            }
            provenance.put(prefix + ".startDate", draft.datesSpan);
            provenance.put(prefix + ".endDate", draft.datesSpan);
            roles.add(new Resume.WorkExperience(limit(titleText, 200), limit(companyText, 200), draft.dates.start(),
                    draft.dates.end(), draft.responsibilities));
        }
        if (withoutDates > 0) {
            warnings.add("no dates found for " + withoutDates + (withoutDates == 1 ? " role" : " roles")
                    + "; listed in undatedRoles, not in workExperience");
        }
        return new Result(roles, places);
    }

    /**
     * Header lines followed by a bullet without a date line: either the company line of the role
     * just started ("Engineer | 2019 - 2021" then "Acme"), or a role that has no dates.
     */
    private static RoleDraft absorbPending(RoleDraft current, List<Fragment> pending, List<RoleDraft> drafts) {
        if (current != null && !current.labelled() && current.responsibilities.isEmpty()
                && current.header.size() == 1 && pending.size() == 1) {
            current.header.add(pending.get(0));
            pending.clear();
            return current;
        }
        List<Fragment> header = new ArrayList<>(pending.subList(Math.max(0, pending.size() - 2), pending.size()));
        pending.clear();
        // Lines between bullets that name no job ("Project Description:", "Environment: Java") are
        // sub-headings of the role above, not a role of their own.
        if (header.stream().noneMatch(ExperienceParser::looksLikeRoleLine)) {
            return current;
        }
        RoleDraft undatedRole = new RoleDraft();
        undatedRole.header.addAll(header);
        drafts.add(undatedRole);
        return undatedRole;
    }

    private static boolean inFuture(String start) {
        return com.talentpipeline.core.resume.ResumeDates.parse(start)
                .map(d -> d.isAfter(java.time.YearMonth.now().plusMonths(1))).orElse(false);
    }

    /** "QA Analyst with 6 years of experience": the title before "with"/"having". */
    private static Fragment withoutTail(Fragment title) {
        Matcher m = Pattern.compile("\\s+(?:with|having)\\s+").matcher(title.text());
        if (!m.find() || m.start() == 0) {
            return title;
        }
        String head = title.text().substring(0, m.start());
        return new Fragment(head, new Span(title.span().line(), title.span().start(), title.span().start() + head.length()));
    }

    /** A title is a short noun phrase, not a sentence ("Have worked as ...", "... experience in"). */
    static boolean plausibleTitle(String text) {
        String[] words = text.split("\\s+");
        return words.length <= 8 && !text.matches(".*\\S@\\S+\\.\\S.*")
                && !text.matches("(?i)^(?:have|has|having|worked|working|i|as|am|was|is|a|an|the|currently|presently)\\b.*")
                && !text.matches("(?i).*\\b(?:in|from|with|of|to|for|and|on|at|the|a|since)$")
                && !text.matches("(?i)^(?:period|duration|environment|client|project|team size|role)\\b.*");
    }

    /** A company is a short name: not a sentence, a label, a date fragment or a job title. */
    static boolean plausibleCompany(String text) {
        boolean legalName = text.matches("(?i).*\\b(?:ltd|limited|inc|pvt|llp|llc|corp|corporation|technologies|solutions"
                + "|services|systems|labs|group|bank|gmbh|plc|co)\\b.*");
        // A name is capitalised ("Infosys limited" is, "software" is not).
        return !text.isEmpty() && (Character.isUpperCase(text.charAt(0)) || Character.isDigit(text.charAt(0)))
                && text.chars().anyMatch(Character::isLetter)
                && plausibleTitle(text) && !text.endsWith(":") && !text.contains(":")
                && (legalName || !ResumeTextParser.isTitle(text))
                && !text.matches("(?i)^(?:to|till|from|since|worked|description|responsibilities|project)\\b.*");
    }

    /** A short line with a job-title word that is not a sub-heading ("Roles:") or a sentence. */
    private static boolean looksLikeRoleLine(Fragment line) {
        String text = line.text();
        return ResumeTextParser.isTitle(text) && plausibleTitle(text) && !text.endsWith(":") && !text.endsWith(".")
                && !text.contains(":");
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
            if (ResumeTextParser.isTitle(piece.text()) && plausibleTitle(piece.text())) {
                title = piece;
                break;
            }
        }
        if (title == null && header.size() >= 2 && plausibleTitle(pieces.get(0).text())
                && Places.cut(pieces.get(1))[1] != null) {
            // "Title" over "Company - City, Region": the layout says which line is the title.
            title = pieces.get(0);
        }
        if (title == null) {
            // No line reads like a job title: the header names the company only (a title is never guessed).
            return new Fragment[] {null, pieces.get(0)};
        }
        Fragment company = null;
        for (Fragment piece : pieces) {
            if (piece != title) {
                company = piece;
                break;
            }
        }
        // A header line "Title, Company" given as one of two lines: split it when the other is a location.
        if (company != null && header.size() >= 2 && title.split().size() >= 2
                && !ResumeTextParser.isTitle(company.text())) {
            List<Fragment> parts = title.split();
            if (ResumeTextParser.isTitle(parts.get(0).text()) && !ResumeTextParser.isTitle(parts.get(1).text())) {
                return new Fragment[] {parts.get(0), parts.get(1)};
            }
        }
        return new Fragment[] {title, company};
    }

    private static String limit(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
