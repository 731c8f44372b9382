package io.github.leadrules.calibrate.internal;

import io.github.leadrules.calibrate.Calibration;
import io.github.leadrules.calibrate.Condition;
import io.github.leadrules.calibrate.LearnedSignal;
import io.github.leadrules.model.FieldType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a calibration as a policy file: the base policy's text without its top-level
 * {@code fields}, {@code signals} and {@code urgencyThresholds} blocks, then those three. Every
 * text is a double-quoted scalar with escapes, so no value can change the file's structure.
 */
public final class PolicyWriter {

    /** The top-level blocks calibrate writes, and so drops from the base text (a signals sheet holds signals too). */
    static final Set<String> REPLACED = Set.of("fields", "signals", "signalsSheet", "urgencyThresholds");

    private PolicyWriter() {
    }

    public static String write(Calibration c, String baseText) {
        StringBuilder out = new StringBuilder(4096);
        out.append(String.format(Locale.ROOT,
                "# Written by lead-rules calibrate from %,d qualified leads (%,d converted, base rate %.1f %%),%n"
                        + "# %d-fold cross-validated with seed %d. Points: 10 per doubling of the odds of converting.%n",
                c.learnedFrom(), c.converted(), 100 * c.baseRate(), c.folds(), c.seed()).replace("\r\n", "\n"));
        if (baseText != null && !baseText.isBlank()) {
            out.append("# The base policy's own settings, as written:\n\n");
            for (String line : keptLines(baseText)) {
                out.append(line).append('\n');
            }
        }
        out.append('\n');
        if (!c.fields().isEmpty()) {
            out.append("# The base policy's declared fields, then the ones calibrate inferred for its signals.\n");
            out.append("fields:\n");
            for (Map.Entry<String, FieldType> e : c.fields().entrySet()) {
                out.append("  ").append(quote(e.getKey())).append(": ").append(type(e.getValue())).append('\n');
            }
            out.append('\n');
        }
        if (c.signals().isEmpty()) {
            out.append("# No signal was learned: no field's values convert differently enough from the rest.\n\n");
        } else {
            out.append("# Learned urgency signals; support, conversion and lift are those of the leads learned from.\n");
            out.append("signals:\n");
            for (LearnedSignal s : c.signals()) {
                out.append(String.format(Locale.ROOT, "  # support %d, conversion %.1f %%, lift %.2f%n",
                        s.support(), 100 * s.conversionRate(), s.lift()).replace("\r\n", "\n"));
                out.append("  - id: ").append(s.id()).append('\n');
                out.append("    name: ").append(quote(name(s))).append('\n');
                out.append("    stage: urgency\n");
                out.append("    reason: ").append(quote(reason(s))).append('\n');
                out.append("    when: ").append(condition(s.condition())).append('\n');
                out.append("    points: ").append(s.points()).append('\n');
            }
            out.append('\n');
        }
        out.append("urgencyThresholds:\n");
        out.append("  immediate: ").append(c.thresholds().immediate()).append('\n');
        out.append("  high: ").append(c.thresholds().high()).append('\n');
        out.append("  medium: ").append(c.thresholds().medium()).append('\n');
        return out.toString();
    }

    /** The signal's rule name: unique (its id), one line, at most 300 characters. */
    static String name(LearnedSignal s) {
        String name = "Calibrated " + s.id() + ": " + Summary.describe(s.condition());
        return name.length() <= 300 ? name : name.substring(0, 299) + "…";
    }

    /**
     * The sentence a decision records for the signal (shown after its id): the condition in words
     * and its evidence, e.g. {@code origin = "form" (calibrated: conversion 72.1 %, lift 2.89)}; one
     * line, at most 300 characters.
     */
    static String reason(LearnedSignal s) {
        String evidence = String.format(Locale.ROOT, " (calibrated: conversion %.1f %%, lift %.2f)",
                100 * s.conversionRate(), s.lift());
        String condition = Summary.describe(s.condition());
        int room = 300 - evidence.length();
        return (condition.length() <= room ? condition : condition.substring(0, room - 1) + "…") + evidence;
    }

    /** A condition as a one-line flow mapping. */
    static String condition(Condition c) {
        StringBuilder sb = new StringBuilder("{field: ").append(quote(c.field())).append(", ").append(c.operator().key())
                .append(": ");
        switch (c.operator()) {
            case MISSING, PRESENT -> sb.append("true");
            case EQUALS, AT_LEAST, BELOW -> sb.append(scalar(c.values().get(0)));
            default -> {
                sb.append('[');
                for (int i = 0; i < c.values().size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(scalar(c.values().get(i)));
                }
                sb.append(']');
            }
        }
        return sb.append('}').toString();
    }

    private static String scalar(Object v) {
        if (v instanceof BigDecimal b) {
            return Text.plain(b);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        return quote(String.valueOf(v));
    }

    private static String type(FieldType t) {
        return switch (t.kind()) {
            case DATE -> t.formats().isEmpty() ? "{type: date}" : "{type: date, formats: " + list(t.formats()) + "}";
            case CHOICE -> "{type: choice, values: " + list(t.values()) + "}";
            default -> t.kindName();
        };
    }

    private static String list(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A YAML double-quoted scalar: backslash, quote, every control and line-breaking character escaped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || ch == '\u2028' || ch == '\u2029' || ch == '\uFEFF'
                            || Character.isSurrogate(ch) && !validSurrogate(s, i)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char ch = s.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * The base text's lines without the top-level blocks calibrate replaces. A block runs from its
     * key's line to the next top-level key; comment and blank lines right before that next key
     * belong to it and are kept.
     */
    static List<String> keptLines(String baseText) {
        String text = baseText.startsWith("\uFEFF") ? baseText.substring(1) : baseText;
        String[] lines = text.split("\r\n|\n|\r", -1);
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) {
            end--;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < end) {
            String key = topLevelKey(lines[i]);
            if (key == null || !REPLACED.contains(key)) {
                out.add(lines[i]);
                i++;
                continue;
            }
            int next = i + 1;
            while (next < end && topLevelKey(lines[next]) == null && !isDocumentMarker(lines[next])) {
                next++;
            }
            int keepFrom = next;
            while (keepFrom - 1 > i && (lines[keepFrom - 1].isBlank() || lines[keepFrom - 1].startsWith("#"))) {
                keepFrom--;
            }
            for (int j = keepFrom; j < next; j++) {
                out.add(lines[j]);
            }
            i = next;
        }
        return out;
    }

    private static boolean isDocumentMarker(String line) {
        return line.startsWith("---") || line.startsWith("...");
    }

    /**
     * The key of a top-level mapping entry on this line, or null when the line is not one
     * (indented, a comment, a list item, a directive, blank).
     *
     * @throws IllegalArgumentException for a top-level flow mapping or sequence
     */
    static String topLevelKey(String line) {
        if (line.isEmpty()) {
            return null;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t' || first == '#' || first == '-' || first == '%' || line.startsWith("...")) {
            return null;
        }
        if (first == '{' || first == '[') {
            throw new IllegalArgumentException("the base policy must be a block mapping (one key per line) to be rewritten");
        }
        if (first == '"' || first == '\'') {
            int close = line.indexOf(first, 1);
            return close < 0 ? null : line.substring(1, close);
        }
        int colon = line.indexOf(':');
        while (colon >= 0 && colon + 1 < line.length() && line.charAt(colon + 1) != ' ' && line.charAt(colon + 1) != '\t') {
            colon = line.indexOf(':', colon + 1);
        }
        return colon < 0 ? null : line.substring(0, colon).strip();
    }
}
