package com.talentpipeline.scoring.resume;

import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.score.AtsScore;
import com.talentpipeline.core.score.ResumeScore;
import com.talentpipeline.scoring.career.CareerPredictor;
import java.time.YearMonth;
import java.util.List;

/**
 * Scores one resume version: the quality score, the ATS score (without a target job) and the top
 * career paths from the built-in taxonomy.
 */
public final class ResumeScorer {

    /**
     * The version of the scoring rules. Bump it whenever a rule, weight or the taxonomy changes: it is
     * part of the cache key and stored with every score, so an upgrade never serves a stale result.
     */
    public static final String VERSION = "resume-scorer-1.0.0";

    private final QualityScorer quality = new QualityScorer();
    private final AtsScorer ats;
    private final CareerPredictor careers;
    private final int topK;

    public ResumeScorer(AtsScorer ats, CareerPredictor careers, int topK) {
        this.ats = ats;
        this.careers = careers;
        this.topK = topK;
    }

    /** The scorer version combined with the text model's version, as stored and cached. */
    public String version() {
        return VERSION + "+" + careers.encoder().info().version();
    }

    /** The text model behind the career paths. */
    public com.talentpipeline.inference.model.ModelInfo model() {
        return careers.encoder().info();
    }

    /**
     * Scores the resume; {@code sourceText} is the uploaded file's text, or null; {@code profile} is the
     * encoding of the resume's profile text ({@link com.talentpipeline.core.resume.ProfileText}), as the
     * embedding worker published it: this scorer never encodes a resume itself.
     */
    public ResumeScore score(String resumeId, int version, Resume resume, String sourceText, float[] profile,
            YearMonth today) {
        QualityScore q = quality.score(resume, today);
        AtsScore a = ats.score(resume, sourceText, null, null, today);
        List<CareerPrediction> paths = careers.predict(ResumeText.professional(resume), profile, careers.builtIn(), topK);
        return new ResumeScore(resumeId, version, version(), q.overallScore(), q.grade(), q.weights(), q.breakdown(),
                q.totalExperienceYears(), q.strengths(), q.improvements(), q.recommendations(), a.atsScore(), a, paths,
                careers.encoder().info().name());
    }

    /**
     * Encodes a resume's profile text here: only for a vector published by another model than the one
     * the career labels are encoded with (a rolling model upgrade), where comparing them would be wrong.
     */
    public float[] encodeProfile(Resume resume) {
        return careers.embedText(ResumeText.professional(resume));
    }

    /** The ATS score of the resume against a job. */
    public AtsScore atsFor(Resume resume, String sourceText, Job job, String jobId, YearMonth today) {
        return ats.score(resume, sourceText, job, jobId, today);
    }
}
