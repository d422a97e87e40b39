package com.talentpipeline.core.web.wire;

import java.util.regex.Pattern;

/**
 * The one renaming rule of the HTTP API: a lowerCamelCase key is written snake_case
 * ({@code taskId} → {@code task_id}, {@code loadTimeMillis} → {@code load_time_millis}); any other key
 * (already snake_case, one word, a label with spaces or capitals such as {@code "Java Developer"}) is
 * written as it is, so free-text map keys pass through.
 */
public final class WireNames {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern LOWER_CAMEL = Pattern.compile("[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+");

    private WireNames() {
    }

    private static boolean hasUpperCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A body field's path as a client wrote it: {@code workExperience[0].startDate} → {@code work_experience[0].start_date}. */
    public static String snakePath(String path) {
        return path == null ? null : WORD.matcher(path).replaceAll(m -> snake(m.group()));
    }

    /** {@code name} in snake_case when it is lowerCamelCase, else unchanged. */
    public static String snake(String name) {
        // Every key of every response passes here: most have no capital letter and need no regex.
        if (name == null || !hasUpperCase(name) || !LOWER_CAMEL.matcher(name).matches()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                // An acronym run (resultURL) stays one word: result_url.
                if (!Character.isUpperCase(name.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
