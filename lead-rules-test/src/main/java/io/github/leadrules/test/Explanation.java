package io.github.leadrules.test;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes what happened to one lead, for assertion messages: the outcome, urgency and route, then
 * every rule that fired with its reason. Only lead ids and reasons appear: reasons are written
 * without personal data, and the lead's own fields are never shown.
 */
final class Explanation {

    private static final String INDENT = "    ";

    private Explanation() {
    }

    /** A printable lead id. */
    static String leadId(QualificationTrace trace) {
        String id = trace.qualification().leadId();
        return id == null ? "(lead without id)" : id;
    }

    /** Whether the rules ran for this lead at all. */
    static boolean reachedRules(QualificationTrace trace) {
        Outcome o = trace.qualification().outcome();
        return o == Outcome.QUALIFIED || o == Outcome.EXCLUDED;
    }

    /** The reason the rule gave for this lead, if its reason made it into the qualification. */
    static Optional<Reason> reasonOf(QualificationTrace trace, String ruleId) {
        return trace.qualification().reasons().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
    }

    /** The routing rule whose proposal won, if any. */
    static Optional<String> winningRoute(QualificationTrace trace) {
        return trace.qualification().reasons().stream().filter(r -> r.stage() == Stage.ROUTING)
                .map(Reason::ruleId).findFirst();
    }

    /** "QUALIFIED, urgency HIGH (score 65), route FIELD_SALES (team field-sales)". */
    static String headline(Qualification q) {
        StringBuilder sb = new StringBuilder(q.outcome().name());
        if (q.outcome() == Outcome.QUALIFIED || q.outcome() == Outcome.EXCLUDED) {
            Urgency u = q.urgency();
            sb.append(", urgency ").append(u.level()).append(" (score ").append(u.score());
            if (u.horizon() != null && u.horizon() != PurchaseTimeframe.UNKNOWN) {
                sb.append(", horizon ").append(u.horizon());
            }
            sb.append("), route ").append(route(q.route()));
        }
        return sb.toString();
    }

    /** "FIELD_SALES (team field-sales, track …)"; the owner is shown only as present. */
    static String route(Route route) {
        StringJoiner details = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (route.team() != null) {
            details.add("team " + route.team());
        }
        if (route.owner() != null) {
            details.add("an owner");
        }
        if (route.nurtureTrack() != null) {
            details.add("track " + route.nurtureTrack());
        }
        return route.destination() + details.toString();
    }

    /** The full account of one lead, indented, ending with a line break. */
    static String of(QualificationTrace trace) {
        Qualification q = trace.qualification();
        String id = leadId(trace);
        StringBuilder sb = new StringBuilder();
        switch (q.outcome()) {
            case INVALID -> {
                sb.append(INDENT).append("Lead ").append(id).append(" was INVALID and never reached the rules; field errors: ")
                        .append(q.fieldErrors()).append('\n');
                return sb.toString();
            }
            case ERROR -> {
                sb.append(INDENT).append("Lead ").append(id).append(" ended in ERROR; its rules did not complete: ")
                        .append(q.reasons()).append('\n');
                return sb.toString();
            }
            default -> sb.append(INDENT).append("Lead ").append(id).append(" was ").append(headline(q)).append(".\n");
        }
        Set<String> fired = new LinkedHashSet<>(trace.firedRuleIds());
        if (fired.isEmpty()) {
            sb.append(INDENT).append("No rule fired for ").append(id).append(".\n");
        } else {
            sb.append(INDENT).append("Rules that fired for ").append(id).append(", in firing order:\n");
            String winner = winningRoute(trace).orElse(null);
            for (String ruleId : fired) {
                sb.append(INDENT).append(INDENT).append(ruleId).append(": ");
                Optional<Reason> reason = reasonOf(trace, ruleId);
                if (reason.isPresent()) {
                    sb.append(reason.get().message());
                } else if (ruleId.startsWith("RTE-") && winner != null) {
                    sb.append("(route proposal lost to ").append(winner).append(')');
                } else {
                    sb.append("(no reason recorded)");
                }
                sb.append('\n');
            }
        }
        List<Reason> others = new ArrayList<>();
        for (Reason r : q.reasons()) {
            if (!fired.contains(r.ruleId())) {
                others.add(r);
            }
        }
        if (!others.isEmpty()) {
            sb.append(INDENT).append("Other reasons:\n");
            for (Reason r : others) {
                sb.append(INDENT).append(INDENT).append(r.ruleId()).append(": ").append(r.message()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Escapes a finished message for AssertJ, which formats messages with String.format. */
    static String literal(String message) {
        return message.replace("%", "%%");
    }
}
