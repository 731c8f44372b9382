package io.github.leadrules;

import io.github.leadrules.internal.RuleWatchdog;

import java.time.Duration;

/**
 * Host code that loops like {@code while (true) {}}: it ignores interrupts and {@code halt()}, so
 * to the library it is as stuck as a loop that never ends. Unlike one, a test can let it end
 * ({@link #release()}), so that the given-up threads do not keep a core busy for the rest of the
 * test run, nor count against the JVM's limit of stuck sessions in later tests.
 */
public final class HostLoops {

    private static volatile boolean released = true;

    private HostLoops() {
    }

    /** Spins until released; what a host rule's condition calls. Always true. */
    public static boolean spin(Object anything) {
        while (!released) {
            Thread.onSpinWait();
        }
        return true;
    }

    /** Whether the loops may end; what a host rule's action checks ({@code while (!HostLoops.released()) {}}). */
    public static boolean released() {
        return released;
    }

    /** From now on, every loop spins. */
    public static void arm() {
        released = false;
    }

    /** Lets every loop end, then waits (at most 30 s) until their sessions have ended and been counted off. */
    public static void release() {
        released = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (RuleWatchdog.shared().stuck() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
