package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.parsing.Datasets;
import com.talentpipeline.bench.parsing.ParsingEvaluation;
import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.document.ParsedResume;
import com.talentpipeline.ingest.resume.ResumeUploads;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Resume parsing on real resumes: per-field precision, recall and F1 against hand annotations
 * ({@code resume-entities-dev.jsonl}) and the share of resumes accepted, plus acceptance, skills and
 * roles on a categorised set ({@code resume-categories-dev.csv}). Each resume goes through
 * {@link ResumeUploads#parse} as a {@code text/plain} file, the code path of {@code POST /v1/resumes}
 * with a file, with the service's default settings. Needs no stack and no model. Data from
 * {@code -Dbench.data} (default {@code ../shared/data} next to the repository); skipped when absent.
 */
public final class ParsingSection implements BenchSection {

    static final String ENTITIES = "resume-entities-dev.jsonl";
    static final String CATEGORIES = "resume-categories-dev.csv";

    @Override
    public String id() {
        return "parsing";
    }

    @Override
    public String title() {
        return "Resume parsing on real resumes: per-field precision/recall/F1";
    }

    @Override
    public boolean needsEncoder() {
        return false;
    }

    /** The data folder: {@code -Dbench.data}, else {@code ../shared/data} relative to the repository root. */
    static Path dataDir() {
        String configured = System.getProperty("bench.data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path out = Path.of(System.getProperty("bench.out", "bench")).toAbsolutePath();
        Path root = out.getParent() == null ? out : out.getParent(); // bench.out is <repo>/bench
        return root.resolveSibling("shared").resolve("data");
    }

    @Override
    public SectionResult run(BenchContext context) throws Exception {
        Path dir = dataDir();
        Path entities = dir.resolve(ENTITIES);
        Path categories = dir.resolve(CATEGORIES);
        if (!Files.isRegularFile(entities)) {
            System.out.println("[bench] parsing skipped: data not found at " + entities);
            return SectionResult.notMeasured(id(), title(), "skipped: data not found (" + entities
                    + "); set -Dbench.data to the folder holding " + ENTITIES + " and " + CATEGORIES);
        }
        IngestProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("pipeline.ingest", IngestProperties.class);
        List<String> rejections = new ArrayList<>();
        ParsingEvaluation.Result result;
        try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
            ResumeUploads uploads = new ResumeUploads(properties, validators.getValidator());
            result = ParsingEvaluation.run(Datasets.entities(entities),
                    Files.isRegularFile(categories) ? Datasets.categories(categories) : List.of(),
                    text -> parse(uploads, text, rejections), rejections);
        }
        if (Boolean.getBoolean("bench.parsing.misses")) {
            result.misses().forEach(m -> System.out.println("[miss] " + m));
            rejections.forEach(r -> System.out.println("[rejected] " + r));
        }
        SectionResult section = new SectionResult(id(), title())
                .metric("annotated resumes", result.documents())
                .metric("accepted (annotated)", share(result.accepted(), result.documents()));
        for (var entry : result.scores().entrySet()) {
            ParsingEvaluation.Score s = entry.getValue();
            String f = entry.getKey().name().toLowerCase().replace('_', ' ');
            section.metric(f + " P / R / F1", "%.3f / %.3f / %.3f".formatted(s.precision(), s.recall(), s.f1()))
                    .metric(f + " predicted / annotated", s.predicted() + " / " + s.gold());
        }
        section.metric("categorised resumes", result.categoryDocuments())
                .metric("accepted (categorised)", share(result.categoryAccepted(), result.categoryDocuments()))
                .metric("with >= 3 skills (categorised)", share(result.withThreeSkills(), result.categoryDocuments()))
                .metric("with >= 1 role (categorised)", share(result.withRole(), result.categoryDocuments()))
                .note("Data: " + dir + " (" + ENTITIES + ": job-board resumes with character-offset annotations; "
                        + CATEGORIES + ": resumes in 25 categories). Each text is parsed as a text/plain upload by"
                        + " ResumeUploads.parse, the API's own path; accepted = no 4xx problem.")
                .note("Matching, per document on distinct values: name and graduation year exact after"
                        + " normalising (lower case, punctuation to spaces); e-mail: the e-mail, else the contact link,"
                        + " equal to the annotated e-mail/profile link after dropping whitespace, a label, scheme,"
                        + " www, query and trailing slash; designation, companies (without legal-form words such as"
                        + " Pvt, Ltd, Inc), college, degree, location: token F1 >= 0.5, paired one to one; skills: a predicted skill is right when its tokens"
                        + " occur inside an annotated skills span, and an annotated item (span cut at commas,"
                        + " semicolons, bullets, line ends, without 'Label:' and durations) is found when a predicted"
                        + " skill matches it (token F1 >= 0.5) or lies inside it.")
                .note("Precision counts only documents where the field was annotated (the annotation is partial);"
                        + " recall counts every annotated value. Designation = headline and role titles;"
                        + " location = the candidate's city from the contact block.")
                .note("A role (categorised) is a dated role or one listed in undatedRoles (a role without dates).");
        return section;
    }

    private static Optional<ParsedResume> parse(ResumeUploads uploads, String text, List<String> rejections) {
        try {
            return Optional.of(uploads.parse(text.getBytes(StandardCharsets.UTF_8), "text/plain")
                    .block(Duration.ofSeconds(30)).parsed());
        } catch (ApiProblemException e) {
            rejections.add(e.code() + ": " + e.getMessage() + " | " + text.substring(0, Math.min(80, text.length()))
                    .replace('\n', ' '));
            return Optional.empty();
        }
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "n/a" : "%d/%d (%.1f%%)".formatted(part, whole, 100.0 * part / whole);
    }
}
