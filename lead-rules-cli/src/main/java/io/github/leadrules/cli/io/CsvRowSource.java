package io.github.leadrules.cli.io;

import io.github.leadrules.model.FieldError;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** CSV rows: the first record is the header; every later record is one row. */
public final class CsvRowSource implements RowSource {

    /** Field codes for row-level problems. */
    public static final String WRONG_FIELD_COUNT = "WRONG_FIELD_COUNT";

    private final CsvReader reader;
    private final List<String> header;

    /** Reads the header at once. */
    public CsvRowSource(Reader in, char delimiter, String sourceName) throws IOException {
        this.reader = new CsvReader(in, delimiter);
        CsvReader.Record first = reader.next();
        if (first == null) {
            throw new BadInputException(sourceName + " is empty: expected a header line");
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
        List<FieldError> problems = new ArrayList<>(0);
        String note = null;
        if (r.problem() != null) {
            String column = r.problemField() >= 0 && r.problemField() < header.size() ? header.get(r.problemField()) : "row";
            problems.add(new FieldError(column, r.problem().name()));
            if (r.problem() == CsvReader.Problem.UNTERMINATED_QUOTE) {
                note = "a quote opened in " + column + " is never closed; this line was read alone";
            }
        } else if (r.fields().size() != header.size()) {
            problems.add(new FieldError("row", WRONG_FIELD_COUNT));
            note = r.fields().size() + " fields, the header has " + header.size();
        }
        return new InputRow(r.line(), r.fields(), problems, note, null);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
