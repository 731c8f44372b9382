package io.github.leadrules.account;

import io.github.leadrules.internal.text.CompanyNames;
import io.github.leadrules.internal.text.EmailAddresses;
import io.github.leadrules.internal.text.Text;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, thread-safe account directory held in memory. Domains match their subdomains too
 * (mail.sample.co.jp finds the account of sample.co.jp).
 *
 * <pre>{@code
 * AccountDirectory accounts = InMemoryAccountDirectory.builder()
 *     .add(new Account("A-1", "株式会社サンプル", Set.of("sample.co.jp"), Relationship.CUSTOMER, "suzuki"))
 *     .recentLead("hanako@globex.example", Instant.parse("2026-11-20T00:00:00Z"))
 *     .build();
 * }</pre>
 */
public final class InMemoryAccountDirectory implements AccountDirectory {

    private final Map<String, Account> byDomain;
    private final Map<String, Account> byCompanyKey;
    private final Map<String, Instant> lastLeads;

    private InMemoryAccountDirectory(Builder b) {
        // Hash maps, read-only: a miss compares stored hashes, not every probed key (Map.copyOf's
        // tables compare keys), and most lookups of a lead are misses.
        byDomain = Collections.unmodifiableMap(new HashMap<>(b.byDomain));
        byCompanyKey = Collections.unmodifiableMap(new HashMap<>(b.byCompanyKey));
        lastLeads = Collections.unmodifiableMap(new HashMap<>(b.lastLeads));
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The company-name key the qualifier uses for lookups: NFKC, lower case, legal forms
     * (株式会社, (株), Inc., Co., Ltd. …) and punctuation removed.
     *
     * @param companyName a company name as written, e.g. {@code 株式会社サンプル}
     * @return the key, or null for a null or blank name
     */
    public static String companyKey(String companyName) {
        return CompanyNames.normalise(companyName);
    }

    @Override
    public Optional<Account> findByDomain(String domain) {
        String key = Text.key(domain);
        if (key == null) {
            return Optional.empty();
        }
        Account direct = byDomain.get(key);
        if (direct != null) {
            return Optional.of(direct);
        }
        // then each of EmailAddresses.domainAndParents(key), the key itself not again
        return Optional.ofNullable(EmailAddresses.domainOrParentValue(byDomain, key, key));
    }

    @Override
    public Optional<Account> findByCompanyKey(String companyKey) {
        return companyKey == null ? Optional.empty() : Optional.ofNullable(byCompanyKey.get(companyKey));
    }

    @Override
    public Optional<Instant> lastLeadAt(String normalisedEmail) {
        return normalisedEmail == null ? Optional.empty() : Optional.ofNullable(lastLeads.get(normalisedEmail));
    }

    /** Collects accounts and recent leads; later additions win on conflicting keys. */
    public static final class Builder {
        private final Map<String, Account> byDomain = new HashMap<>();
        private final Map<String, Account> byCompanyKey = new HashMap<>();
        private final Map<String, Instant> lastLeads = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds an account, indexed by each of its domains and by its normalised name.
         *
         * @param account the account
         * @return this builder
         */
        public Builder add(Account account) {
            int entry = 0;
            for (String d : account.domains()) {
                entry++;
                if (d == null || d.isBlank()) {
                    throw new IllegalArgumentException("account " + account.id() + ": blank domain");
                }
                int n = entry;
                String key = DomainName.key(d).orElseThrow(() -> new IllegalArgumentException("account " + account.id()
                        + ": domain " + n + " is not a domain name (write sample.co.jp, without https://, a path or a name before @)"));
                byDomain.put(key, account);
            }
            String nameKey = CompanyNames.normalise(account.name());
            if (nameKey != null) {
                byCompanyKey.put(nameKey, account);
            }
            return this;
        }

        /**
         * Adds several accounts.
         *
         * @param accounts the accounts
         * @return this builder
         */
        public Builder addAll(List<Account> accounts) {
            accounts.forEach(this::add);
            return this;
        }

        /**
         * Records when a lead with this e-mail address last came in (for duplicate detection).
         *
         * @param email the lead's e-mail address
         * @param at when it came in
         * @return this builder
         */
        public Builder recentLead(String email, Instant at) {
            String key = EmailAddresses.parse(email)
                    .map(p -> p.localPart() + "@" + p.domain())
                    .orElseThrow(() -> new IllegalArgumentException("recentLead: malformed e-mail address"));
            lastLeads.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
            return this;
        }

        /**
         * Builds the directory.
         *
         * @return the directory, immutable
         */
        public InMemoryAccountDirectory build() {
            return new InMemoryAccountDirectory(this);
        }
    }
}
