package com.talentpipeline.core.security;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The one reading of a request path that both the access decision and the router use. Spring's
 * router matches on decoded segments without their {@code ;parameters}; a check on the raw text
 * ({@code startsWith("/v1/")}) therefore sees a different path than the handler that answers
 * ({@code /v1;x/...}, {@code /%761/...}). So: paths that a client could only have written to look
 * different are refused outright ({@link #problem}), and the access decision runs on
 * {@link #canonical}, the path as the router sees it.
 */
final class RequestPaths {

    /** Longest raw path accepted; longer ones are refused before any work (414 in the filter). */
    public static final int MAX_PATH_LENGTH = 2048;

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private RequestPaths() {
    }

    /**
     * Why this request's path or query is not acceptable as written, or empty when it is. Refused:
     * matrix parameters ({@code ;}), percent-encoded unreserved characters ({@code %76} for {@code v}),
     * encoded separators ({@code %2F}, {@code %5C}), encoded or raw control characters ({@code %00}),
     * empty and dot segments ({@code //}, {@code /./}, {@code /../}), backslashes, malformed escapes.
     */
    public static Optional<String> problem(ServerHttpRequest request) {
        String raw = request.getURI().getRawPath();
        if (raw == null || raw.isEmpty()) {
            return Optional.of("the request has no path");
        }
        if (raw.length() > MAX_PATH_LENGTH) {
            return Optional.of("the path is longer than " + MAX_PATH_LENGTH + " characters");
        }
        Optional<String> path = pathProblem(raw);
        if (path.isPresent()) {
            return path;
        }
        String query = request.getURI().getRawQuery();
        return query == null ? Optional.empty() : queryProblem(query);
    }

    static Optional<String> pathProblem(String raw) {
        if (raw.charAt(0) != '/') {
            return Optional.of("the path must start with '/'");
        }
        if (raw.equals("/")) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ';') {
                return Optional.of("path parameters (';') are not accepted");
            }
            if (c == '\\') {
                return Optional.of("backslashes are not accepted in the path");
            }
            if (c < 0x21 || c == 0x7f) {
                return Optional.of("control characters and spaces must not appear in the path");
            }
            if (c == '%') {
                int decoded = escape(raw, i);
                if (decoded < 0) {
                    return Optional.of("malformed percent-encoding in the path");
                }
                if (UNRESERVED.indexOf(decoded) >= 0) {
                    return Optional.of("'" + raw.substring(i, i + 3) + "' encodes '" + (char) decoded
                            + "', which must be written as is");
                }
                if (decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%') {
                    return Optional.of("encoded separators ('" + raw.substring(i, i + 3) + "') are not accepted in the path");
                }
                if (decoded < 0x20 || decoded == 0x7f) {
                    return Optional.of("encoded control characters ('" + raw.substring(i, i + 3)
                            + "') are not accepted in the path");
                }
                i += 2;
            }
        }
        String[] segments = raw.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty()) {
                return Optional.of(last ? "a trailing '/' is not accepted"
                        : "empty path segments ('//') are not accepted");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("dot segments are not accepted in the path");
            }
        }
        return Optional.empty();
    }

    static Optional<String> queryProblem(String rawQuery) {
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("control characters must not appear in the query");
            }
            if (c == '%') {
                int decoded = escape(rawQuery, i);
                if (decoded < 0) {
                    return Optional.of("malformed percent-encoding in the query");
                }
                if (decoded < 0x20 || decoded == 0x7f) {
                    return Optional.of("encoded control characters ('" + rawQuery.substring(i, i + 3)
                            + "') are not accepted in the query");
                }
                i += 2;
            }
        }
        return Optional.empty();
    }

    /** The byte a {@code %XX} escape at {@code at} stands for, or -1 when it is malformed. */
    private static int escape(String text, int at) {
        if (at + 2 >= text.length()) {
            return -1;
        }
        int high = Character.digit(text.charAt(at + 1), 16);
        int low = Character.digit(text.charAt(at + 2), 16);
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    /**
     * The path as the router matches it: each segment decoded and stripped of its parameters,
     * joined with single slashes, in lower case for the policy's prefix tests (routes are
     * case-sensitive, so a differently cased path reaches no handler but is still judged).
     */
    public static String canonical(ServerHttpRequest request) {
        StringBuilder path = new StringBuilder();
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                path.append('/').append(segment.valueToMatch());
            }
        }
        return path.isEmpty() ? "/" : path.toString().toLowerCase(Locale.ROOT);
    }
}
