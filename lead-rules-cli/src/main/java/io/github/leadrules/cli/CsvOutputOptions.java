package io.github.leadrules.cli;

import picocli.CommandLine.Option;

/**
 * How CSV output treats cells a spreadsheet would run as formulas, shared by every command that
 * writes rows from the input as CSV ({@code qualify}, {@code diff}). See
 * {@link io.github.leadrules.cli.io.CsvWriter} for the rule.
 */
public final class CsvOutputOptions {

    @Option(names = "--formula-escape", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "In CSV output, put a ' before cells a spreadsheet would run as formulas (starting with = + - @, "
                    + "a tab or a carriage return; numbers and phone numbers like -12 or +81-3-1234-5678 are left as they are). "
                    + "On by default; --no-formula-escape writes every cell exactly as read.")
    boolean escapeFormulas = true;
}
