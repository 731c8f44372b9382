package io.github.leadrules.internal;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the rules decide for one lead. Rule consequences call it through
 * {@code LeadContext} and {@code Assessment}; the rule credited is the one whose action the
 * session's {@link StageHolder} says is running (the pipeline's firing guard keeps it there), so
 * DRL never passes {@code kcontext}. Conditions never read the recorder, so it can stay mutable
 * without Drools having to re-evaluate anything. One recorder belongs to one session run, and a
 * session runs on one thread, so it needs no locking.
 */
public final class DecisionRecorder {

    /** One urgency contribution. */
    public record UrgencyPoints(String ruleId, int points, PurchaseTimeframe horizon) {
    }

    /** One urgency cap. */
    public record UrgencyCap(String ruleId, UrgencyLevel level) {
    }

    /** One proposed route; the highest salience wins, ties go to the smaller rule id. */
    public record RouteProposal(String ruleId, int salience, Destination destination, String team,
                                String owner, String nurtureTrack, Reason reason) {
    }

    private final StageHolder stage;
    // Empty (immutable) until a rule records into them: most leads trip a few rules only.
    private List<Reason> exclusions = List.of();
    private List<Reason> urgencyReasons = List.of();
    private List<UrgencyPoints> points = List.of();
    private List<UrgencyCap> caps = List.of();
    private List<RouteProposal> routes = List.of();

    public DecisionRecorder(StageHolder stage) {
        this.stage = stage;
    }

    /** Records an exclusion; only exclusion rules may exclude. */
    public void exclude(String message) {
        Rule rule = requireStage(Stage.EXCLUSION, "exclude");
        exclusions = growing(exclusions);
        exclusions.add(new Reason(ruleId(rule), Stage.EXCLUSION, message(rule, message)));
    }

    /** Records urgency points, optionally with a purchase horizon; only urgency rules may. */
    public void addUrgency(int amount, PurchaseTimeframe horizon, String message) {
        Rule rule = requireStage(Stage.URGENCY, "addUrgency");
        String id = ruleId(rule);
        points = growing(points);
        points.add(new UrgencyPoints(id, amount, horizon));
        addUrgencyReason(new Reason(id, Stage.URGENCY, message(rule, message)));
    }

    /** Caps the urgency level; only urgency rules may. */
    public void capUrgency(UrgencyLevel level, String message) {
        Rule rule = requireStage(Stage.URGENCY, "capUrgency");
        String id = ruleId(rule);
        if (level == null) {
            throw new RuleMisuseException("rule " + id + ": capUrgency needs a level");
        }
        caps = growing(caps);
        caps.add(new UrgencyCap(id, level));
        addUrgencyReason(new Reason(id, Stage.URGENCY, message(rule, message)));
    }

    /** Proposes a route; only routing rules may. */
    public void route(Destination destination, String team, String owner, String nurtureTrack, String message) {
        Rule rule = requireStage(Stage.ROUTING, "route");
        String id = ruleId(rule);
        if (destination == null) {
            throw new RuleMisuseException("rule " + id + ": a route needs a destination");
        }
        routes = growing(routes);
        routes.add(new RouteProposal(id, salience(rule), destination, team, owner, nurtureTrack,
                new Reason(id, Stage.ROUTING, message(rule, message))));
    }

    /** One reason per rule: a rule that adds points and caps explains itself once. */
    private void addUrgencyReason(Reason reason) {
        for (Reason r : urgencyReasons) {
            if (r.ruleId().equals(reason.ruleId())) {
                return;
            }
        }
        urgencyReasons = growing(urgencyReasons);
        urgencyReasons.add(reason);
    }

    /** The list itself once it is an array list, else a new one. */
    private static <T> List<T> growing(List<T> list) {
        return list instanceof ArrayList<T> ? list : new ArrayList<>(4);
    }

    public List<Reason> exclusions() {
        return exclusions;
    }

    public List<Reason> urgencyReasons() {
        return urgencyReasons;
    }

    public List<UrgencyPoints> urgencyPoints() {
        return points;
    }

    public List<UrgencyCap> urgencyCaps() {
        return caps;
    }

    public List<RouteProposal> routeProposals() {
        return routes;
    }

    /** The rule whose action is running, which must belong to the expected stage. */
    private Rule requireStage(Stage expected, String action) {
        Rule rule = stage.firing();
        if (rule == null) {
            throw new RuleMisuseException(action + " was called outside a rule's action (from a condition,"
                    + " a function a condition calls, or host code); record decisions only in a rule's then part");
        }
        if (stage.current() != expected) {
            throw new RuleMisuseException("rule '" + rule.getName() + "' (" + ruleId(rule) + ") called " + action
                    + " during the " + stage.current().agendaGroup() + " stage; only "
                    + expected.agendaGroup() + " rules may");
        }
        return rule;
    }

    private static String message(Rule rule, String message) {
        return message == null || message.isBlank() ? rule.getName() : message;
    }

    /** The stable id of a rule: its {@code @id} metadata. */
    public static String ruleId(Rule rule) {
        // RuleImpl answers one key without wrapping its whole map in an unmodifiable view
        Object id = rule instanceof RuleImpl impl ? impl.getMetaData("id") : rule.getMetaData().get("id");
        return id == null ? rule.getName() : id.toString();
    }

    static int salience(Rule rule) {
        return rule instanceof RuleImpl impl && impl.getSalience() != null && !impl.getSalience().isDynamic()
                ? impl.getSalienceValue() : 0;
    }
}
