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
                List.of("L-10", "\"quoted start", "end quote\"", "\"\""),
                List.of("L-11", "carriage\rreturn alone", "café \"crème\"", "末尾に引用符\""),
                List.of("L-12", "東京都;港区", "tab\tinside", "絵文字 👍 then, a comma"));
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

    @Test
    void reasonsKeptFromEarlierRowsAndChunksAreWrittenAsTheTextLayoutWritesThem() throws IOException {
        List<List<Reason>> reasonSets = new ArrayList<>(List.of(
                List.of(reason("URG-DEMO", "Demo requested"), reason("RTE-FIELD", "Urgent (HIGH) and a strong fit")),
                // the same rule ids and messages again: laid out from what was kept
                List.of(reason("URG-DEMO", "Demo requested"), reason("RTE-FIELD", "Urgent (HIGH) and a strong fit")),
                // a kept rule id with a message of its own, that needs quotes, or doubled quotes
                List.of(reason("URG-DEMO", "Demo requested, within 1 month")),
                List.of(reason("URG-DEMO", "He said \"now\""), reason("RTE-FIELD", "Urgent (HIGH) and a strong fit")),
                List.of(reason("URG-DEMO", "line\nbreak")),
                List.of(reason("URG-DEMO", "carriage\rreturn")),
                List.of(reason("URG-DEMO", "Demo requested")),
                List.of(reason("URG-DEMO", "tab\tinside; semi | pipe")),
                // spaces at either end of the field, but not at the end of a kept reason in the middle
                List.of(reason("URG-DEMO", "ends with a space ")),
                List.of(reason("URG-DEMO", "ends with a space "), reason("RTE-FIELD", "Urgent (HIGH) and a strong fit")),
                List.of(reason(" LEADING", "space in front"), reason("URG-DEMO", "Demo requested")),
                List.of(reason("URG-DEMO", "Demo requested"), reason(" LEADING", "space in front")),
                // one that might read as a formula, first or later
                List.of(reason("=HOST-RULE", "looks like a formula"), reason("URG-DEMO", "Demo requested")),
                List.of(reason("URG-DEMO", "Demo requested"), reason("=HOST-RULE", "looks like a formula")),
                List.of(reason("", "no rule id"), reason("URG-DEMO", "Demo requested")),
                List.of(reason("URG-日本", "全角の理由、カンマ,あり"), reason("URG-😀", "emoji 👍"), reason("URG-é", "café crème")),
                List.of(reason("URG-日本", "全角の理由、カンマ,あり"), reason("URG-😀", "emoji 👍"), reason("URG-é", "café crème"))));
        // one rule's message varies: up to and beyond the messages kept of one rule
        for (int i = 0; i <= DecisionColumns.MAX_MESSAGES_PER_RULE + 1; i++) {
            reasonSets.add(List.of(reason("EXC-FREEMAIL", "Free-mail address (mail" + i + ".example) and no company name")));
        }
        reasonSets.add(List.of(reason("EXC-FREEMAIL", "Free-mail address (mail0.example) and no company name")));
        // long messages: up to and beyond the longest kept
        for (int length = DecisionColumns.MAX_KEPT_CHARS - 1; length <= DecisionColumns.MAX_KEPT_CHARS + 1; length++) {
            String message = "x".repeat(length - "URG-LONG".length());
            reasonSets.add(List.of(reason("URG-LONG", message), reason("URG-DEMO", "Demo requested")));
            reasonSets.add(List.of(reason("URG-LONG", message), reason("URG-DEMO", "Demo requested")));
        }
        List<InputRow> rows = new ArrayList<>();
        List<Qualification> decisions = new ArrayList<>();
        for (int i = 0; i < reasonSets.size(); i++) {
            rows.add(new InputRow(i + 2, List.of("L-" + i, "会社", "名前", ""), List.of(), null, null));
            decisions.add(new Qualification("L-" + i, Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN, Route.NONE, reasonSets.get(i),
                    List.of(), FINGERPRINT));
        }
        assertEachThenAllLaidOutAsText(rows, decisions, ',', ';', '\t', '|', ' ', ':', 'E');
    }

    @Test
    void decisionValuesKeptFromEarlierRowsAreWrittenAsTheTextLayoutWritesThem() throws IOException {
        Reason competitor = new Reason("EXC-COMPETITOR", Stage.EXCLUSION, "E-mail domain belongs to a competitor");
        Reason student = new Reason("EXC-STUDENT", Stage.EXCLUSION, "学生のメールアドレス");
        Reason formula = new Reason("-HOST-EXC", Stage.EXCLUSION, "a host rule");
        List<String> texts = List.of("field-sales", "営業1部, 東京", "山田 \"太郎\"", "=nurture-track", "+81-3-1234-5678", "-HOST",
                " spaced ", "", "tab\tteam", "line\nteam", "cr\rteam", "café", "👍 team");
        List<Integer> scores = List.of(0, 5, 100, -1, -250, DecisionColumns.SCORES - 1, DecisionColumns.SCORES,
                DecisionColumns.SCORES + 1, Integer.MAX_VALUE, Integer.MIN_VALUE);
        List<Instant> deadlines = new ArrayList<>(List.of(Instant.parse("2026-11-28T09:30:00Z"), Instant.parse("2026-11-28T09:30:00.5Z"),
                Instant.parse("1969-07-20T20:17:40Z"), Instant.MAX));
        deadlines.add(null);
        List<List<Reason>> exclusions = List.of(List.of(), List.of(competitor), List.of(student, competitor, student),
                List.of(formula), List.of(formula, competitor));
        List<InputRow> rows = new ArrayList<>();
        List<Qualification> decisions = new ArrayList<>();
        for (int i = 0; i < 3 * texts.size() * scores.size(); i++) {
            String team = texts.get(i % texts.size());
            String owner = i % 3 == 0 ? null : texts.get((i / 3) % texts.size());
            String track = texts.get((i / 7) % texts.size());
            rows.add(new InputRow(i + 2, List.of("L-" + i, "会社", "名前", ""), List.of(), null, null));
            decisions.add(new Qualification("L-" + i, Outcome.values()[i % Outcome.values().length], exclusions.get(i % exclusions.size()),
                    new Urgency(UrgencyLevel.values()[i % UrgencyLevel.values().length],
                            PurchaseTimeframe.values()[i % PurchaseTimeframe.values().length], scores.get(i % scores.size()), List.of()),
                    new Route(Destination.values()[i % Destination.values().length], team, owner, track, deadlines.get(i % deadlines.size())),
                    List.of(), List.of(), texts.get((i / 11) % texts.size())));
        }
        // more distinct teams than are kept
        for (int i = 0; i <= DecisionColumns.MAX_KEPT + 1; i++) {
            rows.add(new InputRow(rows.size() + 2, List.of("L-" + i), List.of(), null, null));
            decisions.add(new Qualification("L-" + i, Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN,
                    new Route(Destination.INSIDE_SALES, "team-" + i, null, null, Instant.ofEpochSecond(1_700_000_000L + i)),
                    List.of(), List.of(), FINGERPRINT));
        }
        assertEachThenAllLaidOutAsText(rows, decisions, ',', ';', '\t', '|', ' ', '-', 'E');
    }

    /**
     * Every row rendered as a chunk of its own, then all the rows in one chunk, with one sink (so
     * the second pass copies what the first kept), give the text layout twice, for each delimiter,
     * formulas escaped or not.
     */
    private static void assertEachThenAllLaidOutAsText(List<InputRow> rows, List<Qualification> decisions,
                                                       char... delimiters) throws IOException {
        for (char delimiter : delimiters) {
            for (boolean escape : new boolean[] {true, false}) {
                assertThat(new String(renderEach(rows, decisions, delimiter, escape), StandardCharsets.UTF_8))
                        .as("delimiter %s, formulas escaped %s", delimiter == '\t' ? "tab" : delimiter, escape)
                        .isEqualTo(textLayout(rows, decisions, delimiter, escape).repeat(2));
            }
        }
    }

    @Test
    void aReasonWithASurrogateWithoutItsPairStopsTheRunAfterItsRuleWasKept() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionSink sink = DecisionSink.csv(out, StandardCharsets.UTF_8, false, ',', HEADER, true, "out.csv");
        List<InputRow> rows = List.of(new InputRow(2, List.of("L-1", "ok", "ok", "ok"), List.of(), null, null),
                new InputRow(3, List.of("L-2", "ok", "ok", "ok"), List.of(), null, null));
        List<Qualification> decisions = List.of(reasons(reason("URG-HOST", "fine")), reasons(reason("URG-HOST", "broken \uD83D here")));
        sink.render(rows.subList(0, 1), decisions.subList(0, 1));
        assertThatThrownBy(() -> sink.render(rows, decisions))
                .isInstanceOf(OutputEncodingException.class)
                .hasMessageContaining("line 3").hasMessageContaining("decision_reasons");
        // and a kept rule id whose later message ends in half a pair
        List<Qualification> ending = List.of(reasons(reason("URG-HOST", "fine")), reasons(reason("URG-HOST", "ends \uD83D")));
        assertThatThrownBy(() -> sink.render(rows, ending))
                .isInstanceOf(OutputEncodingException.class)
                .hasMessageContaining("line 3").hasMessageContaining("decision_reasons");
        // a team refused too; what was refused leaves nothing behind for the rows after it
        Qualification badTeam = new Qualification("L-2", Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN,
                new Route(Destination.INSIDE_SALES, "team \uDC00", null, null, null), List.of(), List.of(), FINGERPRINT);
        assertThatThrownBy(() -> sink.render(rows, List.of(decisions.get(0), badTeam)))
                .isInstanceOf(OutputEncodingException.class)
                .hasMessageContaining("line 3").hasMessageContaining("decision_team");
        List<Qualification> good = List.of(reasons(reason("URG-HOST", "fine"), reason("URG-OTHER", "also fine")),
                new Qualification("L-2", Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN,
                        new Route(Destination.INSIDE_SALES, "inside-sales", null, null, null), List.of(), List.of(), FINGERPRINT));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] b : sink.render(rows, good)) {
            joined.write(b);
        }
        assertThat(joined.toString(StandardCharsets.UTF_8)).isEqualTo(textLayout(rows, good, ',', true));
    }

    @Test
    void chunksRenderedOnSeveralThreadsAtOnceAreEachWrittenAsTheTextLayoutWritesThem() throws Exception {
        DecisionSink sink = DecisionSink.csv(new ByteArrayOutputStream(), StandardCharsets.UTF_8, false, ',', HEADER, true, "out.csv");
        List<List<InputRow>> chunks = new ArrayList<>();
        List<List<Qualification>> decided = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            List<InputRow> rows = new ArrayList<>();
            List<Qualification> decisions = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                rows.add(new InputRow(c * 200 + i + 2, List.of("L-" + i, "株式会社テスト" + c, "名前 " + i, "note"), List.of(), null, null));
                decisions.add(i % 5 == 4
                        ? reasons(reason("URG-" + c, "Reason " + (i % 7) + (c % 2 == 0 ? ", with a comma" : "")), reason("RTE-X", "routed"))
                        : decision(c + i));
            }
            chunks.add(rows);
            decided.add(decisions);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<byte[]>>> rendered = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                int chunk = c;
                rendered.add(pool.submit(() -> sink.render(chunks.get(chunk), decided.get(chunk))));
            }
            for (int c = 0; c < chunks.size(); c++) {
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                for (byte[] b : rendered.get(c).get()) {
                    joined.write(b);
                }
                assertThat(joined.toString(StandardCharsets.UTF_8)).as("chunk %d", c)
                        .isEqualTo(textLayout(chunks.get(c), decided.get(c), ',', true));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Qualification reasons(Reason... reasons) {
        return new Qualification("L-1", Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(reasons), List.of(), FINGERPRINT);
    }

    /** The rows as one UTF-8 sink writes them, without the header: each row rendered alone, then all of them at once. */
    private static byte[] renderEach(List<InputRow> rows, List<Qualification> decisions, char delimiter, boolean escape)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionSink sink = DecisionSink.csv(out, StandardCharsets.UTF_8, false, delimiter, HEADER, escape, "out.csv");
        int header = out.size();
        for (int i = 0; i < rows.size(); i++) {
            sink.write(sink.render(rows.subList(i, i + 1), decisions.subList(i, i + 1)));
        }
        sink.write(sink.render(rows, decisions));
        sink.close();
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOfRange(all, header, all.length);
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
