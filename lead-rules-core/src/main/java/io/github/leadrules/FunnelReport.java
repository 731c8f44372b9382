package io.github.leadrules;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.UrgencyLevel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
        Counter counter = counter();
        for (Qualification q : qualifications) {
            counter.add(q);
        }
        return counter.build();
    }

    /**
     * A counter to feed qualifications one at a time, for runs too large to hold (a file read in
     * chunks, a stream of messages): it keeps only the counts.
     *
     * <pre>{@code
     * FunnelReport.Counter counter = FunnelReport.counter();
     * for (List<Lead> chunk : chunks) {
     *     qualifier.qualifyAll(chunk).forEach(counter::add);
     * }
     * FunnelReport report = counter.build();
     * }</pre>
     *
     * @return an empty counter
     */
    public static Counter counter() {
        return new Counter();
    }

    /**
     * Counts qualifications as they come, in constant memory; {@link #build()} gives the report of
     * those counted so far. Not thread-safe: feed it from one thread, or lock.
     */
    public static final class Counter {
        private int total;
        private int invalid;
        private int errors;
        private int excluded;
        private int qualified;
        /** Per row, counts go into arrays and counters kept by rule id: no boxing, no tree walk. */
        private final Map<String, int[]> byReason = new HashMap<>();
        private final int[] byUrgency = new int[UrgencyLevel.values().length];
        private final int[] byRoute = new int[Destination.values().length];

        private Counter() {
        }

        /**
         * Counts one qualification.
         *
         * @param q the qualification
         * @return this counter
         */
        public Counter add(Qualification q) {
            total++;
            switch (q.outcome()) {
                case INVALID -> invalid++;
                case ERROR -> errors++;
                case EXCLUDED -> {
                    excluded++;
                    List<Reason> exclusions = q.exclusions();
                    for (int i = 0; i < exclusions.size(); i++) {
                        byReason.computeIfAbsent(exclusions.get(i).ruleId(), id -> new int[1])[0]++;
                    }
                }
                case QUALIFIED -> {
                    qualified++;
                    byUrgency[q.urgency().level().ordinal()]++;
                }
            }
            if (q.outcome() == Outcome.QUALIFIED || q.outcome() == Outcome.EXCLUDED) {
                byRoute[q.route().destination().ordinal()]++;
            }
            return this;
        }

        /** {@return how many qualifications were counted} */
        public int total() {
            return total;
        }

        /** {@return the report of the qualifications counted so far; the counter may go on counting} */
        public FunnelReport build() {
            Map<String, Integer> reasons = new TreeMap<>();
            byReason.forEach((id, n) -> reasons.put(id, n[0]));
            Map<UrgencyLevel, Integer> urgency = new EnumMap<>(UrgencyLevel.class);
            for (UrgencyLevel u : UrgencyLevel.values()) {
                urgency.put(u, byUrgency[u.ordinal()]);
            }
            Map<Destination, Integer> routes = new EnumMap<>(Destination.class);
            for (Destination d : Destination.values()) {
                routes.put(d, byRoute[d.ordinal()]);
            }
            return new FunnelReport(total, invalid, errors, excluded, qualified, reasons, urgency, routes);
        }
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
     * The leads the rules decided: excluded plus qualified (neither invalid input nor rule errors).
     *
     * @return excluded + qualified
     */
    public int decided() {
        return excluded + qualified;
    }

    /**
     * The exclusion rules that removed more than half of the {@link #decided() decided} leads, by rule
     * id, in id order. One rule removing most leads usually means its input is missing (a contact or
     * country column not mapped, a field named differently in the export), not that most leads are
     * bad: worth a look before the figures are trusted.
     *
     * @return rule id → leads it excluded, only rules above half; unmodifiable
     */
    public Map<String, Integer> dominantExclusions() {
        Map<String, Integer> out = new TreeMap<>();
        int decided = decided();
        excludedByReason.forEach((id, n) -> {
            if (2L * n > decided) {
                out.put(id, n);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * One warning per {@link #dominantExclusions() dominant exclusion}, e.g.
     * {@code EXC-NO-CONTACT excluded 1 000 of 1 200 leads decided (83.3 %): check that the fields it
     * reads are filled in (a column not mapped?)}. Thousands are grouped by a space, the percentage
     * has one decimal, in every locale.
     *
     * @return the warnings, in rule id order; empty when no rule removed more than half
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        int decided = decided();
        dominantExclusions().forEach((id, n) -> out.add(id + " excluded " + grouped(n) + " of " + grouped(decided)
                + " leads decided (" + share(n, decided) + " %): check that the fields it reads are filled in"
                + " (a column not mapped?)"));
        return List.copyOf(out);
    }

    /** n of whole as a percentage with one decimal, above half: never shown as 50.0 or, short of all, 100.0. */
    private static String share(int n, int whole) {
        long tenths = Math.round(1000.0 * n / whole);
        tenths = Math.max(tenths, 501);
        if (n < whole) {
            tenths = Math.min(tenths, 999);
        }
        return (tenths / 10) + "." + (tenths % 10);
    }

    private static String grouped(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /**
     * A plain-text table, one figure per line, then one {@code warning:} line per
     * {@link #warnings() warning}; numbers are formatted the same in every locale.
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
        for (String w : warnings()) {
            sb.append("warning: ").append(w).append(String.format(Locale.ROOT, "%n"));
        }
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
