package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.Condition;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Signal;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What {@value #SIGNALS} policy signals cost: {@code qualifyAll} over slices of
 * {@value ThroughputBenchmark#SLICE} of the benchmark leads (each given six attributes a foreign
 * export would carry), on one thread, once with the packaged rules alone (the sample world's
 * policy) and once with that policy plus six declared fields and {@value #SIGNALS} signals over
 * them and over standard fields. Both run in the same JMH run. The ratio of their per-lead times
 * (target at most 1.5×) comes from {@link #alternating}, which times both qualifiers on the same
 * slices in turn, so that a machine whose load drifts during the run weighs on both alike; the two
 * plain benchmarks give each one's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignalsBenchmark {

    /** Signals in the policy. */
    public static final int SIGNALS = 50;

    /** The per-lead time ratio the issue allows. */
    public static final double TARGET = 1.5;

    /**
     * The signals' shape: {@code tiling} (the report's), as {@code calibrate} writes them, numeric
     * ranges that tile and one signal per category, so a lead matches about one signal per field
     * (7 firings per lead on average); {@code cumulative}, thresholds that nest
     * ({@code atLeast} 300, 600 … 3000; within 1, 7 … 90 days), so a lead matches many (17 on
     * average); {@code fieldsOnly}, the six fields declared and no signal, to tell the cost of
     * reading typed fields from the cost of the signals. Plain JMH: {@code -p shape=cumulative}.
     */
    @Param({"tiling"})
    public String shape;

    private List<Lead> leads;
    private LeadQualifier packaged;
    private LeadQualifier signals;
    private BenchmarkData.Cursor packagedCursor;
    private BenchmarkData.Cursor signalsCursor;

    /** Generates the leads and builds both qualifiers once per fork. */
    @Setup(Level.Trial)
    public void setUp() {
        leads = withAttributes(BenchmarkData.leads());
        SampleLeads world = SampleLeads.standard();
        packaged = world.qualifierBuilder().build();
        signals = world.qualifierBuilder().policy(policy(world.policy(), shape)).build();
        packagedCursor = new BenchmarkData.Cursor(leads, 0);
        signalsCursor = new BenchmarkData.Cursor(leads, 0);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ThroughputBenchmark.SLICE)
    public List<Qualification> packagedRulesAlone() {
        return packaged.qualifyAll(packagedCursor.slice(ThroughputBenchmark.SLICE));
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ThroughputBenchmark.SLICE)
    public List<Qualification> with50Signals() {
        return signals.qualifyAll(signalsCursor.slice(ThroughputBenchmark.SLICE));
    }

    /** Nanoseconds spent by each qualifier in {@link #alternating}, summed per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PairedTimes {
        /** Time in the packaged rules alone. */
        public long packagedNanos;
        /** Time with the signals. */
        public long signalsNanos;
        private boolean signalsFirst;
        private BenchmarkData.Cursor cursor;

        @Setup(Level.Iteration)
        public void reset(SignalsBenchmark benchmark) {
            packagedNanos = 0;
            signalsNanos = 0;
            if (cursor == null) {
                cursor = new BenchmarkData.Cursor(benchmark.leads, 0);
            }
        }
    }

    /** Both qualifiers on the same slice, one after the other, their order swapped every time. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(2 * ThroughputBenchmark.SLICE)
    public void alternating(PairedTimes t, Blackhole bh) {
        List<Lead> slice = t.cursor.slice(ThroughputBenchmark.SLICE);
        long a = System.nanoTime();
        bh.consume((t.signalsFirst ? signals : packaged).qualifyAll(slice));
        long b = System.nanoTime();
        bh.consume((t.signalsFirst ? packaged : signals).qualifyAll(slice));
        long c = System.nanoTime();
        t.packagedNanos += t.signalsFirst ? c - b : b - a;
        t.signalsNanos += t.signalsFirst ? b - a : c - b;
        t.signalsFirst = !t.signalsFirst;
    }

    /** The report's row: throughput with the signals, and its per-lead time over the packaged rules' alone. */
    static String[] reportRow(double packagedLeadsPerSecond, double signalsLeadsPerSecond, double pairedRatio) {
        double ratio = pairedRatio;
        return new String[] {"batch throughput + " + SIGNALS + " policy signals, 1 thread (leads/s)",
                String.format(Locale.ROOT, "%,.0f", signalsLeadsPerSecond).replace(',', ' '), "",
                String.format(Locale.ROOT, "%.2f× packaged alone (%s/s)", ratio,
                        String.format(Locale.ROOT, "%,.0f", packagedLeadsPerSecond).replace(',', ' ')),
                "≤ " + TARGET + "×", ratio <= TARGET ? "yes" : "NO"};
    }

    /** The sample world's policy, six declared fields and {@value #SIGNALS} signals of the given shape. */
    static LeadPolicy policy(LeadPolicy base, String shape) {
        LeadPolicy.Builder b = base.toBuilder()
                .field("time_on_site", FieldType.integer())
                .field("pages_per_visit", FieldType.number())
                .field("lead_origin", FieldType.choice("API", "Landing Page Submission", "Lead Add Form", "Lead Import", "Chat"))
                .field("first_visit", FieldType.date("dd-MM-yyyy"))
                .field("converted", FieldType.flag())
                .field("landing_page", FieldType.text());
        List<Signal> all = switch (shape) {
            case "tiling" -> tiling();
            case "cumulative" -> cumulative();
            case "fieldsOnly" -> null;
            default -> throw new IllegalArgumentException("shape: tiling, cumulative or fieldsOnly, got " + shape);
        };
        if (all == null) {
            return b.build();
        }
        all.add(Signal.exclusion("BENCH-IMPORTED").when(Condition.in("lead_origin", "Lead Import"),
                Condition.missing("converted")).reason("Imported lists are not leads").build());
        all.add(Signal.exclusion("BENCH-BOUNCED").when(Condition.atLeast("pages_per_visit", "9.5"),
                Condition.below("time_on_site", "120")).reason("A crawler, not a person").build());
        if (all.size() != SIGNALS) {
            throw new IllegalStateException("expected " + SIGNALS + " signals, made " + all.size());
        }
        return b.signals(all).build();
    }

    /** Signals as calibrate writes them: ranges that tile, one per category (48, with the two exclusions 50). */
    private static List<Signal> tiling() {
        List<Signal> all = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            all.add(Signal.urgency("BENCH-TIME-" + k).when(Condition.between("time_on_site",
                    Integer.toString(k * 360), Integer.toString((k + 1) * 360))).points(2 * k - 6).build());
        }
        for (int k = 0; k < 7; k++) {
            all.add(Signal.urgency("BENCH-PAGES-" + k).when(Condition.between("pages_per_visit", k + ".0", (k + 1) + ".0"))
                    .points(k - 3).build());
        }
        all.add(Signal.urgency("BENCH-PAGES-7").when(Condition.atLeast("pages_per_visit", "7.0")).points(5).build());
        for (String origin : new String[] {"API", "Landing Page Submission", "Lead Add Form", "Lead Import", "Chat"}) {
            all.add(Signal.urgency("BENCH-ORIGIN-" + origin.toUpperCase(Locale.ROOT).replace(' ', '-'))
                    .when(Condition.equalTo("lead_origin", origin)).points(origin.length() % 7 - 2).build());
        }
        LocalDate today = SampleLeads.CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate();
        int[] edges = {0, 7, 14, 30, 60, 90, 201};
        for (int k = 0; k + 1 < edges.length; k++) {
            all.add(Signal.urgency("BENCH-VISIT-" + edges[k + 1]).when(Condition.between("first_visit",
                    today.minusDays(edges[k + 1] - 1L).toString(), today.minusDays(edges[k] - 1L).toString()))
                    .points(8 - k).build());
        }
        for (String page : new String[] {"/pricing", "/demo", "/case-studies", "/blog"}) {
            all.add(Signal.urgency("BENCH-PAGE" + page.replace('/', '-').toUpperCase(Locale.ROOT))
                    .when(Condition.containsAny("landing_page", page, page + "-jp")).points(4).build());
        }
        all.add(Signal.urgency("BENCH-CONVERTED").when(Condition.equalTo("converted", "true")).points(20).build());
        all.add(Signal.urgency("BENCH-NOT-CONVERTED").when(Condition.equalTo("converted", "false")).points(-5).build());
        all.add(Signal.urgency("BENCH-CONVERTED-UNKNOWN").when(Condition.missing("converted")).points(-1).build());
        for (String source : new String[] {"web-form", "trade-show", "partner", "webinar", "crm-import", "chat"}) {
            all.add(Signal.urgency("BENCH-SOURCE-" + source.toUpperCase(Locale.ROOT)).when(Condition.equalTo("source", source))
                    .points(3).build());
        }
        String[] sizes = {"0", "50", "250", "1000"};
        for (int k = 0; k < sizes.length; k++) {
            all.add(Signal.urgency("BENCH-SIZE-" + sizes[k]).when(k + 1 < sizes.length
                    ? Condition.between("company.employeeCount", sizes[k], sizes[k + 1])
                    : Condition.atLeast("company.employeeCount", sizes[k])).points(k * 3 - 3).build());
        }
        all.add(Signal.urgency("BENCH-DEMO-QUOTE").when(Condition.in("inquiryType", "demo", "quote")).points(5).build());
        all.add(Signal.urgency("BENCH-CHAT-LATER").when(Condition.equalTo("lead_origin", "Chat"),
                Condition.equalTo("purchaseTimeframe", "later")).cap(UrgencyLevel.LOW).build());
        return all;
    }

    /** Thresholds that nest, so that a lead matches many signals (48, with the two exclusions 50). */
    private static List<Signal> cumulative() {
        List<Signal> all = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            all.add(Signal.urgency("BENCH-TIME-" + k).when(Condition.atLeast("time_on_site", Integer.toString(k * 300)))
                    .points(2).build());
        }
        for (int k = 0; k < 8; k++) {
            all.add(Signal.urgency("BENCH-PAGES-" + k).when(Condition.between("pages_per_visit", k + ".0", (k + 1) + ".0"))
                    .points(k - 3).build());
        }
        String[] origins = {"API", "Landing Page Submission", "Lead Add Form", "Chat"};
        for (String origin : origins) {
            String id = origin.toUpperCase(Locale.ROOT).replace(' ', '-');
            all.add(Signal.urgency("BENCH-ORIGIN-" + id).when(Condition.equalTo("lead_origin", origin)).points(5).build());
            all.add(Signal.urgency("BENCH-NOT-ORIGIN-" + id).when(Condition.notIn("lead_origin", origin, "Lead Import"))
                    .points(1).build());
        }
        for (int days : new int[] {1, 7, 14, 30, 60, 90}) {
            all.add(Signal.urgency("BENCH-VISIT-" + days).when(Condition.withinDays("first_visit", days)).points(3).build());
        }
        for (String page : new String[] {"/pricing", "/demo", "/case-studies", "/blog"}) {
            all.add(Signal.urgency("BENCH-PAGE" + page.replace('/', '-').toUpperCase(Locale.ROOT))
                    .when(Condition.containsAny("landing_page", page, page + "-jp")).points(4).build());
        }
        all.add(Signal.urgency("BENCH-CONVERTED").when(Condition.equalTo("converted", "true")).points(20).build());
        all.add(Signal.urgency("BENCH-NOT-CONVERTED").when(Condition.equalTo("converted", "false")).points(-5).build());
        all.add(Signal.urgency("BENCH-NO-TIME").when(Condition.missing("time_on_site")).points(-2).build());
        all.add(Signal.urgency("BENCH-HAS-PAGE").when(Condition.present("landing_page")).points(1).build());
        for (String source : new String[] {"web-form", "trade-show", "partner", "webinar", "crm-import", "chat"}) {
            all.add(Signal.urgency("BENCH-SOURCE-" + source.toUpperCase(Locale.ROOT)).when(Condition.equalTo("source", source))
                    .points(3).build());
        }
        all.add(Signal.urgency("BENCH-LARGE").when(Condition.atLeast("company.employeeCount", "500"),
                Condition.atLeast("time_on_site", "600")).points(10).build());
        all.add(Signal.urgency("BENCH-CHAT-LATER").when(Condition.equalTo("lead_origin", "Chat"),
                Condition.equalTo("purchaseTimeframe", "later")).cap(UrgencyLevel.LOW).build());
        return all;
    }

    /** The leads with six attributes each, drawn from the lead's index (blank about one time in six). */
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
