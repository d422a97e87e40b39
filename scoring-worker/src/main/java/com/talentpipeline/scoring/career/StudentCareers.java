package com.talentpipeline.scoring.career;

import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The seeds' student variant: grades per subject (0-100) and interests in, careers out. The profile is
 * described in words (strong subjects first, with their grades; interests) and predicted like a resume;
 * each career then names the subjects and interests closest to it, as its reasons.
 */
public final class StudentCareers {

    /** Grades at or above this count as strengths in the profile text. */
    static final int STRONG = 70;

    private final CareerPredictor predictor;

    public StudentCareers(CareerPredictor predictor) {
        this.predictor = predictor;
    }

    /** The profile sentence the model reads. */
    public static String profile(Map<String, Integer> grades, List<String> interests) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(grades.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> strong = new ArrayList<>();
        for (var e : sorted) {
            if (e.getValue() >= STRONG) {
                strong.add(e.getKey() + " (" + e.getValue() + ")");
            }
        }
        StringBuilder text = new StringBuilder("Student");
        if (!strong.isEmpty()) {
            text.append(" with strong grades in ").append(String.join(", ", strong));
        }
        if (!interests.isEmpty()) {
            text.append(strong.isEmpty() ? " " : " and ").append("interested in ").append(String.join(", ", interests));
        }
        return text.append('.').toString();
    }

    /** The top-k careers for the student, each with the subjects/interests that point to it most. */
    public List<CareerPrediction> predict(Map<String, Integer> grades, List<String> interests, LabelSet set, int topK) {
        List<String> signals = new ArrayList<>();
        grades.forEach((subject, grade) -> {
            if (grade >= STRONG) {
                signals.add(subject);
            }
        });
        signals.addAll(interests);
        List<String> texts = new ArrayList<>();
        texts.add(profile(grades, interests));
        texts.addAll(signals);
        float[][] vectors = predictor.encoder().embed(texts);
        List<CareerPrediction> top = predictor.predict(vectors[0], set, topK);
        List<CareerPrediction> out = new ArrayList<>();
        for (CareerPrediction p : top) {
            int index = indexOf(set, p.id());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < signals.size(); i++) {
                order.add(i);
            }
            float[] proto = set.prototypes()[index];
            order.sort(Comparator.comparingDouble((Integer i) -> Vectors.dot(vectors[i + 1], proto)).reversed());
            List<String> because = order.stream().limit(2).map(signals::get).toList();
            out.add(new CareerPrediction(p.id(), p.careerPath(), p.confidence(), p.similarity(), because));
        }
        return out;
    }

    private static int indexOf(LabelSet set, String id) {
        for (int i = 0; i < set.labels().size(); i++) {
            if (set.labels().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
