package com.talentpipeline.ingest.door;

import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.ExperienceCalculator;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.ingest.submission.Submission;
import java.time.YearMonth;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a known embedding result into the result of a new resume with the same content, as the embedding
 * worker would compute it from its cache: the same vectors and model, this resume's id, and the metrics
 * recomputed (they depend on today: "present" moves with the calendar). The version is set when the row
 * is written.
 */
public final class DoorAnswers {

    private DoorAnswers() {
    }

    /** The finished result for the resume. */
    public static com.talentpipeline.core.task.intake.Finished finished(DoorEntries.Embedding entry, String resumeId, Resume resume) {
        return finished(entry, resumeId, resume, YearMonth.now());
    }

    /** The finished result for the resume, with metrics as of {@code today}. */
    static com.talentpipeline.core.task.intake.Finished finished(DoorEntries.Embedding entry, String resumeId, Resume resume, YearMonth today) {
        ObjectNode result = entry.result().deepCopy() instanceof ObjectNode o ? o
                : PipelineJson.mapper().createObjectNode();
        result.put("resumeId", resumeId);
        if (result.has("metrics")) {
            result.set("metrics", PipelineJson.mapper().valueToTree(new ResumeEmbeddings.Metrics(
                    ExperienceCalculator.totalYears(resume.workExperience(), today),
                    resume.skills().size(),
                    resume.workExperience().size())));
        }
        return new com.talentpipeline.core.task.intake.Finished(entry.model(), entry.resultLink(resumeId),
                PipelineJson.mapper().writeValueAsString(result));
    }
}
