package io.github.leadrules;

import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A qualifier whose rules and policy can be replaced while it serves traffic. It holds one
 * {@link LeadQualifier} at a time; {@link #reload()} builds a new one in the background from the
 * factory (which reads the files afresh) and swaps it in atomically. Each call of
 * {@link #qualify} or {@link #qualifyAll} reads the current qualifier once, so every qualification
 * is decided by exactly one rule set and carries that rule set's fingerprint. A build that fails
 * (bad DRL, bad policy file, anything the factory throws) leaves the old rules serving and is
 * reported in the {@link ReloadResult} and to the listeners.
 *
 * <pre>{@code
 * Path policyFile = Path.of("config/lead-policy.yaml");
 * Path rulesFolder = Path.of("config/rules");
 * ReloadableLeadQualifier qualifier = ReloadableLeadQualifier.create(() -> LeadQualifier.builder()
 *         .policy(LeadPolicy.load(policyFile))
 *         .addRules(rulesFolder)
 *         .build());                               // the first build fails fast, like build()
 * qualifier.onReload(result -> log.info("{}", result));
 *
 * // later, e.g. when marketing-ops saved a new policy file:
 * qualifier.reload().thenAccept(result -> {
 *     if (!result.succeeded()) alertOps(result.problems());
 * });
 * }</pre>
 *
 * <p>Reloads run one at a time, in the order asked, on the given executor (by default one daemon
 * thread of this qualifier's own, stopped by {@link #close()}). Qualifying is never blocked by a
 * reload. Thread-safe.
 */
public final class ReloadableLeadQualifier implements Qualifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadableLeadQualifier.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Supplier<LeadQualifier> factory;
    private final AtomicReference<LeadQualifier> current;
    private final ExecutorService ownExecutor;
    private final Executor executor;
    private final List<Consumer<ReloadResult>> listeners = new CopyOnWriteArrayList<>();
    private final List<DecisionListener> decisionListeners = new CopyOnWriteArrayList<>();
    /** Chains reloads so that they run one at a time, in the order asked. */
    private final Object chainLock = new Object();
    private CompletableFuture<ReloadResult> last = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    private ReloadableLeadQualifier(Supplier<LeadQualifier> factory, LeadQualifier first, Executor executor) {
        this.factory = factory;
        this.current = new AtomicReference<>(first);
        if (executor == null) {
            this.ownExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lead-rules-reload-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.executor = ownExecutor;
        } else {
            this.ownExecutor = null;
            this.executor = executor;
        }
    }

    /**
     * Builds the first qualifier now, on the calling thread, and keeps the factory for reloads.
     *
     * @param factory builds a qualifier from the current rule and policy files; called now and on every reload
     * @return the reloadable qualifier, serving the first build
     * @throws InvalidRulesException or {@link PolicyFileException} (or whatever the factory throws)
     *                               when the first build fails: there are no old rules to fall back on
     */
    public static ReloadableLeadQualifier create(Supplier<LeadQualifier> factory) {
        return create(factory, null);
    }

    /**
     * Like {@link #create(Supplier)}, running reloads on the host's executor.
     *
     * @param factory builds a qualifier; called now and on every reload
     * @param executor runs the reloads
     * @return the reloadable qualifier, serving the first build
     */
    public static ReloadableLeadQualifier create(Supplier<LeadQualifier> factory, Executor executor) {
        Objects.requireNonNull(factory, "factory");
        LeadQualifier first = Objects.requireNonNull(factory.get(), "the factory returned null");
        return new ReloadableLeadQualifier(factory, first, executor);
    }

    /**
     * Qualifies one lead with the current rules; see {@link LeadQualifier#qualify}.
     *
     * @param lead the lead, possibly invalid or null
     * @return its qualification
     */
    @Override
    public Qualification qualify(Lead lead) {
        if (decisionListeners.isEmpty()) {
            return current.get().qualify(lead);
        }
        long started = System.nanoTime();
        Qualification q = current.get().qualify(lead);
        decided(List.of(q), started);
        return q;
    }

    /**
     * Qualifies leads with the current rules; the whole list is decided by one rule set even when a
     * reload swaps rules meanwhile. See {@link LeadQualifier#qualifyAll}.
     *
     * @param leads the leads
     * @return one qualification per lead, in input order
     */
    @Override
    public List<Qualification> qualifyAll(List<Lead> leads) {
        if (decisionListeners.isEmpty()) {
            return current.get().qualifyAll(leads);
        }
        long started = System.nanoTime();
        List<Qualification> all = current.get().qualifyAll(leads);
        decided(all, started);
        return all;
    }

    private void decided(List<Qualification> decisions, long started) {
        long nanos = System.nanoTime() - started;
        for (DecisionListener listener : decisionListeners) {
            try {
                listener.decided(decisions, nanos);
            } catch (RuntimeException e) {
                LOG.warn("A decision listener failed: {}", e.getClass().getName());
            }
        }
    }

    /**
     * Qualifies one lead with the current rules at an explicit "now"; see {@link LeadQualifier#qualify(Lead, Instant)}.
     *
     * @param lead the lead, possibly invalid or null
     * @param now the instant the decision is made at
     * @return its qualification
     */
    @Override
    public Qualification qualify(Lead lead, Instant now) {
        if (decisionListeners.isEmpty()) {
            return current.get().qualify(lead, now);
        }
        long started = System.nanoTime();
        Qualification q = current.get().qualify(lead, now);
        decided(List.of(q), started);
        return q;
    }

    /**
     * Qualifies leads with the current rules at an explicit "now"; the whole list is decided by one
     * rule set. See {@link LeadQualifier#qualifyAll(List, Instant)}.
     *
     * @param leads the leads
     * @param now the instant every decision is made at
     * @return one qualification per lead, in input order
     */
    @Override
    public List<Qualification> qualifyAll(List<Lead> leads, Instant now) {
        if (decisionListeners.isEmpty()) {
            return current.get().qualifyAll(leads, now);
        }
        long started = System.nanoTime();
        List<Qualification> all = current.get().qualifyAll(leads, now);
        decided(all, started);
        return all;
    }

    /**
     * Traces leads with the current rules; see {@link LeadQualifier#trace}.
     *
     * @param leads the leads
     * @return one trace per lead, in input order
     */
    @Override
    public List<QualificationTrace> trace(List<Lead> leads) {
        return current.get().trace(leads);
    }

    /**
     * The qualifier serving now. Hold on to it to make several calls under one rule set (e.g. to
     * explain a decision with {@link LeadQualifier#rules()}).
     *
     * @return the current qualifier
     */
    public LeadQualifier current() {
        return current.get();
    }

    /** {@return the fingerprint of the rules serving now} */
    @Override
    public String fingerprint() {
        return current.get().fingerprint();
    }

    /** {@return the policy serving now} */
    @Override
    public LeadPolicy policy() {
        return current.get().policy();
    }

    /**
     * The rules serving now; see {@link LeadQualifier#rules()}. A reload may change them before
     * the next call: hold {@link #current()} to explain decisions under one rule set.
     *
     * @return the effective rules serving now, in stage order then id
     */
    @Override
    public List<RuleDescription> rules() {
        return current.get().rules();
    }

    /**
     * Calls the listener after every reload, succeeded or failed, on the reload thread.
     *
     * @param listener receives every reload's result
     */
    public void onReload(Consumer<ReloadResult> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Calls the listener after every {@link #qualify} and {@link #qualifyAll} call, with or without an
     * explicit instant (not
     * {@link #trace}), on the calling thread, with that call's decisions and how long it took; for
     * metrics. A listener that throws is logged (its class only) and does not change the decisions.
     * With no listener, qualifying does not read the time.
     *
     * @param listener receives every call's decisions
     */
    public void onDecisions(DecisionListener listener) {
        decisionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Receives the decisions of each {@link #qualify} or {@link #qualifyAll} call; see {@link #onDecisions}. */
    @FunctionalInterface
    public interface DecisionListener {
        /**
         * Called once per call, after the decisions were made.
         *
         * @param decisions the call's qualifications, in input order (one for {@link #qualify})
         * @param nanos     how long the call took, in nanoseconds
         */
        void decided(List<Qualification> decisions, long nanos);
    }

    /**
     * Builds a new qualifier from the factory in the background and swaps it in when it builds.
     * The future never completes exceptionally for a failed build: the result says what failed.
     *
     * @return the reload's result, once it is known
     */
    public CompletableFuture<ReloadResult> reload() {
        return reload(factory);
    }

    /**
     * Like {@link #reload()}, with a one-off factory (e.g. a policy given in code); later
     * {@link #reload()} calls use the factory given at creation again.
     *
     * @param oneOff builds the qualifier for this reload only
     * @return the reload's result, once it is known
     */
    public CompletableFuture<ReloadResult> reload(Supplier<LeadQualifier> oneOff) {
        Objects.requireNonNull(oneOff, "oneOff");
        synchronized (chainLock) {
            if (closed) {
                throw new IllegalStateException("reload after close(): this qualifier no longer reloads");
            }
            CompletableFuture<ReloadResult> next = last.handle((ignored, e) -> null)
                    .thenApplyAsync(ignored -> build(oneOff), executor);
            last = next;
            return next;
        }
    }

    private ReloadResult build(Supplier<LeadQualifier> source) {
        String before = current.get().fingerprint();
        long started = System.nanoTime();
        ReloadResult result;
        try {
            LeadQualifier next = Objects.requireNonNull(source.get(), "the factory returned null");
            current.set(next);
            result = new ReloadResult(true, before, next.fingerprint(), Instant.now(), millis(started), null);
            LOG.info("Rules reloaded: {} -> {} in {} ms", before, next.fingerprint(), result.buildMillis());
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a host rule can reference a class that is missing at run time.
            result = new ReloadResult(false, before, before, Instant.now(), millis(started), e);
            LOG.warn("Reload failed; rules {} keep serving: {}", before, e.getMessage());
        }
        for (Consumer<ReloadResult> listener : listeners) {
            try {
                listener.accept(result);
            } catch (RuntimeException e) {
                LOG.warn("A reload listener failed: {}", e.getClass().getName());
            }
        }
        return result;
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * Stops reloading: a reload already asked for still finishes, later {@link #reload()} calls
     * throw {@link IllegalStateException}, and this qualifier's own reload thread (not a host
     * executor) ends. Qualifying goes on working with the rules serving at that point.
     */
    @Override
    public void close() {
        synchronized (chainLock) {
            closed = true;
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /**
     * The outcome of one reload.
     *
     * @param succeeded           whether the new rules are serving
     * @param previousFingerprint the fingerprint serving before
     * @param fingerprint         the fingerprint serving after (the old one when the build failed)
     * @param finishedAt          when the reload finished (system time; for logs only)
     * @param buildMillis         how long the build took
     * @param failure             why the build failed, or null
     */
    public record ReloadResult(boolean succeeded, String previousFingerprint, String fingerprint, Instant finishedAt,
                               long buildMillis, Throwable failure) {

        /**
         * Why the build failed, if it did.
         *
         * @return the failure, or empty
         */
        public Optional<Throwable> error() {
            return Optional.ofNullable(failure);
        }

        /**
         * Whether the rules serving changed (a successful reload of identical files changes nothing).
         *
         * @return true when another rule set or policy now serves
         */
        public boolean changed() {
            return succeeded && !previousFingerprint.equals(fingerprint);
        }

        /**
         * The failure as lines a person can act on: every rule problem ({@code file:line:column
         * [rule] message}) or policy-file problem ({@code file:line:column key: message}), else
         * the exception's message. Empty when the reload succeeded.
         *
         * @return the problems, one a line; empty after a successful reload
         */
        public List<String> problems() {
            if (failure instanceof InvalidRulesException rules) {
                return rules.problems().stream().map(InvalidRulesException.Problem::toString).toList();
            }
            if (failure instanceof PolicyFileException policy) {
                return policy.problems().stream().map(PolicyFileException.Problem::toString).toList();
            }
            return failure == null ? List.of() : List.of(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }

        @Override
        public String toString() {
            return succeeded
                    ? "reload succeeded: " + previousFingerprint + " -> " + fingerprint + " (" + buildMillis + " ms)"
                    : "reload failed, " + fingerprint + " keeps serving: " + String.join("; ", problems());
        }
    }
}
