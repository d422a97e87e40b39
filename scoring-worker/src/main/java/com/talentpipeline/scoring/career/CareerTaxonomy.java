package com.talentpipeline.scoring.career;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in taxonomy of career paths, read from {@code careers/career-paths.txt}
 * ({@code id | name | description | skill, skill, ...} per line).
 */
public final class CareerTaxonomy {

    /** The id callers use for the built-in taxonomy. */
    public static final String BUILT_IN_ID = "builtin";

    private static final CareerTaxonomy BUILT_IN = load("/careers/career-paths.txt");

    private final List<CareerLabel> paths;

    private CareerTaxonomy(List<CareerLabel> paths) {
        this.paths = List.copyOf(paths);
    }

    /** The built-in taxonomy. */
    public static CareerTaxonomy builtIn() {
        return BUILT_IN;
    }

    /** Every path, in file order. */
    public List<CareerLabel> paths() {
        return paths;
    }

    static CareerTaxonomy load(String resource) {
        List<CareerLabel> paths = new ArrayList<>();
        try (InputStream in = CareerTaxonomy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                if (parts.length != 4) {
                    throw new IllegalStateException("career path line needs 4 fields: " + line);
                }
                List<String> skills = Arrays.stream(parts[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                paths.add(new CareerLabel(parts[0].strip(), parts[1].strip(), parts[2].strip(), skills, List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CareerTaxonomy(paths);
    }
}
