package io.github.leadrules.reports;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.UrgencyLevel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the funnel page shows, counted as decisions stream by, in constant memory: the
 * {@link FunnelReport} figures (through {@link FunnelReport#counter()}), qualified leads by route,
 * urgency by route, invalid leads by field, and a small sample of decisions (the first few of each
 * outcome, route, urgency and first exclusion reason).
 *
 * <pre>{@code
 * FunnelTally tally = new FunnelTally();
 * for (List<Lead> chunk : chunks) {
 *     List<Qualification> decided = qualifier.qualifyAll(chunk);
 *     for (int i = 0; i < chunk.size(); i++) {
 *         tally.add(chunk.get(i), decided.get(i));
 *     }
 * }
 * HtmlFunnelReport.write(writer, tally, context);
 * }</pre>
 *
 * <p>Not thread-safe: feed it from one thread, in input order.
 */
public final class FunnelTally {

    /** Sampled decisions per bucket (outcome and route, or first exclusion reason). */
    static final int PER_BUCKET = 4;

    /**
     * One sampled decision, without personal data (no name, e-mail address or phone number).
     *
     * @param line     the input line, or the lead's position (from 1) when there are no lines
     * @param leadId   the lead's id, or ""
     * @param company  the company name, or ""
     * @param industry the industry, or ""
     * @param q        the decision
     * @param errors   a note on the lead's problems (e.g. the columns of its field errors), or ""
     */
    public record Sample(long line, String leadId, String company, String industry, Qualification q, String errors) {
    }

    private static final Destination[] DESTINATIONS = Destination.values();
    private static final UrgencyLevel[] LEVELS = UrgencyLevel.values();

    private final FunnelReport.Counter counter = FunnelReport.counter();
    /** Qualified leads by destination (ordinal). */
    private final int[] qualifiedByRoute = new int[DESTINATIONS.length];
    /** Qualified and excluded leads by destination and urgency level (ordinals). */
    private final int[][] urgencyByRoute = new int[DESTINATIONS.length][LEVELS.length];
    private final Map<String, Integer> invalidByField = new TreeMap<>();
    /**
     * Decisions seen of each sample bucket, counted up to one past {@link #PER_BUCKET}: qualified
     * ones by destination and urgency level, excluded ones by their first exclusion's rule id ("" when
     * none), invalid ones, and errors.
     */
    private final int[][] qualifiedSeen = new int[DESTINATIONS.length][LEVELS.length];
    private final Map<String, int[]> excludedSeen = new HashMap<>();
    private int invalidSeen;
    private int errorsSeen;
    private final List<Sample> samples = new ArrayList<>();

    /** An empty tally. */
    public FunnelTally() {
    }

    /**
     * Counts one decision at the next position (1 for the first).
     *
     * @param lead the lead decided (for the sample's company and industry), or null
     * @param q    its qualification
     */
    public void add(Lead lead, Qualification q) {
        add(counter.total() + 1L, lead, q, "");
    }

    /**
     * Counts one decision read from a file.
     *
     * @param line       the input line the lead came from
     * @param lead       the lead decided, or null when its row could not be read at all
     * @param q          its qualification
     * @param errorsText a note on the lead's problems for the sample table, or ""
     */
    public void add(long line, Lead lead, Qualification q, String errorsText) {
        Objects.requireNonNull(q, "q");
        counter.add(q);
        int seen = switch (q.outcome()) {
            case INVALID -> invalid(q);
            case ERROR -> errorsSeen = seen(errorsSeen);
            case EXCLUDED -> excluded(q);
            default -> qualified(q);
        };
        if (seen <= PER_BUCKET) {
            sample(line, lead, q, errorsText);
        }
    }

    /** Counts an invalid lead's fields; returns how many invalid leads were seen (capped). */
    private int invalid(Qualification q) {
        for (FieldError e : q.fieldErrors()) {
            invalidByField.merge(e.field() + " " + e.code(), 1, Integer::sum);
        }
        return invalidSeen = seen(invalidSeen);
    }

    /** Counts an excluded lead; returns how many of its first exclusion were seen (capped). */
    private int excluded(Qualification q) {
        urgencyByRoute[q.route().destination().ordinal()][q.urgency().level().ordinal()]++;
        String first = q.exclusions().isEmpty() ? "" : q.exclusions().get(0).ruleId();
        int[] seen = excludedSeen.computeIfAbsent(first, k -> new int[1]);
        return seen[0] = seen(seen[0]);
    }

    /** Counts a qualified lead; returns how many of its route and urgency were seen (capped). */
    private int qualified(Qualification q) {
        int route = q.route().destination().ordinal();
        int level = q.urgency().level().ordinal();
        qualifiedByRoute[route]++;
        if (q.outcome() == Outcome.QUALIFIED) {
            urgencyByRoute[route][level]++;
        }
        return qualifiedSeen[route][level] = seen(qualifiedSeen[route][level]);
    }

    /** One more seen of a bucket, counted no further than one past {@link #PER_BUCKET}. */
    private static int seen(int before) {
        return before > PER_BUCKET ? before : before + 1;
    }

    private void sample(long line, Lead lead, Qualification q, String errorsText) {
        String company = lead == null || lead.company() == null || lead.company().name() == null ? "" : lead.company().name();
        String industry = lead == null || lead.company() == null || lead.company().industry() == null ? "" : lead.company().industry();
        samples.add(new Sample(line, q.leadId() == null ? "" : q.leadId(), company, industry, q,
                errorsText == null ? "" : errorsText));
    }

    /** {@return how many decisions were counted} */
    public int total() {
        return counter.total();
    }

    /** {@return the funnel figures of the decisions counted so far} */
    public FunnelReport report() {
        return counter.build();
    }

    /** {@return qualified leads by destination, every destination present} */
    public Map<Destination, Integer> qualifiedByRoute() {
        Map<Destination, Integer> m = new EnumMap<>(Destination.class);
        for (Destination d : DESTINATIONS) {
            m.put(d, qualifiedByRoute[d.ordinal()]);
        }
        return m;
    }

    /** {@return decided leads (qualified and excluded) by destination and urgency level, every cell present} */
    public Map<Destination, Map<UrgencyLevel, Integer>> urgencyByRoute() {
        Map<Destination, Map<UrgencyLevel, Integer>> m = new EnumMap<>(Destination.class);
        for (Destination d : DESTINATIONS) {
            Map<UrgencyLevel, Integer> row = new EnumMap<>(UrgencyLevel.class);
            for (UrgencyLevel u : LEVELS) {
                row.put(u, urgencyByRoute[d.ordinal()][u.ordinal()]);
            }
            m.put(d, row);
        }
        return m;
    }

    /** {@return invalid leads by "field CODE" (the field as the qualification names it), sorted} */
    public Map<String, Integer> invalidByField() {
        return Collections.unmodifiableMap(invalidByField);
    }

    /** {@return the sampled decisions, in input order} */
    public List<Sample> samples() {
        return Collections.unmodifiableList(samples);
    }
}
