package com.talentpipeline.ingest.document;

import com.talentpipeline.core.resume.Resume;
import java.util.List;
import java.util.Map;

/**
 * What the parser made of a resume's text.
 *
 * @param resume       the schema record (may still fail validation: the caller checks)
 * @param links        URLs found in the contact block (LinkedIn, GitHub, site), not part of the schema
 * @param warnings     what the parser could not do, e.g. "no dates found for 2 roles"
 * @param provenance   field path ({@code email}, {@code workExperience[0].jobTitle}) to where it came from
 * @param undatedRoles roles found without dates; kept out of {@code workExperience}, whose schema needs a start
 */
public record ParsedResume(Resume resume, List<String> links, List<String> warnings, Map<String, Span> provenance,
        List<String> undatedRoles) {
}
