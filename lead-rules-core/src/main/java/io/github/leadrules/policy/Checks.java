package io.github.leadrules.policy;

import io.github.leadrules.internal.text.Countries;
import io.github.leadrules.internal.text.EmailAddresses;
import io.github.leadrules.account.DomainName;
import io.github.leadrules.internal.text.Text;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Checks and normalisations of policy values; each failure names the policy key. */
final class Checks {

    private Checks() {
    }

    static boolean inDomainSet(Set<String> set, String domain) {
        if (domain == null || set.isEmpty()) {
            return false;
        }
        return set.contains(domain) || EmailAddresses.domainOrParentIn(set, domain, domain);
    }

    static Set<String> domains(String key, Collection<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(key + ": blank domain");
            }
            out.add(DomainName.key(v).orElseThrow(() -> new IllegalArgumentException(
                    key + ": " + PolicyFileException.quote(v) + " is not a domain name")));
        }
        return Set.copyOf(out);
    }


    static Set<String> countries(String key, Collection<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            out.add(Countries.toAlpha2(v).orElseThrow(
                    () -> new IllegalArgumentException(key + ": unknown country " + PolicyFileException.quote(v))));
        }
        return Set.copyOf(out);
    }

    static Set<String> keys(String key, Collection<String> values, Function<String, String> keyOf) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : values) {
            out.add(requiredKey(key, keyOf.apply(v)));
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    static Map<String, String> aliases(Map<String, String> raw) {
        Map<String, String> out = new TreeMap<>();
        raw.forEach((alias, canonical) -> out.put(requiredKey("industryAliases", Text.key(alias)),
                requiredKey("industryAliases." + alias, Text.key(canonical))));
        return Map.copyOf(out);
    }

    static String requiredKey(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": blank value");
        }
        return value;
    }

    static <T> T required(String key, T value) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": null value");
        }
        return value;
    }

    static String nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": must not be blank");
        }
        return value.strip();
    }

    static int nonNegative(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + ": must not be negative, got " + value);
        }
        return value;
    }

    static int positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + ": must be positive, got " + value);
        }
        return value;
    }

    static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be a positive duration, got " + value);
        }
        if (value.compareTo(LeadPolicy.MAX_DURATION) > 0) {
            throw new IllegalArgumentException(key + ": must be at most " + LeadPolicy.MAX_DURATION.toDays()
                    + " days (about 100 years), got " + value);
        }
        return value;
    }
}
