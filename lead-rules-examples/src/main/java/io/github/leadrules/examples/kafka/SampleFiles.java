package io.github.leadrules.examples.kafka;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.CsvRowSource;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.json.LeadRulesJson;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped samples ({@code samples/leads-2000.csv}, {@code samples/accounts.csv},
 * {@code samples/policy.yaml}) as a producer would send them: each CSV row is read the way
 * {@code lead-rules qualify} reads it (the CLI's CSV reader and column mapping) and written as the
 * JSON message the topology reads ({@link LeadRulesJson}, the CLI's JSON keys).
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /**
     * {@return the {@code samples} folder of the checkout, found from the working directory upwards}
     */
    public static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("samples/leads-2000.csv"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/leads-2000.csv not found in the working directory or above it;"
                + " run the example from the repository");
    }

    /**
     * Each lead of a CSV file as a JSON message, in file order.
     *
     * @param csv a file with the columns of {@code samples/leads-2000.csv}
     * @return one JSON object per row
     * @throws IOException if the file cannot be read
     * @throws IllegalStateException naming the columns, or the line and field, when the file does not read as leads
     */
    public static List<String> leads(Path csv) throws IOException {
        LeadRulesJson json = LeadRulesJson.defaults();
        List<String> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvRowSource source = new CsvRowSource(reader, ',', csv.toString());
            RowMapper mapper;
            try {
                mapper = new RowMapper(ColumnMapping.resolve(source.header(), null, csv.toString()), ZoneOffset.UTC);
            } catch (ColumnMapping.UnknownColumnsException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            InputRow row;
            while ((row = source.next()) != null) {
                RowMapper.Result r = row.problems().isEmpty() ? mapper.map(row.line(), row.cells()) : null;
                if (r == null || !r.errors().isEmpty()) {
                    throw new IllegalStateException(csv.getFileName() + " line " + row.line() + " does not read as a lead: "
                            + (r == null ? row.problems() : r.errors()));
                }
                out.add(json.writeLead(r.lead()));
            }
        }
        return out;
    }

    /**
     * The accounts of a CSV file ({@code account_id,name,domains,relationship,owner}, domains separated by {@code ;}).
     *
     * @param csv a file with the columns of {@code samples/accounts.csv}
     * @return the accounts, in file order
     * @throws IOException if the file cannot be read
     */
    public static List<Account> accounts(Path csv) throws IOException {
        List<Account> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvRowSource source = new CsvRowSource(reader, ',', csv.toString());
            InputRow row;
            while ((row = source.next()) != null) {
                List<String> r = row.cells();
                Set<String> domains = new LinkedHashSet<>(List.of(r.get(2).split(";")));
                out.add(new Account(r.get(0), r.get(1), domains, Relationship.valueOf(r.get(3)),
                        r.size() > 4 && !r.get(4).isEmpty() ? r.get(4) : null));
            }
        }
        return out;
    }
}
