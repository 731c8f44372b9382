package io.github.leadrules.cli.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.json.JsonLimits;
import io.github.leadrules.json.internal.Jackson;
import io.github.leadrules.json.internal.QualificationMapping;
import io.github.leadrules.model.Qualification;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where decided rows go: every input cell, then the decision, as CSV or JSON Lines bytes in the
 * output encoding.
 *
 * <p>Writing is split in two so that the costly half runs in parallel: {@link #render} lays out a
 * chunk of rows and encodes it (thread-safe, called on the worker threads that decided the chunk),
 * {@link #write} appends rendered chunks to the output in input order (one thread). A cell the
 * output encoding cannot represent stops the run in {@link #render} with an
 * {@link OutputEncodingException} naming the output, the row's input line and the column; never
 * a {@code ?} in its place.
 */
public interface DecisionSink extends Closeable {

    /**
     * Lays out and encodes rows with their decisions; thread-safe.
     *
     * @param rows      the rows as they are to be written (their notes included)
     * @param decisions the decision of each row, aligned to {@code rows}
     * @return the bytes to {@link #write}, in blocks of some ten kilobytes (a chunk in one array
     *         would be a "humongous" object for the garbage collector under a small heap)
     * @throws OutputEncodingException when a cell cannot be represented in the output encoding
     */
    List<byte[]> render(List<InputRow> rows, List<Qualification> decisions) throws IOException;

    /** Appends a rendered chunk; called on one thread, chunk after chunk in input order. */
    void write(List<byte[]> rendered) throws IOException;

    /**
     * Starts laying out a chunk's own cells ahead of its decisions, row by row as the rows are
     * read as leads, while they are fresh in the reading thread's cache; {@link #render(List, List, EchoedCells)}
     * then copies them. Null when this sink does not lay cells out ahead.
     *
     * @param rows how many rows the chunk holds
     */
    default EchoedCells echo(int rows) {
        return null;
    }

    /**
     * {@link #render(List, List)}, the rows' own cells taken from {@code echo} (null: laid out here).
     *
     * @param echo every row of {@code rows}, in order, {@link EchoedCells#add added}; or null
     */
    default List<byte[]> render(List<InputRow> rows, List<Qualification> decisions, EchoedCells echo) throws IOException {
        return render(rows, decisions);
    }

    /**
     * A chunk's own cells laid out ahead of their decisions (see {@link #echo(int)}); one thread.
     * Kept in blocks of some ten kilobytes, as the output is: one array for a whole chunk would be
     * a "humongous" object for the garbage collector under a small heap.
     */
    final class EchoedCells {
        private final List<Utf8Buffer> blocks = new ArrayList<>();
        /** Each row's block, and where its bytes end in it. */
        private final int[] block;
        private final int[] ends;
        private final CellLayout layout;
        private Utf8Buffer current;
        private int count;
        private boolean failed;

        EchoedCells(int rows, CellLayout layout) {
            this.block = new int[rows];
            this.ends = new int[rows];
            this.layout = layout;
        }

        /** Lays out the next row's own cells; one the output encoding cannot write is reported by render. */
        public void add(InputRow row) {
            if (failed) {
                return;
            }
            if (current == null || current.length() >= Rendered.BLOCK) {
                current = new Utf8Buffer(Rendered.BLOCK + 4096);
                blocks.add(current);
            }
            try {
                layout.append(row.cells(), current);
            } catch (CharacterCodingException e) {
                failed = true;
                return;
            }
            block[count] = blocks.size() - 1;
            ends[count++] = current.length();
        }

        /** Appends the {@code r}-th row's cells to {@code out}. */
        void copy(int r, Utf8Buffer out) {
            int from = r == 0 || block[r - 1] != block[r] ? 0 : ends[r - 1];
            out.append(blocks.get(block[r]), from, ends[r]);
        }
    }

    /** Lays out a row's own cells straight into UTF-8 bytes. */
    @FunctionalInterface
    interface CellLayout {
        void append(List<String> cells, Utf8Buffer buffer) throws CharacterCodingException;
    }

    /** Renders and writes one row. */
    default void write(InputRow row, Qualification q) throws IOException {
        write(render(List.of(row), List.of(q)));
    }

    /** A sink that writes nothing (qualify without --out counts the funnel only). */
    static DecisionSink none() {
        return new DecisionSink() {
            @Override
            public List<byte[]> render(List<InputRow> rows, List<Qualification> decisions) {
                return List.of();
            }

            @Override
            public void write(List<byte[]> rendered) {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * CSV: the input header plus {@link Decisions#COLUMNS}; short rows are padded, long rows cut to
     * the header. The header is written at once (after a UTF-8 byte-order mark when {@code bom}).
     *
     * @param escapeFormulas whether cells a spreadsheet would run as formulas are neutralised (see {@link CsvWriter})
     * @param outputName     the output as the user named it, for messages
     */
    static DecisionSink csv(OutputStream out, Charset charset, boolean bom, char delimiter, List<String> header,
                            boolean escapeFormulas, String outputName) throws IOException {
        List<String> h = new ArrayList<>(header);
        h.addAll(Decisions.COLUMNS);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < h.size(); i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            CsvWriter.appendField(line, h.get(i), delimiter, escapeFormulas);
        }
        line.append('\n');
        int width = header.size();
        // The common case, UTF-8 and an ASCII delimiter, is laid out straight into bytes; the same
        // fields, as the text layout below writes them.
        boolean fast = charset.equals(StandardCharsets.UTF_8) && delimiter < 0x80;
        Utf8CsvRows utf8 = fast ? new Utf8CsvRows(width, delimiter, escapeFormulas) : null;
        Rendered sink = new Rendered(out, charset, header, outputName, utf8, utf8, (row, q, sb) -> {
            List<String> cells = row.cells();
            for (int i = 0; i < header.size(); i++) {
                if (i > 0) {
                    sb.append(delimiter);
                }
                if (i < cells.size()) {
                    CsvWriter.appendField(sb, cells.get(i), delimiter, escapeFormulas);
                }
            }
            for (String cell : Decisions.cells(row.line(), q, row.note())) {
                sb.append(delimiter);
                CsvWriter.appendField(sb, cell, delimiter, escapeFormulas);
            }
            sb.append('\n');
        });
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        try {
            sink.write(List.of(sink.encode(line)));
        } catch (CharacterCodingException e) {
            throw new OutputEncodingException("cannot write " + outputName + " in " + charset.name()
                    + ": the header holds a character " + charset.name() + " cannot represent; "
                    + "choose another --out-encoding (UTF-8 represents every character)");
        }
        return sink;
    }

    /**
     * JSON Lines: the input object (or the CSV row as an object) with a {@code "decision"} object
     * added: the {@code lead-rules-json} form of the qualification, after the row's {@code "line"}
     * and before its {@code "note"}. A header name given twice keeps every column: the later ones
     * as {@code "NAME (column N)"}.
     */
    static DecisionSink jsonLines(OutputStream out, Charset charset, boolean bom, List<String> header, String outputName)
            throws IOException {
        ObjectMapper mapper = Jackson.mapper(JsonLimits.defaults());
        JsonNodeFactory nodes = mapper.getNodeFactory();
        List<String> keys = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            keys.add(keys.contains(header.get(i)) ? header.get(i) + " (column " + (i + 1) + ")" : header.get(i));
        }
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        return new Rendered(out, charset, header, outputName, null, null, (row, q, sb) -> {
            ObjectNode object = nodes.objectNode();
            if (row.json() != null) {
                object.setAll(row.json());
            } else {
                for (int i = 0; i < keys.size() && i < row.cells().size(); i++) {
                    object.put(keys.get(i), row.cells().get(i));
                }
            }
            ObjectNode decision = nodes.objectNode();
            decision.put("line", row.line());
            decision.setAll(QualificationMapping.write(q, nodes));
            if (row.note() != null) {
                decision.put("note", row.note());
            }
            object.set("decision", decision);
            sb.append(mapper.writeValueAsString(object)).append('\n');
        });
    }

    /** Lays out one row and its decision as text. */
    @FunctionalInterface
    interface Layout {
        void append(InputRow row, Qualification q, StringBuilder out) throws IOException;
    }

    /**
     * Lays out rows and their decisions straight into UTF-8 bytes, adding a block to {@code blocks}
     * whenever the buffer holds {@link Rendered#BLOCK} bytes or more (the rest is taken by the caller).
     */
    @FunctionalInterface
    interface ByteLayout {
        /** @param echo the rows' own cells laid out ahead, or null */
        void append(List<InputRow> rows, List<Qualification> decisions, EchoedCells echo, Utf8Buffer buffer, List<byte[]> blocks)
                throws CharacterCodingException;
    }

    /**
     * A sink that renders chunks with a {@link Layout} and encodes them whole: the fast path. Only
     * when the encoder refuses a chunk are its rows checked cell by cell, to name the first cell
     * that cannot be written.
     */
    final class Rendered implements DecisionSink {
        private final OutputStream out;
        private final Charset charset;
        private final boolean utf8;
        private final List<String> header;
        private final String outputName;
        private final Layout layout;
        private final ByteLayout bytes;
        private final CellLayout cells;
        /** Characters laid out before they are encoded into one block (bytes, when laid out as bytes). */
        static final int BLOCK = 16 * 1024;

        /** Bytes an encoder puts before its text (the byte-order mark of "UTF-16"): kept only at the start of the output. */
        private final int mark;
        private boolean started;

        /**
         * @param bytes the same layout straight into UTF-8 bytes, used when the charset is UTF-8; or null
         * @param cells the rows' own cells of {@code bytes}, for {@link #echo}; or null
         */
        Rendered(OutputStream out, Charset charset, List<String> header, String outputName, ByteLayout bytes, CellLayout cells,
                 Layout layout) {
            this.out = out;
            this.charset = charset;
            this.utf8 = charset.equals(StandardCharsets.UTF_8);
            this.header = header;
            this.outputName = outputName;
            this.layout = layout;
            this.bytes = utf8 ? bytes : null;
            this.cells = this.bytes == null ? null : cells;
            int mark = 0;
            try {
                mark = 2 * encode("a").length - encode("aa").length;
            } catch (CharacterCodingException e) {
                // an encoding that cannot write "a" has no mark to speak of; every row will say what it cannot write
            }
            this.mark = Math.max(0, mark);
        }

        @Override
        public EchoedCells echo(int rows) {
            return cells == null ? null : new EchoedCells(rows, cells);
        }

        @Override
        public List<byte[]> render(List<InputRow> rows, List<Qualification> decisions) throws IOException {
            return render(rows, decisions, null);
        }

        @Override
        public List<byte[]> render(List<InputRow> rows, List<Qualification> decisions, EchoedCells echo) throws IOException {
            List<byte[]> blocks = new ArrayList<>();
            if (echo != null && (echo.failed || echo.count != rows.size())) {
                if (!echo.failed) {
                    throw new IllegalArgumentException("echoed " + echo.count + " rows, rendering " + rows.size());
                }
                throw unwritable(rows, decisions);
            }
            if (bytes != null) {
                Utf8Buffer buffer = new Utf8Buffer(BLOCK + 4096);
                try {
                    bytes.append(rows, decisions, echo, buffer, blocks);
                } catch (CharacterCodingException e) {
                    throw unwritable(rows, decisions);
                }
                if (buffer.length() > 0) {
                    blocks.add(buffer.take());
                }
                return blocks;
            }
            StringBuilder sb = new StringBuilder(BLOCK + 4096);
            try {
                for (int i = 0; i < rows.size(); i++) {
                    layout.append(rows.get(i), decisions.get(i), sb);
                    if (sb.length() >= BLOCK) {
                        blocks.add(encode(sb));
                        sb.setLength(0);
                    }
                }
                if (sb.length() > 0) {
                    blocks.add(encode(sb));
                }
            } catch (CharacterCodingException e) {
                throw unwritable(rows, decisions);
            }
            return blocks;
        }

        /** The text in the output encoding; refuses what the encoding cannot represent. */
        byte[] encode(CharSequence text) throws CharacterCodingException {
            if (utf8) {
                // UTF-8 represents every character; only a surrogate without its pair cannot be written.
                String s = text.toString();
                if (!EncodingCheck.wellFormed(s)) {
                    throw new CharacterCodingException();
                }
                return s.getBytes(StandardCharsets.UTF_8);
            }
            CharsetEncoder encoder = charset.newEncoder();
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.arrayOffset() + bytes.limit());
        }

        /** The first cell, in input order, that the encoding cannot represent, as an exception. */
        private OutputEncodingException unwritable(List<InputRow> rows, List<Qualification> decisions) {
            EncodingCheck check = new EncodingCheck(charset);
            for (int r = 0; r < rows.size(); r++) {
                InputRow row = rows.get(r);
                List<String> cells = row.cells();
                for (int i = 0; i < cells.size(); i++) {
                    if (!check.canEncode(cells.get(i))) {
                        return unwritable(row.line(), i < header.size() ? "column " + Echo.quoted(header.get(i))
                                : "cell " + (i + 1) + " (beyond the header)");
                    }
                }
                List<String> decision = Decisions.cells(row.line(), decisions.get(r), row.note());
                for (int i = 0; i < decision.size(); i++) {
                    if (!check.canEncode(decision.get(i))) {
                        return unwritable(row.line(), "column " + Decisions.COLUMNS.get(i));
                    }
                }
            }
            long last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).line();
            return new OutputEncodingException("cannot write " + outputName + " in " + charset.name()
                    + ": a character near line " + last + " cannot be represented in " + charset.name()
                    + "; choose another --out-encoding (UTF-8 represents every character)");
        }

        private OutputEncodingException unwritable(long line, String where) {
            return new OutputEncodingException("cannot write " + outputName + " in " + charset.name() + ": line " + line
                    + ", " + where + " holds a character " + charset.name() + " cannot represent; "
                    + "choose another --out-encoding (UTF-8 represents every character)");
        }

        @Override
        public void write(List<byte[]> rendered) throws IOException {
            for (byte[] block : rendered) {
                if (block.length == 0) {
                    continue;
                }
                // Each block was encoded on its own, and so begins with the encoding's mark, if it has one.
                int skip = started ? Math.min(mark, block.length) : 0;
                started = true;
                out.write(block, skip, block.length - skip);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
