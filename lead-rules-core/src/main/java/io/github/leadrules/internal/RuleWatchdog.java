package io.github.leadrules.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs rule sessions on worker threads and gives up on one that stops making progress. A host rule
 * can loop inside its condition or action ({@code while (true) {}}); the firing bound cannot see
 * that, and a loop on the caller's thread would hang the caller for good. So each session (one per
 * batch, not per lead) runs on a daemon worker while the caller waits, waking every quarter budget
 * to compare the session's progress counter with what it saw before. When the counter has not moved
 * for a whole budget, the caller takes the worker's stack trace, asks the session to stop, interrupts
 * the worker and goes on without it: {@link Stuck}.
 *
 * <p>A thread cannot be killed safely (a stopped thread could leave the shared rule base half
 * updated), so a given-up worker keeps running until its loop ends, if ever, burning a core. Such
 * workers are counted, JVM-wide for the shared instance; once {@link #MAX_STUCK} are alive, further
 * sessions are refused ({@link Refused}) instead of leaking a thread per looping lead. A worker that
 * ends after all is counted off again.
 *
 * <p>Workers come from a cached pool: an idle one is reused, one is added when all are busy (so as
 * many as there are threads qualifying at once), and idle ones end after 30 seconds.
 */
public final class RuleWatchdog {

    /** The most given-up sessions tolerated at once in one JVM before new sessions are refused. */
    public static final int MAX_STUCK = 8;

    private static final Logger LOG = LoggerFactory.getLogger(RuleWatchdog.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final RuleWatchdog SHARED = new RuleWatchdog(MAX_STUCK);

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    private final int maxStuck;
    private final AtomicInteger stuck = new AtomicInteger();
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final ThreadPoolExecutor workers;

    RuleWatchdog(int maxStuck) {
        this.maxStuck = maxStuck;
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "lead-rules-session-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            // Each task brings its caller's loader; an idle worker should not keep a web app's loader alive.
            t.setContextClassLoader(null);
            return t;
        });
    }

    /** The instance every qualifier of this JVM shares, so that the stuck count is the JVM's. */
    public static RuleWatchdog shared() {
        return SHARED;
    }

    /** How many given-up sessions are still running. */
    public int stuck() {
        return stuck.get();
    }

    /** The most given-up sessions tolerated before new sessions are refused. */
    public int maxStuck() {
        return maxStuck;
    }

    /** What the watched session reports while it works; both methods are called from the waiting thread. */
    public interface Watched {
        /** A number that changes whenever the session moves on (a fact inserted, a rule starting or finishing). */
        long progress();

        /** Asks the session to stop at its next chance (e.g. {@code KieSession.halt()}); must not block. */
        void stop();
    }

    /**
     * Runs the task on a worker and returns its result, or rethrows what it threw.
     *
     * @throws Stuck   when the task made no progress for a whole budget; it is left running
     * @throws Refused when {@link #maxStuck()} given-up tasks are still running; the task did not run
     */
    public <T> T run(Supplier<T> task, Watched watched, Duration budget) {
        int alive = stuck.get();
        if (alive >= maxStuck) {
            if (refusing.compareAndSet(false, true)) {
                LOG.warn("{} rule sessions are stuck in rules that do not finish; further leads are ERROR until some end."
                        + " Disable or fix the rule named in the earlier warnings and restart the process", alive);
            }
            throw new Refused(alive);
        }
        Job<T> job = new Job<>(task, Thread.currentThread());
        workers.execute(job);
        long budgetNanos = budget.toNanos();
        long slice = Math.max(budgetNanos / 4, TimeUnit.MILLISECONDS.toNanos(1));
        long seen = watched.progress();
        long quietSince = System.nanoTime();
        boolean interrupted = false;
        while (job.state.get() == RUNNING) {
            LockSupport.parkNanos(this, slice);
            // Waiting is not interruptible (the session could not be left half run); the flag is kept for the caller.
            interrupted |= Thread.interrupted();
            if (job.state.get() != RUNNING) {
                break;
            }
            long now = System.nanoTime();
            long progress = watched.progress();
            if (progress != seen) {
                seen = progress;
                quietSince = now;
            } else if (now - quietSince >= budgetNanos && job.state.compareAndSet(RUNNING, ABANDONED)) {
                int count = stuck.incrementAndGet();
                Thread worker = job.worker;
                StackTraceElement[] stack = worker == null ? new StackTraceElement[0] : worker.getStackTrace();
                try {
                    watched.stop();
                } catch (RuntimeException e) {
                    LOG.debug("Stopping a stuck session failed: {}", e.getClass().getName());
                }
                if (worker != null) {
                    worker.interrupt();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new Stuck(stack, worker == null ? "?" : worker.getName(), count, maxStuck);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (job.error != null) {
            throw job.error;
        }
        if (job.failure != null) {
            throw job.failure;
        }
        return job.result;
    }

    /** One task on one worker; its state says who owns the outcome: the waiting caller, or nobody. */
    private final class Job<T> implements Runnable {
        final AtomicInteger state = new AtomicInteger(RUNNING);
        final Supplier<T> task;
        final Thread caller;
        final ClassLoader contextLoader;
        volatile Thread worker;
        T result;
        RuntimeException failure;
        Error error;

        Job(Supplier<T> task, Thread caller) {
            this.task = task;
            this.caller = caller;
            this.contextLoader = caller.getContextClassLoader();
        }

        @Override
        public void run() {
            Thread me = Thread.currentThread();
            worker = me;
            if (state.get() != RUNNING) {
                // Given up on before it even started (the machine was that busy): nothing to run.
                ended();
                return;
            }
            ClassLoader before = me.getContextClassLoader();
            // Host rules may look classes up through the context class loader: give them the caller's.
            me.setContextClassLoader(contextLoader);
            try {
                result = task.get();
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            } finally {
                me.setContextClassLoader(before);
                if (state.compareAndSet(RUNNING, DONE)) {
                    LockSupport.unpark(caller);
                } else {
                    // Given up on earlier, yet it ended.
                    Thread.interrupted();
                    ended();
                }
            }
        }

        private void ended() {
            if (stuck.decrementAndGet() < maxStuck) {
                refusing.set(false);
            }
            LOG.info("A rule session given up as stuck has ended after all on {}", Thread.currentThread().getName());
        }
    }

    /** The session made no progress for a whole budget and was left running on its worker. */
    public static final class Stuck extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient StackTraceElement[] workerStack;
        private final String workerName;
        private final int stuckNow;
        private final int maxStuck;

        Stuck(StackTraceElement[] workerStack, String workerName, int stuckNow, int maxStuck) {
            super("rule session stuck on " + workerName, null, false, false);
            this.workerStack = workerStack;
            this.workerName = workerName;
            this.stuckNow = stuckNow;
            this.maxStuck = maxStuck;
        }

        /** The worker's stack when it was given up, innermost frame first. */
        public StackTraceElement[] workerStack() {
            return workerStack.clone();
        }

        /** The worker thread's name. */
        public String workerName() {
            return workerName;
        }

        /** Given-up sessions still running, this one included. */
        public int stuckNow() {
            return stuckNow;
        }

        /** The most tolerated before sessions are refused. */
        public int maxStuck() {
            return maxStuck;
        }
    }

    /** The session was not run: too many given-up sessions are still running. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int stuckNow;

        Refused(int stuckNow) {
            super(stuckNow + " rule sessions stuck", null, false, false);
            this.stuckNow = stuckNow;
        }

        /** Given-up sessions still running. */
        public int stuckNow() {
            return stuckNow;
        }
    }
}
