package com.talentpipeline.ingest.interview;

import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.web.FieldProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an interview request: 400 naming every bad field, 413 for a transcript over the limits. (The NUL
 * character is refused earlier, while the JSON is decoded.)
 *
 * @param maxTurns most turns in a transcript
 * @param maxChars most characters in a transcript
 */
record InterviewRules(int maxTurns, int maxChars) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final double TOLERANCE = 0.001;

    /** The validated event payload. */
    InterviewSubmitted validate(InterviewRequest request) {
        FieldProblems problems = new FieldProblems();
        if (request == null) {
            problems.add("body", "must not be empty");
            problems.throwIfAny("The interview");
        }
        if (request.interviewId() == null || request.interviewId().isBlank()) {
            problems.add("interview_id", "must not be blank");
        } else if (!ID.matcher(request.interviewId()).matches()) {
            problems.add("interview_id", "must be 1-200 letters, digits, '.', '_', ':' or '-'");
        }
        List<InterviewSubmitted.Turn> turns = new ArrayList<>();
        if (request.transcript() == null || request.transcript().isEmpty()) {
            problems.add("transcript", "must not be empty");
        } else {
            if (request.transcript().size() > maxTurns) {
                throw FieldProblems.tooLarge("transcript", "has " + request.transcript().size() + " turns; at most "
                        + maxTurns + " are accepted");
            }
            long chars = 0;
            boolean candidate = false;
            for (int i = 0; i < request.transcript().size(); i++) {
                InterviewRequest.Turn t = request.transcript().get(i);
                String at = "transcript[" + i + "]";
                if (t == null) {
                    problems.add(at, "must not be null");
                    continue;
                }
                if (!"interviewer".equals(t.speaker()) && !"candidate".equals(t.speaker())) {
                    problems.add(at + ".speaker", "must be 'interviewer' or 'candidate'");
                }
                if (t.content() == null || t.content().isBlank()) {
                    problems.add(at + ".content", "must not be blank");
                } else {
                    chars += t.content().length();
                }
                candidate |= "candidate".equals(t.speaker()) && t.content() != null && !t.content().isBlank();
                turns.add(new InterviewSubmitted.Turn(t.speaker(), t.content()));
            }
            if (chars > maxChars) {
                throw FieldProblems.tooLarge("transcript", "has " + chars + " characters; at most " + maxChars
                        + " are accepted");
            }
            if (!candidate) {
                problems.add("transcript", "has no candidate turn to score");
            }
        }
        InterviewRequest.Rubric r = request.rubric();
        if (r == null) {
            problems.add("rubric", "must not be empty");
        } else {
            weight(problems, "rubric.communication", r.communication());
            weight(problems, "rubric.technical", r.technical());
            weight(problems, "rubric.problem_solving", r.problemSolving());
            if (r.communication() != null && r.technical() != null && r.problemSolving() != null) {
                double sum = r.communication() + r.technical() + r.problemSolving();
                if (Math.abs(sum - 1) > TOLERANCE) {
                    problems.add("rubric", String.format(Locale.ROOT, "weights must sum to 1 (+-0.001); they sum to %.4f", sum));
                }
            }
        }
        if (request.jobId() != null && (request.jobId().isBlank() || request.jobId().length() > 200)) {
            problems.add("job_id", "must be 1-200 characters");
        }
        problems.throwIfAny("The interview");
        return new InterviewSubmitted(request.interviewId(), turns,
                new InterviewSubmitted.Rubric(r.communication(), r.technical(), r.problemSolving()), request.jobId());
    }

    private static void weight(FieldProblems problems, String field, Double w) {
        if (w == null) {
            problems.add(field, "must be given");
        } else if (w.isNaN() || w < 0 || w > 1) {
            problems.add(field, "must be between 0 and 1");
        }
    }
}
