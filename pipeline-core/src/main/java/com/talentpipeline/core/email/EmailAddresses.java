package com.talentpipeline.core.email;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes an e-mail address deceptive, after Unicode TS #39: characters that do not show (zero-width
 * spaces and joiners, bidirectional controls, soft hyphens, variation selectors, Hangul fillers, control
 * characters) and, within one dot-separated part of the local part or one domain label, letters from
 * scripts that are not normally written together ({@code pаypal} with a Cyrillic {@code а}). The
 * combinations UTS #39 calls highly restrictive stay allowed: one script, or Latin with Han and
 * Hiragana/Katakana, Bopomofo or Hangul. A part written wholly in one other script (a Cyrillic name
 * at a Latin domain) is allowed: internationalised addresses are real.
 */
public final class EmailAddresses {

    private static final Set<UnicodeScript> NEUTRAL = EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED);
    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private EmailAddresses() {
    }

    /** True for a character that takes no visible space or steers the text: never part of an address. */
    public static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SPACE_SEPARATOR
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.UNASSIGNED
                || c == 0x034F // combining grapheme joiner
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) // variation selectors
                || (c >= 0x180B && c <= 0x180F) // Mongolian free variation selectors and vowel separator
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers
                || c == 0x2800; // Braille blank
    }

    /** The text without invisible characters: how an address found in an uploaded document is kept. */
    public static String withoutInvisible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !invisible(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Why the address is deceptive, or null when it is not (or is null: presence is another rule). The
     * reason is safe to show to the client.
     */
    public static String problem(String address) {
        if (address == null) {
            return null;
        }
        int bad = address.codePoints().filter(EmailAddresses::invisible).findFirst().orElse(-1);
        if (bad >= 0) {
            return String.format(Locale.ROOT, "must not contain invisible or control characters (U+%04X)", bad);
        }
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at + 1);
        for (String part : (local + "." + domain).split("\\.")) {
            Set<UnicodeScript> scripts = scripts(part);
            if (scripts.size() > 1 && ALLOWED_MIXES.stream().noneMatch(mix -> mix.containsAll(scripts))) {
                Set<String> names = new TreeSet<>();
                scripts.forEach(s -> names.add(s.name().toLowerCase(Locale.ROOT)));
                return "must not mix letters of different scripts in one part (" + String.join(", ", names)
                        + " in '" + part + "')";
            }
        }
        return null;
    }

    private static Set<UnicodeScript> scripts(String part) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        part.codePoints().forEach(c -> {
            UnicodeScript script = UnicodeScript.of(c);
            if (!NEUTRAL.contains(script)) {
                scripts.add(script);
            }
        });
        return scripts;
    }
}
