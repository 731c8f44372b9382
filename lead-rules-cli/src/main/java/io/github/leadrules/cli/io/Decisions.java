package io.github.leadrules.cli.io;

import io.github.leadrules.json.QualificationField;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The decision columns appended to every output row. Column names are those of the JSON form
 * ({@link QualificationField}) after {@code decision_}, so that they do not collide with an export's own columns.
 */
public final class Decisions {

    /** The decision columns, in output order: {@code decision_} and the key of the JSON form. */
    public static final List<String> COLUMNS = Stream.of(QualificationField.OUTCOME, QualificationField.EXCLUSIONS,
            QualificationField.URGENCY, QualificationField.HORIZON, QualificationField.URGENCY_SCORE,
            QualificationField.ROUTE, QualificationField.TEAM, QualificationField.OWNER, QualificationField.NURTURE_TRACK,
            QualificationField.SLA_DEADLINE, QualificationField.REASONS, QualificationField.ERRORS,
            QualificationField.FINGERPRINT).map(f -> "decision_" + f.key()).toList();

    private Decisions() {
    }

    /** The decision cells for one row, aligned to {@link #COLUMNS}. */
    public static List<String> cells(long line, Qualification q, String note) {
        String[] cells = new String[COLUMNS.size()];
        fill(cells, line, q, note);
        return new ArrayList<>(Arrays.asList(cells));
    }

    /** Puts the decision cells for one row into {@code cells} (at least {@link #COLUMNS}' size), aligned to {@link #COLUMNS}. */
    static void fill(String[] cells, long line, Qualification q, String note) {
        fill(cells, line, q, note, true);
    }

    /** {@link #fill(String[], long, Qualification, String)}; without {@code reasons} the reasons' cell is left null. */
    static void fill(String[] cells, long line, Qualification q, String note, boolean reasons) {
        Route r = q.route();
        cells[0] = q.outcome().name();
        cells[1] = exclusionIds(q.exclusions());
        cells[2] = q.urgency().level().name();
        cells[3] = q.urgency().horizon().name();
        cells[4] = Integer.toString(q.urgency().score());
        cells[5] = r.destination().name();
        cells[6] = nz(r.team());
        cells[7] = nz(r.owner());
        cells[8] = nz(r.nurtureTrack());
        cells[9] = r.slaDeadline() == null ? "" : instant(r.slaDeadline());
        cells[10] = reasons ? reasons(q.reasons()) : null;
        cells[11] = errors(line, q.fieldErrors(), note);
        cells[12] = q.fingerprint();
    }

    /** The last second of 9999-12-31, UTC. */
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    /**
     * {@link Instant#toString()}, without its formatter for the usual deadline: a whole second
     * between 1970 and 9999, {@code 2026-11-28T09:30:00Z}. Others are left to {@code toString}.
     */
    static String instant(Instant t) {
        long s = t.getEpochSecond();
        if (t.getNano() != 0 || s < 0 || s > LAST_FOUR_DIGIT_SECOND) {
            return t.toString();
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
        char[] c = new char[20];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        c[19] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The ids of the exclusion rules that fired, each once, in order, joined by ";" ({@link Qualification#exclusionIds()}). */
    static String exclusionIds(List<Reason> exclusions) {
        if (exclusions.isEmpty()) {
            return "";
        }
        if (exclusions.size() == 1) {
            return exclusions.get(0).ruleId();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < exclusions.size(); i++) {
            String id = exclusions.get(i).ruleId();
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = exclusions.get(j).ruleId().equals(id);
            }
            if (!seen) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(id);
            }
        }
        return sb.toString();
    }

    /** The index of the reasons' cell in {@link #COLUMNS}. */
    static final int REASONS = 10;

    /** "RULE-ID: message | RULE-ID: message", each reason as {@link Reason#toString()} writes it. */
    static String reasons(List<Reason> reasons) {
        if (reasons.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(reasons.size() * 64);
        for (Reason r : reasons) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(r.ruleId()).append(": ").append(r.message());
        }
        return sb.toString();
    }

    /** "line 17: NumberOfEmployees NOT_A_NUMBER; Email MALFORMED (note)", or "" without errors. */
    public static String errors(long line, List<FieldError> errors, String note) {
        if (errors.isEmpty()) {
            return "";
        }
        return "line " + line + ": " + errors.stream().map(e -> e.field() + " " + e.code()).collect(Collectors.joining("; "))
                + (note == null ? "" : " (" + note + ")");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
