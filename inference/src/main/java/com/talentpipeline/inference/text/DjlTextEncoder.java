package com.talentpipeline.inference.text;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.translator.TextEmbeddingTranslator;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.metrics.InferenceMetrics;
import com.talentpipeline.inference.model.ModelDigests;
import com.talentpipeline.inference.model.ModelInfo;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TextEncoder} backed by any DJL engine, loaded through one generic {@link Criteria} path:
 * the bundled ONNX models ({@link ModelDescriptor}) and a production TorchScript model differ only in
 * {@link TextModelProperties}.
 *
 * <p>Tokenisation, pooling and normalisation are DJL's {@link TextEmbeddingTranslator} (token type
 * ids on, the model's pooling, L2 normalisation). A model trained with prefixes gets its passage
 * prefix on every document window and its query prefix on every query. Texts longer than the token
 * limit (prefix included) are split into token windows whose vectors are averaged,
 * weighted by window token count (so a short tail window does not outweigh a full one), and
 * re-normalised.
 *
 * <p>Thread-safe: each call uses its own DJL predictor; {@link #close()} waits for running calls.
 */
public final class DjlTextEncoder implements TextEncoder {

    private static final Logger log = LoggerFactory.getLogger(DjlTextEncoder.class);
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    private final ZooModel<String, float[]> model;
    private final HuggingFaceTokenizer modelTokenizer;
    private final HuggingFaceTokenizer countingTokenizer;
    private final TokenWindows windows;
    private final String queryPrefix;
    private final String passagePrefix;
    private final ModelInfo info;
    private final int batchSize;
    private final InferenceMetrics metrics;
    // Read lock per embed call, write lock for close: native memory is never freed under a running call.
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private DjlTextEncoder(ZooModel<String, float[]> model, HuggingFaceTokenizer modelTokenizer,
            HuggingFaceTokenizer countingTokenizer, TokenWindows windows, Settings settings, ModelInfo info,
            int batchSize, MeterRegistry registry) {
        this.model = model;
        this.modelTokenizer = modelTokenizer;
        this.countingTokenizer = countingTokenizer;
        this.windows = windows;
        this.queryPrefix = settings.queryPrefix();
        this.passagePrefix = settings.passagePrefix();
        this.info = info;
        this.batchSize = batchSize;
        this.metrics = InferenceMetrics.of(registry, info);
    }

    /**
     * Loads, warms up and fingerprints a model. Blocks until the model can serve requests.
     *
     * <p>Unless already set, sets the system properties {@code ai.djl.offline=true} and
     * {@code OPT_OUT_TRACKING=true} first: this project never lets DJL download anything at run time.
     *
     * @param properties model settings
     * @param registry   meter registry for {@link InferenceMetrics}, or {@code null} for none
     * @return a ready encoder
     * @throws EmbeddingException if the model or tokenizer cannot be loaded
     */
    public static DjlTextEncoder load(TextModelProperties properties, MeterRegistry registry) {
        Objects.requireNonNull(properties, "properties");
        if (properties.getBatchSize() < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + properties.getBatchSize());
        }
        forceOffline();
        long started = System.nanoTime();
        Location location = Location.resolve(properties);
        Settings settings = Settings.resolve(properties, location.descriptor());

        HuggingFaceTokenizer modelTokenizer = null;
        HuggingFaceTokenizer countingTokenizer = null;
        ZooModel<String, float[]> model = null;
        try {
            // Pads to the longest input of a batch (stacking needs equal lengths). Never truncates, which
            // overrides the tokenizer.json default (128 for the bundled one): TokenWindows already keeps
            // inputs within maxTokens, and a window that re-tokenised a token longer should reach the model
            // whole rather than lose text.
            modelTokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(location.tokenizer())
                    .optAddSpecialTokens(true)
                    .optPadding(true)
                    .optTruncation(false)
                    .build();
            countingTokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(location.tokenizer())
                    .optPadding(false)
                    .optTruncation(false)
                    .build();
            // The prefix is added to every window, so the windows leave room for the longer one.
            int prefixTokens = Math.max(countingTokenizer.encode(settings.queryPrefix(), false, false).getIds().length,
                    countingTokenizer.encode(settings.passagePrefix(), false, false).getIds().length);
            TokenWindows windows = new TokenWindows(countingTokenizer, settings.maxTokens() - prefixTokens);

            TextEmbeddingTranslator translator = TextEmbeddingTranslator.builder(modelTokenizer)
                    .optPoolingMode(settings.pooling())
                    .optNormalize(true)
                    .optIncludeTokenTypes(properties.isIncludeTokenTypes())
                    .build();
            Criteria.Builder<String, float[]> criteria = Criteria.builder()
                    .setTypes(String.class, float[].class)
                    .optEngine(properties.getEngine())
                    .optTranslator(translator);
            if (location.localPath() != null) {
                criteria.optModelPath(location.localPath());
            } else {
                criteria.optModelUrls(location.url());
            }
            if (location.modelFileName() != null) {
                criteria.optModelName(location.modelFileName());
            }
            Device device = parseDevice(properties.getDevice());
            if (device != null) {
                criteria.optDevice(device);
            }
            model = criteria.build().loadModel();

            // Warm-up doubles as a smoke test and tells us the output dimension.
            int dimension;
            try (Predictor<String, float[]> predictor = model.newPredictor()) {
                dimension = predictor.batchPredict(List.of("warm-up")).get(0).length;
            }
            String digest = location.digest() != null
                    ? location.digest()
                    : ModelDigests.sha256(location.weightsFile() != null
                            ? location.weightsFile()
                            : ModelDigests.weightsFile(model.getModelPath()));
            String name = properties.getName() == null || properties.getName().isBlank()
                    ? location.defaultName()
                    : properties.getName();
            long loadMillis = (System.nanoTime() - started) / 1_000_000;
            ModelInfo info = new ModelInfo(name, ModelInfo.versionOf(name, digest), dimension,
                    model.getNDManager().getEngine().getEngineName(),
                    describe(model.getNDManager().getDevice()), digest, loadMillis, location.source());
            log.info("Loaded text model {} ({} dims, {} on {}, {} pooling, max {} tokens, query prefix '{}',"
                    + " passage prefix '{}') from {} in {} ms", info.version(), dimension, info.engine(), info.device(),
                    settings.pooling(), settings.maxTokens(), settings.queryPrefix(), settings.passagePrefix(),
                    info.source(), loadMillis);
            return new DjlTextEncoder(model, modelTokenizer, countingTokenizer, windows, settings, info,
                    properties.getBatchSize(), registry);
        } catch (IOException | ModelNotFoundException | MalformedModelException | TranslateException
                | RuntimeException e) {
            closeQuietly(model);
            closeQuietly(modelTokenizer);
            closeQuietly(countingTokenizer);
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new EmbeddingException("Cannot load text model from " + location.source(), e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public ModelInfo info() {
        return info;
    }

    /** {@inheritDoc} */
    @Override
    public float[][] embed(List<String> texts) {
        return embed(texts, passagePrefix);
    }

    /** {@inheritDoc} */
    @Override
    public float[][] embedQueries(List<String> queries) {
        return embed(queries, queryPrefix);
    }

    private float[][] embed(List<String> texts, String prefix) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("Text encoder " + info.version() + " is closed");
            }
            return embedOpen(texts, prefix);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private float[][] embedOpen(List<String> texts, String prefix) {
        // Flatten texts into model inputs; only texts over the token limit become several windows,
        // which stay contiguous and in text order.
        List<Input> inputs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = Objects.requireNonNull(texts.get(i), "texts must not contain null");
            for (TokenWindows.Window w : windows.split(text)) {
                inputs.add(new Input(i, prefix.isEmpty() ? w.text() : prefix + w.text(), w.tokens()));
            }
        }
        // Batching inputs of similar length keeps padding (wasted compute) low; padding is masked, so
        // a vector does not depend on its batch neighbours.
        Integer[] order = new Integer[inputs.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingInt(j -> inputs.get(j).tokens()));

        float[][] vectors = new float[inputs.size()][];
        try (Predictor<String, float[]> predictor = model.newPredictor()) {
            for (int from = 0; from < order.length; from += batchSize) {
                int to = Math.min(from + batchSize, order.length);
                List<String> batch = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    batch.add(inputs.get(order[k]).text());
                }
                long t0 = System.nanoTime();
                List<float[]> out = predictor.batchPredict(batch); // one forward pass
                metrics.recordForwardPass(batch.size(), System.nanoTime() - t0);
                for (int k = from; k < to; k++) {
                    vectors[order[k]] = out.get(k - from);
                }
            }
        } catch (TranslateException e) {
            throw new EmbeddingException("Inference failed on " + info.version(), e);
        }
        metrics.recordTexts(texts.size());
        return pool(texts.size(), inputs, vectors);
    }

    /** Token-weighted mean of window vectors per text, re-normalised; single-window texts pass through. */
    private static float[][] pool(int textCount, List<Input> inputs, float[][] vectors) {
        float[][] result = new float[textCount][];
        int j = 0;
        while (j < inputs.size()) {
            int text = inputs.get(j).textIndex();
            int end = j + 1;
            while (end < inputs.size() && inputs.get(end).textIndex() == text) {
                end++;
            }
            if (end - j == 1) {
                result[text] = vectors[j]; // already L2-normalised by the translator
            } else {
                float[] acc = new float[vectors[j].length];
                for (int k = j; k < end; k++) {
                    int weight = inputs.get(k).tokens();
                    float[] v = vectors[k];
                    for (int d = 0; d < acc.length; d++) {
                        acc[d] += v[d] * weight;
                    }
                }
                normalizeInPlace(acc);
                result[text] = acc;
            }
            j = end;
        }
        return result;
    }

    private static void normalizeInPlace(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float norm = (float) Math.sqrt(Math.max(sum, 1e-24));
        for (int d = 0; d < v.length; d++) {
            v[d] /= norm;
        }
    }

    /** {@inheritDoc} */
    @Override
    public boolean isReady() {
        return !closed;
    }

    /** {@inheritDoc} */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(model);
            closeQuietly(modelTokenizer);
            closeQuietly(countingTokenizer);
            log.info("Closed text model {}", info.version());
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "DjlTextEncoder[" + info.version() + ", " + info.engine() + ", " + info.device() + "]";
    }

    /** One model input: a whole text or one window of a long text. */
    private record Input(int textIndex, String text, int tokens) {
    }

    /**
     * Pooling, token limit and prefixes in effect: each property when set, else the bundled model's
     * descriptor, else (a model from a URL) mean pooling, 256 tokens and no prefixes.
     */
    private record Settings(String pooling, int maxTokens, String queryPrefix, String passagePrefix) {

        static Settings resolve(TextModelProperties p, ModelDescriptor descriptor) {
            String pooling = p.getPooling() != null && !p.getPooling().isBlank() ? p.getPooling().strip()
                    : descriptor != null ? descriptor.pooling() : "mean";
            int maxTokens = p.getMaxTokens() > 0 ? p.getMaxTokens() : descriptor != null ? descriptor.maxTokens() : 256;
            String query = p.getQueryPrefix() != null ? p.getQueryPrefix()
                    : descriptor != null ? descriptor.queryPrefix() : "";
            String passage = p.getPassagePrefix() != null ? p.getPassagePrefix()
                    : descriptor != null ? descriptor.passagePrefix() : "";
            return new Settings(pooling, maxTokens, query, passage);
        }
    }

    /** Where model and tokenizer come from, resolved from the properties before DJL sees them. */
    private record Location(Path localPath, String url, String modelFileName, Path weightsFile, Path tokenizer,
            String digest, String defaultName, String source, ModelDescriptor descriptor) {

        static Location resolve(TextModelProperties p) {
            String configuredTokenizer = p.getTokenizer() == null ? "" : p.getTokenizer().trim();
            String modelUrl = p.getModelUrl() == null ? "" : p.getModelUrl().trim();
            ModelDescriptor bundledModel = ModelDescriptor.of(
                    p.getBundled() == null || p.getBundled().isBlank() ? TextModelProperties.DEFAULT_BUNDLED : p.getBundled());
            if (modelUrl.isEmpty()) {
                BundledTextModel.Extracted bundled = BundledTextModel.extract(bundledModel);
                Path tokenizer = configuredTokenizer.isEmpty() ? bundled.tokenizer() : Paths.get(configuredTokenizer);
                return new Location(bundled.modelDir(), null, bundledModel.name(), bundled.modelFile(), tokenizer,
                        bundled.digest(), bundledModel.name(), bundled.source(), bundledModel);
            }
            Path local = toLocalPath(modelUrl);
            Path tokenizer;
            if (!configuredTokenizer.isEmpty()) {
                tokenizer = Paths.get(configuredTokenizer);
            } else if (local != null && Files.isRegularFile(tokenizerNextTo(local))) {
                tokenizer = tokenizerNextTo(local);
            } else {
                tokenizer = BundledTextModel.extractTokenizer(bundledModel);
            }
            String name = stem(local != null ? local.getFileName().toString() : lastSegment(modelUrl));
            boolean file = local != null && Files.isRegularFile(local);
            // A file is handed to DJL as its directory plus model name, the form every engine accepts.
            return new Location(file ? local.toAbsolutePath().getParent() : local, local == null ? modelUrl : null,
                    file ? name : null, file ? local : null, tokenizer, null, name,
                    local != null ? local.toAbsolutePath().toString() : modelUrl, null);
        }

        private static Path toLocalPath(String modelUrl) {
            if (modelUrl.startsWith("file:")) {
                return Paths.get(URI.create(modelUrl));
            }
            // "C:\models" is a path, not a URL with scheme "C".
            if (URL_SCHEME.matcher(modelUrl).matches() && !Files.exists(Paths.get(modelUrl))) {
                return null;
            }
            Path path = Paths.get(modelUrl);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(
                        "pipeline.inference.text.model-url does not exist: " + path.toAbsolutePath());
            }
            return path;
        }

        private static Path tokenizerNextTo(Path local) {
            Path dir = Files.isDirectory(local) ? local : local.getParent();
            return dir.resolve("tokenizer.json");
        }

        private static String lastSegment(String url) {
            String trimmed = url.replaceAll("[/?#]+$", "");
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }

        private static String stem(String fileName) {
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }
    }

    private static Device parseDevice(String device) {
        String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
        return switch (d) {
            case "", "auto" -> null; // engine default: GPU 0 if the engine sees one, else CPU
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            default -> Device.fromName(d);
        };
    }

    private static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : device.getDeviceType();
    }

    private static void forceOffline() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Failed to close {}", c, e);
        }
    }
}
