package io.github.leadrules.account;

import io.github.leadrules.internal.text.Text;

import java.util.Optional;

/**
 * The one check of what counts as a domain name, shared by the policy's domain lists, the account
 * directory and the command line's accounts file: dotted labels of letters (IDN letters too),
 * digits, hyphens and underscores, with no scheme, path, port, {@code @} or blank. The matching key
 * is the NFKC, lower-case form; a leading {@code @} (as in {@code @sample.co.jp}) is dropped.
 *
 * <pre>{@code
 * DomainName.key("Sample.CO.JP")          // Optional[sample.co.jp]
 * DomainName.key("@ｓａｍｐｌｅ.co.jp")     // Optional[sample.co.jp]
 * DomainName.key("https://sample.co.jp")  // Optional.empty
 * }</pre>
 */
public final class DomainName {

    private DomainName() {
    }

    /**
     * The matching key of a domain name, or empty when the text is not one.
     *
     * @param text a domain as written by a person, e.g. {@code "Sample.co.jp"}; null is not a domain
     * @return the NFKC, lower-case key, e.g. {@code "sample.co.jp"}, or empty
     */
    public static Optional<String> key(String text) {
        // Most domains (the shipped lists hold over a hundred thousand) are already their own key:
        // skipping NFKC for them keeps policy building cheap.
        String k = isPlainAscii(text) ? text : Text.key(text);
        if (k == null) {
            return Optional.empty();
        }
        if (k.startsWith("@")) {
            k = k.substring(1);
        }
        return isKey(k) ? Optional.of(k) : Optional.empty();
    }

    private static boolean isPlainAscii(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKey(String d) {
        if (d.isEmpty() || !d.contains(".") || d.startsWith(".") || d.endsWith(".") || d.contains("..")) {
            return false;
        }
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            if (!(Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '_')) {
                return false;
            }
        }
        return true;
    }
}
