package io.github.leadrules.account;

import io.github.leadrules.internal.text.EmailAddresses;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers when leads came in, by normalised e-mail address, so that the duplicate exclusion
 * ({@code EXC-DUPLICATE}) sees the leads decided before this one, and not only the recent leads an
 * {@link AccountDirectory} was built with. A qualifier given one through
 * {@code LeadQualifier.Builder.recentLeads} calls {@link #record} once for every valid lead with an
 * e-mail address, in input order, before its rules run.
 *
 * <pre>{@code
 * RecentLeads recent = RecentLeads.inMemory();
 * LeadQualifier qualifier = LeadQualifier.builder().recentLeads(recent).build();
 * qualifier.qualify(first, at);                 // QUALIFIED
 * qualifier.qualify(sameAddressAgain, at);      // EXCLUDED, EXC-DUPLICATE
 * }</pre>
 *
 * <p>The shipped {@link #inMemory()} implementation lives in one process; a stream processor backs
 * this with its own state (the Kafka Streams module keeps one store per partition of leads keyed by
 * {@link #key(String)}). Implementations must be thread-safe when the qualifier is shared across
 * threads, and {@link #record} must read and write atomically for one address.
 */
@FunctionalInterface
public interface RecentLeads {

    /**
     * Records that a lead from this address came in at {@code at}, and says when the latest lead
     * from it came in before this call. The stored instant never moves back: an earlier {@code at}
     * than the one stored leaves it as it is.
     *
     * @param normalisedEmail the address as {@link #key(String)} makes it
     * @param at when the lead came in: its {@code submittedAt}, else the qualification's "now"
     * @return the latest instant recorded before this call, or empty for the first lead from the address
     */
    Optional<Instant> record(String normalisedEmail, Instant at);

    /**
     * A thread-safe, unbounded, in-memory record of one process's leads; {@link InMemoryRecentLeads#forgetBefore}
     * drops old entries.
     *
     * @return a new, empty record
     */
    static InMemoryRecentLeads inMemory() {
        return new InMemoryRecentLeads();
    }

    /**
     * The key leads are recorded under: the address's local part and domain in lower case (NFKC,
     * IDN domains as ASCII), as the duplicate exclusion and {@link AccountDirectory#lastLeadAt} see it.
     *
     * @param email an e-mail address as entered, possibly null or malformed
     * @return the key, or empty when the address is blank or malformed
     */
    static Optional<String> key(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return EmailAddresses.parse(email).map(p -> p.localPart() + "@" + p.domain());
    }
}
