package com.talentpipeline.ingest.document;

import com.talentpipeline.core.resume.Resume;
import java.util.List;
import java.util.Map;

/**
 * What the parser made of a resume's text.
 *
 * @param resume       the schema record (may still fail validation: the caller checks)
 * @param links        URLs found in the contact block (LinkedIn, GitHub, a job-board profile, a site), not part of
 *                     the schema; the first is the contact link when the resume gives no e-mail
 * @param warnings     what the parser could not do or find, e.g. "no email address found", "no dates found for 2 roles"
 * @param provenance   field path ({@code email}, {@code workExperience[0].jobTitle}) to where it came from
 * @param undatedRoles roles found without dates; kept out of {@code workExperience}, whose schema needs a start
 * @param headline     the title line under the name ("Senior Software Engineer"), or null
 * @param employer     the company named in the headline ("Analyst - Acme", "Engineer at Acme"), or null
 * @param location     the candidate's city from the contact block, or null
 * @param places       cities written next to companies and schools, in order
 */
public record ParsedResume(Resume resume, List<String> links, List<String> warnings, Map<String, Span> provenance,
        List<String> undatedRoles, String headline, String employer, String location, List<String> places) {

    public ParsedResume {
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
        undatedRoles = List.copyOf(undatedRoles);
        places = places == null ? List.of() : List.copyOf(places);
    }
}
