package com.talentpipeline.bench.quality;

import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.scoring.career.Calibration;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.career.LabelSet;
import com.talentpipeline.scoring.career.TfIdf;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Career paths on the categorised resumes, as a caller of {@code POST /v1/career-paths/predict}
 * would get them: zero-shot with the category names as labels, and few-shot leave-one-out (each
 * resume scored with a label set whose examples are up to k other resumes of each category, in file
 * order). The TF-IDF nearest-centroid classifier, leave-one-out on the same file, is the reference.
 */
public final class CareerQuality {

    /**
     * @param method what was measured
     * @param top1   share of resumes whose category is the first prediction
     * @param top3   share whose category is among the first three
     * @param ece    expected calibration error of the top-1 confidence, 10 bins (NaN when the method has none)
     * @param n      resumes
     * @param fittedTemperature the temperature that would minimise the NLL on these resumes (NaN: none)
     */
    public record Row(String method, double top1, double top3, double ece, int n, double fittedTemperature) {
    }

    private final List<QualityData.Categorised> data;
    private final List<String> categories;

    public CareerQuality(List<QualityData.Categorised> data) {
        this.data = data;
        this.categories = List.copyOf(new LinkedHashSet<>(data.stream().map(QualityData.Categorised::category).toList()));
    }

    /** The category names, in first-seen order. */
    public List<String> categories() {
        return categories;
    }

    /** The label set a caller sends: each category by name, with up to {@code shots} examples not from resume {@code skip}. */
    public List<CareerLabel> labels(int shots, int skip) {
        List<CareerLabel> labels = new ArrayList<>();
        for (String category : categories) {
            List<String> examples = new ArrayList<>();
            for (int j = 0; j < data.size() && examples.size() < shots; j++) {
                if (j != skip && data.get(j).category().equals(category)) {
                    examples.add(data.get(j).text());
                }
            }
            labels.add(new CareerLabel(category, category, null, List.of(), examples));
        }
        return labels;
    }

    /** Top-1/top-3/ECE of the predictor with {@code shots} examples per label (0: zero-shot). */
    public Row evaluate(String method, CareerPredictor predictor, int shots) {
        int n = data.size();
        float[][] inputs = predictor.encoder().embed(data.stream().map(QualityData.Categorised::text).toList());
        LabelSet zeroShot = shots == 0 ? predictor.embed(labels(0, -1)) : null;
        int top1 = 0;
        int top3 = 0;
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        List<double[]> scores = new ArrayList<>();
        int[] truths = new int[n];
        for (int i = 0; i < n; i++) {
            LabelSet set = zeroShot != null ? zeroShot : predictor.embed(labels(shots, i));
            String text = data.get(i).text();
            List<CareerPrediction> ranked = predictor.predict(text, inputs[i], set, 3);
            scores.add(predictor.scores(text, inputs[i], set));
            String truth = data.get(i).category();
            truths[i] = categories.indexOf(truth);
            correct[i] = ranked.get(0).id().equals(truth);
            confidence[i] = Math.min(1, ranked.get(0).confidence());
            top1 += correct[i] ? 1 : 0;
            top3 += ranked.stream().anyMatch(p -> p.id().equals(truth)) ? 1 : 0;
        }
        return new Row(method, top1 / (double) n, top3 / (double) n,
                Calibration.expectedCalibrationError(confidence, correct, 10), n, Calibration.fitTemperature(scores, truths));
    }

    /** The TF-IDF nearest-centroid reference, leave-one-out: IDF and centroids from the other resumes. */
    public Row tfidfBaseline() {
        int n = data.size();
        int top1 = 0;
        int top3 = 0;
        for (int i = 0; i < n; i++) {
            List<String> train = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    train.add(data.get(j).text());
                }
            }
            TfIdf tfidf = TfIdf.fit(train);
            List<Map.Entry<String, Double>> scores = new ArrayList<>();
            for (String category : categories) {
                List<Map<String, Double>> vectors = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (j != i && data.get(j).category().equals(category)) {
                        vectors.add(tfidf.vector(data.get(j).text()));
                    }
                }
                double s = vectors.isEmpty() ? -1 : TfIdf.dot(tfidf.vector(data.get(i).text()), TfIdf.centroid(vectors));
                scores.add(Map.entry(category, s));
            }
            scores.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed());
            String truth = data.get(i).category();
            top1 += scores.get(0).getKey().equals(truth) ? 1 : 0;
            top3 += scores.subList(0, 3).stream().anyMatch(e -> e.getKey().equals(truth)) ? 1 : 0;
        }
        return new Row("TF-IDF nearest centroid (leave-one-out, reference)", top1 / (double) n, top3 / (double) n,
                Double.NaN, n, Double.NaN);
    }
}
