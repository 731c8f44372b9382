package io.github.leadrules.cli;

/**
 * The exit codes of every command.
 *
 * <table>
 * <caption>Exit codes</caption>
 * <tr><td>0</td><td>done; every row was decided (QUALIFIED or EXCLUDED); {@code validate}: all files fine</td></tr>
 * <tr><td>1</td><td>nothing or not everything was done, and no output file was written: bad usage (an output
 *     that is an input, an {@code --as-of} year outside 1970–9999 …), unreadable or unrecognised input, an I/O
 *     error, a bad policy file or rule file, a cell the output encoding cannot represent, out of memory
 *     ({@code validate}: a problem that would stop {@code qualify}, reported with {@code qualify}'s message)</td></tr>
 * <tr><td>2</td><td>done, every row written, but some rows were INVALID (their line and column are in
 *     {@code decision_errors}); {@code validate INPUT}: nothing would stop {@code qualify}, but some rows
 *     would be INVALID (listed as in {@code decision_errors})</td></tr>
 * <tr><td>3</td><td>done, every row written, but the rules failed on some rows (ERROR); takes precedence over 2</td></tr>
 * </table>
 */
public final class ExitCodes {
    /** Every row decided. */
    public static final int OK = 0;
    /** Usage, input, I/O, policy, rules or output problem, or out of memory; no output file was written. */
    public static final int FAILED = 1;
    /** Some rows INVALID ({@code validate INPUT}: would be). */
    public static final int SOME_INVALID = 2;
    /** Some rows ERROR. */
    public static final int SOME_ERRORS = 3;

    private ExitCodes() {
    }
}
