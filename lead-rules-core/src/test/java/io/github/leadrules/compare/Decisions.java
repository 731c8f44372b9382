package io.github.leadrules.compare;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-made decisions for arithmetic tests: no rules run, so every expected figure can be worked
 * out on paper from the fixture alone.
 */
final class Decisions {

    static final String FINGERPRINT = "f00dfeed";

    private Decisions() {
    }

    /** A qualified lead with this urgency and route; the listed rules fired for it. */
    static QualificationTrace qualified(String id, UrgencyLevel level, Destination destination, String team,
                                        String... fired) {
        Route route = new Route(destination, team, null, destination == Destination.NURTURE ? team : null, null);
        return new QualificationTrace(new Qualification(id, Outcome.QUALIFIED, List.of(),
                new Urgency(level, PurchaseTimeframe.UNKNOWN, 0, List.of()), route, reasons(fired), List.of(),
                FINGERPRINT), Arrays.asList(fired));
    }

    /** An excluded lead sent nowhere, excluded by the given EXC- rules (which fired with the others). */
    static QualificationTrace excluded(String id, List<String> exclusions, String... otherFired) {
        List<Reason> why = exclusions.stream().map(e -> new Reason(e, Stage.EXCLUSION, "excluded")).toList();
        List<String> fired = new ArrayList<>(exclusions);
        fired.addAll(Arrays.asList(otherFired));
        fired.add("RTE-EXCLUDED-NOWHERE");
        List<Reason> reasons = new ArrayList<>(why);
        reasons.add(new Reason("RTE-EXCLUDED-NOWHERE", Stage.ROUTING, "Excluded: not a sales lead"));
        return new QualificationTrace(new Qualification(id, Outcome.EXCLUDED, why, Urgency.UNKNOWN, Route.NONE,
                reasons, List.of(), FINGERPRINT), fired);
    }

    /** An invalid lead: no rule ran. */
    static QualificationTrace invalid(String id) {
        return new QualificationTrace(new Qualification(id, Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE,
                List.of(new Reason("VAL-EMAIL-SYNTAX", Stage.VALIDATION, "e-mail is not an address")), List.of(),
                FINGERPRINT), List.of());
    }

    /** A catalogue entry. */
    static RuleDescription rule(String id, Stage stage) {
        return new RuleDescription(id, stage, id, "", "test.drl", 1, 0);
    }

    private static List<Reason> reasons(String... fired) {
        List<Reason> out = new ArrayList<>();
        for (String id : fired) {
            Stage stage = id.startsWith("EXC-") ? Stage.EXCLUSION : id.startsWith("URG-") ? Stage.URGENCY : Stage.ROUTING;
            out.add(new Reason(id, stage, id));
        }
        return out;
    }
}
