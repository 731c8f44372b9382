package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.MapFile;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.CsvRowSource;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.cli.io.JsonLinesRowSource;
import io.github.leadrules.cli.io.RowSource;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Urgency;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
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
    static LeadFile read(String input, LeadInputOptions options, String extraColumn, InputStream stdin)
            throws IOException, QualifyCommand.UsageProblem {
        Charset charset = charset(options.encoding);
        char delimiter = delimiter(options.delimiter);
        ZoneId zone;
        try {
            zone = ZoneId.of(options.zone);
        } catch (DateTimeException e) {
            throw new QualifyCommand.UsageProblem("--zone: unknown time zone '" + options.zone + "'");
        }
        Instant asOf = options.asOf == null ? Instant.now() : QualifyCommand.parseAsOf(options.asOf, zone);
        boolean json = options.inputFormat != null ? isJsonl(options.inputFormat) : endsWithJsonl(input);
        MapFile mapFile = null;
        if (options.map != null) {
            try {
                mapFile = MapFile.load(options.map);
            } catch (MapFile.MapFileException e) {
                throw new QualifyCommand.UsageProblem(e.getMessage());
            }
        }
        boolean fromStdin = input.equals("-");
        String sourceName = fromStdin ? "standard input" : input;
        BufferedInputStream in = new BufferedInputStream(fromStdin ? stdin : Files.newInputStream(Path.of(input)), 1 << 16);
        skipUtf8Bom(in, charset);
        InputStreamReader reader = new InputStreamReader(in, charset);
        try (RowSource source = json ? new JsonLinesRowSource(reader, sourceName) : new CsvRowSource(reader, delimiter, sourceName)) {
            ColumnMapping mapping;
            try {
                mapping = ColumnMapping.resolve(source.header(), mapFile, sourceName);
            } catch (ColumnMapping.UnknownColumnsException e) {
                throw new QualifyCommand.UsageProblem(e.getMessage());
            }
            int extraIndex = extraColumn == null ? -1 : indexOf(source.header(), extraColumn);
            if (extraColumn != null && extraIndex < 0) {
                throw new QualifyCommand.UsageProblem(sourceName + " has no column \"" + extraColumn + "\"; columns found: "
                        + String.join(", ", source.header().stream().map(c -> "\"" + c + "\"").toList()));
            }
            RowMapper mapper = new RowMapper(mapping, zone);
            List<Row> rows = new ArrayList<>();
            InputRow row;
            while ((row = source.next()) != null) {
                rows.add(toRow(row, mapper, extraIndex));
            }
            return new LeadFile(sourceName, mapping, asOf, rows, extraIndex);
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
                out.add(new QualificationTrace(new Qualification(r.lead().id(), Outcome.INVALID, List.of(), Urgency.UNKNOWN,
                        Route.NONE, List.of(), r.errors(), qualifier.fingerprint()), List.of()));
            }
        }
        return out;
    }

    private static Row toRow(InputRow row, RowMapper mapper, int extraIndex) {
        String extra = extraIndex < 0 ? null : extraIndex < row.cells().size() ? row.cells().get(extraIndex) : "";
        RowMapper.Result r = row.cells().isEmpty() && !row.problems().isEmpty() ? null : mapper.map(row.line(), row.cells());
        List<FieldError> errors = new ArrayList<>(row.problems());
        if (r != null) {
            errors.addAll(r.errors());
        }
        if (row.cells().stream().anyMatch(c -> c.indexOf('\uFFFD') >= 0)) {
            errors.add(new FieldError("row", "BAD_ENCODING"));
        }
        Lead lead = r != null ? r.lead() : Lead.builder("line-" + row.line()).build();
        return new Row(row.line(), lead, errors, extra);
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

    private static Charset charset(String name) throws QualifyCommand.UsageProblem {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new QualifyCommand.UsageProblem("--encoding: unknown encoding '" + name + "'");
        }
    }

    private static char delimiter(String d) throws QualifyCommand.UsageProblem {
        if (d.equalsIgnoreCase("tab") || d.equals("\\t") || d.equals("\t")) {
            return '\t';
        }
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new QualifyCommand.UsageProblem("--delimiter must be one character (or 'tab'), got '" + d + "'");
        }
        return d.charAt(0);
    }

    private static boolean isJsonl(String value) throws QualifyCommand.UsageProblem {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "jsonl", "ndjson", "json" -> true;
            default -> throw new QualifyCommand.UsageProblem("--input-format must be csv or jsonl, got '" + value + "'");
        };
    }

    private static boolean endsWithJsonl(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    private static void skipUtf8Bom(BufferedInputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return;
        }
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }
}
