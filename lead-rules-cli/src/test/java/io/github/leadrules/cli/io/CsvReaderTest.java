package io.github.leadrules.cli.io;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV reader keeps line numbers right and never lets one bad quote swallow the file. */
class CsvReaderTest {

    private static List<CsvReader.Record> read(String text) throws IOException {
        return read(text, CsvReader.DEFAULT_MAX_RECORD_CHARS);
    }

    private static List<CsvReader.Record> read(String text, int maxRecordChars) throws IOException {
        try (CsvReader r = new CsvReader(new StringReader(text), ',', maxRecordChars)) {
            List<CsvReader.Record> out = new ArrayList<>();
            CsvReader.Record rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
            return out;
        }
    }

    /** Reads everything and returns the characters examined per character of input. */
    private static double examinedPerChar(String text, int maxRecordChars, int expectedRecords) throws IOException {
        try (CsvReader r = new CsvReader(new StringReader(text), ',', maxRecordChars)) {
            int records = 0;
            while (r.next() != null) {
                records++;
            }
            assertThat(records).isEqualTo(expectedRecords);
            return (double) r.charsExamined() / text.length();
        }
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        List<CsvReader.Record> records = read("a,b,c\n\"Acme, Inc.\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,,z\n");

        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(
                List.of("a", "b", "c"), List.of("Acme, Inc.", "say \"hi\"", "two\nlines"), List.of("x", "", "z"));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 4L);
        assertThat(records).allMatch(r -> r.problem() == null);
    }

    @Test
    void crlfLineEndsBlankLinesAndALeadingByteOrderMarkAreHandled() throws IOException {
        List<CsvReader.Record> records = read("\uFEFFid,name\r\n\r\n1,サンプル工業株式会社\r\n");

        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(List.of("id", "name"), List.of("1", "サンプル工業株式会社"));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 3L);
    }

    @Test
    void anUnterminatedQuoteIsReportedOnItsLineAndReadingGoesOnFromTheNextLine() throws IOException {
        List<CsvReader.Record> records = read("1,\"Globex,x\n2,Acme,y\n3,Initech,z\n");

        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).problem()).isEqualTo(CsvReader.Problem.UNTERMINATED_QUOTE);
        assertThat(records.get(0).problemField()).isEqualTo(1);
        assertThat(records.get(1).fields()).containsExactly("2", "Acme", "y");
        assertThat(records.get(2).fields()).containsExactly("3", "Initech", "z");
    }

    @Test
    void aStrayQuoteThatMeetsAnotherQuoteLinesLaterDoesNotSwallowTheLinesBetween() throws IOException {
        // Read as RFC 4180 allows, the quote opened on line 1 closes on line 3, with text after it:
        // three rows would become one. A field spanning lines must close cleanly, so line 1 is read alone.
        List<CsvReader.Record> records = read("1,\"Globex,x\n2,Acme,y\n3,\"Acme\" Inc,z\n4,Initech,w\n");

        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records).extracting(CsvReader.Record::problem).containsExactly(
                CsvReader.Problem.UNTERMINATED_QUOTE, null, CsvReader.Problem.MALFORMED_QUOTE, null);
        assertThat(records.get(2).fields()).containsExactly("3", "Acme Inc", "z");
    }

    @Test
    void aFieldSpanningLinesThatClosesWithTextAfterTheQuoteIsReadLineByLineFromThere() throws IOException {
        List<CsvReader.Record> records = read("1,\"Globex\nHoldings\" Inc,\"x\ny\",z\n");

        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L);
        assertThat(records.get(0).problem()).isEqualTo(CsvReader.Problem.UNTERMINATED_QUOTE);
        assertThat(records.get(1).problem()).isNull();
        assertThat(records.get(1).fields()).containsExactly("Holdings\" Inc", "x\ny", "z");
    }

    @Test
    void textAfterAClosingQuoteIsKeptButMarked() throws IOException {
        List<CsvReader.Record> records = read("1,\"Acme\" Inc,x\n");

        assertThat(records.get(0).fields()).containsExactly("1", "Acme Inc", "x");
        assertThat(records.get(0).problem()).isEqualTo(CsvReader.Problem.MALFORMED_QUOTE);
        assertThat(records.get(0).problemField()).isEqualTo(1);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsPlainText() throws IOException {
        assertThat(read("1,Acme \"Best\" Co,x\n").get(0).fields()).containsExactly("1", "Acme \"Best\" Co", "x");
    }

    @Test
    void theWriterQuotesWhatTheReaderNeedsQuoted() throws IOException {
        java.io.StringWriter sw = new java.io.StringWriter();
        CsvWriter w = new CsvWriter(sw, ',');
        List<String> fields = List.of("plain", "Acme, Inc.", "say \"hi\"", "two\nlines", " padded ", "");
        w.write(fields);
        w.flush();

        assertThat(read(sw.toString()).get(0).fields()).isEqualTo(fields);
    }

    @Nested
    class BoundedReading {

        private static final String STRAY = "L-1,x\",\"\n";

        @Test
        void twentyThousandStrayQuoteLinesAreTwentyThousandRecordsEachOnItsOwnLine() throws IOException {
            List<CsvReader.Record> records = read("id,email\n" + STRAY.repeat(20_000));

            assertThat(records).hasSize(20_001);
            assertThat(records.subList(1, records.size())).allSatisfy(r -> {
                assertThat(r.problem()).isEqualTo(CsvReader.Problem.UNTERMINATED_QUOTE);
                assertThat(r.fields()).containsExactly("L-1", "x\"", "\"");
            });
            assertThat(records.get(20_000).line()).isEqualTo(20_001L);
        }

        @Test
        void strayQuotesCostAFewExaminationsPerCharacterHoweverManyLinesTheyChain() throws IOException {
            // Each stray quote chains every following line into one quoted field; looking for its end
            // once per line, as the reader once did, examined each character thousands of times.
            for (int lines : List.of(1_000, 20_000, 100_000)) {
                String text = "id,email\n" + STRAY.repeat(lines);
                assertThat(examinedPerChar(text, CsvReader.DEFAULT_MAX_RECORD_CHARS, lines + 1)).as(lines + " lines").isLessThan(4.5);
                assertThat(examinedPerChar(text, 1024, lines + 1)).as(lines + " lines, 1K records").isLessThan(4.5);
            }
        }

        @Test
        void aRecordOfExactlyTheSizeIsReadAndOneCharacterMoreIsTooLongWhileTheNextLineIsReadAsUsual() throws IOException {
            String atLimit = "L-1," + "a".repeat(1024 - 4);

            List<CsvReader.Record> records = read(atLimit.substring(1) + "\n" + atLimit + "\n" + atLimit + "b\n2,Acme\n", 1024);

            assertThat(records).extracting(CsvReader.Record::problem).containsExactly(null, null, CsvReader.Problem.TOO_LONG, null);
            assertThat(records.get(1).fields()).containsExactly("L-1", "a".repeat(1020));
            assertThat(records.get(2).fields()).isEmpty();
            assertThat(records.get(2).line()).isEqualTo(3L);
            assertThat(records.get(3).fields()).containsExactly("2", "Acme");
        }

        @Test
        void aQuotedFieldSpanningLinesIsReadUpToTheRecordSizeAndNoFurther() throws IOException {
            String note = "x".repeat(500);
            // "1,"" + 500 + "\n" + 500 + "\"" = 2 + 1 + 500 + 1 + 501 = 1005 characters
            String record = "1,\"" + note + "\n" + note + "\"";

            assertThat(read(record + "\n2,Acme\n", 1005)).extracting(CsvReader.Record::problem).containsExactly(null, null);
            List<CsvReader.Record> tooLong = read(record + "\n2,Acme\n", 1004);
            assertThat(tooLong).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L);
            assertThat(tooLong.get(0).problem()).isEqualTo(CsvReader.Problem.UNTERMINATED_QUOTE);
            assertThat(tooLong.get(2).fields()).containsExactly("2", "Acme");
        }

        @Test
        void aFiveMillionCharacterLineIsOneTooLongRecordReadWithoutKeepingIt() throws IOException {
            String text = "id,email\nL-1," + "a".repeat(5_000_000) + "\nL-2,jiro.takahashi@sample-kogyo.example\n";

            assertThat(examinedPerChar(text, 1 << 20, 3)).isLessThan(1.1);
            List<CsvReader.Record> records = read(text);
            assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L);
            assertThat(records.get(1).problem()).isEqualTo(CsvReader.Problem.TOO_LONG);
        }

        @Test
        void aLineOfWhiteSpaceOnlyIsSkippedAsABlankLineEvenWhenLongerThanTheRecordSize() throws IOException {
            String text = "id,name\n" + " \t".repeat(512) + "\n" + " ".repeat(1025) + "x\n" + "\u3000".repeat(1025) + "\n2,Acme\n";

            List<CsvReader.Record> records = read(text, 1024);

            assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 3L, 5L);
            assertThat(records).extracting(CsvReader.Record::problem).containsExactly(null, CsvReader.Problem.TOO_LONG, null);
        }

        @Test
        void lineBreaksAreFoundAcrossTheReadBuffersEdge() throws IOException {
            // 65 536 characters are read at a time: put a CR at the end of one read and its LF at the start of the next.
            String first = "L-1," + "a".repeat(65_535 - 4);
            List<CsvReader.Record> records = read(first + "\r\nL-2,b\rL-3,c\n\nL-4,d");

            assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 5L);
            assertThat(records).extracting(r -> r.fields().get(0)).containsExactly("L-1", "L-2", "L-3", "L-4");
        }
    }
}
