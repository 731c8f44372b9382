package io.github.leadrules.cli.io;

import io.github.leadrules.model.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV rows: the first record is the header; every later record is one row, in order, whatever its
 * syntax (a row that cannot be split into the header's fields comes back with its problem).
 */
public final class CsvRowSource implements RowSource {

    /** Field code for a row with another number of fields than the header. */
    public static final String WRONG_FIELD_COUNT = "WRONG_FIELD_COUNT";
    /** Field code for a row longer than the record size. */
    public static final String TOO_LONG = "TOO_LONG";

    private final CsvReader reader;
    private final List<String> header;

    /** Reads the header at once; records of at most {@link CsvReader#DEFAULT_MAX_RECORD_CHARS}. */
    public CsvRowSource(Reader in, char delimiter, String sourceName) throws IOException {
        this(in, delimiter, sourceName, CsvReader.DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * Reads the header at once.
     *
     * @param maxRecordChars the longest record, in characters
     * @throws BadInputException when there is no header, or it is malformed or too long
     */
    public CsvRowSource(Reader in, char delimiter, String sourceName, int maxRecordChars) throws IOException {
        this(new CsvReader(in, delimiter, maxRecordChars), sourceName);
    }

    /**
     * Reads the header at once, from bytes in {@code charset} (see {@link CsvReader#CsvReader(InputStream, Charset, char, int)}).
     *
     * @param maxRecordChars the longest record, in characters
     * @throws BadInputException when there is no header, or it is malformed or too long
     */
    public CsvRowSource(InputStream in, Charset charset, char delimiter, String sourceName, int maxRecordChars) throws IOException {
        this(new CsvReader(in, charset, delimiter, maxRecordChars), sourceName);
    }

    private CsvRowSource(CsvReader reader, String sourceName) throws IOException {
        this.reader = reader;
        int maxRecordChars = reader.maxRecordChars();
        CsvReader.Record first = reader.next();
        if (first == null) {
            throw new BadInputException(sourceName + " is empty: expected a header line");
        }
        if (first.problem() == CsvReader.Problem.TOO_LONG) {
            throw new BadInputException(sourceName + ":" + first.line() + ": the header line is longer than "
                    + String.format(Locale.ROOT, "%,d", maxRecordChars) + " characters (--max-record-size); is this a CSV file?");
        }
        if (first.problem() != null) {
            throw new BadInputException(sourceName + ":" + first.line() + ": the header line is malformed ("
                    + first.problem() + ")");
        }
        List<String> h = new ArrayList<>();
        for (String name : first.fields()) {
            h.add(name.strip());
        }
        this.header = List.copyOf(h);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() throws IOException {
        CsvReader.Record r = reader.next();
        if (r == null) {
            return null;
        }
        if (r.problem() == null && r.fields().size() == header.size()) {
            return new InputRow(r.line(), r.fields(), List.of(), null, null);
        }
        List<FieldError> problems = new ArrayList<>(1);
        String note = null;
        if (r.problem() == CsvReader.Problem.TOO_LONG) {
            problems.add(new FieldError("row", TOO_LONG));
            note = String.format(Locale.ROOT, "longer than --max-record-size, %,d characters; not read", reader.maxRecordChars());
        } else if (r.problem() != null) {
            String column = r.problemField() >= 0 && r.problemField() < header.size()
                    ? Echo.escape(header.get(r.problemField())) : "row";
            problems.add(new FieldError(column, r.problem().name()));
            if (r.problem() == CsvReader.Problem.UNTERMINATED_QUOTE) {
                note = (column.equals("row") ? "a quote" : "a quote opened in " + column) + " is never closed; this line was read alone";
            }
        } else if (r.fields().size() != header.size()) {
            problems.add(new FieldError("row", WRONG_FIELD_COUNT));
            note = r.fields().size() + " fields, the header has " + header.size();
        }
        return new InputRow(r.line(), r.fields(), problems, note, null);
    }

    /** Characters examined so far (see {@link CsvReader#charsExamined()}). */
    public long charsExamined() {
        return reader.charsExamined();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
