package com.talentpipeline.inference.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the text embedding model, bound from {@code pipeline.inference.text.*}.
 *
 * <p>The defaults load the bundled model named by {@link #getBundled()} (its ONNX file ships in a
 * langchain4j embeddings jar) on ONNX Runtime/CPU, so a service embeds text with nothing but
 * {@code pipeline.inference.text.enabled=true}. Its pooling, token limit and query/passage prefixes
 * come from its descriptor ({@code talent-pipeline/models/<name>.properties}); each can be overridden
 * here. Another bundled model is one setting ({@code TEXT_MODEL=e5-small-v2}); a production model is
 * a configuration change only, e.g.
 * <pre>
 * pipeline.inference.text.model-url=/models/all-mpnet-base-v2   # dir with model.pt + tokenizer.json
 * pipeline.inference.text.engine=PyTorch
 * pipeline.inference.text.include-token-types=false              # traced with (input_ids, attention_mask)
 * pipeline.inference.text.max-tokens=384
 * </pre>
 */
@ConfigurationProperties(prefix = "pipeline.inference.text")
public class TextModelProperties {

    /** Engine name of ONNX Runtime in DJL. */
    public static final String ONNX_RUNTIME = "OnnxRuntime";
    /** Engine name of PyTorch in DJL. */
    public static final String PYTORCH = "PyTorch";

    /** The bundled model loaded when {@link #getModelUrl()} is empty, chosen by the bench's quality section. */
    public static final String DEFAULT_BUNDLED = "all-minilm-l6-v2";

    private boolean enabled = false;
    private String bundled = DEFAULT_BUNDLED;
    private String modelUrl = "";
    private String engine = ONNX_RUNTIME;
    private String tokenizer = "";
    private String device = "auto";
    private String name = "";
    private int batchSize = 32;
    private int queryCacheSize = 10_000;
    private int maxTokens = 0;
    private String pooling = "";
    private String queryPrefix;
    private String passagePrefix;
    private boolean includeTokenTypes = true;

    /**
     * The bundled model to load when {@link #getModelUrl()} is empty, by name: one of
     * {@code ModelDescriptor.SHIPPED} ({@code all-minilm-l6-v2}, {@code all-minilm-l6-v2-q},
     * {@code bge-small-en-v15}, {@code bge-small-en-v15-q}, {@code e5-small-v2}, {@code e5-small-v2-q}).
     * Default {@value #DEFAULT_BUNDLED}. Changing it changes {@code model.version}, hence every cache key.
     *
     * @return bundled model name
     */
    public String getBundled() {
        return bundled;
    }

    /** @param bundled see {@link #getBundled()} */
    public void setBundled(String bundled) {
        this.bundled = bundled;
    }

    /**
     * Text prepended to every search query ({@code TextEncoder.embedQueries}). Default unset: the
     * bundled model's descriptor (e.g. {@code "query: "} for e5), empty for a model from a URL.
     *
     * @return query prefix, or null for the model's own
     */
    public String getQueryPrefix() {
        return queryPrefix;
    }

    /** @param queryPrefix see {@link #getQueryPrefix()} */
    public void setQueryPrefix(String queryPrefix) {
        this.queryPrefix = queryPrefix;
    }

    /**
     * Text prepended to every document text ({@code TextEncoder.embed}). Default unset: the bundled
     * model's descriptor (e.g. {@code "passage: "} for e5), empty for a model from a URL.
     *
     * @return passage prefix, or null for the model's own
     */
    public String getPassagePrefix() {
        return passagePrefix;
    }

    /** @param passagePrefix see {@link #getPassagePrefix()} */
    public void setPassagePrefix(String passagePrefix) {
        this.passagePrefix = passagePrefix;
    }

    /**
     * Whether to load a text model at all. Default {@code false}, so services that do not embed never
     * pay the start-up time and memory of a model.
     *
     * @return true to load the model and expose the {@code TextEncoder} bean
     */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled see {@link #isEnabled()} */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Where to load the model from. Default empty: the bundled model's ONNX file ({@link #getBundled()}), extracted once into {@code ${DJL_CACHE_DIR or java.io.tmpdir}/talent-pipeline-models}.
     * Otherwise a local file or directory path, or any DJL model URL ({@code file:}, {@code jar:},
     * {@code https:} ...; remote URLs need DJL online mode, which this project never enables).
     *
     * @return model location, empty for the bundled model
     */
    public String getModelUrl() {
        return modelUrl;
    }

    /** @param modelUrl see {@link #getModelUrl()} */
    public void setModelUrl(String modelUrl) {
        this.modelUrl = modelUrl;
    }

    /**
     * DJL engine. Default {@value #ONNX_RUNTIME}; use {@value #PYTORCH} for TorchScript production
     * models (its native library ships in {@code pytorch-native-cpu}, so it also works offline).
     *
     * @return DJL engine name
     */
    public String getEngine() {
        return engine;
    }

    /** @param engine see {@link #getEngine()} */
    public void setEngine(String engine) {
        this.engine = engine;
    }

    /**
     * Path to a HuggingFace {@code tokenizer.json}. Default empty: {@code tokenizer.json} next to a
     * local model when present, otherwise the bundled model's tokenizer.
     *
     * @return tokenizer path, empty for the default
     */
    public String getTokenizer() {
        return tokenizer;
    }

    /** @param tokenizer see {@link #getTokenizer()} */
    public void setTokenizer(String tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Device: {@code auto} (default; the engine's default device, i.e. GPU 0 when the engine sees one,
     * else CPU), {@code cpu}, {@code gpu} or {@code gpu(N)}.
     *
     * @return device selector
     */
    public String getDevice() {
        return device;
    }

    /** @param device see {@link #getDevice()} */
    public void setDevice(String device) {
        this.device = device;
    }

    /**
     * Logical model name used in metrics tags and {@code ModelInfo}. Default empty:
     * the bundled model's name, else the model file/directory name.
     *
     * @return model name, empty to derive it
     */
    public String getName() {
        return name;
    }

    /** @param name see {@link #getName()} */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * Maximum inputs (texts or windows of long texts) per forward pass. Default {@code 32}: enough to
     * amortise per-call overhead on CPU while keeping padding waste and per-request latency low.
     *
     * @return batch size, at least 1
     */
    /** Most query-time vectors (questions, search queries) kept by text; 0 = none. Default 10,000. */
    public int getQueryCacheSize() {
        return queryCacheSize;
    }

    public void setQueryCacheSize(int queryCacheSize) {
        if (queryCacheSize < 0) {
            throw new IllegalArgumentException("pipeline.inference.text.query-cache-size must be >= 0");
        }
        this.queryCacheSize = queryCacheSize;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** @param batchSize see {@link #getBatchSize()} */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * Token limit of one forward pass, special tokens and prefix included. Default {@code 0}: the
     * bundled model's own (256 for all-MiniLM-L6-v2, 512 for bge/e5), 256 for a model from a URL; use
     * 384 for all-mpnet-base-v2. Longer texts are split into windows of this size and their vectors
     * averaged, never truncated.
     *
     * @return token limit per window
     */
    public int getMaxTokens() {
        return maxTokens;
    }

    /** @param maxTokens see {@link #getMaxTokens()} */
    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    /**
     * Token pooling, as understood by DJL's {@code TextEmbeddingTranslator}: {@code mean} (what
     * sentence-transformers uses for MiniLM, mpnet and e5), {@code cls} (bge), {@code max},
     * {@code mean_sqrt_len}, {@code weightedmean} or {@code lasttoken}. Default empty: the bundled
     * model's own, {@code mean} for a model from a URL.
     *
     * @return pooling mode
     */
    public String getPooling() {
        return pooling;
    }

    /** @param pooling see {@link #getPooling()} */
    public void setPooling(String pooling) {
        this.pooling = pooling;
    }

    /**
     * Whether the model takes a third {@code token_type_ids} input. Default {@code true} (BERT-style
     * graphs such as the bundled MiniLM ONNX file); set {@code false} for graphs traced with only
     * {@code input_ids} and {@code attention_mask} (typical for MPNet/RoBERTa TorchScript exports).
     *
     * @return true to feed token type ids
     */
    public boolean isIncludeTokenTypes() {
        return includeTokenTypes;
    }

    /** @param includeTokenTypes see {@link #isIncludeTokenTypes()} */
    public void setIncludeTokenTypes(boolean includeTokenTypes) {
        this.includeTokenTypes = includeTokenTypes;
    }
}
