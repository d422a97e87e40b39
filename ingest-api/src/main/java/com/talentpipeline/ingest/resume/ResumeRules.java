package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeDates;
import com.talentpipeline.core.web.FieldProblem;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Checks that span fields, which bean validation cannot express: a role must not end before it starts. */
final class ResumeRules {

    private ResumeRules() {
    }

    static List<FieldProblem> check(Resume resume) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < resume.workExperience().size(); i++) {
            Resume.WorkExperience role = resume.workExperience().get(i);
            var start = ResumeDates.parse(role.startDate());
            var end = ResumeDates.parse(role.endDate());
            if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
                problems.add(new FieldProblem("workExperience[" + i + "].endDate", "must not be before startDate"));
            }
            if (start.isPresent() && start.get().isAfter(YearMonth.now().plusMonths(1))) {
                problems.add(new FieldProblem("workExperience[" + i + "].startDate", "must not be in the future"));
            }
        }
        return problems;
    }
}
