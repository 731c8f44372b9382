package io.github.leadrules.kafka.internal;

import io.github.leadrules.account.Account;
import io.github.leadrules.kafka.AccountMessages;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The global stores' update processors, run on the global thread (also while a store is restored):
 * the rule-sets store hands the followed key's value to the compiler; the accounts store keeps the
 * accounts snapshot in step.
 */
public final class GlobalUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalUpdates.class);

    private GlobalUpdates() {
    }

    /** Rule sets: store every key; compile the followed one. */
    public static ProcessorSupplier<String, byte[], Void, Void> ruleSets(String storeName, String followedKey, RuleSets ruleSets) {
        return () -> new Processor<>() {
            private KeyValueStore<String, byte[]> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(storeName);
                // When the store came back from local state rather than through this processor,
                // the followed set still has to be compiled before leads are decided.
                byte[] restored = store.get(followedKey);
                if (restored != null && !ruleSets.isLastSubmitted(restored)) {
                    ruleSets.submit(restored);
                }
            }

            @Override
            public void process(Record<String, byte[]> record) {
                if (record.key() == null) {
                    return;
                }
                if (record.value() == null) {
                    store.delete(record.key());
                } else {
                    store.put(record.key(), record.value());
                }
                if (record.key().equals(followedKey)) {
                    ruleSets.submit(record.value());
                }
            }
        };
    }

    /** Accounts: store every account by id; keep the snapshot in step. A bad account is logged by key and left out. */
    public static ProcessorSupplier<String, byte[], Void, Void> accounts(String storeName, AccountsSnapshot snapshot) {
        return () -> new Processor<>() {
            private KeyValueStore<String, byte[]> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(storeName);
                if (snapshot.isEmpty()) {
                    try (KeyValueIterator<String, byte[]> it = store.all()) {
                        while (it.hasNext()) {
                            var kv = it.next();
                            read(kv.key, kv.value);
                        }
                    }
                }
            }

            @Override
            public void process(Record<String, byte[]> record) {
                if (record.key() == null) {
                    return;
                }
                if (record.value() == null) {
                    store.delete(record.key());
                    snapshot.remove(record.key());
                    return;
                }
                store.put(record.key(), record.value());
                read(record.key(), record.value());
            }

            private void read(String key, byte[] value) {
                try {
                    Account a = AccountMessages.read(value);
                    if (!Objects.equals(a.id(), key)) {
                        LOG.warn("Account record keyed {} carries another account_id; keyed by account_id", key);
                    }
                    snapshot.put(a);
                } catch (IllegalArgumentException e) {
                    LOG.warn("Account record keyed {} left out: {}", key, e.getMessage());
                }
            }
        };
    }
}
