package com.talentpipeline.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.model.ModelDigests;
import com.talentpipeline.inference.model.ModelInfo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production engine (PyTorch) starts offline from the jars on the classpath, and a TorchScript
 * model loads through exactly the same {@link DjlTextEncoder} path as the bundled ONNX model.
 */
class PyTorchOfflineTest {

    @Test
    void pyTorchEngineStartsOfflineAndComputes() {
        assertThat(Utils.isOfflineMode()).as("tests must run with ai.djl.offline=true").isTrue();
        Engine engine = Engine.getEngine("PyTorch");
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(engine.getVersion()).isEqualTo("2.7.1");
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray b = manager.create(new float[] {5, 6, 7, 8}, new ai.djl.ndarray.types.Shape(2, 2));
            assertThat(a.matMul(b).toFloatArray()).containsExactly(19, 22, 43, 50);
        }
    }

    @Test
    void torchScriptModelLoadsThroughTheSameCodePath(@TempDir Path dir) throws Exception {
        // A model directory as an operator would ship it: model.pt + tokenizer.json.
        try (InputStream in = getClass().getResourceAsStream("/models/tiny-torchscript/model.pt")) {
            Files.copy(in, dir.resolve("model.pt"));
        }
        Files.copy(BundledTextModel.extractTokenizer(ModelDescriptor.of(BundledTextModel.NAME)), dir.resolve("tokenizer.json"),
                StandardCopyOption.REPLACE_EXISTING);

        TextModelProperties properties = new TextModelProperties();
        properties.setModelUrl(dir.toString());
        properties.setEngine("PyTorch");
        properties.setName("tiny-torchscript");
        properties.setIncludeTokenTypes(false); // graph takes (input_ids, attention_mask) only
        properties.setMaxTokens(64);
        properties.setBatchSize(4);

        try (DjlTextEncoder encoder = DjlTextEncoder.load(properties, null)) {
            ModelInfo info = encoder.info();
            assertThat(info.engine()).isEqualTo("PyTorch");
            assertThat(info.device()).isEqualTo("cpu");
            assertThat(info.dimension()).isEqualTo(32);
            assertThat(info.digest()).isEqualTo(ModelDigests.sha256(dir.resolve("model.pt")));
            assertThat(info.version()).isEqualTo("tiny-torchscript@" + info.digest().substring(0, 12));
            assertThat(info.source()).isEqualTo(dir.toAbsolutePath().toString());

            List<String> texts = List.of(TestTexts.SENTENCES.get(0), TestTexts.backendText(200), "short");
            float[][] batched = encoder.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(DjlTextEncoderTest.norm(batched[i])).isCloseTo(1.0, within(1e-5));
                float[] single = encoder.embed(List.of(texts.get(i)))[0];
                assertThat(DjlTextEncoderTest.cosine(batched[i], single)).isGreaterThan(0.9999);
            }
        }
    }

    @Test
    void loadsFromAModelFileWithAnExplicitTokenizer(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("encoder-v2.pt");
        try (InputStream in = getClass().getResourceAsStream("/models/tiny-torchscript/model.pt")) {
            Files.copy(in, weights);
        }
        Files.writeString(dir.resolve("decoy.onnx"), "x".repeat(300_000)); // must not define the version
        TextModelProperties properties = new TextModelProperties();
        properties.setModelUrl(weights.toUri().toString()); // file: URL form
        properties.setTokenizer(BundledTextModel.extractTokenizer(ModelDescriptor.of(BundledTextModel.NAME)).toString());
        properties.setEngine("PyTorch");
        properties.setIncludeTokenTypes(false);

        try (DjlTextEncoder encoder = DjlTextEncoder.load(properties, null)) {
            assertThat(encoder.info().name()).isEqualTo("encoder-v2");
            assertThat(encoder.info().digest()).isEqualTo(ModelDigests.sha256(weights));
            assertThat(encoder.embed(List.of("hello"))[0]).hasSize(32);
        }
    }

    @Test
    void missingModelPathFailsClearly() {
        TextModelProperties properties = new TextModelProperties();
        properties.setModelUrl("/nonexistent/model-dir");
        assertThatThrownBy(() -> DjlTextEncoder.load(properties, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/model-dir");
    }
}
