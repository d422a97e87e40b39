package com.talentpipeline.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelProvenanceTest {

    private static ModelInfo info(String name, String digest) {
        return new ModelInfo(name, ModelInfo.versionOf(name, digest), 384, "OnnxRuntime", "cpu", digest, 10, "test");
    }

    @Test
    void versionIsNamePlusTwelveHexOfDigest() {
        assertThat(ModelInfo.versionOf("all-minilm-l6-v2", "759c3cd2b7fe7e93933ad23c4c9181b7"))
                .isEqualTo("all-minilm-l6-v2@759c3cd2b7fe");
        assertThatThrownBy(() -> new ModelInfo("m", "m@x", 0, "e", "cpu", "d", 0, "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registryReplacesSameVersionAndKeepsOrder() {
        LoadedModels models = new LoadedModels();
        ModelInfo a = info("a", "aaaaaaaaaaaaaaaa");
        ModelInfo b = info("b", "bbbbbbbbbbbbbbbb");
        models.register(a);
        models.register(b);
        models.register(info("a", "aaaaaaaaaaaaaaaa"));
        assertThat(models.all()).extracting(ModelInfo::name).containsExactly("b", "a");
        assertThat(models.byName("b")).contains(b);
        models.unregister(b.version());
        assertThat(models.all()).containsExactly(a);
    }

    @Test
    void digestsTheWeightsFileNotTheTokenizer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tokenizer.json"), "x".repeat(5000));
        Files.writeString(dir.resolve("model.pt"), "weights");
        Path weights = ModelDigests.weightsFile(dir);
        assertThat(weights.getFileName()).hasToString("model.pt");
        assertThat(ModelDigests.sha256(weights))
                .isEqualTo("9a129038d9a00aed0cf6a7ea059ca50a813449061ab87848cf1a13eafdf33b2c"); // sha256("weights")
        assertThat(ModelDigests.weightsFile(weights)).isEqualTo(weights);
    }
}
