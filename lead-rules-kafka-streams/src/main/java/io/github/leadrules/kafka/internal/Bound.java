package io.github.leadrules.kafka.internal;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.assign.Assignment;
import io.github.leadrules.assign.AssignmentRequest;
import io.github.leadrules.assign.AssignmentStrategy;

import java.time.Instant;
import java.util.Optional;

/**
 * What one stream task lends a shared, compiled qualifier while it decides one record: its
 * duplicate-window store and the accounts snapshot. A compiled rule set is shared by every stream
 * thread; each thread binds its task's stores around one call, so the qualifier itself stays
 * stateless. The assignment the rules would ask for is captured, not made: owners are assigned in
 * the step keyed by team.
 */
public final class Bound {

    private static final ThreadLocal<Bound> CURRENT = new ThreadLocal<>();

    final RecentLeads recent;
    final AccountDirectory accounts;
    AssignmentRequest captured;

    private Bound(RecentLeads recent, AccountDirectory accounts) {
        this.recent = recent;
        this.accounts = accounts;
    }

    /** Binds the stores for the current thread until {@link #close()}. */
    static Bound bind(RecentLeads recent, AccountDirectory accounts) {
        Bound b = new Bound(recent, accounts);
        CURRENT.set(b);
        return b;
    }

    void close() {
        CURRENT.remove();
    }

    /** The accounts of the task deciding on this thread; none outside a call. */
    public static final AccountDirectory ACCOUNTS = new AccountDirectory() {
        @Override
        public Optional<Account> findByDomain(String domain) {
            Bound b = CURRENT.get();
            return b == null ? Optional.empty() : b.accounts.findByDomain(domain);
        }

        @Override
        public Optional<Account> findByCompanyKey(String companyKey) {
            Bound b = CURRENT.get();
            return b == null ? Optional.empty() : b.accounts.findByCompanyKey(companyKey);
        }

        @Override
        public String toString() {
            return "accounts store";
        }
    };

    /** The duplicate window of the task deciding on this thread; remembers nothing outside a call. */
    public static final RecentLeads RECENT = new RecentLeads() {
        @Override
        public Optional<Instant> record(String normalisedEmail, Instant at) {
            Bound b = CURRENT.get();
            return b == null ? Optional.empty() : b.recent.record(normalisedEmail, at);
        }

        @Override
        public String toString() {
            return "duplicate-window store";
        }
    };

    /** Captures the request for the step keyed by team and leaves the route as the rules made it. */
    public static final AssignmentStrategy CAPTURE = new AssignmentStrategy() {
        @Override
        public Assignment assign(AssignmentRequest request) {
            Bound b = CURRENT.get();
            if (b != null) {
                b.captured = request;
            }
            return Assignment.undecided();
        }

        @Override
        public String toString() {
            return "assigned by team";
        }
    };
}
