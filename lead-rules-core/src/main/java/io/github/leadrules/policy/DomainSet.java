package io.github.leadrules.policy;

import io.github.leadrules.internal.text.DomainLists;
import io.github.leadrules.internal.text.EmailAddresses;
import io.github.leadrules.internal.text.Text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A large, checked, immutable domain list. While it stays close to the shipped list it is kept
 * as that list plus the host's additions and removals: the shipped set is shared, never copied,
 * and the digest is the shipped resources' digest with the sorted differences, so that neither
 * building nor fingerprinting a policy touches the hundred thousand shipped domains. A list far
 * from the shipped one (the host's own, say) is kept whole.
 *
 * <p>Which form a list takes depends only on its domains: the difference form when the
 * differences are no more than the domains themselves, the whole form otherwise. So two lists
 * with the same domains have the same digest however they were reached.
 */
final class DomainSet {
    /** A domain list shipped with lead-rules: its checked domains and the digest of its resource files. */
    record Shipped(Set<String> domains, String resourceDigest) {

        static Shipped freeMail() {
            return new Shipped(DomainLists.defaultFreeMailDomains(), DomainLists.defaultFreeMailDigest());
        }

        static Shipped disposable() {
            return new Shipped(DomainLists.defaultDisposableDomains(), DomainLists.defaultDisposableDigest());
        }
    }

    /** The shipped list this one is expressed against, or null when it is kept whole. */
    private final Shipped shipped;
    /** Domains not in the shipped list (every domain when kept whole). */
    private final Set<String> added;
    /** Shipped domains taken out. */
    private final Set<String> removed;
    final Set<String> values;
    private volatile String digest;
    /** The filter of the shipped set (shared) or of a large whole list; null until first asked, or for a small list. */
    private volatile DomainFilter filter;

    private DomainSet(Shipped shipped, Set<String> added, Set<String> removed) {
        this.shipped = shipped;
        this.added = added;
        this.removed = removed;
        if (shipped == null) {
            values = added;
        } else if (added.isEmpty() && removed.isEmpty()) {
            values = shipped.domains();
        } else {
            values = new Difference(shipped.domains(), added, removed);
        }
    }

    /**
     * Whether the list holds the domain or one of its parents: exactly
     * {@code Checks.inDomainSet(values, domain)}, and for a large list without a substring or a
     * hash-table walk for most domains it does not hold.
     *
     * @param domain a domain, normally lower case, or null
     */
    boolean holdsDomainOrParent(String domain) {
        if (domain == null || values.isEmpty()) {
            return false;
        }
        Set<String> base = shipped != null ? shipped.domains() : values;
        if (base.size() < DomainFilter.MIN_SIZE) {
            return Checks.inDomainSet(values, domain);
        }
        DomainFilter f = filter;
        if (f == null) {
            f = shipped != null ? DomainFilter.shared(base) : DomainFilter.of(base);
            filter = f;
        }
        // values = added + (base - removed): the small additions asked as before, the base through the filter
        if (shipped != null && !added.isEmpty() && Checks.inDomainSet(added, domain)) {
            return true;
        }
        if (f.mayHold(domain.hashCode()) && inBase(domain)) {
            return true;
        }
        String d = EmailAddresses.canonicalDomain(domain);
        if (d == null) {
            return false;
        }
        if (d != domain && f.mayHold(d.hashCode()) && inBase(d)) {
            return true;
        }
        // the parents, as EmailAddresses.domainAndParents lists them: after each dot but the last
        int firstDot = d.indexOf('.');
        int lastDot = d.lastIndexOf('.');
        int hash = 0;
        int power = 1;
        for (int j = d.length() - 1; j > firstDot; j--) {
            hash += d.charAt(j) * power; // String.hashCode of d.substring(j), built from the right
            power *= 31;
            if (d.charAt(j - 1) == '.' && j - 1 < lastDot && f.mayHold(hash) && inBase(d.substring(j))) {
                return true;
            }
        }
        return false;
    }

    private boolean inBase(String domain) {
        return shipped == null ? values.contains(domain) : shipped.domains().contains(domain) && !removed.contains(domain);
    }

    /** The shipped list as it is. */
    static DomainSet shipped(Shipped shipped) {
        return new DomainSet(shipped, Set.of(), Set.of());
    }

    /** The list {@code shipped - removed + added}; {@code added} holds no shipped domain, {@code removed} only shipped ones. */
    static DomainSet of(Shipped shipped, Set<String> added, Set<String> removed) {
        int size = shipped.domains().size() - removed.size() + added.size();
        if (added.size() + removed.size() <= size) {
            return new DomainSet(shipped, Set.copyOf(added), Set.copyOf(removed));
        }
        Set<String> whole = new HashSet<>(added);
        for (String d : shipped.domains()) {
            if (!removed.contains(d)) {
                whole.add(d);
            }
        }
        return new DomainSet(null, Set.copyOf(whole), Set.of());
    }

    /** The list holding exactly {@code domains} (checked keys), in whichever form is its own. */
    static DomainSet of(Shipped shipped, Set<String> domains) {
        Set<String> added = new HashSet<>();
        for (String d : domains) {
            if (!shipped.domains().contains(d)) {
                added.add(d);
            }
        }
        int removedCount = shipped.domains().size() - (domains.size() - added.size());
        if (added.size() + removedCount > domains.size()) {
            return new DomainSet(null, Set.copyOf(domains), Set.of());
        }
        Set<String> removed = new HashSet<>();
        for (String d : shipped.domains()) {
            if (!domains.contains(d)) {
                removed.add(d);
            }
        }
        return new DomainSet(shipped, Set.copyOf(added), Set.copyOf(removed));
    }

    /**
     * An order-independent digest. Near the shipped list: the shipped resources' SHA-256 with the
     * sorted additions and removals; kept whole: SHA-256 over the sorted domains, with the count.
     */
    String digest() {
        String d = digest;
        if (d == null) {
            d = shipped != null
                    ? "shipped " + shipped.domains().size() + " domains, resources sha-256 "
                            + shipped.resourceDigest() + ", added " + new TreeSet<>(added)
                            + ", removed " + new TreeSet<>(removed)
                    : values.size() + " domains, sha-256 " + sortedDigest(values);
            digest = d;
        }
        return d;
    }

    private static String sortedDigest(Set<String> values) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String v : new TreeSet<>(values)) {
                sha.update(v.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The read-only view {@code base - removed + added} of a list near the shipped one. */
    private static final class Difference extends java.util.AbstractSet<String> {
        private final Set<String> base;
        private final Set<String> added;
        private final Set<String> removed;

        Difference(Set<String> base, Set<String> added, Set<String> removed) {
            this.base = base;
            this.added = added;
            this.removed = removed;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String d && (added.contains(d) || (base.contains(d) && !removed.contains(d)));
        }

        @Override
        public int size() {
            return base.size() - removed.size() + added.size();
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.stream.Stream.concat(base.stream().filter(d -> !removed.contains(d)), added.stream())
                    .iterator();
        }
    }

    /**
     * A builder's view: the list it started from, and the host's replacements, additions and
     * removals in order, applied and checked when the policy is built. Untouched, the list is
     * shared as it is.
     */
    static final class Draft {
        private enum Kind { REPLACE, ADD, REMOVE }

        private record Change(Kind kind, List<String> domains) {
        }

        private final java.util.function.Supplier<Shipped> shipped;
        private DomainSet start;
        private final List<Change> changes = new ArrayList<>();

        Draft(java.util.function.Supplier<Shipped> shipped) {
            this.shipped = shipped;
            this.start = new DomainSet(null, Set.of(), Set.of());
        }

        /** {@return a draft with the same start and changes, changed independently of this one} */
        Draft copy() {
            Draft d = new Draft(shipped);
            d.start = start;
            d.changes.addAll(changes);
            return d;
        }

        /** {@return an untouched draft of the same kind, starting from the list given} */
        Draft startingAt(DomainSet list) {
            Draft d = new Draft(shipped);
            d.start = list;
            return d;
        }

        void start(DomainSet list) {
            start = list;
            changes.clear();
        }

        void replace(Collection<String> domains) {
            changes.clear();
            changes.add(new Change(Kind.REPLACE, new ArrayList<>(domains)));
        }

        void add(Collection<String> domains) {
            changes.add(new Change(Kind.ADD, new ArrayList<>(domains)));
        }

        void remove(Collection<String> domains) {
            changes.add(new Change(Kind.REMOVE, new ArrayList<>(domains)));
        }

        DomainSet build(String key) {
            if (changes.isEmpty()) {
                return start;
            }
            Shipped s = shipped.get();
            Set<String> whole = null;
            Set<String> added = new HashSet<>();
            Set<String> removed = new HashSet<>();
            if (start.shipped != null) {
                added.addAll(start.added);
                removed.addAll(start.removed);
            } else {
                whole = new HashSet<>(start.values);
            }
            for (Change c : changes) {
                switch (c.kind()) {
                    case REPLACE -> whole = new HashSet<>(Checks.domains(key, c.domains()));
                    case ADD -> {
                        for (String d : Checks.domains(key, c.domains())) {
                            if (whole != null) {
                                whole.add(d);
                            } else if (s.domains().contains(d)) {
                                removed.remove(d);
                            } else {
                                added.add(d);
                            }
                        }
                    }
                    case REMOVE -> {
                        for (String raw : c.domains()) {
                            String d = Text.key(raw);
                            if (d == null) {
                                continue;
                            }
                            if (whole != null) {
                                whole.remove(d);
                            } else if (s.domains().contains(d)) {
                                removed.add(d);
                            } else {
                                added.remove(d);
                            }
                        }
                    }
                }
            }
            return whole != null ? of(s, whole) : of(s, added, removed);
        }
    }
}
