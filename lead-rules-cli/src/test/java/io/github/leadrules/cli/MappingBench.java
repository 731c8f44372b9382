package io.github.leadrules.cli;

import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.CsvRowSource;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.policy.LeadPolicy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a measurement of the CLI's per-row mapping alone (rows read once into memory, then
 * mapped to leads {@code passes} times on one thread, as a worker does). Run it by hand:
 * {@code java -cp lead-rules-cli/target/test-classes:lead-rules-cli/target/lead-rules.jar
 * io.github.leadrules.cli.MappingBench /tmp/perf/leads-200k.csv 20}.
 */
public final class MappingBench {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private MappingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<InputRow> rows = new ArrayList<>();
        RowMapper mapper;
        try (CsvRowSource source = new CsvRowSource(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), ',', file.toString())) {
            ColumnMapping mapping = ColumnMapping.resolve(source.header(), null, file.toString());
            mapper = new RowMapper(mapping, ZoneId.of("Asia/Tokyo")).withMissingValues(LeadPolicy.defaults());
            for (InputRow r = source.next(); r != null; r = source.next()) {
                rows.add(r);
            }
        }
        long sink = 0;
        for (int p = 0; p < passes; p++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int errors = 0;
            for (InputRow r : rows) {
                ReadRow read = ReadRow.of(r, mapper);
                errors += read.errors().size();
                sink += read.lead() == null ? 0 : read.lead().id().length();
            }
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            System.out.printf("pass %2d: %6.0f ns/row wall, %6.0f ns/row cpu (%d errors)%n", p,
                    (t1 - t0) / (double) rows.size(), (c1 - c0) / (double) rows.size(), errors);
        }
        System.out.println(sink);
    }
}
