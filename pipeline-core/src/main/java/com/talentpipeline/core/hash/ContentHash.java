package com.talentpipeline.core.hash;

import com.talentpipeline.core.json.PipelineJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * SHA-256 of normalised content. Normalisation (Unicode NFC, trimmed, whitespace runs collapsed,
 * object keys sorted) makes cosmetic differences hash the same while any change of meaning does not.
 */
public final class ContentHash {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ContentHash() {
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Hash of one normalised string. */
    public static String ofText(String text) {
        return sha256Hex(normalize(text).getBytes(StandardCharsets.UTF_8));
    }

    /** Hash of any value: canonical JSON with every string normalised. */
    public static String of(Object value) {
        JsonNode tree = PipelineJson.canonical().valueToTree(value);
        JsonNode normalised = normaliseStrings(tree);
        return sha256Hex(PipelineJson.canonical().writeValueAsBytes(normalised));
    }

    /** NFC, trimmed, internal whitespace collapsed to single spaces; null becomes "". */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
    }

    private static JsonNode normaliseStrings(JsonNode node) {
        if (node.isString()) {
            return StringNode.valueOf(normalize(node.asString()));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = PipelineJson.canonical().createObjectNode();
            object.properties().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> copy.set(e.getKey(), normaliseStrings(e.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = PipelineJson.canonical().createArrayNode();
            array.forEach(element -> copy.add(normaliseStrings(element)));
            return copy;
        }
        return node;
    }
}
