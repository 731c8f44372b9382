package io.github.leadrules.cli;

import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.CsvRowSource;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.cli.io.JsonLinesRowSource;
import io.github.leadrules.cli.io.RowSource;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A lead file opened the way every command reads one: CSV or JSON Lines in the given encoding (a
 * UTF-8 byte-order mark skipped and remembered), its header recognised by a column preset or the
 * column map, then read one row at a time, each mapped to a lead or to why it cannot be one.
 */
final class LeadInput implements Closeable {

    private final String sourceName;
    private final long size;
    private final CountingInputStream counting;
    private final boolean bom;
    private final RowSource source;
    private final ColumnMapping mapping;
    private final RowMapper mapper;

    private LeadInput(String sourceName, long size, CountingInputStream counting, boolean bom, RowSource source,
                      ColumnMapping mapping, RowMapper mapper) {
        this.sourceName = sourceName;
        this.size = size;
        this.counting = counting;
        this.bom = bom;
        this.source = source;
        this.mapping = mapping;
        this.mapper = mapper;
    }

    /**
     * Opens the input and recognises its header.
     *
     * @param input a path, or {@code -} for {@code stdin}
     */
    static LeadInput open(String input, LeadInputOptions.Settings settings, InputStream stdin) throws IOException, UsageProblem {
        boolean fromStdin = input.equals("-");
        String sourceName = fromStdin ? "standard input" : input;
        long size = fromStdin ? -1 : Files.size(Path.of(input));
        CountingInputStream counting = new CountingInputStream(fromStdin ? stdin : Files.newInputStream(Path.of(input)));
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        RowSource source = null;
        try {
            boolean bom = skipUtf8Bom(buffered, settings.charset());
            InputStreamReader reader = new InputStreamReader(buffered, settings.charset());
            source = settings.json() ? new JsonLinesRowSource(reader, sourceName)
                    : new CsvRowSource(reader, settings.delimiter(), sourceName);
            ColumnMapping mapping = ColumnMapping.resolve(source.header(), settings.map(), sourceName);
            return new LeadInput(sourceName, size, counting, bom, source, mapping, new RowMapper(mapping, settings.zone()));
        } catch (ColumnMapping.UnknownColumnsException e) {
            source.close();
            throw new UsageProblem(e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (source != null) {
                source.close();
            } else {
                buffered.close();
            }
            throw e;
        }
    }

    /** The input's name for messages: its path, or "standard input". */
    String sourceName() {
        return sourceName;
    }

    /** The file's size in bytes, or -1 for standard input. */
    long size() {
        return size;
    }

    /** Bytes read so far, for a progress bar. */
    long bytesRead() {
        return counting.count();
    }

    /** Whether the input began with a UTF-8 byte-order mark. */
    boolean bom() {
        return bom;
    }

    /** The column names as read. */
    List<String> header() {
        return source.header();
    }

    /** How the columns were recognised. */
    ColumnMapping mapping() {
        return mapping;
    }

    /** The mapper from rows to leads (also names the input column behind a model field). */
    RowMapper mapper() {
        return mapper;
    }

    /** The next row as read, or null at the end. */
    InputRow next() throws IOException {
        return source.next();
    }

    /** A row read as a lead, or why it cannot be one. */
    ReadRow read(InputRow row) {
        return ReadRow.of(row, mapper);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** Drops a UTF-8 byte-order mark when reading UTF-8; returns whether there was one. */
    private static boolean skipUtf8Bom(BufferedInputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return false;
        }
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return true;
        }
        in.reset();
        return false;
    }

    /** Counts bytes read, for the progress bar's percentage. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
