package com.talentpipeline.scoring.career;

import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Career paths for a resume against a label set (built-in, a caller's labels or a stored taxonomy),
 * zero-shot from label texts and few-shot from example resumes.
 *
 * <p>Each label's score is the cosine between the resume's embedding and the label's prototype, minus
 * the label's hub score, plus a lexical term:
 * <ul>
 *   <li><b>Expansion.</b> A bare label that names a built-in path ("HR", "PMO", "Hadoop") borrows its
 *       description and typical skills, so the model reads what the label means, not two letters.</li>
 *   <li><b>Few-shot prototype.</b> The normalised sum of the label text's embedding, counted as
 *       {@code labelWeight} examples, and the examples' embeddings: one or two examples refine the
 *       label instead of replacing it, so examples never make a label worse than its name alone.</li>
 *   <li><b>Hub correction</b> (CSLS-style). Some label texts sit close to every resume ("SAP
 *       Developer" attracts sales, legal and database resumes). A label's hub score is the mean cosine
 *       of its prototype with its {@code hubNeighbours} nearest reference resumes: the other labels'
 *       examples when the set has enough of them, else the built-in paths' texts (minus the label's own
 *       path). {@code hubWeight} of it is subtracted.</li>
 *   <li><b>Lexical evidence.</b> {@code lexicalWeight} times the TF-IDF cosine between the resume and
 *       the label's text and examples: the words of a trade (ABAP, litigation, Hive) are strong
 *       evidence that sentence embeddings blur.</li>
 * </ul>
 * Confidences are a softmax of the scores over the whole set with the temperature fitted for the
 * mode (zero-shot or few-shot; see the bench's quality section), so the top-k confidences sum to at
 * most 1 and track accuracy.
 */
public final class CareerPredictor {

    /**
     * How labels are scored.
     *
     * @param zeroShotTemperature softmax temperature when no label has examples
     * @param fewShotTemperature  softmax temperature when labels have examples
     * @param labelWeight         the label text's weight in a few-shot prototype, in examples
     * @param hubWeight           share of the hub score subtracted from a label's score, zero-shot (0: off)
     * @param fewShotHubWeight    the same when labels have examples (the hub reference is then their examples)
     * @param hubNeighbours       reference resumes a hub score averages over
     * @param lexicalWeight       weight of the TF-IDF cosine next to the embedding cosine, zero-shot (0: off)
     * @param fewShotLexicalWeight the same when labels have examples
     * @param minReferences       examples of other labels needed to use them as the hub reference
     */
    public record Settings(double zeroShotTemperature, double fewShotTemperature, double labelWeight, double hubWeight,
            double fewShotHubWeight, int hubNeighbours, double lexicalWeight, double fewShotLexicalWeight,
            int minReferences) {

        public Settings {
            if (zeroShotTemperature <= 0 || fewShotTemperature <= 0) {
                throw new IllegalArgumentException("temperatures must be positive");
            }
            if (labelWeight < 0 || hubWeight < 0 || fewShotHubWeight < 0 || lexicalWeight < 0
                    || fewShotLexicalWeight < 0 || hubNeighbours < 1 || minReferences < 1) {
                throw new IllegalArgumentException("weights must be >= 0, hubNeighbours and minReferences >= 1");
            }
        }

        /** The defaults of {@code pipeline.scoring.career.*}. */
        public static Settings defaults() {
            return new Settings(0.04, 0.035, 8.0, 0.5, 1.0, 10, 1.0, 0.5, 40);
        }

        /** The hub weight for a set with (few-shot) or without examples. */
        public double hubWeight(boolean fewShot) {
            return fewShot ? fewShotHubWeight : hubWeight;
        }

        /** The lexical weight for a set with (few-shot) or without examples. */
        public double lexicalWeight(boolean fewShot) {
            return fewShot ? fewShotLexicalWeight : lexicalWeight;
        }
    }

    private final TextEncoder encoder;
    private final Settings settings;
    private volatile LabelSet builtIn;
    private volatile float[][] builtInVectors;

    /** Label sets embedded recently, by content hash: a stored taxonomy is not re-embedded on every call. */
    private final Map<String, LabelSet> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LabelSet> eldest) {
            return size() > 32;
        }
    });

    public CareerPredictor(TextEncoder encoder, Settings settings) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public TextEncoder encoder() {
        return encoder;
    }

    public Settings settings() {
        return settings;
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

    /** Like {@link #embed}, reusing a recently embedded identical label set. */
    public LabelSet embedCached(List<CareerLabel> labels) {
        String key = ContentHash.of(labels);
        LabelSet set = recent.get(key);
        if (set == null) {
            set = embed(labels);
            recent.put(key, set);
        }
        return set;
    }

    /** A label naming a built-in path borrows its description (unless it has one) and typical skills. */
    public static CareerLabel expand(CareerLabel label) {
        if (!label.skills().isEmpty()) {
            return label;
        }
        return CareerTaxonomy.builtIn().find(label.name())
                .or(() -> CareerTaxonomy.builtIn().find(label.id()))
                .map(path -> new CareerLabel(label.id(), label.name(),
                        label.description().isEmpty() ? path.description() : label.description(), path.skills(),
                        label.examples()))
                .orElse(label);
    }

    /** Expands and embeds labels (one model call for all label texts and examples). */
    public LabelSet embed(List<CareerLabel> rawLabels) {
        List<CareerLabel> labels = rawLabels.stream().map(CareerPredictor::expand).toList();
        List<String> texts = new ArrayList<>();
        for (CareerLabel label : labels) {
            texts.add(label.zeroShotText());
        }
        for (CareerLabel label : labels) {
            texts.addAll(label.examples());
        }
        float[][] vectors = encoder.embed(texts);
        int n = labels.size();
        float[][] prototypes = new float[n][];
        List<float[]> references = new ArrayList<>();
        int[] referenceOwner = new int[vectors.length - n];
        int next = n;
        for (int l = 0; l < n; l++) {
            int examples = labels.get(l).examples().size();
            float[] sum = new float[vectors[l].length];
            double labelWeight = examples == 0 ? 1 : settings.labelWeight();
            for (int d = 0; d < sum.length; d++) {
                sum[d] = (float) (labelWeight * vectors[l][d]);
            }
            for (int k = 0; k < examples; k++, next++) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += vectors[next][d];
                }
                referenceOwner[references.size()] = l;
                references.add(vectors[next]);
            }
            prototypes[l] = Vectors.normalised(sum);
        }
        double[] hubs = hubs(labels, prototypes, references, referenceOwner);
        // Lexical profiles: IDF over the set's own texts, each label's centroid of its text and examples.
        List<String> documents = new ArrayList<>(texts);
        TfIdf lexicon = TfIdf.fit(documents);
        List<Map<String, Double>> lexical = new ArrayList<>();
        for (CareerLabel label : labels) {
            List<Map<String, Double>> parts = new ArrayList<>();
            parts.add(lexicon.vector(label.zeroShotText()));
            for (String example : label.examples()) {
                parts.add(lexicon.vector(example));
            }
            lexical.add(TfIdf.centroid(parts));
        }
        boolean fewShot = labels.stream().anyMatch(l -> !l.examples().isEmpty());
        return new LabelSet(labels, prototypes, hubs, lexicon, lexical,
                fewShot ? settings.fewShotTemperature() : settings.zeroShotTemperature());
    }

    /**
     * Hub score per label: mean cosine with its nearest reference resumes, the other labels' examples
     * when there are enough, else the built-in paths' texts other than the label's own path.
     */
    private double[] hubs(List<CareerLabel> labels, float[][] prototypes, List<float[]> examples, int[] owner) {
        double[] hubs = new double[labels.size()];
        if (settings.hubWeight(!examples.isEmpty()) == 0) {
            return hubs;
        }
        // Examples of other labels are real resumes of the caller's domain; below minReferences of them the
        // built-in paths' texts join the reference, so a set with one example per label still gets a stable hub.
        boolean examplesOnly = examples.size() >= settings.minReferences();
        float[][] builtInTexts = examplesOnly ? null : builtInVectors();
        List<CareerLabel> paths = CareerTaxonomy.builtIn().paths();
        for (int l = 0; l < labels.size(); l++) {
            List<Double> sims = new ArrayList<>();
            for (int r = 0; r < examples.size(); r++) {
                if (owner[r] != l) {
                    sims.add((double) Vectors.dot(prototypes[l], examples.get(r)));
                }
            }
            if (!examplesOnly) {
                String own = CareerTaxonomy.builtIn().find(labels.get(l).name()).map(CareerLabel::id).orElse(null);
                for (int r = 0; r < paths.size(); r++) {
                    if (!paths.get(r).id().equals(own) && !paths.get(r).id().equals(labels.get(l).id())) {
                        sims.add((double) Vectors.dot(prototypes[l], builtInTexts[r]));
                    }
                }
            }
            sims.sort(Comparator.reverseOrder());
            int k = Math.min(settings.hubNeighbours(), sims.size());
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += sims.get(i);
            }
            hubs[l] = k == 0 ? 0 : sum / k;
        }
        return hubs;
    }

    /** The built-in paths' label texts, embedded once: the zero-shot hub reference. */
    private float[][] builtInVectors() {
        float[][] v = builtInVectors;
        if (v == null) {
            synchronized (this) {
                if (builtInVectors == null) {
                    builtInVectors = encoder.embed(CareerTaxonomy.builtIn().paths().stream().map(CareerLabel::zeroShotText).toList());
                }
                v = builtInVectors;
            }
        }
        return v;
    }

    /** The input text's embedding. */
    public float[] embedText(String text) {
        return encoder.embed(List.of(text))[0];
    }

    /** The top-k labels for a text (embedding and lexical evidence). */
    public List<CareerPrediction> predict(String text, LabelSet set, int topK) {
        return predict(text, embedText(text), set, topK);
    }

    /** The top-k labels for a text whose embedding is already known. */
    public List<CareerPrediction> predict(String text, float[] input, LabelSet set, int topK) {
        return rank(scores(text, input, set), input, set, topK);
    }

    /** The top-k labels for an embedded input without a text (no lexical evidence), e.g. a student profile. */
    public List<CareerPrediction> predict(float[] input, LabelSet set, int topK) {
        return rank(scores(null, input, set), input, set, topK);
    }

    /**
     * Every label's score (before the softmax), in label order.
     *
     * @param text  the input text, or null to leave out the lexical term
     * @param input the input's embedding
     * @param set   the labels
     * @return one score per label
     */
    public double[] scores(String text, float[] input, LabelSet set) {
        int n = set.labels().size();
        double[] scores = new double[n];
        boolean fewShot = set.fewShot();
        double lexicalWeight = settings.lexicalWeight(fewShot);
        double hubWeight = settings.hubWeight(fewShot);
        Map<String, Double> lexical = text == null || lexicalWeight == 0 ? null : set.lexicon().vector(text);
        for (int i = 0; i < n; i++) {
            scores[i] = Vectors.dot(input, set.prototypes()[i]) - hubWeight * set.hubs()[i];
            if (lexical != null) {
                scores[i] += lexicalWeight * TfIdf.dot(lexical, set.lexical().get(i));
            }
        }
        return scores;
    }

    private List<CareerPrediction> rank(double[] scores, float[] input, LabelSet set, int topK) {
        int n = scores.length;
        double[] p = Calibration.softmax(scores, set.temperature());
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<CareerPrediction> out = new ArrayList<>();
        for (int r = 0; r < Math.min(topK, n); r++) {
            int i = order[r];
            CareerLabel label = set.labels().get(i);
            out.add(new CareerPrediction(label.id(), label.name(), floor(p[i]),
                    floor(Vectors.dot(input, set.prototypes()[i])), List.of()));
        }
        return List.copyOf(out);
    }

    private static double floor(double v) {
        // Floor, not round: rounded confidences of the top k must still sum to at most 1.
        return Math.floor(v * 10_000) / 10_000.0;
    }
}
