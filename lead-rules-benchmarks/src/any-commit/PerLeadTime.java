// Per-lead time of qualifyAll on one thread, for a benchmark jar of ANY commit: compare-baseline.sh
// runs this single file with the Java source launcher against the baseline's jar (mode packaged)
// and against this tree's jar (mode signals), so that both sides use the same harness, the same
// leads and the same slices. It is not compiled by Maven: it may use only what both jars have
// (SampleLeads, Lead, LeadPolicy, LeadQualifier). Run in its own JVM:
//
//   java -Xms1g -Xmx1g -cp benchmarks.jar PerLeadTime.java packaged|signals [WARM-UP-S] [MEASURE-S]
//
// packaged: the sample world's policy and the packaged rules, as ThroughputBenchmark.library1Thread.
// signals:  the same policy plus SignalsBenchmark's six declared fields and 50 signals (shape tiling),
//           found by reflection (the baseline has no SignalsBenchmark), as SignalsBenchmark.with50Signals.
// In both modes the leads are the first 100 000 benchmark leads with SignalsBenchmark's six
// attributes (the baseline's rules ignore them); in mode signals the leads are checked equal to
// SignalsBenchmark.withAttributes's. Slices of 1 000 in order, wrapping, as BenchmarkData.Cursor.
// Prints: PERLEAD mode=… leads=… wall=… µs/lead cpu=… µs/lead
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.benchmarks.SampleLeads;
import io.github.leadrules.model.Lead;
import io.github.leadrules.policy.LeadPolicy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

public final class PerLeadTime {

    private static final int LEADS = 100_000;
    private static final int SLICE = 1_000;

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "packaged";
        long warmUp = args.length > 1 ? Long.parseLong(args[1]) : 15;
        long measure = args.length > 2 ? Long.parseLong(args[2]) : 20;
        List<Lead> leads = withAttributes(List.copyOf(SampleLeads.standard().leads(LEADS)));
        SampleLeads world = SampleLeads.standard();
        LeadQualifier qualifier;
        switch (mode) {
            case "packaged" -> qualifier = world.qualifierBuilder().build();
            case "signals" -> {
                Class<?> bench = Class.forName("io.github.leadrules.benchmarks.SignalsBenchmark");
                Method theirs = bench.getDeclaredMethod("withAttributes", List.class);
                theirs.setAccessible(true);
                if (!leads.equals(theirs.invoke(null, List.copyOf(SampleLeads.standard().leads(LEADS))))) {
                    throw new IllegalStateException("the leads differ from SignalsBenchmark.withAttributes's");
                }
                Method policy = bench.getDeclaredMethod("policy", LeadPolicy.class, String.class);
                policy.setAccessible(true);
                qualifier = world.qualifierBuilder().policy((LeadPolicy) policy.invoke(null, world.policy(), "tiling")).build();
            }
            default -> throw new IllegalArgumentException("mode: packaged or signals, got " + mode);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int[] next = {0};
        run(cpu, qualifier, leads, next, warmUp);
        long[] t = run(cpu, qualifier, leads, next, measure);
        double n = t[2];
        System.out.printf(Locale.ROOT, "PERLEAD mode=%s leads=%d wall=%.3f µs/lead cpu=%.3f µs/lead%n",
                mode, t[2], t[0] / 1e3 / n, t[1] / 1e3 / n);
    }

    /** {@return wall nanoseconds, thread CPU nanoseconds, leads decided} */
    private static long[] run(ThreadMXBean cpu, LeadQualifier qualifier, List<Lead> leads, int[] next, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long wall = 0;
        long cpuNanos = 0;
        long decided = 0;
        while (System.nanoTime() < end) {
            if (next[0] + SLICE > leads.size()) {
                next[0] = 0;
            }
            List<Lead> slice = leads.subList(next[0], next[0] + SLICE);
            next[0] += SLICE;
            long a = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            decided += qualifier.qualifyAll(slice).size();
            cpuNanos += cpu.getCurrentThreadCpuTime() - c;
            wall += System.nanoTime() - a;
        }
        return new long[] {wall, cpuNanos, decided};
    }

    /** SignalsBenchmark.withAttributes, copied: the baseline's jar does not have it. */
    static List<Lead> withAttributes(List<Lead> leads) {
        LocalDate today = SampleLeads.CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate();
        DateTimeFormatter dayFirst = DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.ROOT);
        String[] origins = {"API", "Landing Page Submission", "Lead Add Form", "Lead Import", "Chat", "lead add form"};
        String[] pages = {"/pricing", "/demo", "/case-studies/factory", "/blog/2026/11", "/", "/pricing-jp"};
        List<Lead> out = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            Random r = new Random(i * 31L + 7);
            Lead.Builder b = leads.get(i).toBuilder();
            if (r.nextInt(6) != 0) {
                b.attribute("time_on_site", Integer.toString(r.nextInt(3600)));
            }
            if (r.nextInt(6) != 0) {
                b.attribute("pages_per_visit", r.nextInt(10) + "." + r.nextInt(10));
            }
            if (r.nextInt(6) != 0) {
                b.attribute("lead_origin", origins[r.nextInt(origins.length)]);
            }
            if (r.nextInt(6) != 0) {
                b.attribute("first_visit", today.minusDays(r.nextInt(200)).format(dayFirst));
            }
            if (r.nextInt(6) != 0) {
                b.attribute("converted", r.nextBoolean() ? "yes" : "no");
            }
            if (r.nextInt(6) != 0) {
                b.attribute("landing_page", pages[r.nextInt(pages.length)]);
            }
            out.add(b.build());
        }
        return List.copyOf(out);
    }
}
