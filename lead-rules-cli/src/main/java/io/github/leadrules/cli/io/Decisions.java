package io.github.leadrules.cli.io;

import io.github.leadrules.json.QualificationField;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;

import java.util.ArrayList;
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
        Route r = q.route();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(q.outcome().name());
        cells.add(String.join(";", q.exclusionIds()));
        cells.add(q.urgency().level().name());
        cells.add(q.urgency().horizon().name());
        cells.add(Integer.toString(q.urgency().score()));
        cells.add(r.destination().name());
        cells.add(nz(r.team()));
        cells.add(nz(r.owner()));
        cells.add(nz(r.nurtureTrack()));
        cells.add(r.slaDeadline() == null ? "" : r.slaDeadline().toString());
        cells.add(reasons(q.reasons()));
        cells.add(errors(line, q.fieldErrors(), note));
        cells.add(q.fingerprint());
        return cells;
    }

    /** "RULE-ID: message | RULE-ID: message", each reason as {@link Reason#toString()} writes it. */
    private static String reasons(List<Reason> reasons) {
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
