package io.github.leadrules.internal.text;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses e-mail addresses into the parts that lead rules look at, chiefly the domain.
 *
 * <p>Exclusion and routing rules ask whether an address belongs to a free-mail provider, a
 * disposable-mail service, a competitor or a customer, all by domain. The domain must
 * therefore come out in one canonical form (lowercase ASCII, internationalised names in
 * punycode) whatever was typed: {@code ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ} and
 * {@code Taro@Example.co.jp} both give {@code example.co.jp}.
 *
 * <p>The checks are deliberately simpler than RFC 5322: they accept what real lead forms
 * carry and reject what cannot be a deliverable address. Nothing here puts an address into
 * an exception message or a log line.
 *
 * <p>This is an internal package: its API may change without notice.
 */
public final class EmailAddresses {

    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private EmailAddresses() {
    }

    /**
     * An e-mail address split at its {@code @}.
     *
     * <p>{@link #toString()} leaves the local part out, so that a parsed address logged by
     * mistake does not leak who the lead is.
     *
     * @param localPart the part before the {@code @}, lowercased
     * @param domain the part after the {@code @}, lowercase ASCII (punycode for
     *     internationalised names)
     */
    public record Parsed(String localPart, String domain) {

        /**
         * Checks that both parts are present.
         *
         * @param localPart the part before the {@code @}
         * @param domain the part after the {@code @}
         * @throws NullPointerException when a part is {@code null}
         */
        public Parsed {
            Objects.requireNonNull(localPart, "localPart");
            Objects.requireNonNull(domain, "domain");
        }

        /** Shows the domain only; the local part is personal data. */
        @Override
        public String toString() {
            return "Parsed[localPart=***, domain=" + domain + "]";
        }
    }

    /**
     * Parses an e-mail address as typed into a form.
     *
     * <p>The input is NFKC-normalised (so full-width addresses typed with a Japanese input
     * method become ASCII) and trimmed; then it must hold exactly one {@code @}. The local part
     * must be 1 to 64 printable ASCII characters without spaces, must not start or end with
     * {@code .} and must not contain {@code ..}. The domain is lowercased and converted to
     * ASCII with {@link IDN#toASCII(String)}; it must be 1 to 253 characters long, have at
     * least two labels, each 1 to 63 characters of {@code a-z}, {@code 0-9} and {@code -}
     * neither starting nor ending with {@code -}, and a top-level label that is not all
     * digits (so an IP address is not taken for a domain).
     *
     * @param email an address as typed, or {@code null}
     * @return the parts, both lowercased, or empty when {@code email} is {@code null} or not
     *     a plausible address
     */
    public static Optional<Parsed> parse(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String s = Text.nfkc(email).strip();
        int at = s.indexOf('@');
        if (at < 0 || at != s.lastIndexOf('@')) {
            return Optional.empty();
        }
        String localPart = s.substring(0, at);
        if (!isValidLocalPart(localPart)) {
            return Optional.empty();
        }
        String domain = toAsciiDomain(s.substring(at + 1));
        if (domain == null) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(localPart.toLowerCase(Locale.ROOT), domain));
    }

    /**
     * The domain of {@code x@} followed by the text, as {@link #parse(String)} reads it, without
     * building that address: {@code parse("x@" + text).map(Parsed::domain).orElse(null)}.
     *
     * @param text a domain as typed, not {@code null}
     * @return the domain, lowercase ASCII, or {@code null} when it is not a plausible one
     */
    public static String parseDomain(String text) {
        // "x@" is ASCII and composes with nothing, so NFKC leaves it in front of the text's own NFKC form
        String s = Text.nfkc(text).stripTrailing();
        if (s.indexOf('@') >= 0) {
            return null;
        }
        return toAsciiDomain(s);
    }

    /**
     * Lists a domain and each of its parent domains, longest first, stopping before the bare
     * top-level domain.
     *
     * <p>Policy lists name a company's registered domain ({@code rival.example}); leads write
     * from subdomains ({@code mail.sales.rival.example}). Looking up every entry of this list
     * matches both. Note that public suffixes such as {@code co.jp} are part of the chain, so
     * lists must not name a public suffix.
     *
     * @param domain a domain as returned by {@link #parse(String)}; it is lowercased and one
     *     trailing dot is ignored
     * @return for {@code mail.sales.rival.example}: {@code mail.sales.rival.example},
     *     {@code sales.rival.example}, {@code rival.example}; an empty list when
     *     {@code domain} is {@code null}, blank, a single label or has an empty label
     */
    public static List<String> domainAndParents(String domain) {
        if (domain == null) {
            return List.of();
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        // Labels by their dots, without splitting: fewer than two labels, or an empty one, is no domain.
        int lastDot = d.lastIndexOf('.');
        if (lastDot < 0 || d.startsWith(".") || lastDot == d.length() - 1 || d.contains("..")) {
            return List.of();
        }
        List<String> chain = new ArrayList<>(4);
        chain.add(d);
        for (int dot = d.indexOf('.'); dot >= 0 && dot < lastDot; dot = d.indexOf('.', dot + 1)) {
            chain.add(d.substring(dot + 1));
        }
        return Collections.unmodifiableList(chain);
    }

    private static boolean isValidLocalPart(String localPart) {
        int length = localPart.length();
        if (length < 1 || length > MAX_LOCAL_PART_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = localPart.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return localPart.charAt(0) != '.'
                && localPart.charAt(length - 1) != '.'
                && !localPart.contains("..");
    }

    /** The canonical ASCII form of a domain, or {@code null} when it is not a valid one. */
    private static String toAsciiDomain(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        if (Text.isAscii(raw)) {
            // IDN leaves ASCII labels as they are; the checks below are all it would come to
            String ascii = raw.toLowerCase(Locale.ROOT);
            return isValidAsciiDomain(ascii) ? ascii : null;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(raw.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return null;
        }
        if (ascii.isEmpty() || ascii.length() > MAX_DOMAIN_LENGTH) {
            return null;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return null;
        }
        for (String label : labels) {
            if (!isValidLabel(label)) {
                return null;
            }
        }
        return isAllDigits(labels[labels.length - 1]) ? null : ascii;
    }

    /** The checks of {@link #toAsciiDomain} on a lowercase ASCII domain, without splitting it. */
    private static boolean isValidAsciiDomain(String ascii) {
        if (ascii.length() > MAX_DOMAIN_LENGTH) {
            return false;
        }
        int labels = 0;
        int start = 0;
        while (true) {
            int dot = ascii.indexOf('.', start);
            int end = dot < 0 ? ascii.length() : dot;
            if (!isValidLabel(ascii, start, end)) {
                return false;
            }
            labels++;
            if (dot < 0) {
                return labels >= 2 && !isAllDigits(ascii, start, end);
            }
            start = dot + 1;
        }
    }

    private static boolean isValidLabel(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_LABEL_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return s.charAt(from) != '-' && s.charAt(to - 1) != '-';
    }

    private static boolean isAllDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the set holds the domain or one of its parents as {@link #domainAndParents} lists
     * them, without building the list: only the parents themselves are cut out of the text.
     *
     * @param set lowercase domains
     * @param domain any text, or {@code null}
     * @return true when the set holds one of them
     */
    public static boolean domainOrParentIn(java.util.Set<String> set, String domain) {
        return domainOrParentIn(set, domain, null);
    }

    /**
     * As {@link #domainOrParentIn(java.util.Set, String)}, for a caller that has looked up
     * {@code checked} already: when the domain's canonical form is that very string, it is not
     * looked up again.
     *
     * @param set lowercase domains
     * @param domain any text, or {@code null}
     * @param checked a string the caller found not in the set, or null
     * @return true when the set holds the domain or one of its parents
     */
    public static boolean domainOrParentIn(java.util.Set<String> set, String domain, String checked) {
        if (domain == null || set.isEmpty()) {
            return false;
        }
        String d = canonicalDomain(domain);
        if (d == null) {
            return false;
        }
        if (d != checked && set.contains(d)) {
            return true;
        }
        int lastDot = d.lastIndexOf('.');
        for (int dot = d.indexOf('.'); dot >= 0 && dot < lastDot; dot = d.indexOf('.', dot + 1)) {
            if (set.contains(d.substring(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value the map holds for the first of {@link #domainAndParents} that it holds, without
     * building the list; {@code checked}, when it is the domain's canonical form itself, is not
     * looked up again.
     *
     * @param map values by lowercase domain
     * @param domain any text, or {@code null}
     * @param checked a string the caller found not in the map, or null
     * @param <V> the values
     * @return the value, or null
     */
    public static <V> V domainOrParentValue(java.util.Map<String, V> map, String domain, String checked) {
        if (domain == null || map.isEmpty()) {
            return null;
        }
        String d = canonicalDomain(domain);
        if (d == null) {
            return null;
        }
        V found = d == checked ? null : map.get(d);
        int lastDot = d.lastIndexOf('.');
        for (int dot = d.indexOf('.'); found == null && dot >= 0 && dot < lastDot; dot = d.indexOf('.', dot + 1)) {
            found = map.get(d.substring(dot + 1));
        }
        return found;
    }

    /**
     * The domain as {@link #domainAndParents} starts its chain: stripped, lower case, without one
     * trailing dot; the very same string when it is so already.
     *
     * @param domain a domain, not null
     * @return the domain, or null when {@link #domainAndParents} lists nothing for it
     */
    public static String canonicalDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        // the same refusals as domainAndParents: fewer than two labels, or an empty one
        int lastDot = d.lastIndexOf('.');
        if (lastDot < 0 || d.startsWith(".") || lastDot == d.length() - 1 || d.contains("..")) {
            return null;
        }
        return d;
    }

    private static boolean isValidLabel(String label) {
        int length = label.length();
        if (length < 1 || length > MAX_LABEL_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return label.charAt(0) != '-' && label.charAt(length - 1) != '-';
    }

    private static boolean isAllDigits(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
