package io.github.leadrules.cli.io;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The cells of a UTF-8 line without quotes, kept as the line's bytes until they are first read and
 * then decoded once, each cell on its own. The thread that reads a file only finds where its lines
 * end; the worker thread that maps a row pays for its strings, which then live no longer than the
 * row's work.
 *
 * <p>Immutable, and safe to read from any thread: decoding twice at once makes equal strings, and
 * the decoded list is an immutable list, which is safely published.
 */
final class Utf8Cells extends AbstractList<String> implements RandomAccess {

    private final byte[] line;
    private final byte delimiter;
    private final int size;
    private List<String> decoded;

    /**
     * @param line      the line's bytes, without its line break; not to be modified
     * @param delimiter the ASCII delimiter
     * @param size      the number of cells: the delimiters in the line, plus one
     */
    Utf8Cells(byte[] line, char delimiter, int size) {
        this.line = line;
        this.delimiter = (byte) delimiter;
        this.size = size;
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
}
