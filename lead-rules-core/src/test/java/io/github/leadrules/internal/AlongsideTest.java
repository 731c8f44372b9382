package io.github.leadrules.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work alongside the caller: its result, its exception, and a thread that never holds the JVM. */
class AlongsideTest {

    @Test
    void getReturnsTheResultOfTheWork() {
        Alongside<String> work = Alongside.start("alongside-test", () -> "株式会社北斗精機");

        assertThat(work.get()).isEqualTo("株式会社北斗精機");
        assertThat(work.get()).isEqualTo("株式会社北斗精機");
    }

    @Test
    void getRethrowsWhatTheWorkThrew() {
        Alongside<String> failing = Alongside.start("alongside-test", () -> {
            throw new IllegalArgumentException("domain list is broken");
        });
        Alongside<String> checked = Alongside.start("alongside-test", () -> {
            throw new IOException("cannot read");
        });

        assertThatThrownBy(failing::get).isInstanceOf(IllegalArgumentException.class).hasMessage("domain list is broken");
        assertThatThrownBy(checked::get).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void theWorkRunsOnANamedDaemonThreadThatEndsWithIt() throws InterruptedException {
        AtomicReference<Thread> ran = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        Alongside<Boolean> work = Alongside.start("alongside-test-daemon", () -> {
            ran.set(Thread.currentThread());
            release.await();
            return Thread.currentThread().isDaemon();
        });
        release.countDown();

        assertThat(work.get()).isTrue();
        assertThat(ran.get().getName()).isEqualTo("alongside-test-daemon");
        ran.get().join(10_000);
        assertThat(ran.get().isAlive()).isFalse();
    }

    @Test
    void anInterruptWhileWaitingIsKeptForTheCaller() {
        Alongside<String> work = Alongside.start("alongside-test", () -> {
            Thread.sleep(50);
            return "done";
        });
        Thread.currentThread().interrupt();

        try {
            assertThat(work.get()).isEqualTo("done");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
