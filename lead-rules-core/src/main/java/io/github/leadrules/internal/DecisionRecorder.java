package io.github.leadrules.internal;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the rules decide for one lead. Rule consequences call it through
 * {@code LeadContext} and {@code Assessment}; conditions never read it, so it can stay mutable
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
    private final List<Reason> exclusions = new ArrayList<>(2);
    private final List<Reason> urgencyReasons = new ArrayList<>(4);
    private final List<UrgencyPoints> points = new ArrayList<>(4);
    private final List<UrgencyCap> caps = new ArrayList<>(1);
    private final List<RouteProposal> routes = new ArrayList<>(2);

    public DecisionRecorder(StageHolder stage) {
        this.stage = stage;
    }

    /** Records an exclusion; only exclusion rules may exclude. */
    public void exclude(RuleContext rule, String message) {
        String id = requireStage(rule, Stage.EXCLUSION, "exclude");
        exclusions.add(new Reason(id, Stage.EXCLUSION, message(rule, message)));
    }

    /** Records urgency points, optionally with a purchase horizon; only urgency rules may. */
    public void addUrgency(RuleContext rule, int amount, PurchaseTimeframe horizon, String message) {
        String id = requireStage(rule, Stage.URGENCY, "addUrgency");
        points.add(new UrgencyPoints(id, amount, horizon));
        addUrgencyReason(new Reason(id, Stage.URGENCY, message(rule, message)));
    }

    /** Caps the urgency level; only urgency rules may. */
    public void capUrgency(RuleContext rule, UrgencyLevel level, String message) {
        String id = requireStage(rule, Stage.URGENCY, "capUrgency");
        if (level == null) {
            throw new RuleMisuseException("rule " + id + ": capUrgency needs a level");
        }
        caps.add(new UrgencyCap(id, level));
        addUrgencyReason(new Reason(id, Stage.URGENCY, message(rule, message)));
    }

    /** Proposes a route; only routing rules may. */
    public void route(RuleContext rule, Destination destination, String team, String owner,
                      String nurtureTrack, String message) {
        String id = requireStage(rule, Stage.ROUTING, "route");
        if (destination == null) {
            throw new RuleMisuseException("rule " + id + ": a route needs a destination");
        }
        routes.add(new RouteProposal(id, salience(rule.getRule()), destination, team, owner, nurtureTrack,
                new Reason(id, Stage.ROUTING, message(rule, message))));
    }

    /** One reason per rule: a rule that adds points and caps explains itself once. */
    private void addUrgencyReason(Reason reason) {
        for (Reason r : urgencyReasons) {
            if (r.ruleId().equals(reason.ruleId())) {
                return;
            }
        }
        urgencyReasons.add(reason);
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

    private String requireStage(RuleContext rule, Stage expected, String action) {
        String id = ruleId(rule.getRule());
        if (stage.current() != expected) {
            throw new RuleMisuseException("rule '" + rule.getRule().getName() + "' (" + id + ") called " + action
                    + " during the " + stage.current().agendaGroup() + " stage; only "
                    + expected.agendaGroup() + " rules may");
        }
        return id;
    }

    private static String message(RuleContext rule, String message) {
        return message == null || message.isBlank() ? rule.getRule().getName() : message;
    }

    /** The stable id of a rule: its {@code @id} metadata. */
    public static String ruleId(Rule rule) {
        Object id = rule.getMetaData().get("id");
        return id == null ? rule.getName() : id.toString();
    }

    static int salience(Rule rule) {
        return rule instanceof RuleImpl impl && impl.getSalience() != null && !impl.getSalience().isDynamic()
                ? impl.getSalienceValue() : 0;
    }
}
