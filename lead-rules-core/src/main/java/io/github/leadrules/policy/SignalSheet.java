package io.github.leadrules.policy;

import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.Condition.Operator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A signals sheet: the policy's signals as a CSV file that marketing ops keep in a spreadsheet, one
 * row per condition. The policy file names it ({@code signalsSheet: signals.csv}, relative to the
 * policy file); {@link #read(Path, Map)} reads one on its own. The columns (header row required,
 * any order, names ignoring case):
 *
 * <pre>
 * id,stage,name,field,operator,value,points,cap,reason
 * ACME-REFERENCE,urgency,,source,equals,Reference,30,,Came by reference
 * ACME-LONG-VISIT,urgency,,time_on_site,atLeast,900,20,,Stayed 15 minutes
 * ACME-IMPORTED,exclusion,,source,in,List Import|Purchased List,,,Imported lists are not leads
 * ACME-DEMO-LONG,urgency,,inquiryType,equals,demo,25,,Asked for a demo and stayed
 * ACME-DEMO-LONG,,,time_on_site,atLeast,600,,,
 * </pre>
 *
 * <p>{@code id}, {@code field} and {@code operator} are required on every row; a signal with several
 * conditions takes one row per condition under the same id, its {@code stage}, {@code name},
 * {@code points}, {@code cap} and {@code reason} on the first row (repeated values must agree). A
 * list ({@code in}, {@code notIn}, {@code containsAny}, {@code between}) separates its values with
 * {@code |}; {@code missing} and {@code present} take no value (or {@code true}). Blank rows and
 * rows whose first cell starts with {@code #} are skipped. Every problem names the sheet, line and
 * column: {@code signals.csv:4:5 operator: unknown operator 'atleest' (did you mean atLeast?)}.
 */
public final class SignalSheet {

    /** The columns a sheet may have, in documentation order. */
    public static final List<String> COLUMNS = List.of("id", "stage", "name", "field", "operator", "value", "points", "cap", "reason");

    /** The largest sheet read, in characters. */
    static final int MAX_CHARS = PolicyFile.MAX_FILE_CHARS;

    private final String file;
    private final List<PolicyFileException.Problem> problems = new ArrayList<>();

    private SignalSheet(String file) {
        this.file = file;
    }

    /**
     * Reads a signals sheet and checks its fields against the declared ones.
     *
     * @param sheet  the CSV file (UTF-8)
     * @param fields the policy's declared fields ({@link LeadPolicy#fields()}); standard fields are always known
     * @return the signals, in the order their ids first appear
     * @throws PolicyFileException listing every problem as {@code sheet:line:column column: message}
     */
    public static List<Signal> read(Path sheet, Map<String, FieldType> fields) {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(fields, "fields");
        try (Reader reader = Files.newBufferedReader(sheet, StandardCharsets.UTF_8)) {
            return read(reader, sheet.toString(), fields);
        } catch (IOException e) {
            throw new PolicyFileException(List.of(new PolicyFileException.Problem(sheet.toString(), 0, 0, null,
                    "cannot read the signals sheet: " + e.getClass().getSimpleName()
                            + (e instanceof CharacterCodingException ? " (the sheet must be UTF-8)" : ""))));
        }
    }

    /**
     * Reads a signals sheet from a reader; {@code name} is what problems show. See {@link #read(Path, Map)}.
     *
     * @param reader the CSV text
     * @param name   the name problems show
     * @param fields the policy's declared fields
     * @return the signals
     */
    public static List<Signal> read(Reader reader, String name, Map<String, FieldType> fields) {
        SignalSheet sheet = new SignalSheet(name);
        List<Located> located = sheet.parse(reader);
        if (located != null) {
            for (Located l : located) {
                sheet.problems.addAll(l.check(fields));
            }
            String duplicate = SignalChecks.duplicates(located.stream().map(Located::signal).toList());
            if (duplicate != null && sheet.problems.isEmpty()) {
                sheet.problems.add(new PolicyFileException.Problem(name, 0, 0, "name", duplicate));
            }
        }
        if (!sheet.problems.isEmpty()) {
            List<PolicyFileException.Problem> sorted = new ArrayList<>(sheet.problems);
            sorted.sort(java.util.Comparator.comparingInt(PolicyFileException.Problem::line)
                    .thenComparingInt(PolicyFileException.Problem::column));
            throw new PolicyFileException(sorted);
        }
        return located.stream().map(Located::signal).toList();
    }

    /** Parses without the field checks, for the policy file (which checks once every key is read). */
    static List<Located> parse(Reader reader, String name, List<PolicyFileException.Problem> problems) {
        SignalSheet sheet = new SignalSheet(name);
        List<Located> out = sheet.parse(reader);
        problems.addAll(sheet.problems);
        return out == null ? List.of() : out;
    }

    /** One signal of the sheet with the cells of its conditions, to place field problems. */
    record Located(Signal signal, String file, int idLine, int idColumn, List<int[]> fieldCells, List<int[]> valueCells) {
        List<PolicyFileException.Problem> check(Map<String, FieldType> fields) {
            List<PolicyFileException.Problem> out = new ArrayList<>();
            for (SignalChecks.Issue issue : SignalChecks.check(signal, fields)) {
                int[] at = (issue.atValue() ? valueCells : fieldCells).get(issue.condition());
                out.add(new PolicyFileException.Problem(file, at[0], at[1], issue.atValue() ? "value" : "field",
                        signal.id() + ": " + issue.message()));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ parsing

    private record Cell(String text, int line, int column) {
    }

    private List<Located> parse(Reader reader) {
        List<List<Cell>> rows = rows(reader);
        if (rows == null) {
            return null;
        }
        if (rows.isEmpty()) {
            problems.add(new PolicyFileException.Problem(file, 0, 0, null, "the sheet is empty; it needs a header row: "
                    + String.join(",", COLUMNS)));
            return null;
        }
        List<Cell> header = rows.get(0);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Cell c = header.get(i);
            String name = c.text().strip();
            String known = null;
            for (String k : COLUMNS) {
                if (k.equalsIgnoreCase(name)) {
                    known = k;
                }
            }
            if (known == null) {
                if (!name.isEmpty()) {
                    problems.add(problem(c, null, "unknown column " + PolicyFileException.quote(name) + " (the columns are "
                            + String.join(", ", COLUMNS) + ")" + SignalChecks.suggestion(name, COLUMNS)));
                }
                continue;
            }
            if (columns.putIfAbsent(known, i) != null) {
                problems.add(problem(c, known, "duplicate column"));
            }
        }
        for (String required : List.of("id", "field", "operator")) {
            if (!columns.containsKey(required)) {
                problems.add(new PolicyFileException.Problem(file, header.isEmpty() ? 1 : header.get(0).line(), 1, null,
                        "the header has no " + required + " column (the columns are " + String.join(", ", COLUMNS) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        // Rows grouped by id, in the order ids first appear.
        Map<String, List<List<Cell>>> byId = new LinkedHashMap<>();
        for (List<Cell> row : rows.subList(1, rows.size())) {
            if (row.stream().allMatch(c -> c.text().isBlank()) || row.get(0).text().stripLeading().startsWith("#")) {
                continue;
            }
            Cell id = cell(row, columns, "id");
            if (id.text().isBlank()) {
                problems.add(problem(id, "id", "every row needs the id of its signal"));
                continue;
            }
            byId.computeIfAbsent(id.text().strip(), k -> new ArrayList<>()).add(row);
        }
        List<Located> out = new ArrayList<>();
        for (Map.Entry<String, List<List<Cell>>> e : byId.entrySet()) {
            Located l = signal(e.getKey(), e.getValue(), columns);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    private Located signal(String id, List<List<Cell>> rows, Map<String, Integer> columns) {
        Map<String, Cell> shared = new LinkedHashMap<>();
        boolean ok = true;
        for (String key : List.of("stage", "name", "points", "cap", "reason")) {
            for (List<Cell> row : rows) {
                Cell c = cell(row, columns, key);
                if (c.text().isBlank()) {
                    continue;
                }
                Cell first = shared.putIfAbsent(key, c);
                if (first != null && !first.text().strip().equals(c.text().strip())) {
                    problems.add(problem(c, key, id + ": differs from line " + first.line()
                            + " of the same signal (write it once, on the signal's first row)"));
                    ok = false;
                }
            }
        }
        Stage stage = Stage.URGENCY;
        Cell stageCell = shared.get("stage");
        if (stageCell != null) {
            String s = stageCell.text().strip().toLowerCase(Locale.ROOT);
            if (s.equals("exclusion")) {
                stage = Stage.EXCLUSION;
            } else if (!s.equals("urgency")) {
                problems.add(problem(stageCell, "stage", "expected urgency or exclusion, got " + PolicyFileException.quote(stageCell.text())));
                ok = false;
            }
        }
        Signal.Builder b = stage == Stage.EXCLUSION ? Signal.exclusion(id) : Signal.urgency(id);
        Cell pointsCell = shared.get("points");
        if (pointsCell != null) {
            Integer points = whole(pointsCell);
            if (points == null) {
                ok = false;
            } else {
                b.points(points);
            }
        }
        Cell capCell = shared.get("cap");
        if (capCell != null) {
            UrgencyLevel cap = PolicyFile.capLevel(capCell.text());
            if (cap == null) {
                problems.add(problem(capCell, "cap", "expected high, medium or low, got " + PolicyFileException.quote(capCell.text())));
                ok = false;
            } else {
                b.cap(cap);
            }
        }
        if (shared.containsKey("name")) {
            b.name(shared.get("name").text());
        }
        if (shared.containsKey("reason")) {
            b.reason(shared.get("reason").text());
        }
        List<int[]> fieldCells = new ArrayList<>();
        List<int[]> valueCells = new ArrayList<>();
        for (List<Cell> row : rows) {
            Condition c = condition(id, row, columns);
            if (c == null) {
                ok = false;
                continue;
            }
            b.when(c);
            Cell f = cell(row, columns, "field");
            Cell v = columns.containsKey("value") ? cell(row, columns, "value") : cell(row, columns, "operator");
            fieldCells.add(new int[] {f.line(), f.column()});
            valueCells.add(new int[] {v.line(), v.column()});
        }
        if (!ok) {
            return null;
        }
        Cell idCell = cell(rows.get(0), columns, "id");
        try {
            return new Located(b.build(), file, idCell.line(), idCell.column(), fieldCells, valueCells);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String key = colon > 0 ? message.substring(0, colon) : "id";
            Cell at = switch (key) {
                case "points", "cap", "reason", "name", "stage" -> shared.getOrDefault(key, idCell);
                default -> idCell;
            };
            String column = COLUMNS.contains(key) ? key : key.equals("when") ? "field" : "id";
            problems.add(problem(at, column, (key.equals("id") ? "" : id + ": ") + (colon > 0 ? message.substring(colon + 2) : message)));
            return null;
        }
    }

    private Condition condition(String id, List<Cell> row, Map<String, Integer> columns) {
        Cell field = cell(row, columns, "field");
        Cell operator = cell(row, columns, "operator");
        Cell value = columns.containsKey("value") ? cell(row, columns, "value") : new Cell("", operator.line(), operator.column());
        if (field.text().isBlank()) {
            problems.add(problem(field, "field", id + ": every row needs the field its condition reads"));
            return null;
        }
        Operator op = Operator.ofFileName(operator.text());
        if (op == null) {
            List<String> names = Arrays.stream(Operator.values()).map(Operator::fileName).toList();
            problems.add(problem(operator, "operator", id + ": unknown operator " + PolicyFileException.quote(operator.text())
                    + SignalChecks.suggestion(operator.text().strip(), names) + " (one of " + String.join(", ", names) + ")"));
            return null;
        }
        String raw = value.text();
        List<String> values;
        switch (op) {
            case MISSING, PRESENT -> {
                if (!raw.isBlank() && !raw.strip().equalsIgnoreCase("true")) {
                    problems.add(problem(value, "value", id + ": " + op.fileName() + " takes no value (or true)"));
                    return null;
                }
                values = List.of();
            }
            case IN, NOT_IN, CONTAINS_ANY, BETWEEN -> values = Arrays.stream(raw.split("\\|", -1)).map(String::strip).toList();
            default -> values = List.of(raw.strip());
        }
        try {
            return new Condition(field.text().strip(), op, values);
        } catch (IllegalArgumentException e) {
            problems.add(problem(value, "value", id + ": " + e.getMessage()
                    + (op == Operator.BETWEEN ? " (write low|high)" : "")));
            return null;
        }
    }

    private Integer whole(Cell c) {
        String s = c.text().strip();
        try {
            return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            problems.add(problem(c, "points", "expected a whole number, got " + PolicyFileException.quote(c.text())));
            return null;
        }
    }

    private static Cell cell(List<Cell> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return new Cell("", row.isEmpty() ? 0 : row.get(0).line(), 0);
        }
        if (i < row.size()) {
            return row.get(i);
        }
        Cell last = row.get(row.size() - 1);
        return new Cell("", last.line(), last.column() + last.text().length() + 1);
    }

    private PolicyFileException.Problem problem(Cell c, String column, String message) {
        return new PolicyFileException.Problem(file, c.line(), c.column(), column, message);
    }

    /**
     * RFC 4180 rows with each cell's line and column (1-based, in characters): quoted cells may hold
     * commas, doubled quotes and line breaks. Null after a problem.
     */
    private List<List<Cell>> rows(Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                if (text.length() + n > MAX_CHARS) {
                    problems.add(new PolicyFileException.Problem(file, 0, 0, null, "the sheet is longer than " + MAX_CHARS + " characters"));
                    return null;
                }
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            problems.add(new PolicyFileException.Problem(file, 0, 0, null, "cannot read the signals sheet: "
                    + e.getClass().getSimpleName() + (e instanceof CharacterCodingException ? " (the sheet must be UTF-8)" : "")));
            return null;
        }
        int start = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int column = 1;
        int cellLine = 1;
        int cellColumn = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int quoteLine = 0;
        int quoteColumn = 0;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                        column += 2;
                        continue;
                    }
                    quoted = false;
                    column++;
                    continue;
                }
                cell.append(ch);
                if (ch == '\n' || (ch == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                continue;
            }
            if (ch == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
                quoteColumn = column;
                column++;
                continue;
            }
            if (ch == ',') {
                row.add(new Cell(cell.toString(), cellLine, cellColumn));
                cell.setLength(0);
                wasQuoted = false;
                column++;
                cellLine = line;
                cellColumn = column;
                continue;
            }
            if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(new Cell(cell.toString(), cellLine, cellColumn));
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                column = 1;
                cellLine = line;
                cellColumn = 1;
                continue;
            }
            cell.append(ch);
            column++;
        }
        if (quoted) {
            problems.add(new PolicyFileException.Problem(file, quoteLine, quoteColumn, null,
                    "a quoted cell is never closed (a \" without its closing \")"));
            return null;
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(new Cell(cell.toString(), cellLine, cellColumn));
            rows.add(row);
        }
        return rows;
    }
}
