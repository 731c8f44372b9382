package io.github.leadrules.cli.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.leadrules.fuzz.Budget;
import io.github.leadrules.fuzz.CountingReader;
import io.github.leadrules.fuzz.Echoed;
import io.github.leadrules.fuzz.PhysicalLines;
import io.github.leadrules.fuzz.ReadResult;
import io.github.leadrules.fuzz.RowAccounting;
import io.github.leadrules.model.FieldError;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the CLI's CSV reader ({@link CsvRowSource}): only the documented
 * {@link RowSource.BadInputException} escapes, every record comes back as exactly one row (well
 * formed or INVALID), reading is linear in time and memory and examines a bounded number of
 * characters per input character, and nothing shown about a row carries raw control characters.
 */
class CsvReaderFuzzTest {

    /**
     * The one call site into the reader: when its API changes, change this method only. Reads UTF-8
     * the way the CLI does (malformed bytes become U+FFFD), counting the characters handed to the
     * reader, and takes the reader's own count of the characters it examined.
     */
    static ReadResult read(byte[] input, char delimiter) throws IOException {
        return read(input, delimiter, CsvReader.DEFAULT_MAX_RECORD_CHARS);
    }

    /** {@link #read(byte[], char)} with another record size. */
    static ReadResult read(byte[] input, char delimiter, int maxRecordChars) throws IOException {
        CountingReader in = new CountingReader(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8));
        try (CsvRowSource source = new CsvRowSource(in, delimiter, "fuzz.csv", maxRecordChars)) {
            List<ReadResult.Row> rows = new ArrayList<>();
            for (InputRow r = source.next(); r != null; r = source.next()) {
                rows.add(row(r));
            }
            return new ReadResult(source.header(), rows, null, in.chars(), source.charsExamined());
        } catch (RowSource.BadInputException e) {
            return ReadResult.refused(e.getMessage());
        }
    }

    /**
     * Reads UTF-8 from its bytes, as the CLI does ({@link CsvRowSource#CsvRowSource(java.io.InputStream,
     * java.nio.charset.Charset, char, String, int)}): must give what {@link #read} gives from the
     * decoded text. Its work is counted per byte.
     */
    static ReadResult readBytes(byte[] input, char delimiter, int maxRecordChars) throws IOException {
        try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(input), StandardCharsets.UTF_8, delimiter, "fuzz.csv",
                maxRecordChars)) {
            List<ReadResult.Row> rows = new ArrayList<>();
            for (InputRow r = source.next(); r != null; r = source.next()) {
                rows.add(row(r));
            }
            return new ReadResult(source.header(), rows, null, input.length, source.charsExamined());
        } catch (RowSource.BadInputException e) {
            return ReadResult.refused(e.getMessage());
        }
    }

    /** The same rows, header and refusal, read from bytes as from decoded text. */
    static void checkSameFromBytes(ReadResult fromText, byte[] input, char delimiter, int maxRecordChars) throws Exception {
        ReadResult fromBytes = Budget.spend("the CSV reader", input.length, () -> readBytes(input, delimiter, maxRecordChars));
        checkWork(fromBytes);
        assertThat(fromBytes.refusal()).as("refusal, read from bytes").isEqualTo(fromText.refusal());
        assertThat(fromBytes.header()).as("header, read from bytes").isEqualTo(fromText.header());
        assertThat(fromBytes.rows()).as("rows, read from bytes").isEqualTo(fromText.rows());
    }

    /** A row in the reader-independent form (shared with the JSON Lines target). */
    static ReadResult.Row row(InputRow r) {
        List<String> echoed = new ArrayList<>();
        r.problems().forEach(p -> echoed.add(p.field()));
        if (r.note() != null) {
            echoed.add(r.note());
        }
        return new ReadResult.Row(r.line(), r.cells(), r.problems().stream().map(FieldError::code).toList(), echoed);
    }

    /**
     * Characters the reader may examine per character it is given (each is read once, scanned for
     * quotes twice and split into fields once: 4 today), and whatever the input. A reader that looks
     * at a line again for every record whose look-ahead it falls in breaks this at once.
     */
    static final long EXAMINED_PER_CHAR = 8;
    static final long EXAMINED_CONSTANT = 64;

    /** Work per input character bounded: deterministic, unlike time, so it holds on any machine. */
    static void checkWork(ReadResult result) {
        if (result.isRefused() || result.charsExamined() < 0) {
            return;
        }
        if (Boolean.getBoolean("fuzz.costs")) {
            System.out.printf(java.util.Locale.ROOT, "fuzz-work %,12d chars %,14d examined %,6.2f per char%n", result.inputChars(),
                    result.charsExamined(), (double) result.charsExamined() / Math.max(1, result.inputChars()));
        }
        assertThat(result.charsExamined())
                .as("characters examined for %,d characters read (at most %d per character + %d)",
                        result.inputChars(), EXAMINED_PER_CHAR, EXAMINED_CONSTANT)
                .isLessThanOrEqualTo(EXAMINED_PER_CHAR * result.inputChars() + EXAMINED_CONSTANT);
    }

    /** Field names and notes shown for a row carry no raw control characters (header names are escaped). */
    static void checkEchoed(ReadResult result) {
        Echoed.check("the refusal", result.refusal(), false);
        for (ReadResult.Row row : result.rows()) {
            for (String text : row.echoed()) {
                Echoed.check("what is shown about the row on line " + row.line(), text, false);
            }
        }
    }

    /**
     * Problem codes of a row that still holds every physical line of its record. A {@code TOO_LONG}
     * row is one line longer than the record size, without cells: it spans 1 line.
     */
    private static final Set<String> WHOLE_RECORD_PROBLEMS = Set.of("WRONG_FIELD_COUNT", "MALFORMED_QUOTE", "TOO_LONG");

    /**
     * The record size of the third read: small enough that the fuzzer's inputs of a few hundred bytes
     * reach the {@code TOO_LONG} rows and the look-ahead that gives up at the size cap.
     */
    static final int SMALL_RECORD_CHARS = 64;
    /** Problem code of a row that holds its first physical line alone (the reader reads on from the next). */
    private static final String FIRST_LINE_ALONE = "UNTERMINATED_QUOTE";

    /** The lines a row covers: its first line plus one per line break in its cells, when known. */
    static Integer span(ReadResult.Row row) {
        if (row.problems().contains(FIRST_LINE_ALONE)) {
            return 1;
        }
        if (!WHOLE_RECORD_PROBLEMS.containsAll(row.problems())) {
            return null; // e.g. a record cut at a size cap: how much it covered is the reader's business
        }
        return 1 + row.cells().stream().mapToInt(PhysicalLines::breaks).sum();
    }

    /** Class loading and first-use initialisation are not a cost of the input: pay them before measuring. */
    @BeforeAll
    static void warmUp() throws Exception {
        check("id,company_name\nL-1,\"株式会社さくら精機\"\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any bytes. The input is read three times: as given (header path); with a one-column header line
     * of our own in front, so that the input's first record is a row too and every line is accounted
     * for (both reads must agree on the rows); and that again with records of at most
     * {@value #SMALL_RECORD_CHARS} characters, so that small inputs reach the size cap.
     */
    @FuzzTest
    @DictionaryFile(resourcePath = "/dictionaries/csv.dict")
    void everyRecordComesBackAsOneRow(byte[] input) throws Exception {
        check(input);
    }

    /** The invariants for one input. */
    static void check(byte[] input) throws Exception {
        ReadResult asGiven = Budget.spend("the CSV reader", input.length, () -> read(input, ','));
        byte[] headed = withOwnHeaderLine(input);
        ReadResult shifted = Budget.spend("the CSV reader", headed.length, () -> read(headed, ','));
        ReadResult capped = Budget.spend("the CSV reader", headed.length, () -> read(headed, ',', SMALL_RECORD_CHARS));

        assertThat(shifted.isRefused()).as("the input behind a plain header line was refused: %s", shifted.refusal()).isFalse();
        RowAccounting.check(PhysicalLines.ofUtf8(headed), 2, shifted.rows(), CsvReaderFuzzTest::span);
        assertThat(capped.isRefused()).as("the input behind a plain header line, records of at most %d characters, was refused: %s",
                SMALL_RECORD_CHARS, capped.refusal()).isFalse();
        RowAccounting.check(PhysicalLines.ofUtf8(headed), 2, capped.rows(), CsvReaderFuzzTest::span);
        for (ReadResult r : List.of(asGiven, shifted, capped)) {
            checkWork(r);
            checkEchoed(r);
        }
        checkSameFromBytes(asGiven, input, ',', CsvReader.DEFAULT_MAX_RECORD_CHARS);
        checkSameFromBytes(capped, headed, ',', SMALL_RECORD_CHARS);
        if (asGiven.isRefused()) {
            return;
        }
        List<ReadResult.Row> rows = shifted.rows();
        assertThat(rows).as("the header record, then the rows").hasSize(asGiven.rows().size() + 1);
        assertThat(rows.get(0).cells().stream().map(String::strip).toList()).as("header").isEqualTo(asGiven.header());
        for (int i = 0; i < asGiven.rows().size(); i++) {
            ReadResult.Row a = asGiven.rows().get(i);
            ReadResult.Row b = rows.get(i + 1);
            assertThat(b.line()).as("line of row %d", i + 1).isEqualTo(a.line() + 1);
            assertThat(b.cells()).as("cells of row %d", i + 1).isEqualTo(a.cells());
        }
    }

    /** {@code fuzz\n} in front of the input, after its byte-order mark if it has one. */
    private static byte[] withOwnHeaderLine(byte[] input) {
        int bom = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB && (input[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 8);
        out.write(input, 0, bom);
        out.writeBytes("fuzz\n".getBytes(StandardCharsets.US_ASCII));
        out.write(input, bom, input.length - bom);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ generated records

    private static final List<String> HEADER = List.of("id", "company_name", "email", "employee_count", "country",
            "engagement");
    private static final String[] REALISTIC = {"L-000001", "株式会社さくら精機", "Initech Manufacturing Inc.",
            "ito23@aoba-systems.example", "+1 415 555 0188", "03-0000-1201", "製造部 部長", "Head of IT", "日本", "GB",
            "418", "1,200", "Acme, Inc.", "say \"hi\"", "two\nlines", "a\r\nb", "", " ", "=HYPERLINK(\"x\")",
            "pricing@2026-11-06T14:24Z;case_study:金融業@2026-11-10T01:35Z", "\"", "\"\"", "x\",\""};
    private static final String[] BLANK_LINES = {"", " ", "\t", "\u3000", "  \t "};

    /** What a generated record must come back as. */
    private record Expected(long line, List<String> cells, boolean wellFormed, boolean compareCells) {
    }

    /**
     * Records built from the fuzzer's choices and written the RFC 4180 way (plus deliberately bad
     * quoting), so that how many records there are and what they hold is known: exactly that many
     * rows come back, on the right lines, with the same cells.
     */
    @FuzzTest
    void generatedRecordsComeBackExactly(FuzzedDataProvider data) throws Exception {
        char delimiter = data.pickValue(new Character[] {',', ';', '\t'});
        String d = String.valueOf(delimiter);
        int columns = data.consumeInt(1, HEADER.size());
        String newline = data.consumeBoolean() ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder(data.consumeBoolean() ? "\uFEFF" : "");
        text.append(String.join(d, HEADER.subList(0, columns))).append(newline);
        long line = 2;
        List<Expected> expected = new ArrayList<>();
        int records = data.consumeInt(0, 40);
        for (int k = 0; k < records; k++) {
            for (int blank = data.consumeInt(0, 7) - 5; blank > 0; blank--) {
                text.append(data.pickValue(BLANK_LINES)).append(newline);
                line++;
            }
            int kind = data.consumeInt(0, 9);
            boolean last = k == records - 1;
            if (kind == 0) {
                // Text after a closing quote, e.g. "Acme" Inc: one line, one INVALID row.
                String record = "\"" + safe(data.consumeString(12), delimiter) + "\"x" + safe(data.consumeString(8), delimiter)
                        + d + "L-" + k;
                text.append(record).append(newline);
                expected.add(new Expected(line, null, false, false));
                line++;
                continue;
            }
            if (kind == 1 && last) {
                // A quote never closed before the end of the file: one INVALID row.
                text.append("L-").append(k).append(d).append('"').append(safe(data.consumeString(12), delimiter)).append(newline);
                expected.add(new Expected(line, null, false, false));
                line++;
                continue;
            }
            int count = kind == 2 ? data.consumeInt(1, columns + 2) : columns;
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                String cell = data.consumeBoolean() ? data.pickValue(REALISTIC) : data.consumeString(16);
                // What a UTF-8 file can hold (an unpaired surrogate becomes '?').
                cells.add(new String(cell.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            }
            boolean quoteAll = data.consumeBoolean();
            String record = write(cells, delimiter, quoteAll, false);
            if (firstLine(record).isBlank()) {
                record = write(cells, delimiter, quoteAll, true); // else the reader would skip it as a blank line
            }
            text.append(record).append(newline);
            expected.add(new Expected(line, cells, count == columns, true));
            line += 1 + PhysicalLines.breaks(record);
        }
        if (data.consumeBoolean()) {
            text.append(data.pickValue(BLANK_LINES)).append(newline);
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);

        ReadResult result = Budget.spend("the CSV reader", input.length, () -> read(input, delimiter));

        assertThat(result.isRefused()).as("refused: %s", result.refusal()).isFalse();
        assertThat(result.header()).isEqualTo(HEADER.subList(0, columns));
        assertThat(result.rows()).as("rows").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            ReadResult.Row row = result.rows().get(i);
            assertThat(row.line()).as("line of row %d", i + 1).isEqualTo(e.line());
            assertThat(row.problems().isEmpty()).as("row %d is well formed (problems %s)", i + 1, row.problems())
                    .isEqualTo(e.wellFormed());
            if (e.compareCells()) {
                assertThat(normalise(row.cells())).as("cells of row %d", i + 1).isEqualTo(normalise(e.cells()));
            }
        }
        RowAccounting.check(PhysicalLines.ofUtf8(input), 2, result.rows(), CsvReaderFuzzTest::span);
        checkWork(result);
        checkEchoed(result);
        checkSameFromBytes(result, input, delimiter, CsvReader.DEFAULT_MAX_RECORD_CHARS);
    }

    /** Text that cannot end a quoted field, a field or a line. */
    private static String safe(String s, char delimiter) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> c != '"' && c != '\r' && c != '\n' && c != delimiter && !Character.isSurrogate((char) c))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String write(List<String> cells, char delimiter, boolean quoteAll, boolean quoteFirst) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                sb.append(delimiter);
            }
            boolean needs = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                    || cell.indexOf('\n') >= 0;
            if (needs || quoteAll || (quoteFirst && i == 0)) {
                sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(cell);
            }
        }
        return sb.toString();
    }

    private static String firstLine(String record) {
        int end = 0;
        while (end < record.length() && record.charAt(end) != '\n' && record.charAt(end) != '\r') {
            end++;
        }
        return record.substring(0, end);
    }

    /** Line breaks inside a quoted field come back as {@code \n} from this reader; others may keep them. */
    private static List<String> normalise(List<String> cells) {
        return cells.stream().map(c -> c.replace("\r\n", "\n").replace('\r', '\n')).toList();
    }
}
