package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.io.Echo;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A whole lead file read into memory with the CLI's own readers and column mapping, for commands
 * that decide every lead more than once ({@code diff}) or need every outcome ({@code backtest}).
 * Rows that cannot be read as leads are kept, in place, as INVALID decisions, exactly as
 * {@code qualify} reports them, so that line numbers and counts agree between the commands.
 *
 * @param sourceName the input's name for messages
 * @param mapping    how the columns were recognised
 * @param asOf       the "now" every rule set decides at
 * @param rows       every row, in input order
 * @param extraIndex the column index of the extra column asked for, or -1
 */
record LeadFile(String sourceName, ColumnMapping mapping, Instant asOf, List<Row> rows, int extraIndex) {

    /**
     * One input row.
     *
     * @param line   the 1-based line it starts on
     * @param lead   the lead read from it; for an unreadable row, a lead with only its id
     * @param errors why the row cannot be read as a lead; empty when it can
     * @param extra  the cell of the extra column (blank when the row has none), or null when none was asked for
     */
    record Row(long line, Lead lead, List<FieldError> errors, String extra) {
        Row {
            errors = List.copyOf(errors);
        }

        boolean readable() {
            return errors.isEmpty();
        }
    }

    LeadFile {
        rows = List.copyOf(rows);
    }

    /**
     * Reads the file.
     *
     * @param input       a path, or {@code -} for standard input
     * @param extraColumn a column to keep from every row (e.g. the outcome), matched ignoring case; or null
     */
    static LeadFile read(String input, LeadInputOptions.Settings settings, String extraColumn, InputStream stdin)
            throws IOException, UsageProblem {
        try (LeadInput source = LeadInput.open(input, settings, stdin)) {
            int extraIndex = extraColumn == null ? -1 : indexOf(source.header(), extraColumn);
            if (extraColumn != null && extraIndex < 0) {
                throw new UsageProblem(source.sourceName() + " has no column " + Echo.quoted(extraColumn) + "; columns found: "
                        + ColumnMapping.found(source.header()));
            }
            String duplicate = extraIndex < 0 ? null : ColumnMapping.duplicate(source.header(), extraIndex, source.sourceName());
            if (duplicate != null) {
                throw new UsageProblem(duplicate + "; either could be meant: rename or remove the others");
            }
            List<Row> rows = new ArrayList<>();
            InputRow row;
            while ((row = source.next()) != null) {
                rows.add(toRow(source.read(row), extraIndex));
            }
            return new LeadFile(source.sourceName(), source.mapping(), settings.asOf(), rows, extraIndex);
        }
    }

    /** The readable rows' leads, in input order. */
    List<Lead> readableLeads() {
        return rows.stream().filter(Row::readable).map(Row::lead).toList();
    }

    /** The rows that could not be read as leads. */
    long unreadable() {
        return rows.stream().filter(r -> !r.readable()).count();
    }

    /**
     * Traces the readable leads with the qualifier and returns one trace per row, in input order;
     * unreadable rows are INVALID with their field errors and no rule fired.
     */
    List<QualificationTrace> trace(LeadQualifier qualifier) {
        List<QualificationTrace> decided = qualifier.trace(readableLeads());
        List<QualificationTrace> out = new ArrayList<>(rows.size());
        int next = 0;
        for (Row r : rows) {
            if (r.readable()) {
                out.add(decided.get(next++));
            } else {
                out.add(new QualificationTrace(ReadRow.invalid(r.lead().id(), r.errors(), qualifier.fingerprint()), List.of()));
            }
        }
        return out;
    }

    private static Row toRow(ReadRow read, int extraIndex) {
        InputRow row = read.row();
        String extra = extraIndex < 0 ? null : extraIndex < row.cells().size() ? row.cells().get(extraIndex) : "";
        Lead lead = read.lead() != null ? read.lead() : Lead.builder("line-" + row.line()).build();
        return new Row(row.line(), lead, read.errors(), extra);
    }

    private static int indexOf(List<String> header, String column) {
        String wanted = column.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (h.equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
