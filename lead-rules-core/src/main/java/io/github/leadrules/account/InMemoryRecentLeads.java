package io.github.leadrules.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link RecentLeads} held in one process's memory; made by {@link RecentLeads#inMemory()}.
 * Thread-safe. It grows with the number of addresses seen: call {@link #forgetBefore} now and then
 * (e.g. with "now minus the policy's duplicate window").
 */
public final class InMemoryRecentLeads implements RecentLeads {

    private final ConcurrentMap<String, Instant> latest = new ConcurrentHashMap<>();

    InMemoryRecentLeads() {
    }

    @Override
    public Optional<Instant> record(String normalisedEmail, Instant at) {
        Objects.requireNonNull(normalisedEmail, "normalisedEmail");
        Objects.requireNonNull(at, "at");
        Instant[] before = new Instant[1];
        latest.compute(normalisedEmail, (k, v) -> {
            before[0] = v;
            return v == null || at.isAfter(v) ? at : v;
        });
        return Optional.ofNullable(before[0]);
    }

    /**
     * Forgets every address whose latest lead came in before the instant.
     *
     * @param cutoff entries older than this go
     * @return how many entries went
     */
    public int forgetBefore(Instant cutoff) {
        int before = latest.size();
        latest.values().removeIf(at -> at.isBefore(cutoff));
        return before - latest.size();
    }

    /** {@return how many addresses are remembered} */
    public int size() {
        return latest.size();
    }

    @Override
    public String toString() {
        return "InMemoryRecentLeads[" + latest.size() + " addresses]";
    }
}
