package io.github.leadrules.internal.text;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns company names into keys under which the spellings of one company compare equal.
 *
 * <p>The same company reaches a lead form as {@code 株式会社サンプル}, {@code サンプル株式会社},
 * {@code ㈱ｻﾝﾌﾟﾙ} or {@code (株)サンプル}, and as {@code Acme Co., Ltd.} or {@code ACME LTD}.
 * Matching a lead against accounts, competitors or block lists by raw name would miss most of
 * these, so matchers compare {@link #normalise(String) normalised} names instead.
 *
 * <p>This is an internal package: its API may change without notice.
 */
public final class CompanyNames {

    /**
     * Japanese legal-form markers, lowercased after NFKC (so {@code （株）} and {@code ㈱} arrive
     * here as {@code (株)}, and {@code ＮＰＯ法人} as {@code npo法人}), longest first so that a
     * longer marker is never cut by a shorter one.
     */
    private static final List<String> JAPANESE_MARKERS = Stream.of(
                    "株式会社", "(株)", "有限会社", "(有)", "合同会社", "合資会社", "合名会社",
                    "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
                    "特定非営利活動法人", "npo法人", "学校法人", "医療法人", "社会福祉法人",
                    // forms seen in real data beyond the required list: without them
                    // 医療法人社団 would leave 社団 behind
                    "医療法人社団", "医療法人財団", "社団法人", "財団法人")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    /** The first and the last characters of the Japanese markers. */
    private static final String MARKER_FIRSTS = ends(JAPANESE_MARKERS, true);
    private static final String MARKER_LASTS = ends(JAPANESE_MARKERS, false);

    /**
     * Western legal-form suffixes, lowercased, longest first. They are stripped only as whole
     * words at the end of a name, so {@code Agency} or {@code Coinbase} keep their letters.
     */
    private static final List<String> WESTERN_SUFFIXES = Stream.of(
                    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co.", "co",
                    "ltd", "ltd.", "limited", "co., ltd.", "co.,ltd.", "llc", "l.l.c.", "llp", "plc",
                    "gmbh", "ag", "s.a.", "sa", "s.a.s.", "sas", "b.v.", "bv", "n.v.", "nv",
                    "k.k.", "kk", "pte", "pty", "oy", "ab", "s.r.l.", "srl", "s.p.a.", "spa",
                    "company")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private CompanyNames() {
    }

    private static String ends(List<String> words, boolean first) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            char c = first ? w.charAt(0) : w.charAt(w.length() - 1);
            if (sb.indexOf(String.valueOf(c)) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Normalises a company name into its matching key.
     *
     * <p>Steps, in order:
     * <ol>
     *   <li>NFKC and lowercase with {@link Locale#ROOT}, whitespace runs collapsed
     *       ({@link Text#key(String)}): {@code ㈱} → {@code (株)}, {@code Ｓｏｎｙ} → {@code sony},
     *       {@code ｶﾀｶﾅ} → {@code カタカナ};</li>
     *   <li>Japanese legal-form markers ({@code 株式会社}, {@code (株)}, {@code 有限会社},
     *       {@code 一般社団法人}, {@code NPO法人} and the like) are removed from the start and
     *       the end of every whitespace-separated token;</li>
     *   <li>Western legal-form suffixes ({@code Inc.}, {@code Corporation}, {@code Co., Ltd.},
     *       {@code GmbH}, {@code AG}, {@code S.A.}, {@code Company} and the like) are removed
     *       when they stand as whole words at the end of the name, after a space or a comma,
     *       several in a row if need be;</li>
     *   <li>punctuation and whitespace are removed, except that whitespace between two ASCII
     *       letters or digits becomes one space, so {@code Acme  Widgets, Inc.} →
     *       {@code acme widgets} while {@code 株式会社 サンプル} → {@code サンプル}.</li>
     * </ol>
     * A name that consists of nothing but a legal form keeps it ({@code Company} →
     * {@code company}) rather than becoming empty.
     *
     * @param name a company name as typed, or {@code null}
     * @return the matching key, or {@code null} when {@code name} is {@code null}, blank or
     *     nothing but punctuation
     */
    public static String normalise(String name) {
        String key = Text.key(name);
        if (key == null) {
            return null;
        }
        String stripped = squeeze(stripWesternSuffixes(stripJapaneseMarkers(key)));
        return stripped.isEmpty() ? emptyToNull(squeeze(key)) : stripped;
    }

    /** Removes Japanese markers from the start and end of each token of a key. */
    private static String stripJapaneseMarkers(String key) {
        if (key.indexOf(' ') < 0) {
            // one token, most names: no split and no copy when it carries no marker
            String rest = stripMarkers(key);
            return rest;
        }
        StringBuilder out = new StringBuilder(key.length());
        for (String token : key.split(" ")) {
            String rest = stripMarkers(token);
            if (!rest.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(rest);
            }
        }
        return out.toString();
    }

    private static String stripMarkers(String token) {
        String rest = token;
        boolean changed = true;
        while (changed && !rest.isEmpty()) {
            changed = false;
            if (MARKER_FIRSTS.indexOf(rest.charAt(0)) < 0 && MARKER_LASTS.indexOf(rest.charAt(rest.length() - 1)) < 0) {
                break; // no marker starts or ends the token: most names
            }
            for (String marker : JAPANESE_MARKERS) {
                if (rest.startsWith(marker)) {
                    rest = rest.substring(marker.length());
                    changed = true;
                    break;
                }
                if (rest.endsWith(marker)) {
                    rest = rest.substring(0, rest.length() - marker.length());
                    changed = true;
                    break;
                }
            }
        }
        return rest;
    }

    /**
     * Removes Western suffixes standing as whole words at the end, after a space or a comma,
     * repeatedly ({@code acme co., ltd.} → {@code acme co.,} → {@code acme}), but never the
     * first word of the name.
     */
    private static String stripWesternSuffixes(String key) {
        String rest = trimEnd(key);
        if (!hasSeparator(rest)) {
            return rest; // a suffix is stripped only after a separator: one word, most Japanese names
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : WESTERN_SUFFIXES) {
                int start = rest.length() - suffix.length();
                if (start > 0 && rest.endsWith(suffix) && isSeparator(rest.charAt(start - 1))) {
                    String before = trimEnd(rest.substring(0, start));
                    if (!before.isEmpty()) {
                        rest = before;
                        changed = true;
                        break;
                    }
                }
            }
        }
        return rest;
    }

    private static boolean hasSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSeparator(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == '、';
    }

    /** Drops trailing spaces and commas. */
    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isSeparator(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Removes punctuation, symbols and whitespace; keeps one space where whitespace or
     * punctuation-with-whitespace stood between two ASCII letters or digits.
     */
    private static String squeeze(String s) {
        if (isSqueezed(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Text.isWhitespace(cp)) {
                pendingSpace = true;
            } else if (isKept(cp)) {
                if (pendingSpace && out.length() > 0
                        && isAsciiWord(out.charAt(out.length() - 1)) && isAsciiWord(cp)) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            }
            // punctuation and symbols are dropped; a pending space survives them
        }
        return out.toString();
    }

    /** Letters, digits and combining marks belong to a name; everything else is punctuation. */
    /**
     * Whether {@link #squeeze} would return the text unchanged: only kept characters, and a space
     * only as a single ASCII space between two ASCII word characters. BMP text only; anything
     * else takes the long way.
     */
    private static boolean isSqueezed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == s.length() - 1 || !isAsciiWord(s.charAt(i - 1)) || !isAsciiWord(s.charAt(i + 1))) {
                    return false;
                }
            } else if (Character.isSurrogate(c) || Text.isWhitespace(c) || !isKept(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKept(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAsciiWord(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
