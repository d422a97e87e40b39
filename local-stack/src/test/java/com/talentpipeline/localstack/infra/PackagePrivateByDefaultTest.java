package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Package by feature, package-private by default: a top-level type of any module's main sources is
 * public only when code of another package (any module, main or test) names it, or when something
 * outside Java reaches it by name (an auto-configuration import, a configuration file), or it is an
 * entry point or a validator the framework instantiates. A new type that nobody outside its package
 * needs fails here until it drops {@code public}.
 */
class PackagePrivateByDefaultTest {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern FRAMEWORK_REACHED = Pattern.compile(
            "@SpringBootApplication|@AutoConfiguration|public static void main|implements\\s+ConstraintValidator|@Constraint\\(");

    /** Public because another package uses them without naming them (a lambda for a parameter of a public method). */
    private static final java.util.Map<String, String> EXPOSED_UNNAMED = java.util.Map.of(
            "BatchHandler", "the batch callback of the consume kit's public API; other packages pass lambdas",
            "QualityScore", "the scorer's public result; other packages read its accessors through var",
            "ResumeRows", "the candidate ranker's document source; the worker's configuration passes a lambda",
            "StackEndpoints", "the embedded stack's addresses; the launcher reads them through stack.endpoints()",
            "EmbeddedPostgresServer", "the fault tests stop and start it through the stack's accessors",
            "EmbeddedRedisServer", "the fault tests stop and start it through the stack's accessors",
            "EncodingPlan", "the embedding worker's plan of texts; bench reads it through var to measure the encoder",
            "ParsedUpload", "the upload parser's result; bench reads it through var to measure the parser");

    record Source(String module, String pkg, String name, boolean main, String text, Path path) {
    }

    @Test
    void everyPublicTypeIsNamedOutsideItsPackage() {
        List<Source> sources = new ArrayList<>();
        StringBuilder resources = new StringBuilder();
        for (String module : TableOwnershipTest.modules()) {
            Path src = InfraFiles.repository().resolve(module).resolve("src");
            for (String kind : List.of("main", "test")) {
                for (Path file : files(src.resolve(kind).resolve("java"), ".java")) {
                    String text = read(file);
                    Matcher pkg = PACKAGE.matcher(text);
                    sources.add(new Source(module, pkg.find() ? pkg.group(1) : "",
                            file.getFileName().toString().replace(".java", ""), kind.equals("main"), text, file));
                }
            }
            for (Path file : files(src.resolve("main").resolve("resources"), "")) {
                String name = file.getFileName().toString();
                if (name.endsWith(".imports") || name.endsWith(".yml") || name.endsWith(".xml")
                        || name.endsWith(".properties") || name.endsWith(".factories")) {
                    resources.append(read(file)).append('\n');
                }
            }
        }
        List<String> needless = new ArrayList<>();
        int publicTypes = 0;
        for (Source source : sources) {
            if (!source.main() || !Pattern.compile("^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*"
                    + "(?:class|record|interface|enum|@interface)\\s+" + source.name() + "\\b", Pattern.MULTILINE)
                    .matcher(source.text()).find()) {
                continue;
            }
            publicTypes++;
            if (EXPOSED_UNNAMED.containsKey(source.name()) || FRAMEWORK_REACHED.matcher(source.text()).find()
                    || resources.indexOf(source.pkg() + "." + source.name()) >= 0) {
                continue;
            }
            Pattern word = Pattern.compile("\\b" + source.name() + "\\b");
            boolean named = sources.stream().anyMatch(other -> !other.pkg().equals(source.pkg())
                    && word.matcher(other.text()).find());
            if (!named) {
                needless.add(InfraFiles.repository().relativize(source.path()).toString());
            }
        }
        assertThat(publicTypes).as("public top-level types found").isGreaterThan(100);
        assertThat(needless).as("public types no other package names: make them package-private").isEmpty();
    }

    private static List<Path> files(Path dir, String suffix) {
        return TableOwnershipTest.files(dir, suffix);
    }

    private static String read(Path file) {
        return TableOwnershipTest.read(file);
    }
}
