package com.talentpipeline.bench.quality;

import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.config.ScoringProperties;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Loads the candidate encoders and runs the per-encoder measurements with the workers' default settings. */
public final class QualityEncoders {

    private QualityEncoders() {
    }

    /** A bundled model by name, as a worker loads it with {@code TEXT_MODEL=name}. */
    public static DjlTextEncoder load(String name) {
        TextModelProperties properties = new TextModelProperties();
        properties.setBundled(name);
        properties.setBatchSize(32);
        return DjlTextEncoder.load(properties, null);
    }

    /** The encoder, remembering vectors across the measurements. */
    public static TextEncoder memo(TextEncoder encoder) {
        return new MemoEncoder(encoder);
    }

    /** Best of two timed rounds after a warm-up. */
    public static double sentencesPerSecond(TextEncoder encoder, List<String> texts) {
        encoder.embed(texts.subList(0, Math.min(32, texts.size())));
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            encoder.embed(texts);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return texts.size() / (best / 1e9);
    }

    static <T> T bind(String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate(prefix, type);
    }

    /** The matching worker's default skill threshold. */
    public static double skillThreshold() {
        return bind("pipeline.matching", MatchingProperties.class).skillThreshold();
    }

    /** Zero-shot, 1-shot and 3-shot rows of the scoring worker's predictor with its default settings. */
    public static List<CareerQuality.Row> careerRows(CareerQuality careers, TextEncoder encoder) {
        ScoringProperties.Career settings = bind("pipeline.scoring", ScoringProperties.class).career();
        CareerPredictor predictor = new CareerPredictor(encoder, settings.temperature());
        return List.of(careers.evaluate("zero-shot (label names)", predictor, 0),
                careers.evaluate("1-shot leave-one-out", predictor, 1),
                careers.evaluate("3-shot leave-one-out", predictor, 3));
    }
}
