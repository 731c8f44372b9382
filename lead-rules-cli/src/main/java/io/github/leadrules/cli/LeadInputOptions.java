package io.github.leadrules.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * How to read a lead file, for the commands that read one whole file before comparing ({@code diff},
 * {@code backtest}). The options have the same names and meaning as {@code qualify}'s.
 */
public final class LeadInputOptions {

    @Option(names = "--input-format", paramLabel = "csv|jsonl",
            description = "Input format. Default: jsonl when INPUT ends in .jsonl or .ndjson, else csv.")
    String inputFormat;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Input encoding, e.g. Shift_JIS or windows-31j. Default: ${DEFAULT-VALUE} (a BOM is fine).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV delimiter: , ; | or tab. Default: ${DEFAULT-VALUE}")
    String delimiter;

    @Option(names = "--map", paramLabel = "FILE",
            description = "Column map (field = column per line) for headers no preset knows, or to override one.")
    Path map;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "Decide as of this time (ISO instant or date). Default: now. The same for every rule set compared.")
    String asOf;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone for dates and times in the input that carry none. Default: ${DEFAULT-VALUE}")
    String zone;
}
