package io.github.leadrules.cli.io;

import java.io.BufferedInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: times reading a CSV file into rows, from bytes (the UTF-8 path) and from decoded
 * text, in one JVM, several rounds. {@code java -cp … ReadingProbe FILE [ROUNDS [bytes|text [cells]]]}.
 */
public final class ReadingProbe {

    private ReadingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // A fourth argument: read every cell (decoding cells kept as bytes), as the workers do.
        boolean touch = args.length > 3;
        for (int round = 0; round < rounds; round++) {
            for (boolean fromBytes : args.length > 2 ? new boolean[] {args[2].equals("bytes")} : new boolean[] {true, false}) {
                long started = System.nanoTime();
                long rows = 0;
                long cells = 0;
                BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                try (CsvRowSource source = fromBytes
                        ? new CsvRowSource(in, StandardCharsets.UTF_8, ',', "probe", CsvReader.DEFAULT_MAX_RECORD_CHARS)
                        : new CsvRowSource(new InputStreamReader(in, StandardCharsets.UTF_8), ',', "probe")) {
                    InputRow row;
                    while ((row = source.next()) != null) {
                        rows++;
                        if (touch) {
                            for (String cell : row.cells()) {
                                cells += cell.length();
                            }
                        } else {
                            cells += row.cells().size();
                        }
                    }
                }
                System.out.printf("%s %d rows %d cells %.0f ms%n", fromBytes ? "bytes" : "text ", rows, cells,
                        (System.nanoTime() - started) / 1e6);
            }
        }
    }
}
