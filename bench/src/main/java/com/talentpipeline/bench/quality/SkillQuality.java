package com.talentpipeline.bench.quality;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.ingest.document.ResumeTextParser;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.compare.SkillEmbeddings;
import com.talentpipeline.matching.compare.SkillMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Skills on the annotated resumes. Extraction: the resume parser's skills (the ingest API's
 * {@link ResumeTextParser}, as it is) against the resume's {@code Skills} annotations. Matching: for
 * each resume a job asking for up to 4 skills the resume's annotations name and up to 4 skills of other
 * resumes that its text never mentions; the matching worker's {@link SkillMatcher} on the parsed
 * skills then splits them into matched and missing, scored against that construction.
 */
public final class SkillQuality {

    private static final Pattern ITEM_SPLIT = Pattern.compile("[,;\\n•*|/]+|\\s{2,}|\\s-\\s");
    private static final Pattern WORDISH = Pattern.compile("[^a-z0-9+#.]+");

    /**
     * @param extractionRecall    share of annotated skill items covered by a parsed skill
     * @param extractionPrecision share of parsed skills found in the resume's Skills annotations
     * @param matchedPrecision    share of matched_skills the resume really has
     * @param matchedRecall       share of the skills it has that are matched
     * @param missingPrecision    share of missing_skills it really lacks
     * @param missingRecall       share of the skills it lacks that are reported missing
     * @param resumes             annotated resumes with a Skills annotation
     * @param pairs               resume-job pairs
     */
    public record Result(double extractionRecall, double extractionPrecision, double matchedPrecision,
            double matchedRecall, double missingPrecision, double missingRecall, int resumes, int pairs) {
    }

    private final List<QualityData.Annotated> data;
    private final SkillVocabulary vocabulary = SkillVocabulary.defaults();
    private final ResumeTextParser parser = new ResumeTextParser(vocabulary);
    private final long seed;

    public SkillQuality(List<QualityData.Annotated> data, long seed) {
        this.data = data;
        this.seed = seed;
    }

    /** Skill items of the Skills annotations: split lists, 2-40 characters, at most 4 words. */
    static List<String> items(QualityData.Annotated resume) {
        Set<String> items = new LinkedHashSet<>();
        for (String span : resume.spans("Skills")) {
            for (String raw : ITEM_SPLIT.split(span)) {
                String item = raw.replaceAll("\\(.*?\\)", " ").replaceAll("(?i)\\(?less than \\d+ years?\\)?|\\d+ years?", " ")
                        .replaceAll("^[^\\p{Alnum}]+|[^\\p{Alnum}+#]+$", "").strip();
                if (item.length() >= 2 && item.length() <= 40 && item.split("\\s+").length <= 4) {
                    items.add(item);
                }
            }
        }
        return List.copyOf(items);
    }

    private static String norm(String s) {
        return " " + WORDISH.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip() + " ";
    }

    /** Runs both measurements with the encoder the matcher embeds skill names with. */
    public Result run(TextEncoder encoder, double threshold) {
        SkillMatcher matcher = new SkillMatcher(vocabulary, new SkillEmbeddings(encoder), threshold);
        List<Integer> withSkills = new ArrayList<>();
        List<List<String>> parsed = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            List<String> skills = new ArrayList<>();
            for (Resume.Skill s : parser.parse(data.get(i).content()).resume().skills()) {
                skills.add(s.name());
            }
            parsed.add(skills);
            if (!items(data.get(i)).isEmpty()) {
                withSkills.add(i);
            }
        }
        // Extraction.
        int covered = 0;
        int gold = 0;
        int found = 0;
        int extracted = 0;
        for (int i : withSkills) {
            List<String> items = items(data.get(i));
            String annotated = norm(String.join(" , ", data.get(i).spans("Skills")));
            for (String item : items) {
                gold++;
                String ni = norm(item);
                String ci = vocabulary.canonical(item);
                for (String skill : parsed.get(i)) {
                    if (ni.contains(norm(skill)) || norm(skill).contains(ni)
                            || (ci != null && ci.equalsIgnoreCase(vocabulary.canonical(skill)))) {
                        covered++;
                        break;
                    }
                }
            }
            for (String skill : parsed.get(i)) {
                extracted++;
                boolean in = annotated.contains(norm(skill));
                if (!in) {
                    for (SkillVocabulary.Match m : vocabulary.find(String.join(" , ", data.get(i).spans("Skills")), 0,
                            String.join(" , ", data.get(i).spans("Skills")).length())) {
                        if (m.skill().equalsIgnoreCase(vocabulary.canonical(skill) == null ? skill : vocabulary.canonical(skill))) {
                            in = true;
                            break;
                        }
                    }
                }
                found += in ? 1 : 0;
            }
        }
        // Matching: pairs built from the annotations.
        Random random = new Random(seed);
        int tpMatched = 0;
        int fpMatched = 0;
        int tpMissing = 0;
        int fpMissing = 0;
        int has = 0;
        int lacks = 0;
        for (int i : withSkills) {
            List<String> own = new ArrayList<>(items(data.get(i)));
            Collections.shuffle(own, random);
            List<String> positives = own.subList(0, Math.min(4, own.size()));
            String content = norm(data.get(i).content());
            Set<String> mentioned = new HashSet<>();
            for (SkillVocabulary.Match m : vocabulary.find(data.get(i).content(), 0, data.get(i).content().length())) {
                mentioned.add(m.skill().toLowerCase(Locale.ROOT));
            }
            List<String> negatives = new ArrayList<>();
            for (int tries = 0; tries < 200 && negatives.size() < 4; tries++) {
                int j = withSkills.get(random.nextInt(withSkills.size()));
                List<String> other = items(data.get(j));
                String candidate = other.get(random.nextInt(other.size()));
                String canonical = vocabulary.canonical(candidate);
                if (j != i && !content.contains(norm(candidate)) && !negatives.contains(candidate)
                        && (canonical == null || !mentioned.contains(canonical.toLowerCase(Locale.ROOT)))) {
                    negatives.add(candidate);
                }
            }
            List<String> job = new ArrayList<>(positives);
            job.addAll(negatives);
            SkillMatcher.ForResume forResume = matcher.forResume(parsed.get(i));
            for (String skill : positives) {
                has++;
                if (forResume.match(skill) != null) {
                    tpMatched++;
                } else {
                    fpMissing++;
                }
            }
            for (String skill : negatives) {
                lacks++;
                if (forResume.match(skill) != null) {
                    fpMatched++;
                } else {
                    tpMissing++;
                }
            }
        }
        return new Result(ratio(covered, gold), ratio(found, extracted), ratio(tpMatched, tpMatched + fpMatched),
                ratio(tpMatched, has), ratio(tpMissing, tpMissing + fpMissing), ratio(tpMissing, lacks),
                withSkills.size(), withSkills.size());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }
}
