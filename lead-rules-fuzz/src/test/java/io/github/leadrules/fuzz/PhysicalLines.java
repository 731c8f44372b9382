package io.github.leadrules.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical lines of an input, counted independently of the readers under test: split at
 * {@code \n}, {@code \r\n} and a lone {@code \r}, as {@link java.io.BufferedReader#readLine()} does;
 * a final line break ends the last line rather than starting an empty one.
 *
 * <p>The readers skip blank lines ({@link String#isBlank()}) and drop a byte-order mark at the start
 * of the first line; {@link #blank(int)} follows them.
 */
public final class PhysicalLines {

    private final List<String> lines;

    private PhysicalLines(List<String> lines) {
        this.lines = lines;
    }

    /** The lines of UTF-8 bytes (malformed bytes become U+FFFD, as the readers' decoder does). */
    public static PhysicalLines ofUtf8(byte[] input) {
        return of(new String(input, StandardCharsets.UTF_8));
    }

    /** The lines of a text. */
    public static PhysicalLines of(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(from, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                from = i;
            } else {
                i++;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return new PhysicalLines(lines);
    }

    /** How many physical lines there are. */
    public int count() {
        return lines.size();
    }

    /** The text of a 1-based line. */
    public String text(int line) {
        return lines.get(line - 1);
    }

    /** Whether a 1-based line is skipped by the readers as blank. */
    public boolean blank(int line) {
        String t = text(line);
        if (line == 1 && t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        return t.isBlank();
    }

    /** The 1-based numbers of the lines that are not blank, in order. */
    public List<Integer> nonBlank() {
        List<Integer> out = new ArrayList<>();
        for (int line = 1; line <= lines.size(); line++) {
            if (!blank(line)) {
                out.add(line);
            }
        }
        return out;
    }

    /** Line breaks in a cell: {@code \r\n}, {@code \r} and {@code \n} count one each. */
    public static int breaks(String cell) {
        int n = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\n') {
                n++;
            } else if (c == '\r') {
                n++;
                if (i + 1 < cell.length() && cell.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        return n;
    }
}
