package io.github.leadrules.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Loads the domain lists that lead-rules ships as classpath resources.
 *
 * <p>Telling a company address from a free-mail or throwaway one needs large lists (tens of
 * thousands of free-mail domains, over a hundred thousand disposable ones) that change more
 * often than code. They are committed as plain-text snapshots under
 * {@code io/github/leadrules/domains/} (see the README there) and read here, so the build
 * and the runtime need neither npm nor the network.
 *
 * <p>This is an internal package: its API may change without notice.
 */
public final class DomainLists {

    /** The snapshot of the npm package free-email-domains. */
    public static final String FREE_EMAIL_DOMAINS = "io/github/leadrules/domains/free-email-domains.txt";

    /** The project's own free-mail additions (Japanese free-mail and carrier domains). */
    public static final String FREE_EMAIL_DOMAINS_EXTRA =
            "io/github/leadrules/domains/free-email-domains-extra.txt";

    /** The snapshot of the npm package disposable-email-domains. */
    public static final String DISPOSABLE_EMAIL_DOMAINS =
            "io/github/leadrules/domains/disposable-email-domains.txt";

    private DomainLists() {
    }

    /**
     * Reads a domain list from the classpath.
     *
     * <p>The resource is read as UTF-8 through the class loader of this class. Blank lines and
     * lines starting with {@code #} are skipped; every other line is trimmed, lowercased with
     * {@link Locale#ROOT} and, if it is not ASCII, converted with {@link IDN#toASCII(String)},
     * so that entries compare equal to the domains that {@link EmailAddresses#parse(String)}
     * returns.
     *
     * @param classpathResource a resource path such as
     *     {@code io/github/leadrules/domains/free-email-domains.txt}; a leading {@code /} is
     *     ignored
     * @return an unmodifiable set of the domains
     * @throws IllegalStateException when the resource does not exist
     * @throws UncheckedIOException when the resource cannot be read
     */
    public static Set<String> load(String classpathResource) {
        Set<String> domains = new HashSet<>();
        parse(read(classpathResource), domains);
        return Collections.unmodifiableSet(domains);
    }

    /**
     * The free-mail domains: the free-email-domains snapshot plus the project's additions.
     *
     * <p>Loaded on the first call and kept for the life of the class loader.
     *
     * @return an unmodifiable set of lowercase ASCII domains
     */
    public static Set<String> defaultFreeMailDomains() {
        return FreeMail.DOMAINS;
    }

    /**
     * The disposable-mail domains of the disposable-email-domains snapshot.
     *
     * <p>Loaded on the first call and kept for the life of the class loader.
     *
     * @return an unmodifiable set of lowercase ASCII domains
     */
    public static Set<String> defaultDisposableDomains() {
        return Disposable.DOMAINS;
    }

    /**
     * A digest of the resources behind {@link #defaultFreeMailDomains()}: SHA-256 over the raw
     * bytes of the snapshot and of the project's additions, as read, each preceded by its length.
     * Any change to either file changes it; two class loaders reading the same files agree on it.
     * Computed while the lists are loaded, so it costs no second pass over the domains.
     *
     * @return lowercase hexadecimal SHA-256
     */
    public static String defaultFreeMailDigest() {
        return FreeMail.DIGEST;
    }

    /**
     * A digest of the resource behind {@link #defaultDisposableDomains()}; see
     * {@link #defaultFreeMailDigest()}.
     *
     * @return lowercase hexadecimal SHA-256
     */
    public static String defaultDisposableDigest() {
        return Disposable.DIGEST;
    }

    private static byte[] read(String classpathResource) {
        Objects.requireNonNull(classpathResource, "classpathResource");
        String resource = classpathResource.startsWith("/")
                ? classpathResource.substring(1)
                : classpathResource;
        ClassLoader loader = DomainLists.class.getClassLoader();
        InputStream in = loader == null
                ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Domain list not found on the classpath: " + resource);
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read domain list " + resource, e);
        }
    }

    /** Adds the entries of a list file's bytes to {@code into}; see {@link #load(String)}. */
    private static void parse(byte[] bytes, Set<String> into) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String entry = text.substring(start, end).strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                into.add(canonical(entry));
            }
            start = end + 1;
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(part.length).array());
                sha.update(part);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String canonical(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7F) {
                try {
                    return IDN.toASCII(lower).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException notADomain) {
                    return lower;
                }
            }
        }
        return lower;
    }

    /** Holder idiom: the JVM loads, and so builds, this set and its digest once, on first use. */
    private static final class FreeMail {
        static final Set<String> DOMAINS;
        static final String DIGEST;

        static {
            byte[] snapshot = read(FREE_EMAIL_DOMAINS);
            byte[] extra = read(FREE_EMAIL_DOMAINS_EXTRA);
            Set<String> all = new HashSet<>(20_000);
            parse(snapshot, all);
            parse(extra, all);
            DOMAINS = Collections.unmodifiableSet(all);
            DIGEST = sha256(snapshot, extra);
        }
    }

    /** Holder idiom: the JVM loads, and so builds, this set and its digest once, on first use. */
    private static final class Disposable {
        static final Set<String> DOMAINS;
        static final String DIGEST;

        static {
            byte[] bytes = read(DISPOSABLE_EMAIL_DOMAINS);
            Set<String> all = new HashSet<>(200_000);
            parse(bytes, all);
            DOMAINS = Collections.unmodifiableSet(all);
            DIGEST = sha256(bytes);
        }
    }
}
