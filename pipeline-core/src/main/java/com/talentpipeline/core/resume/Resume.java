package com.talentpipeline.core.resume;

import com.talentpipeline.core.email.SafeEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A structured resume, as clients submit it (the seeds' schema). Lists may be empty but never
 * contain nulls; limits keep one resume within what a worker can embed in one go. Name, e-mail and
 * phone are optional: anonymised resumes (blind hiring, GDPR) are normal, and what is missing counts
 * against the quality and ATS scores instead of refusing the resume. An e-mail, when given, must be one.
 */
public record Resume(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Email @SafeEmail @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 10_000) String summary,
        @Size(max = 300) List<@NotNull @Valid Skill> skills,
        @Size(max = 100) List<@NotNull @Valid WorkExperience> workExperience,
        @Size(max = 50) List<@NotNull @Valid Education> education,
        @Size(max = 100) List<@NotNull @Valid Certification> certifications) {

    public Resume {
        skills = skills == null ? List.of() : List.copyOf(skills);
        workExperience = workExperience == null ? List.of() : List.copyOf(workExperience);
        education = education == null ? List.of() : List.copyOf(education);
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
    }

    /** A skill and the candidate's own proficiency label (free text, e.g. "Expert"). */
    public record Skill(@NotBlank @Size(max = 100) String name, @Size(max = 50) String proficiency) {
    }

    /**
     * One role. Dates are {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; {@code endDate} may also
     * be {@code present} (or absent, meaning present).
     */
    public record WorkExperience(
            @NotBlank @Size(max = 200) String jobTitle,
            @NotBlank @Size(max = 200) String company,
            @NotBlank @ResumeDate String startDate,
            @ResumeDate(allowPresent = true) String endDate,
            @Size(max = 50) List<@NotNull @Size(max = 2_000) String> responsibilities) {

        public WorkExperience {
            responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
        }
    }

    /** A degree. */
    public record Education(
            @NotBlank @Size(max = 200) String degree,
            @NotBlank @Size(max = 200) String institution,
            @ResumeDate String graduationDate) {
    }

    /** A certification and who issued it. */
    public record Certification(@NotBlank @Size(max = 200) String name, @Size(max = 200) String issuer) {
    }
}
