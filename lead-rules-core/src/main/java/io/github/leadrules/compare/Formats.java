package io.github.leadrules.compare;

import java.util.Locale;

/** Number formatting shared by the plain-text renderings; locale-independent so output is stable. */
final class Formats {

    private Formats() {
    }

    /** A rate 0..1 as a percentage with one decimal, e.g. "10.6%"; "-" when undefined. */
    static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A lift as a multiple with two decimals, e.g. "1.85x"; "-" when undefined. */
    static String lift(double lift) {
        return Double.isNaN(lift) ? "-" : String.format(Locale.ROOT, "%.2fx", lift);
    }

    /** {@code part / whole}, or NaN when {@code whole} is 0. */
    static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** Left-aligns {@code text} in {@code width} columns. */
    static String left(String text, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", text);
    }

    /** Right-aligns {@code text} in {@code width} columns. */
    static String right(String text, int width) {
        return String.format(Locale.ROOT, "%" + width + "s", text);
    }
}
