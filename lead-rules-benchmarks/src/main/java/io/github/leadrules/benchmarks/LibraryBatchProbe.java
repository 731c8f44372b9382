package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.CsvRowSource;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.model.Lead;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's side of the CLI throughput comparison ({@link CliReport}): {@code qualifyAll} on the
 * very leads {@code lead-rules qualify} reads from the same file, mapped the way the CLI maps them,
 * in chunks of 1 000 on the same number of threads. Run in its own JVM:
 *
 * <pre>
 * java -cp benchmarks.jar io.github.leadrules.benchmarks.LibraryBatchProbe FILE.csv THREADS [POOL] [DECISIONS] [WARM-UP]
 * </pre>
 *
 * The first POOL readable rows (default 50 000; {@link CliReport} takes 20 000 to run it at -Xmx256m, like the CLI) are mapped once and decided over and over: WARM-UP
 * decisions (default 200 000) untimed, then DECISIONS (default 1 000 000) timed. Prints
 * {@code LIBRARY decided=N seconds=S rate=R cpu=C} (leads per second; C the process's CPU seconds
 * during the timed decisions, every thread counted).
 *
 * <p>With a sixth argument {@code once}, after the same warm-up every readable lead of the file is
 * decided exactly once, as the CLI decides them: the file is mapped POOL rows at a time (untimed)
 * and each slice decided (timed), so no lead profits from having been decided before. Prints
 * {@code LIBRARY-ONCE decided=N seconds=S rate=R cpu=C}.
 *
 * <p>With a sixth argument {@code cold} instead, nothing is warmed up: the file's leads are decided
 * each once, as with {@code once}, straight after the rule build, in this fresh JVM — what a host
 * that calls {@code qualifyAll} on the file's leads pays, compilation included (the rule build and
 * the mapping of rows to leads are not timed). Prints {@code LIBRARY-COLD decided=N seconds=S rate=R cpu=C}.
 */
public final class LibraryBatchProbe {

    /** Leads per {@code qualifyAll} call: the CLI's default chunk. */
    static final int CHUNK = 1_000;

    private LibraryBatchProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int pool = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        long decisions = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000L;
        long warmUp = args.length > 4 ? Long.parseLong(args[4]) : 200_000L;

        LeadQualifier qualifier = LeadQualifier.builder()
                .clock(Clock.fixed(Instant.parse(CliReport.AS_OF), ZoneOffset.UTC))
                .build();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        if (args.length > 5 && args[5].equals("cold")) {
            try {
                eachOnce(file, pool, qualifier, threads, workers, "LIBRARY-COLD");
            } finally {
                workers.shutdownNow();
            }
            return;
        }
        List<Lead> leads = read(file, pool, qualifier);
        try {
            decide(qualifier, leads, warmUp, threads, workers);
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            long decided = decide(qualifier, leads, decisions, threads, workers);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuBefore) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "LIBRARY decided=%d seconds=%.3f rate=%.0f cpu=%.3f%n", decided, seconds,
                    decided / seconds, cpu);
            if (args.length > 5 && args[5].equals("once")) {
                leads = null;
                eachOnce(file, pool, qualifier, threads, workers, "LIBRARY-ONCE");
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Every readable lead of {@code file} decided once, POOL at a time; only the deciding is timed. Prints {@code LABEL decided=…}. */
    private static void eachOnce(Path file, int pool, LeadQualifier qualifier, int threads, ExecutorService workers,
                                 String label) throws Exception {
        long decided = 0;
        long nanos = 0;
        long cpuNanos = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRowSource source = new CsvRowSource(reader, ',', file.toString());
            RowMapper mapper = new RowMapper(ColumnMapping.resolve(source.header(), null, file.toString()), ZoneOffset.UTC)
                    .withMissingValues(qualifier.policy());
            List<Lead> slice = new ArrayList<>(pool);
            boolean more = true;
            while (more) {
                slice.clear();
                InputRow row;
                while (slice.size() < pool && (row = source.next()) != null) {
                    if (row.problems().isEmpty()) {
                        RowMapper.Result r = mapper.map(row.line(), row.cells());
                        if (r.errors().isEmpty()) {
                            slice.add(r.lead());
                        }
                    }
                }
                more = slice.size() == pool;
                if (slice.isEmpty()) {
                    break;
                }
                long cpuBefore = processCpuNanos();
                long started = System.nanoTime();
                decided += decide(qualifier, slice, slice.size(), threads, workers);
                nanos += System.nanoTime() - started;
                cpuNanos += processCpuNanos() - cpuBefore;
            }
        }
        double seconds = nanos / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%s decided=%d seconds=%.3f rate=%.0f cpu=%.3f%n", label, decided, seconds,
                decided / seconds, cpuNanos / 1e9);
    }

    /** CPU time of this process so far (every thread: deciders, garbage collector, compiler), in nanoseconds; -1 when unknown. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The first {@code pool} rows that read as leads, as the CLI reads them (default column preset, UTC). */
    private static List<Lead> read(Path file, int pool, LeadQualifier qualifier) throws Exception {
        List<Lead> leads = new ArrayList<>(pool);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRowSource source = new CsvRowSource(reader, ',', file.toString());
            RowMapper mapper = new RowMapper(ColumnMapping.resolve(source.header(), null, file.toString()), ZoneOffset.UTC)
                    .withMissingValues(qualifier.policy());
            InputRow row;
            while (leads.size() < pool && (row = source.next()) != null) {
                if (!row.problems().isEmpty()) {
                    continue;
                }
                RowMapper.Result r = mapper.map(row.line(), row.cells());
                if (r.errors().isEmpty()) {
                    leads.add(r.lead());
                }
            }
        }
        return leads;
    }

    /** About {@code count} decisions (the last chunk of the pool may be short) in chunks of {@link #CHUNK}, each thread taking the next chunk. */
    private static long decide(LeadQualifier qualifier, List<Lead> leads, long count, int threads, ExecutorService workers)
            throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong decided = new AtomicLong();
        long chunks = (count + CHUNK - 1) / CHUNK;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(workers.submit(() -> {
                long c;
                while ((c = next.getAndIncrement()) < chunks) {
                    int from = (int) ((c * CHUNK) % leads.size());
                    int to = Math.min(from + CHUNK, leads.size());
                    decided.addAndGet(qualifier.qualifyAll(leads.subList(from, to)).size());
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return decided.get();
    }
}
