package io.github.leadrules.policy;

import io.github.leadrules.model.Destination;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A sales or marketing team (or queue) that routes can name. Teams are matched in the order the
 * policy lists them: the first team of the route's destination whose territory contains the lead's
 * country (an empty territory takes every country) and whose segment fits wins.
 *
 * @param name        the team's name as shown in routes, e.g. "field-sales-jp-enterprise"
 * @param destination the kind of route this team takes
 * @param countries   ISO-3166 alpha-2 codes of its territory; empty means every country
 * @param segment     the segment it takes
 * @param reps        the people who work its leads, in rotation order; empty when the host assigns
 *                    owners itself (only teams that route to people may have reps)
 */
public record Team(String name, Destination destination, Set<String> countries, Segment segment, List<Rep> reps) {

    /**
     * Requires a name and destination; copies the countries and reps; refuses reps on a team no person works
     * and a rep listed twice.
     *
     * @param name the team's name as shown in routes, e.g. "field-sales-jp-enterprise"
     * @param destination the kind of route this team takes
     * @param countries ISO-3166 alpha-2 codes of its territory; empty means every country
     * @param segment the segment it takes
     * @param reps the people who work its leads, in rotation order; empty when the host assigns
     *        owners itself (only teams that route to people may have reps)
     */
    public Team {
        Objects.requireNonNull(name, "team name");
        Objects.requireNonNull(destination, "team destination");
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        segment = segment == null ? Segment.ANY : segment;
        reps = reps == null ? List.of() : List.copyOf(reps);
        if (name.isBlank()) {
            throw new IllegalArgumentException("teams: a team name must not be blank");
        }
        if (!reps.isEmpty() && !routesToPeople(destination)) {
            throw new IllegalArgumentException("teams: team " + PolicyFileException.shorten(name) + " routes to " + destination
                    + ", which no person works; only field sales, inside sales and account owner teams have reps");
        }
        Set<String> ids = new HashSet<>();
        for (Rep rep : reps) {
            if (!ids.add(rep.id())) {
                throw new IllegalArgumentException("teams: team " + PolicyFileException.shorten(name) + " lists rep "
                        + PolicyFileException.shorten(rep.id()) + " twice");
            }
        }
    }

    /**
     * A team without reps.
     *
     * @param name the team's name
     * @param destination the kind of route it takes
     * @param countries its territory; empty for every country
     * @param segment the segment it takes
     */
    public Team(String name, Destination destination, Set<String> countries, Segment segment) {
        this(name, destination, countries, segment, List.of());
    }

    /**
     * This team with the given reps, in rotation order.
     *
     * @param reps the reps
     * @return the team
     */
    public Team withReps(List<Rep> reps) {
        return new Team(name, destination, countries, segment, reps);
    }

    /**
     * This team with the given reps, in rotation order.
     *
     * @param reps the reps
     * @return the team
     */
    public Team withReps(Rep... reps) {
        return withReps(List.of(reps));
    }

    /**
     * Whether this team takes leads of the given destination, country and segment.
     *
     * @param destination the route's destination
     * @param countryCode the lead's country, or null
     * @param segment the lead's segment
     * @return true when the team takes the lead
     */
    public boolean takes(Destination destination, String countryCode, Segment segment) {
        return this.destination == destination
                && (countries.isEmpty() || (countryCode != null && countries.contains(countryCode)))
                && (this.segment == Segment.ANY || this.segment == segment);
    }

    /**
     * The rep with this id, if the team has one.
     *
     * @param id the rep's id
     * @return the rep, or empty
     */
    public Optional<Rep> rep(String id) {
        if (id != null) {
            for (Rep r : reps) { // a loop, not a stream: asked for every lead routed to an owner
                if (r.id().equals(id)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether people work routes to this destination (field sales, inside sales, account owners).
     *
     * @param destination a destination
     * @return true for field sales, inside sales and account owner
     */
    public static boolean routesToPeople(Destination destination) {
        return destination == Destination.FIELD_SALES || destination == Destination.INSIDE_SALES
                || destination == Destination.ACCOUNT_OWNER;
    }
}
