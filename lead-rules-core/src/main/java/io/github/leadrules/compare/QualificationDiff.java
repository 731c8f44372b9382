package io.github.leadrules.compare;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What would change if the candidate rules (or policy) replaced the base ones: on the same leads,
 * how many moved between outcomes, urgency levels and routes, which leads are decided differently
 * and which rules made the difference for each, and how often every rule fired under each.
 *
 * <pre>{@code
 * LeadQualifier base = LeadQualifier.builder().clock(clock).build();
 * LeadQualifier candidate = LeadQualifier.builder().clock(clock)
 *     .policy(LeadPolicy.defaults().toBuilder().minimumEmployees(50).build()).build();
 * QualificationDiff diff = QualificationDiff.between(base, candidate, leads);
 * diff.routes().count(Destination.FIELD_SALES, Destination.NONE);  // field sales leads the change drops
 * diff.changes().get(0).firedOnlyUnderCandidate();                 // e.g. [EXC-TOO-SMALL, RTE-EXCLUDED-NOWHERE]
 * String matrices = diff.toText();
 * }</pre>
 *
 * <p>Every matrix counts every lead, whatever its outcome (an excluded lead keeps the urgency the
 * rules gave it; INVALID and ERROR leads count as urgency UNKNOWN and route NONE). Leads are
 * matched by position; both decisions for a position must carry the same lead id. Immutable.
 *
 * @param leads                every lead compared
 * @param baseFingerprint      the fingerprint of the base rule set and policy ("" when unknown)
 * @param candidateFingerprint the fingerprint of the candidate rule set and policy ("" when unknown)
 * @param outcomes             base outcome × candidate outcome → leads
 * @param urgency              base urgency level × candidate urgency level → leads
 * @param routes               base destination × candidate destination → leads
 * @param changed              how many leads are decided differently
 * @param changes              the leads decided differently, in input order: all of them, or the first ones
 *                             when the comparison was accumulated with a limit ({@link #accumulator(List, List, int)})
 * @param ruleFirings          per rule of either set, the leads it fired for under each; stage order, then id
 */
public record QualificationDiff(int leads, String baseFingerprint, String candidateFingerprint,
                                TransitionMatrix<Outcome> outcomes, TransitionMatrix<UrgencyLevel> urgency,
                                TransitionMatrix<Destination> routes, int changed, List<LeadChange> changes,
                                List<RuleFirings> ruleFirings) {

    /** How many changed leads {@link #toText()} lists. */
    public static final int DEFAULT_LISTED_CHANGES = 20;

    /**
     * Requires both fingerprints and the three matrices; copies the lists.
     *
     * @param leads every lead compared
     * @param baseFingerprint the fingerprint of the base rule set and policy ("" when unknown)
     * @param candidateFingerprint the fingerprint of the candidate rule set and policy ("" when unknown)
     * @param outcomes base outcome × candidate outcome → leads
     * @param urgency base urgency level × candidate urgency level → leads
     * @param routes base destination × candidate destination → leads
     * @param changed how many leads were decided differently (at least {@code changes.size()})
     * @param changes the leads decided differently, in input order (possibly only the first of them)
     * @param ruleFirings per rule of either set, the leads it fired for under each; stage order, then id
     */
    public QualificationDiff {
        Objects.requireNonNull(baseFingerprint, "baseFingerprint");
        Objects.requireNonNull(candidateFingerprint, "candidateFingerprint");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(routes, "routes");
        changes = List.copyOf(changes);
        ruleFirings = List.copyOf(ruleFirings);
        if (changed < changes.size()) {
            throw new IllegalArgumentException("changed (" + changed + ") must count at least the " + changes.size()
                    + " changes listed");
        }
    }

    /**
     * Traces the leads with both qualifiers and compares them. Both qualifiers should share a clock
     * (a fixed one for reproducible results), or "now" differs between the runs.
     *
     * @param base the current rules
     * @param candidate the proposed rules
     * @param leads the leads to decide under both
     * @return the comparison
     */
    public static QualificationDiff between(LeadQualifier base, LeadQualifier candidate, List<Lead> leads) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(leads, "leads");
        return of(base.trace(leads), base.rules(), candidate.trace(leads), candidate.rules())
                .withFingerprints(base.fingerprint(), candidate.fingerprint());
    }

    /**
     * Compares two traces of the same leads in the same order.
     *
     * @param base           the base decisions with the rules that fired
     * @param baseRules      the base rule catalogue, so rules that never fired are listed too
     * @param candidate      the candidate decisions with the rules that fired
     * @param candidateRules the candidate rule catalogue
     * @return the comparison
     * @throws IllegalArgumentException when the lists differ in size or a position holds different lead ids
     */
    public static QualificationDiff of(List<QualificationTrace> base, List<RuleDescription> baseRules,
                                       List<QualificationTrace> candidate, List<RuleDescription> candidateRules) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(candidate, "candidate");
        if (base.size() != candidate.size()) {
            throw new IllegalArgumentException("base has " + base.size() + " decisions but candidate has "
                    + candidate.size() + "; compare the same leads");
        }
        Accumulator accumulator = accumulator(baseRules, candidateRules);
        for (int i = 0; i < base.size(); i++) {
            accumulator.add(base.get(i), candidate.get(i));
        }
        return accumulator.build();
    }

    /**
     * An empty comparison that takes the leads one at a time, for inputs too large to hold: it
     * keeps counts per value and per rule, never per lead, and every changed lead only while fewer
     * than {@code keptChanges} are kept. {@link #of} is this with every change kept.
     *
     * <pre>{@code
     * QualificationDiff.Accumulator acc = QualificationDiff.accumulator(base.rules(), candidate.rules(), 1_000);
     * for (List<Lead> chunk : chunks) {
     *     List<QualificationTrace> b = base.trace(chunk);
     *     List<QualificationTrace> c = candidate.trace(chunk);
     *     for (int i = 0; i < chunk.size(); i++) {
     *         LeadChange change = acc.add(b.get(i), c.get(i));  // null when both agree
     *     }
     * }
     * QualificationDiff diff = acc.build();   // counts over every lead; changes() the first 1,000
     * }</pre>
     *
     * @param baseRules      the base rule catalogue, so rules that never fired are listed too
     * @param candidateRules the candidate rule catalogue
     * @param keptChanges    how many changed leads {@link QualificationDiff#changes()} keeps, the first in
     *                       input order; {@link QualificationDiff#changed()} counts them all
     * @return an empty accumulator
     * @throws IllegalArgumentException when {@code keptChanges} is negative
     */
    public static Accumulator accumulator(List<RuleDescription> baseRules, List<RuleDescription> candidateRules,
                                          int keptChanges) {
        return new Accumulator(baseRules, candidateRules, keptChanges);
    }

    /**
     * Like {@link #accumulator(List, List, int)}, keeping every changed lead (memory grows with them).
     *
     * @param baseRules      the base rule catalogue, so rules that never fired are listed too
     * @param candidateRules the candidate rule catalogue
     * @return an empty accumulator
     */
    public static Accumulator accumulator(List<RuleDescription> baseRules, List<RuleDescription> candidateRules) {
        return new Accumulator(baseRules, candidateRules, Integer.MAX_VALUE);
    }

    /**
     * A comparison built one lead at a time (see {@link QualificationDiff#accumulator(List, List, int)}).
     * Memory: a few counters per outcome, urgency level, destination and rule, plus the changes kept.
     * Not thread-safe: add from one thread, in input order.
     */
    public static final class Accumulator {
        private final List<RuleDescription> baseRules;
        private final List<RuleDescription> candidateRules;
        private final int keptChanges;
        private final int[][] outcomes = new int[Outcome.values().length][Outcome.values().length];
        private final int[][] urgency = new int[UrgencyLevel.values().length][UrgencyLevel.values().length];
        private final int[][] routes = new int[Destination.values().length][Destination.values().length];
        private final List<LeadChange> changes = new ArrayList<>();
        private final Map<String, int[]> firings = new HashMap<>();
        private int leads;
        private int changed;
        private String baseFingerprint = "";
        private String candidateFingerprint = "";

        private Accumulator(List<RuleDescription> baseRules, List<RuleDescription> candidateRules, int keptChanges) {
            this.baseRules = List.copyOf(Objects.requireNonNull(baseRules, "baseRules"));
            this.candidateRules = List.copyOf(Objects.requireNonNull(candidateRules, "candidateRules"));
            if (keptChanges < 0) {
                throw new IllegalArgumentException("keptChanges must not be negative, got " + keptChanges);
            }
            this.keptChanges = keptChanges;
        }

        /**
         * Adds the next lead's two decisions.
         *
         * @param base      the lead's decision under the base rule set
         * @param candidate the same lead's decision under the candidate rule set
         * @return the change when the two decisions differ (also when it is not kept), else null
         * @throws IllegalArgumentException when the two decisions carry different lead ids
         * @throws IllegalStateException    when {@code Integer.MAX_VALUE} leads were already added
         */
        public LeadChange add(QualificationTrace base, QualificationTrace candidate) {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(candidate, "candidate");
            Qualification qb = base.qualification();
            Qualification qc = candidate.qualification();
            int position = leads;
            if (!Objects.equals(qb.leadId(), qc.leadId())) {
                throw new IllegalArgumentException("position " + position + " holds lead " + qb.leadId()
                        + " in base but lead " + qc.leadId() + " in candidate; compare the same leads in the same order");
            }
            if (position == Integer.MAX_VALUE) {
                throw new IllegalStateException("a comparison holds at most " + Integer.MAX_VALUE + " leads");
            }
            if (position == 0) {
                baseFingerprint = qb.fingerprint();
                candidateFingerprint = qc.fingerprint();
            }
            leads++;
            outcomes[qb.outcome().ordinal()][qc.outcome().ordinal()]++;
            urgency[qb.urgency().level().ordinal()][qc.urgency().level().ordinal()]++;
            routes[qb.route().destination().ordinal()][qc.route().destination().ordinal()]++;
            Set<String> firedBase = new LinkedHashSet<>(base.firedRuleIds());
            Set<String> firedCandidate = new LinkedHashSet<>(candidate.firedRuleIds());
            firedBase.forEach(id -> firings.computeIfAbsent(id, k -> new int[2])[0]++);
            firedCandidate.forEach(id -> firings.computeIfAbsent(id, k -> new int[2])[1]++);
            Set<LeadChange.Aspect> aspects = LeadChange.aspectsBetween(qb, qc);
            if (aspects.isEmpty()) {
                return null;
            }
            LeadChange change = new LeadChange(position, qb.leadId(), qb, qc, aspects,
                    firedBase.stream().filter(id -> !firedCandidate.contains(id)).toList(),
                    firedCandidate.stream().filter(id -> !firedBase.contains(id)).toList());
            changed++;
            if (changes.size() < keptChanges) {
                changes.add(change);
            }
            return change;
        }

        /** {@return the number of leads added so far} */
        public int leads() {
            return leads;
        }

        /** {@return the number of leads decided differently so far} */
        public int changed() {
            return changed;
        }

        /** {@return the comparison of every lead added so far; adding may go on afterwards} */
        public QualificationDiff build() {
            return new QualificationDiff(leads, baseFingerprint, candidateFingerprint,
                    TransitionMatrix.of(List.of(Outcome.values()), outcomes),
                    TransitionMatrix.of(List.of(UrgencyLevel.values()), urgency),
                    TransitionMatrix.of(List.of(Destination.values()), routes),
                    changed, changes, ruleFirings(firings, baseRules, candidateRules));
        }
    }

    /**
     * Compares two lists of decisions without traces: the rules that made the difference are then
     * the rules behind each decision's reasons (routing proposals that lost are not known), and only
     * rules that decided something are listed in {@link #ruleFirings()}.
     *
     * @param base the decisions under the current rules
     * @param candidate the decisions under the proposed rules, same leads in the same order
     * @return the comparison
     */
    public static QualificationDiff ofQualifications(List<Qualification> base, List<Qualification> candidate) {
        return of(asTraces(base), List.of(), asTraces(candidate), List.of());
    }

    /** {@return leads decided differently as a share of all leads, 0 to 1 (0 when there are none)} */
    public double changedShare() {
        return leads == 0 ? 0 : (double) changed / leads;
    }

    /** {@return rules whose firing count differs between the two sets, or that only one set has} */
    public List<RuleFirings> ruleFiringChanges() {
        return ruleFirings.stream().filter(r -> r.change() != 0 || r.inBase() != r.inCandidate()).toList();
    }

    /**
     * The summary, the three matrices, the rules that fire differently and up to 20 changed leads.
     *
     * @return the text
     */
    public String toText() {
        return toText(DEFAULT_LISTED_CHANGES);
    }

    /**
     * Like {@link #toText()}, listing at most {@code maxChangedLeads} changed leads.
     *
     * @param maxChangedLeads how many changed leads to list, at least 0
     * @return the text
     */
    public String toText(int maxChangedLeads) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Compared %d leads: %d decided differently (%s)%n",
                leads, changed(), Formats.percent(changedShare())));
        sb.append("  base fingerprint      ").append(shortFingerprint(baseFingerprint)).append('\n');
        sb.append("  candidate fingerprint ").append(shortFingerprint(candidateFingerprint)).append('\n');
        appendMatrix(sb, "Outcome", outcomes);
        appendMatrix(sb, "Urgency", urgency);
        appendMatrix(sb, "Route", routes);

        List<RuleFirings> differing = ruleFiringChanges();
        sb.append("\nRules that fire differently (leads fired for)\n");
        if (differing.isEmpty()) {
            sb.append("  (none)\n");
        } else {
            int width = Math.max("rule".length(), differing.stream().mapToInt(r -> r.ruleId().length()).max().orElse(0));
            sb.append("  ").append(Formats.left("rule", width)).append("      base  candidate   change\n");
            for (RuleFirings r : differing) {
                sb.append("  ").append(Formats.left(r.ruleId(), width))
                        .append(Formats.right(r.inBase() ? String.valueOf(r.base()) : "absent", 10))
                        .append(Formats.right(r.inCandidate() ? String.valueOf(r.candidate()) : "absent", 11))
                        .append(Formats.right(String.format(Locale.ROOT, "%+d", r.change()), 9)).append('\n');
            }
        }

        if (changed > 0) {
            int listed = Math.min(Math.max(0, maxChangedLeads), changes.size());
            sb.append("\nChanged leads").append(listed < changed
                    ? " (first " + listed + " of " + changed + ")" : "").append('\n');
            for (LeadChange c : changes.subList(0, listed)) {
                sb.append("  ").append(c.leadId()).append(": ").append(c.summary()).append('\n');
                if (!c.firedOnlyUnderBase().isEmpty()) {
                    sb.append("      only under base:      ").append(String.join(", ", c.firedOnlyUnderBase())).append('\n');
                }
                if (!c.firedOnlyUnderCandidate().isEmpty()) {
                    sb.append("      only under candidate: ").append(String.join(", ", c.firedOnlyUnderCandidate())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private QualificationDiff withFingerprints(String base, String candidate) {
        return new QualificationDiff(leads, base, candidate, outcomes, urgency, routes, changed, changes, ruleFirings);
    }

    private static void appendMatrix(StringBuilder sb, String title, TransitionMatrix<?> matrix) {
        sb.append('\n').append(title).append(": ").append(matrix.moved()).append(" of ").append(matrix.total())
                .append(" leads moved (rows: base, columns: candidate)\n");
        sb.append(matrix.toText());
    }

    private static String shortFingerprint(String fingerprint) {
        if (fingerprint.isEmpty()) {
            return "(unknown)";
        }
        return fingerprint.length() > 16 ? fingerprint.substring(0, 16) : fingerprint;
    }

    private static List<RuleFirings> ruleFirings(Map<String, int[]> firings, List<RuleDescription> baseRules,
                                                 List<RuleDescription> candidateRules) {
        Map<String, Stage> stages = new HashMap<>();
        Set<String> inBase = new LinkedHashSet<>();
        Set<String> inCandidate = new LinkedHashSet<>();
        for (RuleDescription r : baseRules) {
            stages.putIfAbsent(r.id(), r.stage());
            inBase.add(r.id());
        }
        for (RuleDescription r : candidateRules) {
            stages.putIfAbsent(r.id(), r.stage());
            inCandidate.add(r.id());
        }
        boolean catalogued = !baseRules.isEmpty() || !candidateRules.isEmpty();
        Map<String, int[]> all = new TreeMap<>(firings);
        inBase.forEach(id -> all.putIfAbsent(id, new int[2]));
        inCandidate.forEach(id -> all.putIfAbsent(id, new int[2]));
        Comparator<String> order = Comparator.comparingInt(
                (String id) -> stages.containsKey(id) ? stages.get(id).ordinal() : Integer.MAX_VALUE)
                .thenComparing(Comparator.naturalOrder());
        return all.keySet().stream().sorted(order).map(id -> {
            int[] n = all.get(id);
            // Without catalogues, a rule is assumed to exist on both sides.
            boolean b = !catalogued || inBase.contains(id) || n[0] > 0;
            boolean c = !catalogued || inCandidate.contains(id) || n[1] > 0;
            return new RuleFirings(id, b, c, n[0], n[1]);
        }).toList();
    }

    private static List<QualificationTrace> asTraces(List<Qualification> qualifications) {
        Objects.requireNonNull(qualifications, "qualifications");
        return qualifications.stream()
                .map(q -> new QualificationTrace(q, q.reasons().stream()
                        .filter(r -> r.stage() == Stage.EXCLUSION || r.stage() == Stage.URGENCY || r.stage() == Stage.ROUTING)
                        .map(Reason::ruleId).distinct().toList()))
                .toList();
    }

    @Override
    public String toString() {
        return "QualificationDiff[leads=" + leads + ", changed=" + changed() + ", outcomes moved=" + outcomes.moved()
                + ", urgency moved=" + urgency.moved() + ", routes moved=" + routes.moved() + "]";
    }
}
