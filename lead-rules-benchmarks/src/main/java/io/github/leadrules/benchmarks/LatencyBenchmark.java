package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Single-lead latency, as a web-form backend sees it: one {@code qualify} call per lead, cycling
 * through the benchmark leads; JMH samples every call's time, so the result carries p50 and p99.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class LatencyBenchmark {

    private LeadQualifier library;
    private PlainJavaQualifier ceiling;
    private BenchmarkData.Cursor cursor;

    /** Generates the leads and builds both qualifiers once per fork. */
    @Setup(Level.Trial)
    public void setUp() {
        List<Lead> leads = BenchmarkData.leads();
        library = BenchmarkData.library();
        ceiling = BenchmarkData.ceiling(library);
        cursor = new BenchmarkData.Cursor(leads, 0);
    }

    @Benchmark
    public Qualification libraryQualify() {
        return library.qualify(cursor.one());
    }

    @Benchmark
    public Qualification ceilingQualify() {
        return ceiling.qualify(cursor.one());
    }
}
