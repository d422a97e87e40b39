package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.quality.CareerQuality;
import com.talentpipeline.bench.quality.QualityData;
import com.talentpipeline.bench.quality.QualityEncoders;
import com.talentpipeline.bench.quality.RagQuality;
import com.talentpipeline.bench.quality.SkillQuality;
import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.report.Stats;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.ModelDescriptor;
import com.talentpipeline.inference.text.TextEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Quality on real resumes ({@code ../shared/data}, {@code -Dbench.data}), per candidate encoder
 * ({@code -Dbench.quality.encoders}, default every shipped one): career paths (zero-shot, 1- and
 * 3-shot leave-one-out, with the TF-IDF reference), skills (extraction and matched/missing), RAG
 * retrieval (hit rate at 4, refusals) and the encoder's sentences/s. Needs no Kafka, PostgreSQL or
 * Redis: it calls the scoring, matching and rag workers' code and the encoder directly.
 */
public final class QualitySection implements BenchSection {

    @Override
    public String id() {
        return "quality";
    }

    @Override
    public String title() {
        return "Quality on real resumes: career paths, skills, RAG retrieval, per encoder";
    }

    @Override
    public SectionResult run(BenchContext context) {
        Path dir = QualityData.directory();
        if (!QualityData.present(dir)) {
            return SectionResult.notMeasured(id(), title(), "skipped: data not found (" + dir.toAbsolutePath().normalize()
                    + " lacks " + QualityData.CATEGORIES + " or " + QualityData.ENTITIES + "; set -Dbench.data)");
        }
        QualityData data = QualityData.load(dir);
        List<String> encoders = Arrays.stream(System.getProperty("bench.quality.encoders",
                String.join(",", ModelDescriptor.SHIPPED)).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        CareerQuality careers = new CareerQuality(data.categorised());
        SkillQuality skills = new SkillQuality(data.annotated(), context.seed());
        RagQuality rag = new RagQuality(data.annotated());
        List<String> speedTexts = rag.contexts();
        speedTexts = speedTexts.subList(0, Math.min(context.size("quality.speed-texts", 256), speedTexts.size()));

        List<List<String>> careerRows = new ArrayList<>();
        List<List<String>> skillRows = new ArrayList<>();
        List<List<String>> ragRows = new ArrayList<>();
        List<List<String>> speedRows = new ArrayList<>();
        List<List<String>> sweepRows = new ArrayList<>();
        CareerQuality.Row reference = careers.tfidfBaseline();
        careerRows.add(careerRow("(none)", reference));
        SkillQuality.Result lastSkills = null;
        RagQuality.Result lastRag = null;
        for (String name : encoders) {
            System.out.println("[bench] quality: " + name);
            try (DjlTextEncoder raw = QualityEncoders.load(name)) {
                double rate = QualityEncoders.sentencesPerSecond(raw, speedTexts);
                TextEncoder encoder = QualityEncoders.memo(raw);
                for (CareerQuality.Row row : QualityEncoders.careerRows(careers, encoder)) {
                    careerRows.add(careerRow(name, row));
                }
                if (Boolean.getBoolean("bench.quality.sweep")) {
                    sweepRows.addAll(QualityEncoders.sweep(careers, encoder, name));
                    continue; // a sweep is for choosing career defaults only
                }
                SkillQuality.Result s = skills.run(encoder, QualityEncoders.skillThreshold());
                lastSkills = s;
                skillRows.add(List.of(name, f(s.matchedPrecision()), f(s.matchedRecall()), f(s.missingPrecision()),
                        f(s.missingRecall())));
                RagQuality.Result r = rag.run(encoder);
                lastRag = r;
                ragRows.add(List.of(name, f(r.hitRateAt4()), f(r.answeredRate()), f(r.refusalRate())));
                speedRows.add(List.of(name, String.format(Locale.ROOT, "%.1f", rate), raw.info().version()));
            }
        }
        SectionResult result = new SectionResult(id(), title())
                .metric("categorised resumes", data.categorised().size())
                .metric("categories", careers.categories().size())
                .metric("annotated resumes", data.annotated().size())
                .metric("RAG questions", rag.questions())
                .metric("encoder speed texts (RAG chunk contexts)", speedTexts.size());
        if (lastSkills != null) {
            result.metric("skill extraction recall (parser vs Skills annotations)", lastSkills.extractionRecall())
                    .metric("skill extraction precision (parser vs Skills annotations)", lastSkills.extractionPrecision())
                    .metric("resume-job pairs (skills)", lastSkills.pairs());
        }
        if (lastRag != null) {
            result.metric("RAG answerable / unanswerable questions", lastRag.answerable() + " / " + lastRag.unanswerable());
        }
        if (!sweepRows.isEmpty()) {
            result.table(new SectionResult.Table("Career scoring sweep (-Dbench.quality.sweep=true)",
                    List.of("encoder", "mode", "label weight", "hub weight", "lexical weight",
                            "top-1/top-3 (zero-shot or 1-shot)", "3-shot top-1/top-3"), sweepRows));
        }
        return result
                .table(new SectionResult.Table("Career paths on " + QualityData.CATEGORIES + " (leave-one-out for few-shot)",
                        List.of("encoder", "method", "top-1", "top-3", "ECE (10 bins)", "NLL-fitted temperature", "resumes"), careerRows))
                .table(new SectionResult.Table("Skills: matched_skills / missing_skills on resume-job pairs",
                        List.of("encoder", "matched precision", "matched recall", "missing precision", "missing recall"),
                        skillRows))
                .table(new SectionResult.Table("RAG retrieval (rag worker defaults)",
                        List.of("encoder", "hit rate @4 (answerable)", "answered (answerable)", "refused (unanswerable)"),
                        ragRows))
                .table(new SectionResult.Table("Encoder speed (batch 32, best of 2 rounds)",
                        List.of("encoder", "sentences/s", "model.version"), speedRows))
                .note("Data: " + dir.toAbsolutePath().normalize() + " (read at run time, never copied into the repository).")
                .note("Career zero-shot sends the category names as labels; few-shot adds up to k other resumes of each"
                        + " category as examples (file order), so a category with fewer resumes gets fewer examples.")
                .note("Skill pairs: per annotated resume a job asking for up to 4 of its annotated skills and up to 4"
                        + " skills of other resumes that its text never mentions; the resume's skills are the parser's.")
                .note("RAG: questions in bench/src/main/resources/quality/rag-questions.tsv (resume index, question,"
                        + " expected answer text); a hit is the expected text inside one of the 4 retrieved chunks.");
    }

    private static List<String> careerRow(String encoder, CareerQuality.Row row) {
        return List.of(encoder, row.method(), f(row.top1()), f(row.top3()), Double.isNaN(row.ece()) ? "-" : f(row.ece()),
                f(row.fittedTemperature()), String.valueOf(row.n()));
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", Stats.round(v));
    }
}
