package io.github.leadrules.cli.io;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV reader keeps line numbers right and never lets one bad quote swallow the file. */
class CsvReaderTest {

    private static List<CsvReader.Record> read(String text) throws IOException {
        try (CsvReader r = new CsvReader(new StringReader(text), ',')) {
            List<CsvReader.Record> out = new ArrayList<>();
            CsvReader.Record rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
            return out;
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
}
