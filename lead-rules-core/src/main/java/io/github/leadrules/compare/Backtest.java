package io.github.leadrules.compare;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Do the rules separate buyers from browsers? Runs the rules over historical leads whose outcome
 * is known (converted, won …) and reports, per outcome, urgency level and route, how many leads
 * there were, how many converted, the conversion rate, the lift over the base rate of all leads
 * and the share of all conversions captured; per exclusion rule, how many excluded leads converted
 * anyway (the rule's cost); and per rule, how often it fired and how its leads converted.
 *
 * <pre>{@code
 * Backtest backtest = Backtest.run(qualifier, leads, lead -> "yes".equals(lead.attribute("converted")));
 * backtest.baseRate();                              // e.g. 0.106
 * backtest.urgency(UrgencyLevel.IMMEDIATE).lift();  // e.g. 3.4: IMMEDIATE leads convert 3.4× as often
 * String table = backtest.toText();
 * }</pre>
 *
 * <p>The base rate is conversions over all leads, invalid and excluded ones included. Urgency
 * groups hold qualified leads only (an excluded lead's urgency does not decide anything); route
 * groups hold every lead (INVALID and ERROR leads go nowhere). Rates and lifts are NaN when
 * undefined (see {@link Cohort}). Immutable.
 *
 * @param leads          every lead backtested
 * @param conversions    of them, the leads that converted
 * @param baseRate       {@code conversions / leads}; NaN when there are no leads
 * @param fingerprint    the fingerprint of the rule set and policy backtested ("" when unknown)
 * @param byOutcome      one group per {@link Outcome}, in enum order
 * @param byUrgency      one group per {@link UrgencyLevel}, qualified leads only, in enum order
 * @param byRoute        one group per {@link Destination}, all leads, in enum order
 * @param byTeam         one group per destination and team or nurture track actually used, e.g.
 *                       {@code "FIELD_SALES field-sales-jp-enterprise"}; in destination order then name
 * @param exclusions     the cost of every exclusion rule, in catalogue order (rules that excluded nothing included)
 * @param rules          statistics for every rule of the catalogue (never-fired ones with 0) and any other rule that fired
 */
public record Backtest(int leads, int conversions, double baseRate, String fingerprint,
                       List<Cohort> byOutcome, List<Cohort> byUrgency, List<Cohort> byRoute, List<Cohort> byTeam,
                       List<ExclusionCost> exclusions, List<RuleStatistics> rules) {

    /**
     * Requires the fingerprint; copies the lists.
     *
     * @param leads every lead backtested
     * @param conversions of them, the leads that converted
     * @param baseRate {@code conversions / leads}; NaN when there are no leads
     * @param fingerprint the fingerprint of the rule set and policy backtested ("" when unknown)
     * @param byOutcome one group per {@link Outcome}, in enum order
     * @param byUrgency one group per {@link UrgencyLevel}, qualified leads only, in enum order
     * @param byRoute one group per {@link Destination}, all leads, in enum order
     * @param byTeam one group per destination and team or nurture track actually used, e.g.
     *        {@code "FIELD_SALES field-sales-jp-enterprise"}; in destination order then name
     * @param exclusions the cost of every exclusion rule, in catalogue order (rules that excluded nothing included)
     * @param rules statistics for every rule of the catalogue (never-fired ones with 0) and any other rule that fired
     */
    public Backtest {
        Objects.requireNonNull(fingerprint, "fingerprint");
        byOutcome = List.copyOf(byOutcome);
        byUrgency = List.copyOf(byUrgency);
        byRoute = List.copyOf(byRoute);
        byTeam = List.copyOf(byTeam);
        exclusions = List.copyOf(exclusions);
        rules = List.copyOf(rules);
    }

    /**
     * Qualifies (and traces) the leads and backtests them.
     *
     * @param converted whether a lead converted; called once per lead, in order
     * @param qualifier the rules to backtest
     * @param leads the historical leads
     * @return the backtest
     */
    public static Backtest run(LeadQualifier qualifier, List<Lead> leads, Predicate<Lead> converted) {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(converted, "converted");
        List<Boolean> outcomes = new ArrayList<>(leads.size());
        for (Lead lead : leads) {
            outcomes.add(converted.test(lead));
        }
        return of(qualifier.trace(leads), outcomes, qualifier.rules()).withFingerprint(qualifier.fingerprint());
    }

    /**
     * Like {@link #run(LeadQualifier, List, Predicate)} with the outcomes keyed by lead id.
     *
     * @param qualifier the rules to backtest
     * @param leads the historical leads
     * @param convertedByLeadId whether each lead converted, by lead id
     * @return the backtest
     * @throws IllegalArgumentException naming the first lead whose id has no outcome
     */
    public static Backtest run(LeadQualifier qualifier, List<Lead> leads, Map<String, Boolean> convertedByLeadId) {
        Objects.requireNonNull(convertedByLeadId, "convertedByLeadId");
        return run(qualifier, leads, lead -> {
            Boolean converted = lead == null ? null : convertedByLeadId.get(lead.id());
            if (converted == null) {
                throw new IllegalArgumentException("no known outcome for lead "
                        + (lead == null ? "null" : lead.id()) + "; every backtested lead needs one");
            }
            return converted;
        });
    }

    /**
     * Backtests decisions already traced.
     *
     * @param traces    the decisions, with the rules that fired for each lead
     * @param converted whether each lead converted, same size and order as {@code traces}
     * @param rules     the rule catalogue, so that rules that never fired are listed with 0
     * @return the backtest
     */
    public static Backtest of(List<QualificationTrace> traces, List<Boolean> converted, List<RuleDescription> rules) {
        Objects.requireNonNull(traces, "traces");
        Objects.requireNonNull(converted, "converted");
        Objects.requireNonNull(rules, "rules");
        if (traces.size() != converted.size()) {
            throw new IllegalArgumentException("traces has " + traces.size() + " leads but converted has "
                    + converted.size() + " outcomes");
        }
        Accumulator accumulator = accumulator(rules);
        for (int i = 0; i < traces.size(); i++) {
            Boolean c = converted.get(i);
            if (c == null) {
                throw new IllegalArgumentException("converted: no outcome for lead "
                        + traces.get(i).qualification().leadId() + " at position " + i);
            }
            accumulator.add(traces.get(i), c);
        }
        return accumulator.build();
    }

    /**
     * An empty backtest that takes the leads one at a time, for inputs too large to hold: it keeps
     * counters per outcome, urgency level, route, team and rule, never per lead.
     *
     * <pre>{@code
     * Backtest.Accumulator acc = Backtest.accumulator(qualifier.rules());
     * for (List<Lead> chunk : chunks) {
     *     List<QualificationTrace> traces = qualifier.trace(chunk);
     *     for (int i = 0; i < chunk.size(); i++) {
     *         acc.add(traces.get(i), converted(chunk.get(i)));
     *     }
     * }
     * Backtest backtest = acc.build();
     * }</pre>
     *
     * @param rules the rule catalogue, so that rules that never fired are listed with 0
     * @return an empty accumulator
     */
    public static Accumulator accumulator(List<RuleDescription> rules) {
        return new Accumulator(rules);
    }

    /**
     * A backtest built one lead at a time (see {@link Backtest#accumulator(List)}). Memory: two
     * counters per outcome, urgency level, route, team or track and rule, whatever the number of leads.
     * Not thread-safe: add from one thread.
     */
    public static final class Accumulator {
        private final Map<Outcome, int[]> outcome = counters(Outcome.values());
        private final Map<UrgencyLevel, int[]> urgency = counters(UrgencyLevel.values());
        private final Map<Destination, int[]> route = counters(Destination.values());
        private final Map<String, int[]> team = new TreeMap<>();
        private final Map<String, int[]> excluded = new LinkedHashMap<>();
        private final Map<String, int[]> excludedAlone = new LinkedHashMap<>();
        private final Map<String, int[]> fired = new LinkedHashMap<>();
        private final Map<String, int[]> firedElsewhere = new TreeMap<>();
        private int all;
        private int won;
        private String fingerprint = "";

        private Accumulator(List<RuleDescription> rules) {
            Objects.requireNonNull(rules, "rules");
            for (RuleDescription rule : rules) {
                fired.put(rule.id(), new int[2]);
                if (rule.stage() == Stage.EXCLUSION) {
                    excluded.put(rule.id(), new int[2]);
                    excludedAlone.put(rule.id(), new int[2]);
                }
            }
        }

        /**
         * Adds the next lead's decision and whether it converted.
         *
         * @param trace the lead's decision and the rules that fired for it
         * @param converted whether the lead became a customer
         * @throws IllegalStateException when {@code Integer.MAX_VALUE} leads were already added
         */
        public void add(QualificationTrace trace, boolean converted) {
            Objects.requireNonNull(trace, "trace");
            if (all == Integer.MAX_VALUE) {
                throw new IllegalStateException("a backtest holds at most " + Integer.MAX_VALUE + " leads");
            }
            Qualification q = trace.qualification();
            if (all == 0) {
                fingerprint = q.fingerprint();
            }
            int hit = converted ? 1 : 0;
            all++;
            won += hit;
            Backtest.add(outcome.get(q.outcome()), hit);
            if (q.outcome() == Outcome.QUALIFIED) {
                Backtest.add(urgency.get(q.urgency().level()), hit);
            }
            Backtest.add(route.get(q.route().destination()), hit);
            if (q.route().destination() != Destination.NONE) {
                Backtest.add(team.computeIfAbsent(teamKey(q.route()), k -> new int[2]), hit);
            }
            Set<String> exclusionIds = q.exclusionIds();
            for (String id : exclusionIds) {
                Backtest.add(excluded.computeIfAbsent(id, k -> new int[2]), hit);
                excludedAlone.computeIfAbsent(id, k -> new int[2]);
                if (exclusionIds.size() == 1) {
                    Backtest.add(excludedAlone.get(id), hit);
                }
            }
            for (String id : new LinkedHashSet<>(trace.firedRuleIds())) {
                int[] counter = fired.get(id);
                Backtest.add(counter != null ? counter : firedElsewhere.computeIfAbsent(id, k -> new int[2]), hit);
            }
        }

        /** {@return the number of leads added so far} */
        public int leads() {
            return all;
        }

        /** {@return the backtest of every lead added so far; adding may go on afterwards} */
        public Backtest build() {
            int leads = all;
            int conversions = won;
            List<Cohort> teams = new ArrayList<>();
            for (Destination d : Destination.values()) {
                team.forEach((key, n) -> {
                    if (key.equals(d.name()) || key.startsWith(d.name() + " ")) {
                        teams.add(Cohort.of(key, n[0], n[1], leads, conversions));
                    }
                });
            }
            List<ExclusionCost> costs = new ArrayList<>();
            excluded.forEach((id, n) -> {
                Cohort cohort = Cohort.of(id, n[0], n[1], leads, conversions);
                int[] alone = excludedAlone.get(id);
                costs.add(new ExclusionCost(id, n[0], n[1], alone[0], alone[1], cohort.conversionRate(), cohort.lift(),
                        cohort.shareOfConversions()));
            });
            Map<String, int[]> everyRule = new LinkedHashMap<>(fired);
            everyRule.putAll(firedElsewhere);
            List<RuleStatistics> statistics = new ArrayList<>();
            everyRule.forEach((id, n) -> {
                Cohort cohort = Cohort.of(id, n[0], n[1], leads, conversions);
                statistics.add(new RuleStatistics(id, n[0], n[1], cohort.conversionRate(), cohort.lift(),
                        cohort.shareOfConversions()));
            });
            return new Backtest(leads, conversions, Formats.ratio(conversions, leads), fingerprint,
                    cohorts(outcome, leads, conversions), cohorts(urgency, leads, conversions),
                    cohorts(route, leads, conversions), teams, costs, statistics);
        }
    }

    /**
     * The group of qualified leads with this urgency level.
     *
     * @param level an urgency level
     * @return the cohort; empty when no lead has the level
     */
    public Cohort urgency(UrgencyLevel level) {
        return find(byUrgency, level.name());
    }

    /**
     * The group of leads routed to this destination.
     *
     * @param destination a destination
     * @return the cohort; empty when no lead went there
     */
    public Cohort route(Destination destination) {
        return find(byRoute, destination.name());
    }

    /**
     * The group of leads with this outcome.
     *
     * @param outcome an outcome
     * @return the cohort; empty when no lead has it
     */
    public Cohort outcome(Outcome outcome) {
        return find(byOutcome, outcome.name());
    }

    /**
     * The cost of one exclusion rule.
     *
     * @param ruleId an exclusion rule's id
     * @return its cost; zero figures when it excluded no lead
     */
    public ExclusionCost exclusion(String ruleId) {
        return exclusions.stream().filter(e -> e.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no exclusion rule " + ruleId + " in this backtest"));
    }

    /**
     * The statistics of one rule.
     *
     * @param ruleId a rule's id
     * @return its statistics; zero figures when it never fired
     */
    public RuleStatistics rule(String ruleId) {
        return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + ruleId + " in this backtest"));
    }

    /**
     * The rules that fired for no lead.
     *
     * @return the statistics of those rules, in catalogue order
     */
    public List<RuleStatistics> neverFired() {
        return rules.stream().filter(RuleStatistics::neverFired).toList();
    }

    /**
     * Tables for the outcome, urgency, route, team, exclusion cost and per-rule figures.
     *
     * @return the tables
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Backtest of %d leads: %d converted, base rate %s%n",
                leads, conversions, Formats.percent(baseRate)));
        cohortTable(sb, "By outcome", byOutcome);
        cohortTable(sb, "By urgency (qualified leads)", byUrgency);
        cohortTable(sb, "By route (all leads)", byRoute);
        if (!byTeam.isEmpty()) {
            cohortTable(sb, "By team or nurture track", byTeam);
        }

        sb.append("\nExclusion cost: excluded leads that converted anyway\n");
        int width = width(exclusions.stream().map(ExclusionCost::ruleId).toList(), "rule");
        sb.append("  ").append(Formats.left("rule", width))
                .append("  excluded  converted     rate    lift   share  only this rule  converted\n");
        for (ExclusionCost e : exclusions) {
            sb.append("  ").append(Formats.left(e.ruleId(), width))
                    .append(Formats.right(String.valueOf(e.excluded()), 10))
                    .append(Formats.right(String.valueOf(e.converted()), 11))
                    .append(Formats.right(Formats.percent(e.conversionRate()), 9))
                    .append(Formats.right(Formats.lift(e.lift()), 8))
                    .append(Formats.right(Formats.percent(e.shareOfConversions()), 8))
                    .append(Formats.right(String.valueOf(e.excludedOnlyByThisRule()), 16))
                    .append(Formats.right(String.valueOf(e.convertedOnlyByThisRule()), 11)).append('\n');
        }

        sb.append("\nRules: leads each fired for, and how those leads converted\n")
                .append("  (a routing rule counts every lead it proposed a route for, also when a higher salience won)\n");
        width = width(rules.stream().map(RuleStatistics::ruleId).toList(), "rule");
        sb.append("  ").append(Formats.left("rule", width)).append("     fired  converted     rate    lift   share\n");
        for (RuleStatistics r : rules) {
            sb.append("  ").append(Formats.left(r.ruleId(), width))
                    .append(Formats.right(String.valueOf(r.fired()), 10))
                    .append(Formats.right(String.valueOf(r.conversions()), 11))
                    .append(Formats.right(Formats.percent(r.conversionRate()), 9))
                    .append(Formats.right(Formats.lift(r.lift()), 8))
                    .append(Formats.right(Formats.percent(r.shareOfConversions()), 8))
                    .append(r.neverFired() ? "  never fired" : "").append('\n');
        }
        return sb.toString();
    }

    private Backtest withFingerprint(String fingerprint) {
        return new Backtest(leads, conversions, baseRate, fingerprint, byOutcome, byUrgency, byRoute, byTeam,
                exclusions, rules);
    }

    private static void cohortTable(StringBuilder sb, String title, List<Cohort> cohorts) {
        int width = width(cohorts.stream().map(Cohort::key).toList(), "");
        sb.append('\n').append(title).append('\n');
        sb.append("  ").append(Formats.left("", width)).append("     leads  converted     rate    lift   share\n");
        for (Cohort c : cohorts) {
            sb.append("  ").append(Formats.left(c.key(), width))
                    .append(Formats.right(String.valueOf(c.leads()), 10))
                    .append(Formats.right(String.valueOf(c.conversions()), 11))
                    .append(Formats.right(Formats.percent(c.conversionRate()), 9))
                    .append(Formats.right(Formats.lift(c.lift()), 8))
                    .append(Formats.right(Formats.percent(c.shareOfConversions()), 8)).append('\n');
        }
    }

    private static int width(List<String> labels, String header) {
        return Math.max(header.length(), labels.stream().mapToInt(String::length).max().orElse(0));
    }

    private static Cohort find(List<Cohort> cohorts, String key) {
        return cohorts.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    private static String teamKey(Route route) {
        return LeadChange.routeLabel(route);
    }

    private static <K> Map<K, int[]> counters(K[] keys) {
        Map<K, int[]> out = new LinkedHashMap<>();
        for (K k : keys) {
            out.put(k, new int[2]);
        }
        return out;
    }

    private static void add(int[] counter, int converted) {
        counter[0]++;
        counter[1] += converted;
    }

    private static <K> List<Cohort> cohorts(Map<K, int[]> counters, int all, int conversions) {
        List<Cohort> out = new ArrayList<>();
        counters.forEach((k, n) -> out.add(Cohort.of(String.valueOf(k), n[0], n[1], all, conversions)));
        return out;
    }
}
