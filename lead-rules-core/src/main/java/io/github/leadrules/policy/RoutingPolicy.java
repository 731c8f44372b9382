package io.github.leadrules.policy;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.UrgencyLevel;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static io.github.leadrules.policy.Checks.nonBlank;
import static io.github.leadrules.policy.Checks.nonNegative;
import static io.github.leadrules.policy.Checks.positive;
import static io.github.leadrules.policy.Checks.required;
import static io.github.leadrules.policy.Checks.requiredKey;

/**
 * The settings routing reads and the decisions about a route that are not rules: segments, teams,
 * SLAs and the deadline they give, nurture tracks, the recycle queue, who takes a lead no routing
 * rule matched, and owner assignment. Immutable; part of a {@link LeadPolicy}, changed through
 * {@link LeadPolicy#toBuilder()}.
 */
public final class RoutingPolicy {

    /** The routing settings; one field per setting. */
    static final class Values extends Settings<Values> {
        int enterpriseEmployees;
        int fieldSalesMinimumEmployees;
        Duration stalledAfter;
        Map<Destination, Duration> slas = Map.of();
        Duration immediateSla;
        List<Team> teams = List.of();
        String recycleTeam;
        Map<String, String> caseStudyTracks = Map.of();
        Map<InquiryType, String> contentTracks = Map.of();
        String defaultNurtureTrack;
        boolean accountOwnerFirst = true;
        Rotation rotation = Rotation.NONE;
    }

    private final Values v;
    /** The teams by name (names are unique): asked for every lead routed to people. */
    private final Map<String, Team> teamsByName;

    /** Checks a copy of the builder's values; {@code industryKey} maps an industry through the aliases. */
    RoutingPolicy(Values from, Function<String, String> industryKey) {
        v = from.copy();
        positive("enterpriseEmployees", v.enterpriseEmployees);
        nonNegative("fieldSalesMinimumEmployees", v.fieldSalesMinimumEmployees);
        positive("stalledAfter", v.stalledAfter);
        EnumMap<Destination, Duration> sla = new EnumMap<>(Destination.class);
        v.slas.forEach((d, t) -> sla.put(required("slas", d), positive("slas." + d.name().toLowerCase(Locale.ROOT), t)));
        v.slas = Map.copyOf(sla);
        positive("immediateSla", v.immediateSla);
        v.teams = List.copyOf(v.teams);
        Map<String, Team> byName = new java.util.HashMap<>();
        for (Team t : v.teams) {
            if (byName.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException("teams: two teams are named " + PolicyFileException.shorten(t.name())
                        + "; routes and assignment find teams by name");
            }
        }
        teamsByName = java.util.Collections.unmodifiableMap(byName);
        v.recycleTeam = nonBlank("recycleTeam", v.recycleTeam);
        Map<String, String> cs = new TreeMap<>();
        v.caseStudyTracks.forEach((industry, track) -> cs.put(
                requiredKey("caseStudyTracks", industryKey.apply(industry)), nonBlank("caseStudyTracks." + industry, track)));
        v.caseStudyTracks = Map.copyOf(cs);
        EnumMap<InquiryType, String> ct = new EnumMap<>(InquiryType.class);
        v.contentTracks.forEach((type, track) -> ct.put(required("contentTracks", type),
                nonBlank("contentTracks." + type.name().toLowerCase(Locale.ROOT), track)));
        v.contentTracks = Map.copyOf(ct);
        v.defaultNurtureTrack = nonBlank("defaultNurtureTrack", v.defaultNurtureTrack);
        required("assignment.rotation", v.rotation);
    }

    /** {@return a copy of the values, for a builder} */
    Values values() {
        return v.copy();
    }

    // ------------------------------------------------------------------ decisions that are not rules

    /**
     * When a route's first contact is due: now plus the destination's SLA, or plus
     * {@link #immediateSla()} for an IMMEDIATE lead when that is sooner (nurture excepted); null
     * for no destination or a destination without an SLA.
     *
     * @param destination the route's destination
     * @param level the lead's final urgency level
     * @param now "now", from the qualifier's clock
     * @return the deadline, or null
     */
    public Instant slaDeadline(Destination destination, UrgencyLevel level, Instant now) {
        if (destination == Destination.NONE) {
            return null;
        }
        Duration sla = sla(destination);
        if (level == UrgencyLevel.IMMEDIATE && destination != Destination.NURTURE
                && (sla.isZero() || v.immediateSla.compareTo(sla) < 0)) {
            sla = v.immediateSla;
        }
        return sla.isZero() ? null : now.plus(sla);
    }

    /**
     * The team that takes a lead no routing rule matched: inside sales owns the gap, so that
     * nothing is lost. The first inside-sales team for the lead's country and segment, if any.
     *
     * @param countryCode the lead's country, or null
     * @param segment the lead's segment
     * @return the team, or empty (the lead then goes to inside sales without a team)
     */
    public Optional<Team> fallbackTeam(String countryCode, Segment segment) {
        return teamFor(Destination.INSIDE_SALES, countryCode, segment);
    }

    /**
     * The segment for a company of this size; unknown size is SMB.
     *
     * @param employeeCount the company's employees, or null when unknown
     * @return ENTERPRISE from {@link #enterpriseEmployees()} on, else SMB
     */
    public Segment segmentOf(Integer employeeCount) {
        return employeeCount != null && employeeCount >= v.enterpriseEmployees ? Segment.ENTERPRISE : Segment.SMB;
    }

    /**
     * The first team taking this destination, country and segment, if any.
     *
     * @param destination the route's destination
     * @param countryCode the lead's country, or null
     * @param segment the lead's segment
     * @return the team, or empty
     */
    public Optional<Team> teamFor(Destination destination, String countryCode, Segment segment) {
        for (Team t : v.teams) { // a loop, not a stream: asked for every lead
            if (t.takes(destination, countryCode, segment)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The team with this name, if the policy has one.
     *
     * @param name the team's name
     * @return the team, or empty
     */
    public Optional<Team> team(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(teamsByName.get(name));
    }

    /**
     * The rep with this id in any team, if listed; owner assignment reads it to skip account
     * owners who are unavailable.
     *
     * @param id the rep's id
     * @return the rep, or empty
     */
    public Optional<Rep> rep(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Team t : v.teams) {
            Optional<Rep> r = t.rep(id);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * The case-study nurture track for an industry key, if the host has one.
     *
     * @param industryKey an industry's matching key, or null
     * @return the track, or empty
     */
    public Optional<String> caseStudyTrack(String industryKey) {
        return industryKey == null ? Optional.empty() : Optional.ofNullable(v.caseStudyTracks.get(industryKey));
    }

    /**
     * The nurture track for leads that came for this content, else the default track.
     *
     * @param inquiryType what the lead came for
     * @return the track
     */
    public String contentTrack(InquiryType inquiryType) {
        return v.contentTracks.getOrDefault(inquiryType, v.defaultNurtureTrack);
    }

    /**
     * The SLA for a destination; {@link Duration#ZERO} when it has none.
     *
     * @param destination a destination
     * @return the SLA, or {@link Duration#ZERO}
     */
    public Duration sla(Destination destination) {
        return v.slas.getOrDefault(destination, Duration.ZERO);
    }

    // ------------------------------------------------------------------ values

    /** {@return the company size from which a lead is ENTERPRISE} */
    public int enterpriseEmployees() { return v.enterpriseEmployees; }
    /** {@return the smallest company size field sales takes (a strong fit)} */
    public int fieldSalesMinimumEmployees() { return v.fieldSalesMinimumEmployees; }
    /** {@return how long sales may leave a lead it holds before it is recycled} */
    public Duration stalledAfter() { return v.stalledAfter; }
    /** {@return the SLA per destination; a destination missing has none} */
    public Map<Destination, Duration> slas() { return v.slas; }
    /** {@return the SLA for IMMEDIATE leads when shorter than the destination's} */
    public Duration immediateSla() { return v.immediateSla; }
    /** {@return the teams, matched in order} */
    public List<Team> teams() { return v.teams; }
    /** {@return the queue stalled leads are recycled to} */
    public String recycleTeam() { return v.recycleTeam; }
    /** {@return the case-study nurture track per industry key} */
    public Map<String, String> caseStudyTracks() { return v.caseStudyTracks; }
    /** {@return the nurture track per inquiry type} */
    public Map<InquiryType, String> contentTracks() { return v.contentTracks; }
    /** {@return the nurture track when no other applies} */
    public String defaultNurtureTrack() { return v.defaultNurtureTrack; }
    /** {@return whether a known account owner takes the lead before the team's rotation} */
    public boolean accountOwnerFirst() { return v.accountOwnerFirst; }
    /** {@return how a team's reps take turns} */
    public Rotation rotation() { return v.rotation; }
}
