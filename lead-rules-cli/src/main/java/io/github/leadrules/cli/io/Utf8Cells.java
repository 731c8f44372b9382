package io.github.leadrules.cli.io;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The cells of a UTF-8 line that is a well-formed record of its own, kept as the line's bytes until
 * they are first read and then decoded once, each cell on its own (a quoted cell without its quotes,
 * a doubled quote in it as one). The thread that reads a file only finds where its lines end; the
 * worker thread that maps a row pays for its strings, which then live no longer than the row's work.
 *
 * <p>A cell is decoded apart from its neighbours, and a quoted cell with the quotes that escape
 * others dropped but the escaped ones kept: no bytes that were apart in the line come together, so
 * malformed bytes decode to the U+FFFD they decode to in the whole line.
 *
 * <p>Immutable, and safe to read from any thread: decoding twice at once makes equal strings, and
 * the decoded list is an immutable list, which is safely published.
 */
final class Utf8Cells extends AbstractList<String> implements RandomAccess {

    private final byte[] line;
    private final byte delimiter;
    private final int size;
    private final boolean quotes;
    private List<String> decoded;

    /**
     * @param line      the line's bytes, without its line break; not to be modified
     * @param delimiter the ASCII delimiter
     * @param size      the number of cells: the delimiters outside quotes, plus one
     * @param quotes    whether the line has quotes: then it must be a well-formed record, every
     *                  quoted cell closed and followed by a delimiter or the line's end
     */
    Utf8Cells(byte[] line, char delimiter, int size, boolean quotes) {
        this.line = line;
        this.delimiter = (byte) delimiter;
        this.size = size;
        this.quotes = quotes;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(int index) {
        return cells().get(index);
    }

    @Override
    public Iterator<String> iterator() {
        return cells().iterator();
    }

    @Override
    public Object[] toArray() {
        return cells().toArray();
    }

    private List<String> cells() {
        List<String> cells = decoded;
        if (cells == null) {
            cells = decode();
            decoded = cells;
        }
        return cells;
    }

    private List<String> decode() {
        if (quotes) {
            return decodeQuoted();
        }
        String[] cells = new String[size];
        byte[] b = line;
        byte d = delimiter;
        int from = 0;
        for (int c = 0; c < size - 1; c++) {
            int to = Swar.indexOf(b, from, d);
            cells[c] = new String(b, from, to - from, StandardCharsets.UTF_8);
            from = to + 1;
        }
        cells[size - 1] = new String(b, from, b.length - from, StandardCharsets.UTF_8);
        return List.of(cells);
    }

    private List<String> decodeQuoted() {
        String[] cells = new String[size];
        byte[] b = line;
        int from = 0;
        for (int c = 0; c < size; c++) {
            int to;
            if (from < b.length && b[from] == '"') {
                // A doubled quote is one quote of the text; the first quote alone closes the cell.
                int close = Swar.indexOf(b, from + 1, (byte) '"');
                int escapes = 0;
                while (close + 1 < b.length && b[close + 1] == '"') {
                    escapes++;
                    close = Swar.indexOf(b, close + 2, (byte) '"');
                }
                cells[c] = escapes == 0 ? new String(b, from + 1, close - from - 1, StandardCharsets.UTF_8)
                        : unescape(b, from + 1, close, escapes);
                to = close + 1;
            } else {
                to = c == size - 1 ? b.length : Swar.indexOf(b, from, delimiter);
                cells[c] = new String(b, from, to - from, StandardCharsets.UTF_8);
            }
            from = to + 1;
        }
        return List.of(cells);
    }

    /** The text of a quoted cell's bytes {@code from} to {@code to}, each doubled quote in them kept once. */
    private static String unescape(byte[] b, int from, int to, int escapes) {
        byte[] text = new byte[to - from - escapes];
        int n = 0;
        for (int i = from; i < to; i++) {
            text[n++] = b[i];
            if (b[i] == '"') {
                i++;
            }
        }
        return new String(text, StandardCharsets.UTF_8);
    }
}
