package io.github.leadrules.internal.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
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
        Set<String> domains = new HashSet<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    domains.add(canonical(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read domain list " + resource, e);
        }
        return Set.copyOf(domains);
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

    /** Holder idiom: the JVM loads, and so builds, this set once, on first use. */
    private static final class FreeMail {
        static final Set<String> DOMAINS = union(load(FREE_EMAIL_DOMAINS), load(FREE_EMAIL_DOMAINS_EXTRA));

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            return Set.copyOf(all);
        }
    }

    /** Holder idiom: the JVM loads, and so builds, this set once, on first use. */
    private static final class Disposable {
        static final Set<String> DOMAINS = load(DISPOSABLE_EMAIL_DOMAINS);
    }
}
