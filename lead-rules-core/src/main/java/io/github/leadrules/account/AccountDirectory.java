package io.github.leadrules.account;

import java.time.Instant;
import java.util.Optional;

/**
 * The host's knowledge of existing accounts and recent leads, looked up before the rules run.
 * Implementations must be thread-safe; the qualifier calls them from many threads. Lookups receive
 * normalised keys: a lower-case ASCII e-mail domain, and a company-name key as produced by
 * {@link InMemoryAccountDirectory#companyKey(String)} (legal forms such as 株式会社 or Inc. removed,
 * NFKC, lower case).
 *
 * <p>{@link InMemoryAccountDirectory} is the shipped implementation; a host can back this with its
 * CRM cache instead.
 */
public interface AccountDirectory {

    /**
     * The account that owns this e-mail or web domain (or a parent domain of it), if any.
     *
     * @param domain a lower-case domain, e.g. {@code sales.acme.example}
     * @return the account, or empty
     */
    Optional<Account> findByDomain(String domain);

    /**
     * The account with this normalised company name, if any.
     *
     * @param companyKey a company name's key, as {@link InMemoryAccountDirectory#companyKey} makes it
     * @return the account, or empty
     */
    Optional<Account> findByCompanyKey(String companyKey);

    /**
     * When a lead with this normalised e-mail address (lower case) last came in, if known; used to
     * exclude duplicates of recent leads. The default knows none.
     *
     * @param normalisedEmail {@code local@domain}, lower case
     * @return when the last lead came in, or empty
     */
    default Optional<Instant> lastLeadAt(String normalisedEmail) {
        return Optional.empty();
    }

    /**
     * A directory that knows nothing.
     *
     * @return the empty directory
     */
    static AccountDirectory empty() {
        return InMemoryAccountDirectory.builder().build();
    }
}
