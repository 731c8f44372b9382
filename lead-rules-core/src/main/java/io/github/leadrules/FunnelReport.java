package io.github.leadrules;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.UrgencyLevel;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnel marketing and sales can both sign: raw leads, what was invalid or excluded and why,
 * the real lead count, and how the real leads split by urgency and where all leads went.
 *
 * <pre>{@code
 * FunnelReport report = FunnelReport.of(qualifier.qualifyAll(leads));
 * report.qualified();          // the real lead count
 * out.print(report.toText());   // any PrintStream or log
 * }</pre>
 *
 * @param total             every lead submitted
 * @param invalid           leads with unusable input
 * @param errors            leads the rules failed on
 * @param excluded          leads that do not count as new sales leads
 * @param qualified         the real lead count
 * @param excludedByReason  exclusion rule id → leads it excluded (a lead with two reasons counts under both)
 * @param qualifiedByUrgency urgency level → qualified leads
 * @param byRoute           destination → leads routed there (qualified and excluded)
 */
public record FunnelReport(int total, int invalid, int errors, int excluded, int qualified,
                           Map<String, Integer> excludedByReason, Map<UrgencyLevel, Integer> qualifiedByUrgency,
                           Map<Destination, Integer> byRoute) {

    /**
     * Copies the maps into unmodifiable ones, sorted by rule id, with every urgency level and
     * destination present (zero when no lead has it).
     *
     * @param total every lead submitted
     * @param invalid leads with unusable input
     * @param errors leads the rules failed on
     * @param excluded leads that do not count as new sales leads
     * @param qualified the real lead count
     * @param excludedByReason exclusion rule id → leads it excluded (a lead with two reasons counts under both)
     * @param qualifiedByUrgency urgency level → qualified leads
     * @param byRoute destination → leads routed there (qualified and excluded)
     */
    public FunnelReport {
        excludedByReason = Collections.unmodifiableMap(new TreeMap<>(excludedByReason));
        qualifiedByUrgency = Collections.unmodifiableMap(new EnumMap<>(complete(qualifiedByUrgency, UrgencyLevel.class)));
        byRoute = Collections.unmodifiableMap(new EnumMap<>(complete(byRoute, Destination.class)));
    }

    /**
     * Counts the qualifications.
     *
     * @param qualifications the qualifications of one run, in any order
     * @return the counts
     */
    public static FunnelReport of(Collection<Qualification> qualifications) {
        int invalid = 0;
        int errors = 0;
        int excluded = 0;
        int qualified = 0;
        Map<String, Integer> byReason = new TreeMap<>();
        Map<UrgencyLevel, Integer> byUrgency = new EnumMap<>(UrgencyLevel.class);
        Map<Destination, Integer> byRoute = new EnumMap<>(Destination.class);
        for (Qualification q : qualifications) {
            switch (q.outcome()) {
                case INVALID -> invalid++;
                case ERROR -> errors++;
                case EXCLUDED -> {
                    excluded++;
                    for (Reason r : q.exclusions()) {
                        byReason.merge(r.ruleId(), 1, Integer::sum);
                    }
                }
                case QUALIFIED -> {
                    qualified++;
                    byUrgency.merge(q.urgency().level(), 1, Integer::sum);
                }
            }
            if (q.outcome() == Outcome.QUALIFIED || q.outcome() == Outcome.EXCLUDED) {
                byRoute.merge(q.route().destination(), 1, Integer::sum);
            }
        }
        return new FunnelReport(qualifications.size(), invalid, errors, excluded, qualified, byReason, byUrgency, byRoute);
    }

    /**
     * Qualified leads as a share of all leads, 0 to 1 (0 when there are none).
     *
     * @return the share, from 0 to 1
     */
    public double qualifiedShare() {
        return total == 0 ? 0 : (double) qualified / total;
    }

    /**
     * A plain-text table, one figure per line; numbers are formatted the same in every locale.
     *
     * @return the table
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-34s %7d%n", "Leads submitted", total));
        sb.append(String.format(Locale.ROOT, "%-34s %7d%n", "  invalid input", invalid));
        sb.append(String.format(Locale.ROOT, "%-34s %7d%n", "  rule errors", errors));
        sb.append(String.format(Locale.ROOT, "%-34s %7d%n", "  excluded (not new sales leads)", excluded));
        excludedByReason.forEach((id, n) -> sb.append(String.format(Locale.ROOT, "%-34s %7d%n", "    " + id, n)));
        sb.append(String.format(Locale.ROOT, "%-34s %7d  (%.1f%%)%n", "Real leads (qualified)", qualified, 100 * qualifiedShare()));
        qualifiedByUrgency.forEach((level, n) -> sb.append(String.format(Locale.ROOT, "%-34s %7d%n", "    urgency " + level, n)));
        sb.append(String.format(Locale.ROOT, "Routes (qualified and excluded)%n"));
        byRoute.forEach((d, n) -> sb.append(String.format(Locale.ROOT, "%-34s %7d%n", "    " + d, n)));
        return sb.toString();
    }

    private static <K extends Enum<K>> Map<K, Integer> complete(Map<K, Integer> counts, Class<K> type) {
        Map<K, Integer> out = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            out.put(k, counts.getOrDefault(k, 0));
        }
        return out;
    }
}
