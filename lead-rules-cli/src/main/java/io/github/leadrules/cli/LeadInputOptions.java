package io.github.leadrules.cli;

import io.github.leadrules.cli.columns.MapFile;
import io.github.leadrules.cli.io.Echo;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How to read a lead file, shared by every command that reads one ({@code qualify}, {@code diff},
 * {@code backtest}, {@code validate}): format, encoding, delimiter, column map, the longest row, the time decisions
 * are made at and the zone of times that carry none. Option values echoed in messages are escaped
 * ({@link Echo}). {@link LeadInput#open} reads a file with them.
 */
public final class LeadInputOptions {

    @Option(names = "--input-format", paramLabel = "csv|jsonl",
            description = "Input format. Default: jsonl when INPUT ends in .jsonl or .ndjson, else csv.")
    String inputFormat;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Input encoding, e.g. Shift_JIS or windows-31j for Japanese Excel exports. Default: ${DEFAULT-VALUE}."
                    + " A byte-order mark (UTF-8, UTF-16 or UTF-32) wins.")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV delimiter: , ; | or tab. Default: ${DEFAULT-VALUE}")
    String delimiter;

    @Option(names = "--map", paramLabel = "FILE",
            description = "Column map (field = column per line, properties or flat YAML) for headers no preset knows, or to override one.")
    Path map;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "Decide as of this time (ISO instant like 2026-11-28T00:00:00Z, or a date). Default: now. Fixed for the whole run (every row, every rule set compared).")
    String asOf;

    @Option(names = "--max-record-size", paramLabel = "CHARS", defaultValue = "1M",
            description = "Longest row (CSV record or JSON line) read, in characters; a longer one is an INVALID row (TOO_LONG)"
                    + " and reading goes on. Suffix K or M for 1024 or 1024*1024. Default: ${DEFAULT-VALUE}")
    String maxRecordSize;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone for dates and times in the input that carry none, e.g. Asia/Tokyo. Default: ${DEFAULT-VALUE}")
    String zone;

    /**
     * The options checked and parsed, before anything is read.
     *
     * @param charset   the input encoding
     * @param delimiter the CSV delimiter
     * @param zone      the zone of times without one
     * @param asOf      the "now" of the whole run
     * @param json      whether the input is JSON Lines
     * @param map       the column map, or null
     * @param maxRecordChars the longest row, in characters
     */
    record Settings(Charset charset, char delimiter, ZoneId zone, Instant asOf, boolean json, MapFile map, int maxRecordChars) {
    }

    /**
     * Checks and parses the options for this input (a path, or {@code -}; blank when there is none,
     * for {@code validate}); loads the column map. Every command that reads a lead file, and
     * {@code validate}, refuses bad options here, with the same messages.
     */
    Settings settings(String input) throws IOException, UsageProblem {
        Charset charset = charset(encoding, "--encoding");
        char delim = delimiter(delimiter);
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageProblem("--zone: unknown time zone " + Echo.quoted(zone));
        }
        Instant now = asOf == null ? Instant.now() : AsOfRange.check(parseAsOf(asOf, zoneId), "--as-of");
        boolean json = inputFormat != null ? isJsonl(inputFormat, "--input-format") : endsWithJsonl(input);
        MapFile mapFile = null;
        if (map != null) {
            try {
                mapFile = MapFile.load(map);
            } catch (MapFile.MapFileException e) {
                throw new UsageProblem(e.getMessage());
            }
        }
        int maxRecordChars = recordSize(maxRecordSize == null ? "1M" : maxRecordSize);
        return new Settings(charset, delim, zoneId, now, json, mapFile, maxRecordChars);
    }

    /** A charset by name; {@code option} names the option in the message when there is none. */
    static Charset charset(String name, String option) throws UsageProblem {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageProblem(option + ": unknown encoding " + Echo.quoted(name));
        }
    }

    /** One delimiter character; {@code tab} (or a backslash-t) for a tab. */
    static char delimiter(String d) throws UsageProblem {
        if (d.equalsIgnoreCase("tab") || d.equals("\\t") || d.equals("\t")) {
            return '\t';
        }
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new UsageProblem("--delimiter must be one character (or 'tab'), got " + Echo.quoted(d));
        }
        return d.charAt(0);
    }

    /** Smallest and largest {@code --max-record-size}. */
    static final int MIN_RECORD_CHARS = 1024;
    static final int MAX_RECORD_CHARS = 256 << 20;

    /** A {@code --max-record-size} value: characters, or K / M (1024-based), between 1K and 256M. */
    static int recordSize(String text) throws UsageProblem {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long factor = 1;
        if (t.endsWith("K") || t.endsWith("M")) {
            factor = t.endsWith("K") ? 1024 : 1024 * 1024;
            t = t.substring(0, t.length() - 1).strip();
        }
        long value;
        try {
            value = t.length() > 12 ? -1 : Long.parseLong(t) * factor;
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < MIN_RECORD_CHARS || value > MAX_RECORD_CHARS) {
            throw new UsageProblem("--max-record-size must be a number of characters between 1K and 256M (e.g. 1048576, 512K, 4M), got "
                    + Echo.quoted(text));
        }
        return (int) value;
    }

    /** Whether a format option says JSON Lines ({@code csv} or {@code jsonl}). */
    static boolean isJsonl(String value, String option) throws UsageProblem {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "jsonl", "ndjson", "json" -> true;
            default -> throw new UsageProblem(option + " must be csv or jsonl, got " + Echo.quoted(value));
        };
    }

    /** Whether a file name says JSON Lines. */
    static boolean endsWithJsonl(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    /** An {@code --as-of} value: an ISO instant with offset, or a date (its start in {@code zone}). */
    static Instant parseAsOf(String text, ZoneId zone) throws UsageProblem {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new UsageProblem("--as-of: expected an ISO instant like 2026-11-28T00:00:00Z or a date like 2026-11-28, got '"
                    + text + "'");
        }
    }
}
