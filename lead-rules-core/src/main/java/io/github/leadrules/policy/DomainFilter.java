package io.github.leadrules.policy;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A bit per hash slot of a large domain set, so that asking whether a domain or one of its parents
 * is in the set costs, for almost every domain that is not, a look at one bit instead of a walk
 * into a hash table of a hundred thousand entries, and no substring: the hashes of the parents
 * ({@link String#hashCode()} of each) are computed from the domain's characters, right to left, in
 * one pass. A set bit only means "maybe": the set itself answers then. Immutable.
 */
final class DomainFilter {

    /** Sets smaller than this are asked directly: their tables are small enough to stay in cache. */
    static final int MIN_SIZE = 4_096;

    /** One filter per shipped set, shared by every policy that uses that set (the sets live as long as their class loader). */
    private static final Map<Set<String>, DomainFilter> SHARED = Collections.synchronizedMap(new IdentityHashMap<>());

    private final long[] bits;
    private final int shift;

    private DomainFilter(Set<String> domains) {
        // about eight bits per domain, a power of two: roughly one absent domain in eight needs the set
        int slots = Integer.highestOneBit(Math.max(64, domains.size()) * 8 - 1) << 1;
        bits = new long[slots >>> 6];
        shift = 32 - Integer.numberOfTrailingZeros(slots);
        for (String d : domains) {
            int slot = slot(d.hashCode());
            bits[slot >>> 6] |= 1L << slot;
        }
    }

    /** The filter of a set shipped with lead-rules, built on first use. */
    static DomainFilter shared(Set<String> shippedDomains) {
        return SHARED.computeIfAbsent(shippedDomains, DomainFilter::new);
    }

    /** A filter of this set's current contents. */
    static DomainFilter of(Set<String> domains) {
        return new DomainFilter(domains);
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** False when no string of this {@link String#hashCode()} is in the set. */
    boolean mayHold(int hash) {
        int slot = slot(hash);
        return (bits[slot >>> 6] & (1L << slot)) != 0;
    }
}
