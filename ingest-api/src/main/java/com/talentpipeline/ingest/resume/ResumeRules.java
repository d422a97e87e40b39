package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeDates;
import com.talentpipeline.core.web.FieldProblem;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks bean validation cannot express: a role must not end before it starts, and a resume needs
 * some content. Name, e-mail and phone are optional; what is missing is a warning, not a problem.
 */
final class ResumeRules {

    private ResumeRules() {
    }

    /** What makes the resume unacceptable (a 400 for JSON): inconsistent dates, or no content at all. */
    static List<FieldProblem> check(Resume resume) {
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(resume.summary()) && resume.skills().isEmpty() && resume.workExperience().isEmpty()
                && resume.education().isEmpty() && resume.certifications().isEmpty()) {
            problems.add(new FieldProblem("resume", "needs some content: a summary, a skill, a role (workExperience),"
                    + " an education or a certification"));
        }
        for (int i = 0; i < resume.workExperience().size(); i++) {
            Resume.WorkExperience role = resume.workExperience().get(i);
            var start = ResumeDates.parse(role.startDate());
            var end = ResumeDates.parse(role.endDate());
            if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
                problems.add(new FieldProblem("work_experience[" + i + "].end_date", "must not be before start_date"));
            }
            if (start.isPresent() && start.get().isAfter(YearMonth.now().plusMonths(1))) {
                problems.add(new FieldProblem("work_experience[" + i + "].start_date", "must not be in the future"));
            }
        }
        return problems;
    }

    /** What the resume lacks that counts against its scores: the answer's {@code warnings}. */
    static List<String> warnings(Resume resume) {
        List<String> warnings = new ArrayList<>();
        if (isBlank(resume.firstName()) && isBlank(resume.lastName())) {
            warnings.add("no name given");
        }
        if (isBlank(resume.email())) {
            warnings.add("no email address given");
        }
        if (isBlank(resume.phone())) {
            warnings.add("no phone number given");
        }
        return warnings;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
