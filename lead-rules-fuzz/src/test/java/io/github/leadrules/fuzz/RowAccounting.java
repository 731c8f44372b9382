package io.github.leadrules.fuzz;

import java.util.List;
import java.util.function.Function;

/**
 * Rows in = rows out, checked against an independent count of physical lines: every line that is
 * not blank either starts a row or lies inside the row before it, and no two rows share a line.
 */
public final class RowAccounting {

    private RowAccounting() {
    }

    /**
     * Checks that the rows account for every physical line from {@code firstLine} on.
     *
     * @param lines     the input's physical lines
     * @param firstLine the first line the rows may start on (after a header)
     * @param rows      the rows as read
     * @param span      how many physical lines a row covers, or null when that cannot be known from
     *                  the row (then the lines after it are not checked until the next row starts)
     */
    public static void check(PhysicalLines lines, int firstLine, List<ReadResult.Row> rows,
                             Function<ReadResult.Row, Integer> span) {
        long next = firstLine;
        boolean gapKnown = true;
        for (int i = 0; i < rows.size(); i++) {
            ReadResult.Row row = rows.get(i);
            if (row.line() < next) {
                throw new AssertionError("row " + (i + 1) + " starts on line " + row.line()
                        + ", inside the row before it (which ends before line " + next + ")");
            }
            if (row.line() > lines.count()) {
                throw new AssertionError("row " + (i + 1) + " starts on line " + row.line() + " of " + lines.count());
            }
            if (lines.blank((int) row.line())) {
                throw new AssertionError("row " + (i + 1) + " starts on line " + row.line() + ", which is blank");
            }
            if (gapKnown) {
                requireBlank(lines, next, row.line(), "before row " + (i + 1));
            }
            Integer s = span.apply(row);
            if (s == null) {
                next = row.line() + 1;
                gapKnown = false;
            } else {
                next = row.line() + s;
                gapKnown = true;
                if (next - 1 > lines.count()) {
                    throw new AssertionError("row " + (i + 1) + " starts on line " + row.line() + " and spans " + s
                            + " lines, but the input has " + lines.count());
                }
            }
        }
        if (gapKnown) {
            requireBlank(lines, next, lines.count() + 1L, "after the last row");
        }
    }

    private static void requireBlank(PhysicalLines lines, long from, long to, String where) {
        for (long l = from; l < to; l++) {
            if (!lines.blank((int) l)) {
                throw new AssertionError("line " + l + " (" + where + ") is neither blank nor part of any row: a record was lost");
            }
        }
    }
}
