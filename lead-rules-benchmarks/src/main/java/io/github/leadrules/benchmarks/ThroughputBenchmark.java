package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batch throughput in leads per second: {@code qualifyAll} over slices of {@value #SLICE} of the
 * 100 000 benchmark leads, on one and on two threads sharing one qualifier, against the plain-Java
 * ceiling on the same slices. The library runs with its default batch size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {

    /** Leads per {@code qualifyAll} call; a host's nightly job hands over chunks like this. */
    public static final int SLICE = 1_000;

    private List<Lead> leads;
    private LeadQualifier library;
    private PlainJavaQualifier ceiling;
    private final AtomicInteger threads = new AtomicInteger();

    /** Generates the leads and builds both qualifiers once per fork. */
    @Setup(Level.Trial)
    public void setUp() {
        leads = BenchmarkData.leads();
        library = BenchmarkData.library();
        ceiling = BenchmarkData.ceiling(library);
    }

    /** Each thread's position in the leads. */
    @State(Scope.Thread)
    public static class ThreadCursor {
        BenchmarkData.Cursor cursor;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark benchmark) {
            cursor = new BenchmarkData.Cursor(benchmark.leads,
                    benchmark.threads.getAndIncrement() * (BenchmarkData.LEADS / 2));
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SLICE)
    public List<Qualification> library1Thread(ThreadCursor c) {
        return library.qualifyAll(c.cursor.slice(SLICE));
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(SLICE)
    public List<Qualification> library2Threads(ThreadCursor c) {
        return library.qualifyAll(c.cursor.slice(SLICE));
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SLICE)
    public List<Qualification> ceiling1Thread(ThreadCursor c) {
        return ceiling.qualifyAll(c.cursor.slice(SLICE));
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(SLICE)
    public List<Qualification> ceiling2Threads(ThreadCursor c) {
        return ceiling.qualifyAll(c.cursor.slice(SLICE));
    }
}
