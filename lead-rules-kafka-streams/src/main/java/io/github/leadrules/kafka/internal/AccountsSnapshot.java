package io.github.leadrules.kafka.internal;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts of the global accounts store as the library's own in-memory directory, so that a
 * lead matches an account on a stream exactly as it does in one process (parent domains, company
 * names without legal forms). The global thread changes the accounts; the first lookup after a
 * change rebuilds the directory (in account-id order, so that two accounts claiming one domain
 * resolve the same way everywhere). Meant for CRM-sync rates of change, not thousands a second.
 */
public final class AccountsSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsSnapshot.class);

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile long builtVersion = -1;
    private volatile AccountDirectory directory = AccountDirectory.empty();

    void put(Account account) {
        accounts.put(account.id(), account);
        version.incrementAndGet();
    }

    void remove(String accountId) {
        if (accounts.remove(accountId) != null) {
            version.incrementAndGet();
        }
    }

    boolean isEmpty() {
        return accounts.isEmpty();
    }

    /** {@return the directory as of the latest change} */
    public AccountDirectory directory() {
        long v = version.get();
        if (v != builtVersion) {
            synchronized (this) {
                if (v != builtVersion) {
                    InMemoryAccountDirectory.Builder b = InMemoryAccountDirectory.builder();
                    accounts.values().stream().sorted(Comparator.comparing(Account::id)).forEach(a -> {
                        try {
                            b.add(a);
                        } catch (IllegalArgumentException e) {
                            LOG.warn("Account {} left out: {}", a.id(), e.getMessage());
                        }
                    });
                    directory = b.build();
                    builtVersion = v;
                }
            }
        }
        return directory;
    }
}
