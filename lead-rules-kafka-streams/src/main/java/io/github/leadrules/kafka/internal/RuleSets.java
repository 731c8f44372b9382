package io.github.leadrules.kafka.internal;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.kafka.RuleSetMessage;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The rule sets a topology decides with: the one serving now, swapped atomically when a new value of
 * the followed key on the rule-sets topic has compiled (on the compile executor, never on a stream
 * thread), and the recent ones by fingerprint, so that the step keyed by team assigns with the
 * policy that decided the lead. A value that does not compile is logged (file, line, rule; no rule
 * text) and the serving set stays.
 */
public final class RuleSets {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);
    private static final int KEPT = 16;

    private final LeadPolicy basePolicy;
    private final UnaryOperator<LeadQualifier.Builder> customiser;
    private final Executor executor;
    private final AtomicReference<LeadQualifier> current = new AtomicReference<>();
    private final Map<String, LeadQualifier> byFingerprint = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LeadQualifier> eldest) {
            return size() > KEPT;
        }
    };
    private final Object chainLock = new Object();
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    private volatile byte[] lastSubmitted;
    private volatile String lastProblem;

    /** Compiles the base rule set at once, on the calling thread: bad base rules fail the topology's build. */
    public RuleSets(LeadPolicy basePolicy, UnaryOperator<LeadQualifier.Builder> customiser, Executor executor) {
        this.basePolicy = basePolicy;
        this.customiser = customiser;
        this.executor = executor;
        install(compile(null));
    }

    /** {@return the rule set serving now} */
    public LeadQualifier current() {
        return current.get();
    }

    /** {@return a recent rule set by fingerprint} */
    public synchronized Optional<LeadQualifier> byFingerprint(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** {@return why the latest rule set was refused, or null} */
    public String lastProblem() {
        return lastProblem;
    }

    /** {@return the value last handed to {@link #submit}, null for a tombstone or none} */
    byte[] lastSubmitted() {
        return lastSubmitted;
    }

    /**
     * Compiles a new value of the followed key (null: back to the base rule set) on the compile
     * executor, after every value submitted before it, and swaps it in.
     */
    void submit(byte[] value) {
        lastSubmitted = value;
        synchronized (chainLock) {
            // exceptionally(): an Error in one compile must not stop every later value from compiling.
            chain = chain.exceptionally(t -> null).thenRunAsync(() -> {
                try {
                    install(compile(value == null ? null : RuleSetMessage.fromJson(value)));
                    lastProblem = null;
                } catch (RuntimeException e) {
                    lastProblem = describe(e);
                    LOG.warn("Rule set refused; the serving set {} stays: {}", current.get().fingerprint(), lastProblem);
                }
            }, executor);
        }
    }

    /** Waits until every submitted value has been compiled (or refused). */
    void awaitPending(Duration timeout) {
        CompletableFuture<Void> c;
        synchronized (chainLock) {
            c = chain;
        }
        try {
            c.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rule set compiles", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the rule set restored from the rule-sets topic did not compile within " + timeout
                    + " (LeadTopology.Builder.startupWait); the task does not start, so no lead is read and none is lost", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the rule set compiler failed", e.getCause());
        }
    }

    /** Whether {@code value} is what was last submitted (so nothing needs compiling at start-up). */
    boolean isLastSubmitted(byte[] value) {
        return Arrays.equals(value, lastSubmitted);
    }

    private synchronized void install(LeadQualifier q) {
        byFingerprint.put(q.fingerprint(), q);
        current.set(q);
        LOG.info("Rule set {} now decides", q.fingerprint());
    }

    private LeadQualifier compile(RuleSetMessage message) {
        LeadPolicy policy = basePolicy;
        if (message != null && message.policyYaml() != null) {
            policy = LeadPolicy.load(new StringReader(message.policyYaml()), "rule-sets:policy_yaml");
        }
        LeadQualifier.Builder b = LeadQualifier.builder();
        if (policy != null) {
            b.policy(policy);
        }
        b = customiser.apply(b);
        if (message != null) {
            message.rules().forEach(b::addRulesText);
            message.disabled().forEach(b::disableRule);
        }
        return b.accounts(Bound.ACCOUNTS).recentLeads(Bound.RECENT).assignment(Bound.CAPTURE).build();
    }

    private static String describe(RuntimeException e) {
        if (e instanceof InvalidRulesException r) {
            return r.getMessage();
        }
        if (e instanceof PolicyFileException p) {
            return p.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
