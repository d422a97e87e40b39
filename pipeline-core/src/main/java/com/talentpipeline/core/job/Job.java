package com.talentpipeline.core.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A job posting as clients submit it (the seeds' schema). Status defaults to active. */
public record Job(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String company,
        @Size(max = 200) String location,
        @NotNull ExperienceLevel experienceLevel,
        JobStatus status,
        @Size(max = 200) List<@NotNull @Valid JobSkill> skills,
        @Size(max = 100) List<@NotNull @Size(max = 2_000) String> requirements,
        @Size(max = 20_000) String description,
        Boolean remote) {

    public Job {
        status = status == null ? JobStatus.ACTIVE : status;
        skills = skills == null ? List.of() : List.copyOf(skills);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        remote = remote != null && remote;
    }

    /** A skill the job asks for. */
    public record JobSkill(@NotBlank @Size(max = 100) String name) {
    }
}
