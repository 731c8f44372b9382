package io.github.leadrules.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a lead goes next.
 *
 * @param destination  who works it
 * @param team         the team or queue (e.g. "field-sales-jp-enterprise"); null for {@link Destination#NONE}
 * @param owner        the person it is assigned to (an account owner), or null
 * @param nurtureTrack the nurture track for {@link Destination#NURTURE}, else null
 * @param slaDeadline  by when the destination must act (speed to lead), or null when no one must
 */
public record Route(Destination destination, String team, String owner, String nurtureTrack, Instant slaDeadline) {

    /** Nowhere: the lead is not worked. */
    public static final Route NONE = new Route(Destination.NONE, null, null, null, null);

    public Route {
        Objects.requireNonNull(destination, "destination");
    }
}
