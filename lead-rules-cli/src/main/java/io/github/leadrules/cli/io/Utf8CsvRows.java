package io.github.leadrules.cli.io;

import io.github.leadrules.model.Qualification;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * CSV rows laid out straight into UTF-8 bytes (the fast path of {@link DecisionSink#csv}): each
 * row's own cells cut or padded to the header, then its {@link DecisionColumns decision columns};
 * the same fields, to the byte, as the text layout of {@link CsvWriter#appendField} writes.
 * Thread-safe: each rendering thread borrows {@link DecisionColumns} of its own.
 */
final class Utf8CsvRows implements DecisionSink.ByteLayout, DecisionSink.CellLayout {

    private final int width;
    private final char delimiter;
    private final boolean escapeFormulas;
    /** Decision columns not in use, with what they keep. */
    private final Queue<DecisionColumns> idle = new ConcurrentLinkedQueue<>();

    /**
     * @param width     the header's width
     * @param delimiter an ASCII delimiter
     */
    Utf8CsvRows(int width, char delimiter, boolean escapeFormulas) {
        this.width = width;
        this.delimiter = delimiter;
        this.escapeFormulas = escapeFormulas;
    }

    @Override
    public void append(List<String> cells, Utf8Buffer buffer) throws CharacterCodingException {
        buffer.csvFields(cells, Math.min(width, cells.size()), width, delimiter, escapeFormulas);
    }

    @Override
    public void append(List<InputRow> rows, List<Qualification> decisions, DecisionSink.EchoedCells echo, Utf8Buffer buffer,
                       List<byte[]> blocks) throws CharacterCodingException {
        DecisionColumns columns = idle.poll();
        if (columns == null) {
            columns = new DecisionColumns(delimiter, escapeFormulas);
        }
        try {
            for (int r = 0; r < rows.size(); r++) {
                InputRow row = rows.get(r);
                if (echo != null) {
                    echo.copy(r, buffer);
                } else {
                    append(row.cells(), buffer);
                }
                columns.append(buffer, row.line(), decisions.get(r), row.note());
                buffer.ascii('\n');
                if (buffer.length() >= DecisionSink.Rendered.BLOCK) {
                    blocks.add(buffer.take());
                }
            }
        } finally {
            idle.offer(columns);
        }
    }
}
