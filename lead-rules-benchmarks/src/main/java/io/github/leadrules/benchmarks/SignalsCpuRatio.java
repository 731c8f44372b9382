package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * The {@link SignalsBenchmark} ratio in CPU time instead of wall-clock time, for a machine shared
 * with other work: the same leads, the same two qualifiers (the packaged rules alone, and the same
 * policy plus {@value SignalsBenchmark#SIGNALS} signals), the same slices of
 * {@value ThroughputBenchmark#SLICE} timed in turn, their order swapped every time, but each call
 * timed by the thread's CPU clock, which does not run while other processes hold the cores.
 * Run in its own JVM:
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks.jar io.github.leadrules.benchmarks.SignalsCpuRatio [WARM-UP-S] [MEASURE-S] [SHAPE]
 * </pre>
 *
 * Defaults: 15 s untimed, then 30 s timed, shape {@code tiling} (see {@link SignalsBenchmark#shape}).
 * Prints {@code SIGNALS shape=… packaged=… µs/lead signals=… µs/lead ratio=…}.
 */
public final class SignalsCpuRatio {

    private SignalsCpuRatio() {
    }

    /**
     * Runs the comparison.
     *
     * @param args warm-up seconds, measured seconds, shape
     */
    public static void main(String[] args) {
        long warmUp = args.length > 0 ? Long.parseLong(args[0]) : 15;
        long measure = args.length > 1 ? Long.parseLong(args[1]) : 30;
        String shape = args.length > 2 ? args[2] : "tiling";
        List<Lead> leads = SignalsBenchmark.withAttributes(BenchmarkData.leads());
        SampleLeads world = SampleLeads.standard();
        LeadQualifier packaged = world.qualifierBuilder().build();
        LeadQualifier signals = world.qualifierBuilder().policy(SignalsBenchmark.policy(world.policy(), shape)).build();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        BenchmarkData.Cursor cursor = new BenchmarkData.Cursor(leads, 0);
        run(cpu, cursor, packaged, signals, warmUp);
        long[] t = run(cpu, cursor, packaged, signals, measure);
        double n = t[2];
        System.out.printf(Locale.ROOT, "SIGNALS shape=%s leads=%d packaged=%.2f µs/lead signals=%.2f µs/lead ratio=%.3f%n",
                shape, t[2], t[0] / 1e3 / n, t[1] / 1e3 / n, (double) t[1] / t[0]);
    }

    /** {@return CPU nanoseconds of the packaged rules, of the signals, and the leads each decided} */
    private static long[] run(ThreadMXBean cpu, BenchmarkData.Cursor cursor, LeadQualifier packaged,
                              LeadQualifier signals, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long packagedNanos = 0;
        long signalsNanos = 0;
        long leads = 0;
        boolean signalsFirst = false;
        while (System.nanoTime() < end) {
            List<Lead> slice = cursor.slice(ThroughputBenchmark.SLICE);
            long a = cpu.getCurrentThreadCpuTime();
            (signalsFirst ? signals : packaged).qualifyAll(slice);
            long b = cpu.getCurrentThreadCpuTime();
            (signalsFirst ? packaged : signals).qualifyAll(slice);
            long c = cpu.getCurrentThreadCpuTime();
            packagedNanos += signalsFirst ? c - b : b - a;
            signalsNanos += signalsFirst ? b - a : c - b;
            signalsFirst = !signalsFirst;
            leads += slice.size();
        }
        return new long[] {packagedNanos, signalsNanos, leads};
    }
}
