package io.github.leadrules.cli.io;

import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decision columns appended to every output row, and their JSON form. Column names start with
 * {@code decision_} so that they do not collide with an export's own columns.
 */
public final class Decisions {

    /** The decision columns, in output order. */
    public static final List<String> COLUMNS = List.of(
            "decision_outcome", "decision_exclusions", "decision_urgency", "decision_horizon",
            "decision_urgency_score", "decision_route", "decision_team", "decision_owner",
            "decision_nurture_track", "decision_sla_deadline", "decision_reasons", "decision_errors",
            "decision_fingerprint");

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
        cells.add(q.reasons().stream().map(Reason::toString).collect(Collectors.joining(" | ")));
        cells.add(errors(line, q.fieldErrors(), note));
        cells.add(q.fingerprint());
        return cells;
    }

    /** "line 17: NumberOfEmployees NOT_A_NUMBER; Email MALFORMED (note)", or "" without errors. */
    public static String errors(long line, List<FieldError> errors, String note) {
        if (errors.isEmpty()) {
            return "";
        }
        return "line " + line + ": " + errors.stream().map(e -> e.field() + " " + e.code()).collect(Collectors.joining("; "))
                + (note == null ? "" : " (" + note + ")");
    }

    /** The decision as a JSON-ready map. */
    public static Map<String, Object> json(long line, Qualification q, String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        Route r = q.route();
        d.put("line", line);
        d.put("lead_id", q.leadId());
        d.put("outcome", q.outcome().name());
        d.put("exclusions", new ArrayList<>(q.exclusionIds()));
        d.put("urgency", q.urgency().level().name());
        d.put("horizon", q.urgency().horizon().name());
        d.put("urgency_score", q.urgency().score());
        d.put("urgency_signals", q.urgency().signals());
        d.put("route", r.destination().name());
        d.put("team", r.team());
        d.put("owner", r.owner());
        d.put("nurture_track", r.nurtureTrack());
        d.put("sla_deadline", r.slaDeadline() == null ? null : r.slaDeadline().toString());
        List<Object> reasons = new ArrayList<>();
        for (Reason reason : q.reasons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", reason.ruleId());
            m.put("stage", reason.stage().name());
            m.put("message", reason.message());
            reasons.add(m);
        }
        d.put("reasons", reasons);
        List<Object> errors = new ArrayList<>();
        for (FieldError e : q.fieldErrors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", e.field());
            m.put("code", e.code());
            errors.add(m);
        }
        d.put("errors", errors);
        if (note != null) {
            d.put("note", note);
        }
        d.put("fingerprint", q.fingerprint());
        return d;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
