package io.github.leadrules.fuzz;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Time and memory a parser may spend on one input: linear in its length, with generous constants.
 *
 * <p>Memory is measured as the bytes the calling thread allocated while parsing
 * ({@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}): every byte a parser
 * holds at its peak was allocated, so bounding allocation bounds memory too, and unlike the heap it
 * does not depend on when the collector runs. It is also a fairly deterministic proxy for work, so
 * it catches a quadratic blow-up on a small input long before the clock does. Time is checked as
 * well, with a bound meant only for gross hangs: the machines are shared and noisy.
 *
 * <p>The bounds are {@value #ALLOCATED_BYTES_PER_INPUT_BYTE} bytes allocated per input byte plus
 * {@value #ALLOCATED_BYTES_CONSTANT} bytes, and {@value #NANOS_PER_INPUT_BYTE} ns per input byte
 * plus {@value #NANOS_CONSTANT} ns. The realistic seeds stay far below both (see the module README
 * for the measured ratios); the attack seeds of issue 9 exceed the memory bound many times over.
 *
 * <p>While Jazzer fuzzes ({@code JAZZER_FUZZ} set), both bounds are {@value #FUZZING_FACTOR} times
 * larger: its comparison hooks allocate on every hooked {@code String} call in instrumented code,
 * which multiplies what a parser seems to allocate (by about 10 for the policy loader, which rebuilds
 * the 120 000 shipped disposable domains when one is added) and slows it down alike.
 */
public final class Budget {

    /** Bytes a parser may allocate per input byte; realistic inputs need well under 100. */
    public static final long ALLOCATED_BYTES_PER_INPUT_BYTE = 1_000;
    /** Bytes a parser may allocate whatever the input (buffers, first-use class initialisation). */
    public static final long ALLOCATED_BYTES_CONSTANT = 64L << 20;
    /** Time per input byte: 50 µs, i.e. 50 s per MB, about 100 times what a linear reader needs. */
    public static final long NANOS_PER_INPUT_BYTE = 50_000;
    /** Time whatever the input: 10 s. */
    public static final long NANOS_CONSTANT = 10_000_000_000L;
    /** How much larger both bounds are while Jazzer fuzzes with its instrumentation and hooks. */
    public static final long FUZZING_FACTOR = 16;

    private static final long FACTOR = isFuzzing() ? FUZZING_FACTOR : 1;

    /** With {@code -Dfuzz.costs=true} every parse prints what it cost (for choosing and documenting the bounds). */
    private static final boolean REPORT = Boolean.getBoolean("fuzz.costs");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (THREADS.isThreadAllocatedMemorySupported() && !THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    private Budget() {
    }

    /** Whether Jazzer fuzzes in this run (its own switch), rather than replaying the corpus. */
    public static boolean isFuzzing() {
        String v = System.getenv("JAZZER_FUZZ");
        return v != null && !v.isEmpty();
    }

    /** What one parse cost. */
    public record Cost(long inputBytes, long allocatedBytes, long nanos) {
        /** Allocated bytes per input byte (the empty input counts as one byte). */
        public double bytesPerInputByte() {
            return (double) allocatedBytes / Math.max(1, inputBytes);
        }
    }

    /**
     * Runs {@code parse} on the calling thread and fails when it allocated or took more than the
     * budget for {@code inputBytes}. Whatever {@code parse} throws is thrown on unchanged (the caller's
     * adapter decides which exceptions are documented and turns those into results).
     */
    public static <T> T spend(String what, long inputBytes, Callable<T> parse) throws Exception {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        T result = parse.call();
        long nanos = System.nanoTime() - start;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        Cost cost = new Cost(inputBytes, allocated, nanos);
        if (REPORT) {
            System.out.printf(Locale.ROOT, "fuzz-cost %-22s %,12d bytes %,14d allocated %,10.1f per byte %,8d ms%n",
                    what, inputBytes, allocated, cost.bytesPerInputByte(), nanos / 1_000_000);
        }
        check(what, cost);
        return result;
    }

    /** Fails when {@code cost} is over the budget for its input length. */
    public static void check(String what, Cost cost) {
        long byteBound = FACTOR * (ALLOCATED_BYTES_CONSTANT + ALLOCATED_BYTES_PER_INPUT_BYTE * cost.inputBytes());
        if (THREADS.isThreadAllocatedMemorySupported() && cost.allocatedBytes() > byteBound) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s allocated %,d bytes for %,d input bytes (%,.0f per byte); the budget is %,d (%s%,d per byte + %,d)",
                    what, cost.allocatedBytes(), cost.inputBytes(), cost.bytesPerInputByte(), byteBound,
                    FACTOR == 1 ? "" : FACTOR + " × fuzzing, ", ALLOCATED_BYTES_PER_INPUT_BYTE, ALLOCATED_BYTES_CONSTANT));
        }
        long timeBound = FACTOR * (NANOS_CONSTANT + NANOS_PER_INPUT_BYTE * cost.inputBytes());
        if (cost.nanos() > timeBound) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s took %,d ms for %,d input bytes; the budget is %,d ms (%s%d µs per byte + %,d ms)",
                    what, cost.nanos() / 1_000_000, cost.inputBytes(), timeBound / 1_000_000,
                    FACTOR == 1 ? "" : FACTOR + " × fuzzing, ", NANOS_PER_INPUT_BYTE / 1_000, NANOS_CONSTANT / 1_000_000));
        }
    }
}
