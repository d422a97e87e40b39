package com.talentpipeline.scoring.career;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in taxonomy of career paths, read from {@code careers/career-paths.txt}
 * ({@code id | name | description | skill, skill, ... | alias, alias, ...} per line, aliases optional).
 *
 * <p>{@link #find} resolves a caller's label to a path by id, name or alias, compared after
 * normalisation (case, punctuation, {@code &}/and) and light stemming ("Electrical Engineering" is
 * "Electrical Engineer", "Web Designing" is "Web Designer"), so a bare label can borrow the path's
 * description and typical skills.
 */
public final class CareerTaxonomy {

    /** The id callers use for the built-in taxonomy. */
    public static final String BUILT_IN_ID = "builtin";

    private static final CareerTaxonomy BUILT_IN = load("/careers/career-paths.txt");

    private final List<CareerLabel> paths;
    private final Map<String, CareerLabel> byKey;

    private CareerTaxonomy(List<CareerLabel> paths, Map<String, List<String>> aliases) {
        this.paths = List.copyOf(paths);
        Map<String, CareerLabel> keys = new HashMap<>();
        for (CareerLabel path : paths) {
            List<String> names = new ArrayList<>(List.of(path.id(), path.name()));
            names.addAll(aliases.getOrDefault(path.id(), List.of()));
            // A name like "Scrum Master / Agile Coach" also answers to each side of the slash.
            names.addAll(Arrays.asList(path.name().split("/")));
            for (String name : names) {
                String key = key(name);
                if (!key.isEmpty()) {
                    keys.putIfAbsent(key, path); // file order wins a clash
                }
            }
        }
        this.byKey = Map.copyOf(keys);
    }

    /**
     * The path a label names, by id, name or alias.
     *
     * @param label a caller's label, e.g. "HR" or "Electrical Engineering"
     * @return the path, empty when the label names none
     */
    public Optional<CareerLabel> find(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(label)));
    }

    /** Lower case, {@code &} as "and", words of letters/digits/{@code +#.}, each lightly stemmed. */
    static String key(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace("&", " and ").replace('-', ' ').replace('_', ' ');
        StringBuilder key = new StringBuilder();
        for (String word : normal.split("[^\\p{Alnum}+#.]+")) {
            String w = word.replaceAll("^\\.+(?![a-z])|\\.+$", "");
            if (w.isEmpty()) {
                continue;
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(stem(w));
        }
        return key.toString();
    }

    /** Strips -ing, -er, -s until none is left ("engineering" and "engineer" both become "engine"). */
    private static String stem(String word) {
        String w = word;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : List.of("ing", "er", "s")) {
                if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
                    w = w.substring(0, w.length() - suffix.length());
                    changed = true;
                    break;
                }
            }
        }
        return w;
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
        Map<String, List<String>> aliases = new HashMap<>();
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
                if (parts.length != 4 && parts.length != 5) {
                    throw new IllegalStateException("career path line needs 4 or 5 fields: " + line);
                }
                List<String> skills = Arrays.stream(parts[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (parts.length == 5) {
                    aliases.put(parts[0].strip(), Arrays.stream(parts[4].split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList());
                }
                paths.add(new CareerLabel(parts[0].strip(), parts[1].strip(), parts[2].strip(), skills, List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CareerTaxonomy(paths, aliases);
    }
}
