package com.talentpipeline.scoring.career;

import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Zero-shot (and few-shot) career paths: cosine similarity between the input's embedding and each
 * label's prototype, turned into confidences by a softmax with a temperature over the whole label set,
 * so the top-k confidences sum to at most 1.
 */
public final class CareerPredictor {

    private final TextEncoder encoder;
    private final double temperature;
    private volatile LabelSet builtIn;

    /**
     * @param temperature softmax temperature on cosine similarities; smaller is more decisive
     */
    public CareerPredictor(TextEncoder encoder, double temperature) {
        if (temperature <= 0) {
            throw new IllegalArgumentException("temperature must be positive");
        }
        this.encoder = encoder;
        this.temperature = temperature;
    }

    public TextEncoder encoder() {
        return encoder;
    }

    /** The built-in taxonomy's label set, embedded once. */
    public LabelSet builtIn() {
        LabelSet set = builtIn;
        if (set == null) {
            synchronized (this) {
                if (builtIn == null) {
                    builtIn = embed(CareerTaxonomy.builtIn().paths());
                }
                set = builtIn;
            }
        }
        return set;
    }

    /** Label sets embedded recently, by content hash: a stored taxonomy is not re-embedded on every call. */
    private final java.util.Map<String, LabelSet> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, LabelSet> eldest) {
                    return size() > 32;
                }
            });

    /** Like {@link #embed}, reusing the prototypes of a recently embedded identical label set. */
    public LabelSet embedCached(List<CareerLabel> labels) {
        String key = com.talentpipeline.core.hash.ContentHash.of(labels);
        LabelSet set = recent.get(key);
        if (set == null) {
            set = embed(labels);
            recent.put(key, set);
        }
        return set;
    }

    /** Embeds labels into prototypes (one model call for all label texts and examples). */
    public LabelSet embed(List<CareerLabel> labels) {
        List<String> texts = new ArrayList<>();
        for (CareerLabel label : labels) {
            if (label.examples().isEmpty()) {
                texts.add(label.zeroShotText());
            } else {
                texts.addAll(label.examples());
            }
        }
        float[][] vectors = encoder.embed(texts);
        float[][] prototypes = new float[labels.size()][];
        int i = 0;
        for (int l = 0; l < labels.size(); l++) {
            int n = Math.max(1, labels.get(l).examples().size());
            float[] mean = new float[vectors[i].length];
            for (int k = 0; k < n; k++, i++) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += vectors[i][d];
                }
            }
            prototypes[l] = Vectors.normalised(mean);
        }
        return new LabelSet(List.copyOf(labels), prototypes);
    }

    /** The input text's embedding. */
    public float[] embedText(String text) {
        return encoder.embed(List.of(text))[0];
    }

    /** The top-k labels for an embedded input. */
    public List<CareerPrediction> predict(float[] input, LabelSet set, int topK) {
        int n = set.labels().size();
        double[] sims = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            sims[i] = Vectors.dot(input, set.prototypes()[i]);
            max = Math.max(max, sims[i]);
        }
        double[] exp = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            exp[i] = Math.exp((sims[i] - max) / temperature);
            sum += exp[i];
        }
        List<CareerPrediction> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CareerLabel label = set.labels().get(i);
            all.add(new CareerPrediction(label.id(), label.name(), round(exp[i] / sum), round(sims[i]), List.of()));
        }
        all.sort(Comparator.comparingDouble(CareerPrediction::similarity).reversed());
        return List.copyOf(all.subList(0, Math.min(topK, n)));
    }

    private static double round(double v) {
        // Floor, not round: rounded confidences of the top k must still sum to at most 1.
        return Math.floor(v * 10_000) / 10_000.0;
    }
}
