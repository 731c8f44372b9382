package io.github.leadrules.cli.io;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UTF-8 input is split in its bytes (a line without quotes never decoded as a whole), and reads
 * exactly as the same input decoded by an {@code InputStreamReader}: the same records, lines,
 * problems and U+FFFD for malformed bytes, wherever the read buffer's edges fall.
 */
class Utf8CsvReadingTest {

    /** The reader's read buffer, in bytes. */
    private static final int BUFFER = 1 << 16;

    private static List<CsvReader.Record> fromBytes(byte[] input, int maxRecordChars, int bytesPerRead) throws IOException {
        try (CsvReader r = new CsvReader(trickle(input, bytesPerRead), StandardCharsets.UTF_8, ',', maxRecordChars)) {
            return all(r);
        }
    }

    private static List<CsvReader.Record> fromBytes(byte[] input) throws IOException {
        return fromBytes(input, CsvReader.DEFAULT_MAX_RECORD_CHARS, Integer.MAX_VALUE);
    }

    private static List<CsvReader.Record> decoded(byte[] input, Charset charset, int maxRecordChars) throws IOException {
        try (CsvReader r = new CsvReader(new InputStreamReader(new ByteArrayInputStream(input), charset), ',', maxRecordChars)) {
            return all(r);
        }
    }

    private static List<CsvReader.Record> all(CsvReader r) throws IOException {
        List<CsvReader.Record> out = new ArrayList<>();
        CsvReader.Record rec;
        while ((rec = r.next()) != null) {
            out.add(rec);
        }
        return out;
    }

    /** The bytes, at most {@code bytesPerRead} per read, as a pipe or a slow disk may give them. */
    private static InputStream trickle(byte[] input, int bytesPerRead) {
        return new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, bytesPerRead));
            }
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof String s ? utf8(s) : (byte[]) part);
        }
        return out.toByteArray();
    }

    @Test
    void japaneseAndEnglishRowsAreSplitIntoTheirCellsWithTheirLineNumbers() throws IOException {
        List<CsvReader.Record> records = fromBytes(utf8("id,company,title\r\nL-1,株式会社青葉電機,情報システム部 部長\r\n\r\n"
                + "L-2,\"Globex, Inc.\",\"Head of \"\"IT\"\"\"\r\nL-3,\"Initech\nHoldings\",CTO\n"));

        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(
                List.of("id", "company", "title"), List.of("L-1", "株式会社青葉電機", "情報システム部 部長"),
                List.of("L-2", "Globex, Inc.", "Head of \"IT\""), List.of("L-3", "Initech\nHoldings", "CTO"));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 4L, 5L);
        assertThat(records).allMatch(r -> r.problem() == null);
    }

    @Test
    void aByteOrderMarkIsDroppedFromTheFirstLineOnlyAndWhiteSpaceOnlyLinesAreSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<CsvReader.Record> records = fromBytes(concat(bom, "id,name\n \t\n\u3000\n", bom, "L-1,Acme\n"));

        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(List.of("id", "name"), List.of("\uFEFFL-1", "Acme"));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 4L);
    }

    @Test
    void malformedBytesBecomeReplacementCharactersAsTheDecoderMakesThem() throws IOException {
        // A cut-off 3-byte character before a delimiter, a lone continuation byte, an overlong slash, a
        // surrogate encoded in UTF-8, and a cut-off 4-byte character at the end of the input.
        byte[] input = concat("id,name\nL-1,", new byte[] {(byte) 0xE3, (byte) 0x81}, ",x", new byte[] {(byte) 0x80},
                "\nL-2,", new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}, ",\"",
                new byte[] {(byte) 0xE3}, "\"\nL-3,", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98});

        List<CsvReader.Record> records = fromBytes(input);

        assertThat(records).isEqualTo(decoded(input, StandardCharsets.UTF_8, CsvReader.DEFAULT_MAX_RECORD_CHARS));
        assertThat(records.get(1).fields()).containsExactly("L-1", "\uFFFD", "x\uFFFD");
        assertThat(records.get(3).fields()).containsExactly("L-3", "\uFFFD");
    }

    @Test
    void otherEncodingsAndDelimitersOutsideAsciiAreReadFromDecodedText() throws IOException {
        Charset shiftJis = Charset.forName("Shift_JIS");
        byte[] input = "id,company\nL-1,株式会社青葉電機\n".getBytes(shiftJis);

        try (CsvReader r = new CsvReader(new ByteArrayInputStream(input), shiftJis, ',', 1024)) {
            assertThat(all(r)).extracting(CsvReader.Record::fields).containsExactly(List.of("id", "company"), List.of("L-1", "株式会社青葉電機"));
        }
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(utf8("id、company\nL-1、Acme\n")), StandardCharsets.UTF_8, '、', 1024)) {
            assertThat(all(r)).extracting(CsvReader.Record::fields).containsExactly(List.of("id", "company"), List.of("L-1", "Acme"));
        }
    }

    @Nested
    class RecordSize {

        @Test
        void aLineOfMoreBytesThanTheSizeButNoMoreCharactersIsReadAndOneCharacterMoreIsTooLong() throws IOException {
            // 1 024 characters, 3 060 bytes: "L-1," and 1 020 three-byte characters.
            String atLimit = "L-1," + "株".repeat(1020);
            byte[] input = utf8(atLimit.substring(1) + "\n" + atLimit + "\n" + atLimit + "式\n2,Acme\n");

            List<CsvReader.Record> records = fromBytes(input, 1024, Integer.MAX_VALUE);

            assertThat(records).extracting(CsvReader.Record::problem).containsExactly(null, null, CsvReader.Problem.TOO_LONG, null);
            assertThat(records.get(1).fields()).containsExactly("L-1", "株".repeat(1020));
            assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 4L);
            assertThat(records.get(3).fields()).containsExactly("2", "Acme");
        }

        @Test
        void aLineLongerThanTheReadBufferIsReadWholeOrNotKeptAtAll() throws IOException {
            String note = "受注見込み".repeat(30_000);
            byte[] input = utf8("id,note\nL-1," + note + "\nL-2,short\n");

            assertThat(fromBytes(input, 1 << 20, Integer.MAX_VALUE).get(1).fields()).containsExactly("L-1", note);
            List<CsvReader.Record> tooLong = fromBytes(input, 100_000, Integer.MAX_VALUE);
            assertThat(tooLong).extracting(CsvReader.Record::problem).containsExactly(null, CsvReader.Problem.TOO_LONG, null);
            assertThat(tooLong.get(2).fields()).containsExactly("L-2", "short");
        }

        @Test
        void aLineOfWhiteSpaceOnlyIsSkippedAsABlankLineEvenWhenLongerThanTheRecordSize() throws IOException {
            // 1 024 ideographic spaces are 3 072 bytes and a blank line that fits; 1 025 are one too many, still blank.
            byte[] input = utf8("id,name\n" + "\u3000".repeat(1024) + "\n" + "\u3000".repeat(1025) + "\n"
                    + "\u3000".repeat(1024) + "x\n2,Acme\n");

            for (int bytesPerRead : List.of(5, Integer.MAX_VALUE)) {
                List<CsvReader.Record> records = fromBytes(input, 1024, bytesPerRead);

                assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 4L, 5L);
                assertThat(records).extracting(CsvReader.Record::problem).containsExactly(null, CsvReader.Problem.TOO_LONG, null);
            }
        }

        @Test
        void aFiveMillionByteLineCostsAboutOneExaminationPerByte() throws IOException {
            byte[] input = utf8("id,email\nL-1," + "a".repeat(5_000_000) + "\nL-2,jiro.takahashi@sample-kogyo.example\n");

            try (CsvReader r = new CsvReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8, ',', 1 << 20)) {
                assertThat(all(r)).extracting(CsvReader.Record::problem).containsExactly(null, CsvReader.Problem.TOO_LONG, null);
                assertThat((double) r.charsExamined() / input.length).isLessThan(1.1);
            }
        }

        @Test
        void strayQuotesCostAFewExaminationsPerByteHoweverManyLinesTheyChain() throws IOException {
            byte[] input = utf8("id,email\n" + "L-1,x\",\"\n".repeat(100_000));

            for (int max : List.of(1024, CsvReader.DEFAULT_MAX_RECORD_CHARS)) {
                try (CsvReader r = new CsvReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8, ',', max)) {
                    assertThat(all(r)).hasSize(100_001);
                    assertThat((double) r.charsExamined() / input.length).as("record size " + max).isLessThan(4.5);
                }
            }
        }
    }

    @Nested
    class AtTheReadBuffersEdge {

        /** Text that puts what follows it at byte {@code offset} of the input. */
        private String padTo(int offset, String start) {
            return start + "a".repeat(offset - utf8(start).length);
        }

        @Test
        void aCrLfSplitByTheBufferIsOneLineBreak() throws IOException {
            byte[] input = utf8(padTo(BUFFER - 1, "L-1,") + "\r\nL-2,b\rL-3,c\n\nL-4,d");

            List<CsvReader.Record> records = fromBytes(input);

            assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 5L);
            assertThat(records).extracting(r -> r.fields().get(0)).containsExactly("L-1", "L-2", "L-3", "L-4");
        }

        @Test
        void aJapaneseCharacterSplitByTheBufferIsReadWhole() throws IOException {
            for (int cut = 1; cut <= 2; cut++) {
                byte[] input = utf8(padTo(BUFFER - cut, "L-1,") + "青葉,電機\nL-2,b\n");

                List<CsvReader.Record> records = fromBytes(input);

                assertThat(records.get(0).fields()).as("cut after " + cut + " byte(s)").containsExactly("L-1", "a".repeat(BUFFER - cut - 4) + "青葉", "電機");
                assertThat(records.get(1).fields()).containsExactly("L-2", "b");
            }
        }

        @Test
        void aQuotedLineBreakAtTheBufferIsPartOfTheField() throws IOException {
            byte[] input = utf8(padTo(BUFFER - 1, "L-1,\"株式会社") + "\nHoldings\",x\nL-2,b\n");

            List<CsvReader.Record> records = fromBytes(input);

            assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 3L);
            assertThat(records.get(0).fields().get(1)).endsWith("a\nHoldings");
            assertThat(records.get(0).problem()).isNull();
        }

        @Test
        void aDelimiterRightAfterTheBufferStartsTheNextCell() throws IOException {
            byte[] input = utf8(padTo(BUFFER, "L-1,") + ",x\n");

            assertThat(fromBytes(input).get(0).fields()).containsExactly("L-1", "a".repeat(BUFFER - 4), "x");
        }
    }

    /**
     * Random lines of Japanese and English text, delimiters, quotes, line breaks of every kind,
     * white space and malformed bytes, read from bytes a few at a time and from decoded text: the
     * records must be the same, whatever the record size.
     */
    @Test
    void randomInputReadsAsTheSameInputDecoded() throws IOException {
        Object[] tokens = {"L-1", "Acme", "株式会社青葉電機", "😀", ",", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "\u3000",
                new byte[] {(byte) 0xE3, (byte) 0x81}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xF0, (byte) 0x9F}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
        Random random = new Random(12);
        for (int n = 0; n < 3000; n++) {
            List<Object> parts = new ArrayList<>();
            int length = random.nextInt(40);
            for (int t = 0; t < length; t++) {
                parts.add(tokens[random.nextInt(tokens.length)]);
            }
            byte[] input = concat(parts.toArray());
            int max = List.of(4, 9, 16, 1024).get(n % 4);
            int bytesPerRead = 1 + random.nextInt(5);

            assertThat(fromBytes(input, max, bytesPerRead)).as("case %d, record size %d, %d bytes per read", n, max, bytesPerRead)
                    .isEqualTo(decoded(input, StandardCharsets.UTF_8, max));
        }
    }

    /**
     * Random rows of plain and quoted cells (the quoted ones holding delimiters, doubled quotes, line
     * breaks or malformed bytes next to their quotes), now and then with text after a closing quote
     * or a quote left open: read from bytes and from decoded text, the records must be the same.
     */
    @Test
    void randomRowsOfQuotedCellsReadAsTheSameInputDecoded() throws IOException {
        Object[] text = {"Acme", "株式会社青葉電機", "😀", ",", "\"\"", " ", "\n", "\r\n",
                new byte[] {(byte) 0xE3, (byte) 0x81}, new byte[] {(byte) 0x81}, new byte[] {(byte) 0xF0, (byte) 0x9F}};
        Random random = new Random(34);
        for (int n = 0; n < 3000; n++) {
            List<Object> parts = new ArrayList<>();
            int rows = 1 + random.nextInt(4);
            for (int r = 0; r < rows; r++) {
                int cells = 1 + random.nextInt(5);
                for (int c = 0; c < cells; c++) {
                    if (c > 0) {
                        parts.add(",");
                    }
                    boolean quoted = random.nextBoolean();
                    if (quoted) {
                        parts.add("\"");
                    }
                    for (int t = random.nextInt(4); t > 0; t--) {
                        Object part = text[random.nextInt(text.length)];
                        if (!quoted && (part.equals(",") || part.equals("\"\"") || part.equals("\n") || part.equals("\r\n"))) {
                            part = "Acme";
                        }
                        parts.add(part);
                    }
                    int oddity = random.nextInt(20);
                    if (quoted && oddity != 0) {
                        parts.add("\"");
                    }
                    if (quoted && oddity == 1) {
                        parts.add("Inc");
                    }
                }
                parts.add(random.nextBoolean() ? "\n" : "\r\n");
            }
            byte[] input = concat(parts.toArray());
            int max = List.of(12, 1024).get(n % 2);
            int bytesPerRead = n % 3 == 0 ? Integer.MAX_VALUE : 1 + random.nextInt(7);

            assertThat(fromBytes(input, max, bytesPerRead)).as("case %d, record size %d, %d bytes per read", n, max, bytesPerRead)
                    .isEqualTo(decoded(input, StandardCharsets.UTF_8, max));
        }
    }
}
