package io.github.leadrules.cli;

import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.CsvRowSource;
import io.github.leadrules.cli.io.Echo;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.cli.io.JsonLinesRowSource;
import io.github.leadrules.cli.io.RowSource;
import io.github.leadrules.policy.LeadPolicy;

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
import java.util.function.Predicate;

/**
 * A lead file opened the way every command reads one: CSV or JSON Lines in the given encoding, its
 * header recognised by a column preset or the column map, then read one row at a time, each mapped
 * to a lead or to why it cannot be one. A byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) is
 * skipped, remembered, and wins over {@code --encoding}; a spreadsheet workbook given by mistake is
 * refused with a hint instead of being read as text.
 */
final class LeadInput implements Closeable {

    private final String sourceName;
    private final long size;
    private final CountingInputStream counting;
    private final boolean bom;
    private final Charset charset;
    private final RowSource source;
    private final ColumnMapping mapping;
    private RowMapper mapper;

    private LeadInput(String sourceName, long size, CountingInputStream counting, boolean bom, Charset charset,
                      RowSource source, ColumnMapping mapping, RowMapper mapper) {
        this.sourceName = sourceName;
        this.size = size;
        this.counting = counting;
        this.bom = bom;
        this.charset = charset;
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
        String sourceName = fromStdin ? "standard input" : Echo.escape(input);
        long size = fromStdin ? -1 : Files.size(Path.of(input));
        CountingInputStream counting = new CountingInputStream(fromStdin ? stdin : Files.newInputStream(Path.of(input)));
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        RowSource source = null;
        try {
            Charset bomCharset = skipByteOrderMark(buffered, sourceName);
            Charset charset = bomCharset != null ? bomCharset : settings.charset();
            source = settings.json()
                    ? new JsonLinesRowSource(new InputStreamReader(buffered, charset), sourceName, settings.maxRecordChars())
                    : new CsvRowSource(buffered, charset, settings.delimiter(), sourceName, settings.maxRecordChars());
            ColumnMapping mapping = ColumnMapping.resolve(source.header(), settings.map(), sourceName);
            return new LeadInput(sourceName, size, counting, bomCharset != null, charset, source, mapping,
                    new RowMapper(mapping, settings.zone()));
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

    /** Whether the input began with a byte-order mark. */
    boolean bom() {
        return bom;
    }

    /** The encoding the input is read in: the byte-order mark's, else {@code --encoding}'s. */
    Charset charset() {
        return charset;
    }

    /** The column names as read. */
    List<String> header() {
        return source.header();
    }

    /** How the columns were recognised. */
    ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Blanks the cells holding a placeholder value of the run's policy ({@code LeadPolicy.missingValues()})
     * in the rows read from now on; before, the default policy's. Call it before reading rows.
     */
    void missingValues(Predicate<String> missing) {
        mapper = mapper.withMissingValues(missing);
    }

    /** Blanks the cells holding a placeholder value of any of these policies, as {@link #missingValues(Predicate)}; the faster. */
    void missingValues(LeadPolicy... policies) {
        mapper = mapper.withMissingValues(policies);
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

    /**
     * Drops a byte-order mark and returns the encoding it names (null when there is none). Refuses
     * the zip container of an Excel workbook and the old Excel format, which are not text.
     */
    static Charset skipByteOrderMark(BufferedInputStream in, String sourceName) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xFF : -1;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        int b2 = n > 2 ? head[2] & 0xFF : -1;
        int b3 = n > 3 ? head[3] & 0xFF : -1;
        Charset charset = null;
        int skip = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            charset = Charset.forName("UTF-32LE");
            skip = 4;
        } else if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            charset = Charset.forName("UTF-32BE");
            skip = 4;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
            throw new RowSource.BadInputException(sourceName + " is a zip archive, perhaps an Excel workbook (.xlsx), not CSV or "
                    + "JSON Lines: save it as \"CSV UTF-8\" and read that");
        } else if (b0 == 0xD0 && b1 == 0xCF && b2 == 0x11 && b3 == 0xE0) {
            throw new RowSource.BadInputException(sourceName + " is an Excel 97-2003 workbook (.xls), not CSV or JSON Lines: "
                    + "save it as \"CSV UTF-8\" and read that");
        }
        in.skipNBytes(skip);
        return charset;
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
