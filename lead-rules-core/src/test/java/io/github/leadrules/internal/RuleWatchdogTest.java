package io.github.leadrules.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The watchdog on its own, with plain tasks instead of rule sessions and a private instance that
 * tolerates two stuck tasks, so that its limit can be driven to limit-1, limit and limit+1 without
 * touching the JVM-wide instance. Stuck tasks spin until the test lets them go. The timeout is a
 * hang guard, not a speed assertion.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuleWatchdogTest {

    private static final Duration BUDGET = Duration.ofMillis(200);

    private final RuleWatchdog watchdog = new RuleWatchdog(2);
    private volatile boolean released;

    @AfterEach
    void letTheStuckTasksGo() throws InterruptedException {
        released = true;
        for (int i = 0; i < 3_000 && watchdog.stuck() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(watchdog.stuck()).isZero();
    }

    @Test
    void aTaskThatReturnsGivesItsResultOnTheCallersSide() {
        assertThat(watchdog.run(() -> "decided", new Counter(), BUDGET)).isEqualTo("decided");
    }

    @Test
    void whatATaskThrowsIsThrownToTheCaller() {
        assertThatThrownBy(() -> watchdog.run(() -> {
            throw new IllegalStateException("CRM down");
        }, new Counter(), BUDGET)).isInstanceOf(IllegalStateException.class).hasMessage("CRM down");
        assertThatThrownBy(() -> watchdog.run(() -> {
            throw new StackOverflowError();
        }, new Counter(), BUDGET)).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void aTaskWithoutProgressForAWholeBudgetIsGivenUpStoppedInterruptedAndCountedUntilItEnds() {
        Counter counter = new Counter();
        Thread[] worker = new Thread[1];
        boolean[] interruptedWhenLetGo = new boolean[1];

        RuleWatchdog.Stuck stuck = catchStuck(() -> watchdog.run(() -> {
            worker[0] = Thread.currentThread();
            spin();
            interruptedWhenLetGo[0] = Thread.currentThread().isInterrupted();
            return "let go";
        }, counter, BUDGET));

        assertThat(counter.stopped).isTrue();
        assertThat(stuck.workerName()).startsWith("lead-rules-session-").isEqualTo(worker[0].getName());
        assertThat(stuck.workerStack()).anyMatch(f -> f.getMethodName().equals("spin"));
        assertThat(stuck.stuckNow()).isEqualTo(1);
        assertThat(watchdog.stuck()).isEqualTo(1);
        assertThat(worker[0].isDaemon()).isTrue();

        released = true;
        for (int i = 0; i < 3_000 && watchdog.stuck() > 0; i++) {
            sleepQuietly(10);
        }
        assertThat(watchdog.stuck()).as("counted off once it ended").isZero();
        assertThat(interruptedWhenLetGo[0]).isTrue();
    }

    @Test
    void aTaskThatKeepsMakingProgressIsNotGivenUpHoweverLongItTakes() {
        Counter counter = new Counter();
        Duration budget = Duration.ofMillis(500);

        // Three budgets long, with progress every millisecond.
        String result = watchdog.run(() -> {
            long end = System.nanoTime() + 3 * budget.toNanos();
            while (System.nanoTime() < end) {
                counter.bump();
                sleepQuietly(1);
            }
            return "done";
        }, counter, budget);

        assertThat(result).isEqualTo("done");
        assertThat(watchdog.stuck()).isZero();
    }

    @Test
    void belowTheLimitOfStuckTasksNewTasksRunAndAtTheLimitTheyAreRefusedUntilOneEnds() {
        catchStuck(() -> watchdog.run(this::spin, new Counter(), BUDGET));
        assertThat(watchdog.stuck()).isEqualTo(1);
        assertThat(watchdog.run(() -> "one stuck: still running", new Counter(), BUDGET)).isEqualTo("one stuck: still running");

        catchStuck(() -> watchdog.run(this::spin, new Counter(), BUDGET));
        assertThat(watchdog.stuck()).isEqualTo(2);
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> watchdog.run(() -> ran.add("ran"), new Counter(), BUDGET))
                .isInstanceOfSatisfying(RuleWatchdog.Refused.class, r -> assertThat(r.stuckNow()).isEqualTo(2));
        assertThat(ran).as("a refused task does not run").isEmpty();

        released = true;
        for (int i = 0; i < 3_000 && watchdog.stuck() > 0; i++) {
            sleepQuietly(10);
        }
        assertThat(watchdog.stuck()).isZero();
        assertThat(watchdog.run(() -> "after they ended", new Counter(), BUDGET)).isEqualTo("after they ended");
    }

    @Test
    void theCallersInterruptFlagSurvivesTheWait() {
        Thread.currentThread().interrupt();
        try {
            String result = watchdog.run(() -> {
                sleepQuietly(50);
                return "done";
            }, new Counter(), BUDGET);

            assertThat(result).isEqualTo("done");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theTaskSeesTheCallersContextClassLoader() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader hosts = new URLClassLoader(new URL[0], before)) {
            Thread.currentThread().setContextClassLoader(hosts);
            Supplier<ClassLoader> seen = () -> Thread.currentThread().getContextClassLoader();

            assertThat(watchdog.run(seen, new Counter(), BUDGET)).isSameAs(hosts);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Spins, ignoring interrupts, until the test lets go. */
    private String spin() {
        while (!released) {
            Thread.onSpinWait();
        }
        return "let go";
    }

    private static RuleWatchdog.Stuck catchStuck(Runnable run) {
        try {
            run.run();
        } catch (RuleWatchdog.Stuck stuck) {
            return stuck;
        }
        throw new AssertionError("the task was not given up");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Counter implements RuleWatchdog.Watched {
        private final AtomicLong count = new AtomicLong();
        volatile boolean stopped;

        void bump() {
            count.incrementAndGet();
        }

        @Override
        public long progress() {
            return count.get();
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }
}
