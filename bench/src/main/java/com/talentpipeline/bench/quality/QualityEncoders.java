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

    /** The scoring worker's default career settings. */
    public static CareerPredictor.Settings careerSettings() {
        return bind("pipeline.scoring", ScoringProperties.class).career().settings();
    }

    /** Zero-shot, 1-shot and 3-shot rows of the scoring worker's predictor with its default settings. */
    public static List<CareerQuality.Row> careerRows(CareerQuality careers, TextEncoder encoder) {
        return careerRows(careers, encoder, careerSettings());
    }

    /** Career rows over a grid of scoring weights, for choosing the defaults (printed as it goes). */
    public static List<List<String>> sweep(CareerQuality careers, TextEncoder encoder, String name) {
        CareerPredictor.Settings d = careerSettings();
        List<List<String>> rows = new java.util.ArrayList<>();
        // Zero-shot and few-shot weights are independent: two grids.
        for (double hub : new double[] {0.5}) {
            for (double lexical : new double[] {1}) {
                CareerPredictor.Settings s = new CareerPredictor.Settings(d.zeroShotTemperature(), d.fewShotTemperature(),
                        d.labelWeight(), hub, d.fewShotHubWeight(), d.hubNeighbours(), lexical, d.fewShotLexicalWeight(),
                        d.minReferences());
                CareerQuality.Row r = careers.evaluate("zero-shot", new CareerPredictor(encoder, s), 0);
                List<String> row = List.of(name, "zero-shot", "-", String.valueOf(hub), String.valueOf(lexical), pair(r),
                        "T=" + r.fittedTemperature());
                System.out.println("[sweep] " + row);
                rows.add(row);
            }
        }
        int minReferences = Integer.getInteger("bench.quality.sweep.min-references", d.minReferences());
        for (double label : new double[] {4, 8}) {
            for (double hub : new double[] {0.5, 0.75, 1}) {
                for (double lexical : new double[] {0.5, 1}) {
                    CareerPredictor.Settings s = new CareerPredictor.Settings(d.zeroShotTemperature(),
                            d.fewShotTemperature(), label, d.hubWeight(), hub, d.hubNeighbours(), d.lexicalWeight(),
                            lexical, minReferences);
                    CareerPredictor p = new CareerPredictor(encoder, s);
                    CareerQuality.Row three = careers.evaluate("3", p, 3);
                    List<String> row = List.of(name, "few-shot", String.valueOf(label), String.valueOf(hub),
                            String.valueOf(lexical), pair(careers.evaluate("1", p, 1)), pair(three) + " T=" + three.fittedTemperature());
                    System.out.println("[sweep] " + row);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String pair(CareerQuality.Row r) {
        return String.format(java.util.Locale.ROOT, "%.3f/%.3f", r.top1(), r.top3());
    }

    /** Zero-shot, 1-shot and 3-shot rows of the predictor with the given settings. */
    public static List<CareerQuality.Row> careerRows(CareerQuality careers, TextEncoder encoder,
            CareerPredictor.Settings settings) {
        CareerPredictor predictor = new CareerPredictor(encoder, settings);
        return List.of(careers.evaluate("zero-shot (label names)", predictor, 0),
                careers.evaluate("1-shot leave-one-out", predictor, 1),
                careers.evaluate("3-shot leave-one-out", predictor, 3));
    }
}
