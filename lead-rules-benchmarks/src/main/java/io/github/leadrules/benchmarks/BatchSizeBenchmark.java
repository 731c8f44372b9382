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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Investigation, not part of the quick run: batch throughput of the library (leads/s, one thread)
 * as the number of leads per rule session ({@code LeadQualifier.Builder.batchSize}) changes.
 *
 * <pre>java -cp lead-rules-benchmarks/target/benchmarks.jar org.openjdk.jmh.Main BatchSizeBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class BatchSizeBenchmark {

    @Param({"1", "10", "50", "200", "1000"})
    public int batchSize;

    private LeadQualifier library;
    private BenchmarkData.Cursor cursor;

    /** Generates the leads and builds the library with the batch size under test. */
    @Setup(Level.Trial)
    public void setUp() {
        List<Lead> leads = BenchmarkData.leads();
        library = SampleLeads.standard().qualifierBuilder().batchSize(batchSize).build();
        cursor = new BenchmarkData.Cursor(leads, 0);
    }

    @Benchmark
    @OperationsPerInvocation(ThroughputBenchmark.SLICE)
    public List<Qualification> qualifyAll() {
        return library.qualifyAll(cursor.slice(ThroughputBenchmark.SLICE));
    }
}
