package io.github.leadrules.cli.io;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UTF-8 CSV output is laid out straight into bytes; those bytes are, to the byte, the text layout
 * of {@link CsvWriter#appendField} and {@link Decisions#cells} encoded in UTF-8.
 */
class Utf8CsvLayoutTest {

    private static final List<String> HEADER = List.of("id", "company_name", "contact_name", "notes");
    private static final String FINGERPRINT = "sha256:0f3c";

    @Test
    void everyKindOfCellIsWrittenAsTheTextLayoutWritesIt() throws IOException {
        List<InputRow> rows = new ArrayList<>();
        List<Qualification> decisions = new ArrayList<>();
        List<List<String>> cells = List.of(
                List.of("L-1", "サンプル工業株式会社", "山田 太郎", "plain"),
                List.of("L-2", "Acme, Inc.", "John \"JJ\" Smith", "line one\nline two\r\nthree"),
                List.of("L-3", " 前後に空白 ", "trailing ", " leading"),
                List.of("L-4", "=HYPERLINK(\"http://x\")", "+81-3-1234-5678", "-12.5"),
                List.of("L-5", "@SUM(A1)", "-cmd|' /C calc'!A0", "\tTabbed"),
                List.of("L-6", "絵文字 👍 Ünïcödé ©", "", "tab\tinside;semi|pipe"),
                List.of("L-7", "short row"),
                List.of("L-8", "a", "b", "c", "beyond the header", "more"),
                List.of(),
                List.of("L-10", "\"quoted start", "end quote\"", "\"\""));
        for (int i = 0; i < cells.size(); i++) {
            rows.add(new InputRow(i + 2, cells.get(i), List.of(), i == 6 ? "2 fields, the header has 4" : null, null));
            decisions.add(decision(i));
        }
        for (char delimiter : new char[] {',', ';', '\t', '|'}) {
            for (boolean escape : new boolean[] {true, false}) {
                assertThat(new String(render(rows, decisions, delimiter, escape), StandardCharsets.UTF_8))
                        .as("delimiter %s, formulas escaped %s", delimiter == '\t' ? "tab" : delimiter, escape)
                        .isEqualTo(textLayout(rows, decisions, delimiter, escape));
                assertThat(new String(renderEchoed(rows, decisions, delimiter, escape), StandardCharsets.UTF_8))
                        .as("cells laid out ahead, delimiter %s, formulas escaped %s", delimiter == '\t' ? "tab" : delimiter, escape)
                        .isEqualTo(textLayout(rows, decisions, delimiter, escape));
            }
        }
    }

    @Test
    void reasonsThatNeedQuotingOrReadAsFormulasAreWrittenAsTheTextLayoutWritesThem() throws IOException {
        List<List<Reason>> reasonSets = List.of(
                List.of(),
                List.of(reason("URG-DEMO", "Demo requested")),
                List.of(reason("URG-DEMO", "Demo requested, within 1 month"), reason("RTE-FIELD", "Enterprise: 1,200 employees")),
                List.of(reason("URG-DEMO", "He said \"now\""), reason("EXC-TEST", "line\nbreak")),
                List.of(reason("URG-DEMO", "ends with a space ")),
                List.of(reason(" LEADING", "space in front")),
                List.of(reason("=HOST-RULE", "looks like a formula")),
                List.of(reason("-12", "a number")),
                List.of(reason("+HOST", "a plus"), reason("X", "y")),
                List.of(reason("@HOST", "an at sign")),
                List.of(reason("URG-日本", "全角の理由、カンマ,あり"), reason("URG-😀", "emoji 👍")),
                List.of(reason("A", "tab\tinside; semi | pipe")));
        List<InputRow> rows = new ArrayList<>();
        List<Qualification> decisions = new ArrayList<>();
        for (int i = 0; i < reasonSets.size(); i++) {
            rows.add(new InputRow(i + 2, List.of("L-" + i, "会社", "名前", ""), List.of(), null, null));
            decisions.add(new Qualification("L-" + i, Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN, Route.NONE, reasonSets.get(i),
                    List.of(), FINGERPRINT));
        }
        for (char delimiter : new char[] {',', ';', '\t', '|'}) {
            for (boolean escape : new boolean[] {true, false}) {
                assertThat(new String(render(rows, decisions, delimiter, escape), StandardCharsets.UTF_8))
                        .as("delimiter %s, formulas escaped %s", delimiter == '\t' ? "tab" : delimiter, escape)
                        .isEqualTo(textLayout(rows, decisions, delimiter, escape));
            }
        }
    }

    private static Reason reason(String id, String message) {
        return new Reason(id, Stage.URGENCY, message);
    }

    @Test
    void aCellWithASurrogateWithoutItsPairStopsTheRunNamingItsLineAndColumn() {
        List<InputRow> rows = List.of(new InputRow(2, List.of("L-1", "ok", "ok", "ok"), List.of(), null, null),
                new InputRow(3, List.of("L-2", "broken \uD83D here", "ok", "ok"), List.of(), null, null));
        List<Qualification> decisions = List.of(decision(0), decision(1));
        assertThatThrownBy(() -> render(rows, decisions, ',', true))
                .isInstanceOf(OutputEncodingException.class)
                .hasMessageContaining("line 3").hasMessageContaining("company_name");
        assertThatThrownBy(() -> renderEchoed(rows, decisions, ',', true))
                .isInstanceOf(OutputEncodingException.class)
                .hasMessageContaining("line 3").hasMessageContaining("company_name");
    }

    @Test
    void aChunkLargerThanOneBlockIsSplitIntoBlocksThatJoinToTheSameBytes() throws IOException {
        List<InputRow> rows = new ArrayList<>();
        List<Qualification> decisions = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new InputRow(i + 2, List.of("L-" + i, "株式会社テスト" + i, "名前 " + i, "x".repeat(i * 7)), List.of(), null, null));
            decisions.add(decision(i));
        }
        DecisionSink sink = DecisionSink.csv(new ByteArrayOutputStream(), StandardCharsets.UTF_8, false, ',', HEADER, true, "out.csv");
        List<byte[]> blocks = sink.render(rows, decisions);
        assertThat(blocks).hasSizeGreaterThan(1);
        assertThat(blocks).allSatisfy(b -> assertThat(b.length).isLessThan(64 * 1024));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] b : blocks) {
            joined.write(b);
        }
        assertThat(joined.toString(StandardCharsets.UTF_8)).isEqualTo(textLayout(rows, decisions, ',', true));
        // the cells laid out ahead span several blocks too, and come back in order
        assertThat(new String(renderEchoed(rows, decisions, ',', true), StandardCharsets.UTF_8))
                .isEqualTo(textLayout(rows, decisions, ',', true));
    }

    /** The rows as the UTF-8 sink writes them, without the header. */
    private static byte[] render(List<InputRow> rows, List<Qualification> decisions, char delimiter, boolean escape)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionSink sink = DecisionSink.csv(out, StandardCharsets.UTF_8, false, delimiter, HEADER, escape, "out.csv");
        int header = out.size();
        sink.write(sink.render(rows, decisions));
        sink.close();
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOfRange(all, header, all.length);
    }

    /** The rows as the UTF-8 sink writes them with their own cells laid out ahead, row by row, as qualify does. */
    private static byte[] renderEchoed(List<InputRow> rows, List<Qualification> decisions, char delimiter, boolean escape)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionSink sink = DecisionSink.csv(out, StandardCharsets.UTF_8, false, delimiter, HEADER, escape, "out.csv");
        int header = out.size();
        DecisionSink.EchoedCells echo = sink.echo(rows.size());
        assertThat(echo).isNotNull();
        rows.forEach(echo::add);
        sink.write(sink.render(rows, decisions, echo));
        sink.close();
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOfRange(all, header, all.length);
    }

    /** The reference: each row as CsvWriter.appendField and Decisions.cells lay it out as text. */
    private static String textLayout(List<InputRow> rows, List<Qualification> decisions, char delimiter, boolean escape) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            InputRow row = rows.get(r);
            for (int i = 0; i < HEADER.size(); i++) {
                if (i > 0) {
                    sb.append(delimiter);
                }
                if (i < row.cells().size()) {
                    CsvWriter.appendField(sb, row.cells().get(i), delimiter, escape);
                }
            }
            for (String cell : Decisions.cells(row.line(), decisions.get(r), row.note())) {
                sb.append(delimiter);
                CsvWriter.appendField(sb, cell, delimiter, escape);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Decisions of every outcome, with teams, owners, reasons and errors that need quoting. */
    private static Qualification decision(int i) {
        Reason competitor = new Reason("EXC-COMPETITOR", Stage.EXCLUSION, "E-mail domain belongs to a competitor, \"Rival\"");
        Reason student = new Reason("EXC-STUDENT", Stage.EXCLUSION, "学生のメールアドレス");
        Reason urgent = new Reason("URG-DEMO", Stage.URGENCY, "Demo requested; within 1 month");
        return switch (i % 4) {
            case 0 -> new Qualification("L-" + i, Outcome.QUALIFIED, List.of(),
                    new Urgency(UrgencyLevel.IMMEDIATE, PurchaseTimeframe.WITHIN_1_MONTH, 87, List.of()),
                    new Route(Destination.FIELD_SALES, "営業1部, 東京", "山田 \"太郎\"", null, Instant.parse("2026-11-28T09:30:00Z")),
                    List.of(urgent), List.of(), FINGERPRINT);
            case 1 -> new Qualification("L-" + i, Outcome.EXCLUDED, List.of(competitor, student, competitor), Urgency.UNKNOWN,
                    Route.NONE, List.of(competitor, student), List.of(), FINGERPRINT);
            case 2 -> new Qualification("L-" + i, Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(),
                    List.of(new FieldError("Email", "MALFORMED"), new FieldError("NumberOfEmployees", "NOT_A_NUMBER")), FINGERPRINT);
            default -> new Qualification("L-" + i, Outcome.QUALIFIED, List.of(),
                    new Urgency(UrgencyLevel.LOW, PurchaseTimeframe.LATER, 5, List.of()),
                    new Route(Destination.NURTURE, null, null, "=nurture-track", null), List.of(), List.of(), FINGERPRINT);
        };
    }
}
