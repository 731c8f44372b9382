package io.github.leadrules.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process and captures what it prints. */
final class Cli {

    /** Decisions are made at this instant in every test. */
    static final String AS_OF = "2026-11-28T00:00:00Z";

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LeadRulesCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code qualify INPUT --as-of AS_OF ARGS…}. */
    static Result qualify(Path input, String... more) {
        List<String> args = new ArrayList<>(List.of("qualify", input.toString(), "--as-of", AS_OF));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Path write(Path file, String text) {
        return write(file, text, StandardCharsets.UTF_8);
    }

    static Path write(Path file, String text, Charset charset) {
        try {
            Files.writeString(file, text, charset);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a CSV file (UTF-8 unless given) into rows of cells, header first. */
    static List<List<String>> readCsv(Path file) {
        return readCsv(file, StandardCharsets.UTF_8);
    }

    static List<List<String>> readCsv(Path file, Charset charset) {
        try (var reader = new io.github.leadrules.cli.io.CsvReader(Files.newBufferedReader(file, charset), ',')) {
            List<List<String>> rows = new ArrayList<>();
            io.github.leadrules.cli.io.CsvReader.Record r;
            while ((r = reader.next()) != null) {
                rows.add(r.fields());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output rows as header → cell maps. */
    static List<java.util.Map<String, String>> decisions(Path file) {
        return decisions(file, StandardCharsets.UTF_8);
    }

    static List<java.util.Map<String, String>> decisions(Path file, Charset charset) {
        List<List<String>> rows = readCsv(file, charset);
        List<String> header = rows.get(0);
        List<java.util.Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < row.size() ? row.get(i) : null);
            }
            out.add(m);
        }
        return out;
    }
}
