package io.github.leadrules.cli;

import io.github.leadrules.cli.io.CsvReader;
import io.github.leadrules.cli.io.Echo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small CSV data file the CLI reads whole beside the leads (known accounts, recent leads): UTF-8
 * (a byte-order mark is fine), a header naming the documented columns in any order (other columns
 * are ignored), blank lines skipped. Every problem names the file, the line and the column, and
 * {@link #finish()} reports all of them together, in line order. Cell values are never echoed;
 * header names are escaped ({@link Echo}). Records are at most {@link CsvReader#DEFAULT_MAX_RECORD_CHARS}
 * characters; a longer one is a problem on its line.
 */
final class CsvDataFile {

    /** Problems listed at most in one message. */
    static final int MAX_PROBLEMS = 20;

    /**
     * One data row.
     *
     * @param file  the file it is in
     * @param line  the 1-based line it starts on
     * @param cells the stripped cells of the documented columns; blank cells are empty strings
     */
    record Row(Path file, long line, Map<String, String> cells) {

        Row {
            cells = Map.copyOf(cells);
        }

        /** The stripped cell of a documented column (empty when blank). */
        String cell(String column) {
            return cells.getOrDefault(column, "");
        }

    }

    /** A problem and the line it is on, for sorting. */
    private record Problem(long line, String text) {
    }

    private final Path file;
    private final String what;
    private final List<Row> rows;
    private final List<Problem> problems;

    private CsvDataFile(Path file, String what, List<Row> rows, List<Problem> problems) {
        this.file = file;
        this.what = what;
        this.rows = List.copyOf(rows);
        this.problems = problems;
    }

    /**
     * Reads the file. A missing column or an unreadable file fails at once; a malformed row is
     * recorded as a problem and left out of {@link #rows()}.
     *
     * @param what    what the file holds, for messages ("accounts file")
     * @param columns the documented columns, in lower case; every one must be in the header
     */
    static CsvDataFile read(Path file, String what, List<String> columns) throws IOException, UsageProblem {
        String name = Echo.escape(file.toString());
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
             CsvReader csv = new CsvReader(in, ',')) {
            CsvReader.Record header = csv.next();
            if (header == null) {
                throw new UsageProblem(name + ": the " + what + " is empty; expected the header " + String.join(",", columns));
            }
            if (header.problem() == CsvReader.Problem.TOO_LONG) {
                throw new UsageProblem(name + ":" + header.line() + ": the header line of the " + what + " is too long"
                        + "; expected the header " + String.join(",", columns));
            }
            Map<String, Integer> index = new HashMap<>();
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                String key = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
                index.putIfAbsent(key, i);
                positions.computeIfAbsent(key, k -> new ArrayList<>()).add(i + 1);
            }
            List<String> missing = columns.stream().filter(c -> !index.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new UsageProblem(name + ":" + header.line() + ": the " + what + " has no column " + String.join(", ", missing)
                        + "; expected the header " + String.join(",", columns));
            }
            for (String c : columns) {
                if (positions.get(c).size() > 1) {
                    throw new UsageProblem(name + ":" + header.line() + ": column " + c + " appears " + positions.get(c).size()
                            + " times in the header of the " + what + ", at positions "
                            + positions.get(c).stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + "; either could be meant: rename or remove the others");
                }
            }
            CsvReader.Record r;
            while ((r = csv.next()) != null) {
                if (r.problem() == CsvReader.Problem.TOO_LONG) {
                    problems.add(new Problem(r.line(), name + ":" + r.line() + ": TOO_LONG (longer than "
                            + String.format(Locale.ROOT, "%,d", csv.maxRecordChars()) + " characters)"));
                } else if (r.problem() != null) {
                    String column = r.problemField() >= 0 && r.problemField() < header.fields().size()
                            ? " column " + Echo.escape(header.fields().get(r.problemField()).strip()) + ":" : "";
                    problems.add(new Problem(r.line(), name + ":" + r.line() + ":" + column + " " + r.problem()
                            + " (a quote is never closed, or text follows a closing quote)"));
                } else if (r.fields().size() != header.fields().size()) {
                    problems.add(new Problem(r.line(), name + ":" + r.line() + ": " + r.fields().size() + " fields, the header has "
                            + header.fields().size()));
                } else {
                    Map<String, String> cells = new HashMap<>();
                    for (String c : columns) {
                        cells.put(c, r.fields().get(index.get(c)).strip());
                    }
                    rows.add(new Row(file, r.line(), cells));
                }
            }
        } catch (MalformedInputException e) {
            throw new UsageProblem(name + ": the " + what + " is not UTF-8; save it as UTF-8 (in Excel: CSV UTF-8)");
        }
        return new CsvDataFile(file, what, rows, problems);
    }

    /** The well-formed rows, in file order. */
    List<Row> rows() {
        return rows;
    }

    /** Records a problem with a row's cell: "FILE:LINE: column NAME: MESSAGE". */
    void problem(Row row, String column, String message) {
        problems.add(new Problem(row.line(), Echo.escape(file.toString()) + ":" + row.line() + ": column " + column + ": " + message));
    }

    /** How many problems were found so far. */
    int problemCount() {
        return problems.size();
    }

    /** Throws one {@link UsageProblem} listing every problem in line order (the first {@value #MAX_PROBLEMS}), if there are any. */
    void finish() throws UsageProblem {
        if (problems.isEmpty()) {
            return;
        }
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(Echo.escape(file.toString())).append(": ")
                .append(problems.size() == 1 ? "1 problem" : problems.size() + " problems").append(" in the ").append(what);
        problems.stream().sorted(Comparator.comparingLong(Problem::line)).limit(MAX_PROBLEMS)
                .forEach(p -> sb.append(nl).append("  ").append(p.text()));
        if (problems.size() > MAX_PROBLEMS) {
            sb.append(nl).append("  … and ").append(problems.size() - MAX_PROBLEMS).append(" more");
        }
        throw new UsageProblem(sb.toString());
    }
}
