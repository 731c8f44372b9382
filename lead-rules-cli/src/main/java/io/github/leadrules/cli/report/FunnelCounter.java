package io.github.leadrules.cli.report;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.UrgencyLevel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts decisions as they stream by, in constant memory: the {@link FunnelReport} figures, qualified
 * leads by route, urgency by route, invalid rows by column, and a small sample of decisions (the
 * first few of each outcome, route and exclusion reason) for the HTML report.
 */
public final class FunnelCounter {

    /** Sampled decisions per bucket (outcome and route, or first exclusion reason). */
    static final int PER_BUCKET = 4;

    /**
     * One sampled decision, without personal data (no name, e-mail or phone).
     *
     * @param line     the input line
     * @param leadId   the lead's id
     * @param company  the company name, or ""
     * @param industry the industry, or ""
     * @param q        the decision
     * @param errors   the errors text, or ""
     */
    public record Sample(long line, String leadId, String company, String industry, Qualification q, String errors) {
    }

    private int total;
    private int invalid;
    private int errors;
    private int excluded;
    private int qualified;
    private final Map<String, Integer> excludedByReason = new TreeMap<>();
    private final Map<UrgencyLevel, Integer> qualifiedByUrgency = new EnumMap<>(UrgencyLevel.class);
    private final Map<Destination, Integer> byRoute = new EnumMap<>(Destination.class);
    private final Map<Destination, Integer> qualifiedByRoute = new EnumMap<>(Destination.class);
    private final Map<Destination, Map<UrgencyLevel, Integer>> urgencyByRoute = new EnumMap<>(Destination.class);
    private final Map<String, Integer> invalidByField = new TreeMap<>();
    private final Map<String, Integer> bucketCounts = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    /** Counts one decision; {@code lead} may be null when the row could not be read at all. */
    public void add(long line, Lead lead, Qualification q, String errorsText) {
        total++;
        String bucket;
        switch (q.outcome()) {
            case INVALID -> {
                invalid++;
                for (FieldError e : q.fieldErrors()) {
                    invalidByField.merge(e.field() + " " + e.code(), 1, Integer::sum);
                }
                bucket = "INVALID";
            }
            case ERROR -> {
                errors++;
                bucket = "ERROR";
            }
            case EXCLUDED -> {
                excluded++;
                for (Reason r : q.exclusions()) {
                    excludedByReason.merge(r.ruleId(), 1, Integer::sum);
                }
                bucket = "EXCLUDED:" + (q.exclusions().isEmpty() ? "" : q.exclusions().get(0).ruleId());
            }
            default -> {
                qualified++;
                qualifiedByUrgency.merge(q.urgency().level(), 1, Integer::sum);
                qualifiedByRoute.merge(q.route().destination(), 1, Integer::sum);
                bucket = "QUALIFIED:" + q.route().destination() + ":" + q.urgency().level();
            }
        }
        if (q.outcome() == Outcome.QUALIFIED || q.outcome() == Outcome.EXCLUDED) {
            Destination d = q.route().destination();
            byRoute.merge(d, 1, Integer::sum);
            urgencyByRoute.computeIfAbsent(d, k -> new EnumMap<>(UrgencyLevel.class))
                    .merge(q.urgency().level(), 1, Integer::sum);
        }
        int seen = bucketCounts.merge(bucket, 1, Integer::sum);
        if (seen <= PER_BUCKET) {
            String company = lead == null || lead.company() == null || lead.company().name() == null ? "" : lead.company().name();
            String industry = lead == null || lead.company() == null || lead.company().industry() == null ? "" : lead.company().industry();
            samples.add(new Sample(line, q.leadId() == null ? "" : q.leadId(), company, industry, q, errorsText));
        }
    }

    /** The figures as the core's funnel report. */
    public FunnelReport toReport() {
        return new FunnelReport(total, invalid, errors, excluded, qualified, excludedByReason, qualifiedByUrgency, byRoute);
    }

    public int total() { return total; }
    public int invalid() { return invalid; }
    public int errors() { return errors; }
    public int excluded() { return excluded; }
    public int qualified() { return qualified; }

    /** Qualified leads by destination, every destination present. */
    public Map<Destination, Integer> qualifiedByRoute() {
        Map<Destination, Integer> m = new EnumMap<>(Destination.class);
        for (Destination d : Destination.values()) {
            m.put(d, qualifiedByRoute.getOrDefault(d, 0));
        }
        return m;
    }

    /** Decided leads (qualified and excluded) by destination and urgency level, every cell present. */
    public Map<Destination, Map<UrgencyLevel, Integer>> urgencyByRoute() {
        Map<Destination, Map<UrgencyLevel, Integer>> m = new EnumMap<>(Destination.class);
        for (Destination d : Destination.values()) {
            Map<UrgencyLevel, Integer> row = new EnumMap<>(UrgencyLevel.class);
            for (UrgencyLevel u : UrgencyLevel.values()) {
                row.put(u, urgencyByRoute.getOrDefault(d, Map.of()).getOrDefault(u, 0));
            }
            m.put(d, row);
        }
        return m;
    }

    /** Invalid rows by "column CODE". */
    public Map<String, Integer> invalidByField() {
        return Collections.unmodifiableMap(invalidByField);
    }

    /** The sampled decisions, in input order. */
    public List<Sample> samples() {
        return Collections.unmodifiableList(samples);
    }
}
