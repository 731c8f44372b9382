package io.github.leadrules.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a lead goes next.
 *
 * @param destination  who works it
 * @param team         the team or queue (e.g. "field-sales-jp-enterprise"); null for {@link Destination#NONE}
 * @param owner        the person it is assigned to (a rep or account owner id), or null when the team's queue takes it
 * @param nurtureTrack the nurture track for {@link Destination#NURTURE}, else null
 * @param slaDeadline  by when the destination must act (speed to lead), or null when no one must
 * @param ownerReason  why the assignment strategy chose this owner (or nobody), e.g. {@code ASSIGN-ROUND-ROBIN};
 *                     null when the strategy decided nothing or agreed with the owner the routing rule named
 *                     (the rule's reason among the qualification's reasons explains that one)
 */
public record Route(Destination destination, String team, String owner, String nurtureTrack, Instant slaDeadline,
                    Reason ownerReason) {

    /** Nowhere: the lead is not worked. */
    public static final Route NONE = new Route(Destination.NONE, null, null, null, null);

    /**
     * Requires the destination.
     *
     * @param destination who works it
     * @param team the team or queue (e.g. "field-sales-jp-enterprise"); null for {@link Destination#NONE}
     * @param owner the person it is assigned to (a rep or account owner id), or null when the team's queue takes it
     * @param nurtureTrack the nurture track for {@link Destination#NURTURE}, else null
     * @param slaDeadline by when the destination must act (speed to lead), or null when no one must
     * @param ownerReason why the assignment strategy chose this owner (or nobody), e.g. {@code ASSIGN-ROUND-ROBIN};
     *        null when the strategy decided nothing or agreed with the owner the routing rule named
     *        (the rule's reason among the qualification's reasons explains that one)
     */
    public Route {
        Objects.requireNonNull(destination, "destination");
    }

    /**
     * A route without an assignment reason.
     *
     * @param destination where the lead goes
     * @param team the team or queue, or null
     * @param owner the owner's id, or null
     * @param nurtureTrack the nurture track, or null
     * @param slaDeadline by when someone must act, or null
     */
    public Route(Destination destination, String team, String owner, String nurtureTrack, Instant slaDeadline) {
        this(destination, team, owner, nurtureTrack, slaDeadline, null);
    }

    /**
     * This route assigned to an owner (or to nobody, when {@code owner} is null) for the given reason.
     *
     * @param owner the owner's id, or null for nobody
     * @param ownerReason why
     * @return the assigned route
     */
    public Route withOwner(String owner, Reason ownerReason) {
        return new Route(destination, team, owner, nurtureTrack, slaDeadline, ownerReason);
    }
}
