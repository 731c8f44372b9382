package io.github.leadrules.compare;

import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One lead the two rule sets decide differently: both decisions and the rules that made the
 * difference. Only the decision counts as a change — outcome, exclusion reasons, urgency level and
 * route (destination, team, owner, nurture track); a different urgency score or SLA deadline alone
 * does not.
 *
 * @param position               the lead's 0-based position in the input
 * @param leadId                 the lead's id (null only for an invalid lead without one)
 * @param base                   the decision under the base rules
 * @param candidate              the decision under the candidate rules
 * @param aspects                what changed, never empty
 * @param firedOnlyUnderBase     rules that fired for this lead only under the base rules, in firing order
 * @param firedOnlyUnderCandidate rules that fired for this lead only under the candidate rules, in firing order
 */
public record LeadChange(int position, String leadId, Qualification base, Qualification candidate,
                         Set<Aspect> aspects, List<String> firedOnlyUnderBase, List<String> firedOnlyUnderCandidate) {

    /** What part of the decision changed. */
    public enum Aspect {
        /** QUALIFIED, EXCLUDED, INVALID or ERROR. */
        OUTCOME,
        /** The set of exclusion rules that excluded the lead. */
        EXCLUSIONS,
        /** The urgency level. */
        URGENCY,
        /** The destination, team, owner or nurture track. */
        ROUTE
    }

    /**
     * Requires both decisions and at least one changed aspect; copies the sets and lists.
     *
     * @param position the lead's 0-based position in the input
     * @param leadId the lead's id (null only for an invalid lead without one)
     * @param base the decision under the base rules
     * @param candidate the decision under the candidate rules
     * @param aspects what changed, never empty
     * @param firedOnlyUnderBase rules that fired for this lead only under the base rules, in firing order
     * @param firedOnlyUnderCandidate rules that fired for this lead only under the candidate rules, in firing order
     */
    public LeadChange {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(candidate, "candidate");
        if (aspects.isEmpty()) {
            throw new IllegalArgumentException("aspects: a change needs at least one changed aspect (lead at position "
                    + position + ")");
        }
        aspects = Collections.unmodifiableSet(EnumSet.copyOf(aspects));
        firedOnlyUnderBase = List.copyOf(firedOnlyUnderBase);
        firedOnlyUnderCandidate = List.copyOf(firedOnlyUnderCandidate);
    }

    /**
     * What differs between two decisions for the same lead; empty when they agree.
     *
     * @param base the decision under the base rules
     * @param candidate the decision under the candidate rules
     * @return the aspects that differ, possibly none
     */
    public static Set<Aspect> aspectsBetween(Qualification base, Qualification candidate) {
        Set<Aspect> changed = EnumSet.noneOf(Aspect.class);
        if (base.outcome() != candidate.outcome()) {
            changed.add(Aspect.OUTCOME);
        }
        if (!base.exclusionIds().equals(candidate.exclusionIds())) {
            changed.add(Aspect.EXCLUSIONS);
        }
        if (base.urgency().level() != candidate.urgency().level()) {
            changed.add(Aspect.URGENCY);
        }
        if (!sameRoute(base.route(), candidate.route())) {
            changed.add(Aspect.ROUTE);
        }
        return changed;
    }

    /**
     * One line for people, e.g. {@code "outcome EXCLUDED -> QUALIFIED; urgency LOW -> HIGH;
     * route NONE -> FIELD_SALES field-sales-jp-enterprise"}. Names no person: a change of account
     * owner reads "owner changed".
     *
     * @return the summary line
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (aspects.contains(Aspect.OUTCOME)) {
            parts.add("outcome " + base.outcome() + " -> " + candidate.outcome());
        }
        if (aspects.contains(Aspect.EXCLUSIONS)) {
            parts.add("exclusions " + exclusionLabel(base) + " -> " + exclusionLabel(candidate));
        }
        if (aspects.contains(Aspect.URGENCY)) {
            parts.add("urgency " + base.urgency().level() + " -> " + candidate.urgency().level());
        }
        if (aspects.contains(Aspect.ROUTE)) {
            String before = routeLabel(base.route());
            String after = routeLabel(candidate.route());
            parts.add(before.equals(after) ? "route " + before + ", owner changed" : "route " + before + " -> " + after);
        }
        return String.join("; ", parts);
    }

    /**
     * A route for people: the destination and its team or nurture track, e.g.
     * {@code "FIELD_SALES field-sales-jp-enterprise"}; never the owner's name.
     *
     * @param route a route
     * @return the label
     */
    public static String routeLabel(Route route) {
        String detail = route.nurtureTrack() != null ? route.nurtureTrack() : route.team();
        return detail == null || detail.isBlank() ? route.destination().name() : route.destination() + " " + detail;
    }

    private static String exclusionLabel(Qualification q) {
        return q.exclusionIds().isEmpty() ? "(none)" : String.join("+", q.exclusionIds());
    }

    private static boolean sameRoute(Route a, Route b) {
        return a.destination() == b.destination() && Objects.equals(a.team(), b.team())
                && Objects.equals(a.owner(), b.owner()) && Objects.equals(a.nurtureTrack(), b.nurtureTrack());
    }
}
