package io.github.leadrules.policy;

import io.github.leadrules.model.Destination;

import java.util.Objects;
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
 */
public record Team(String name, Destination destination, Set<String> countries, Segment segment) {
    public Team {
        Objects.requireNonNull(name, "team name");
        Objects.requireNonNull(destination, "team destination");
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        segment = segment == null ? Segment.ANY : segment;
        if (name.isBlank()) {
            throw new IllegalArgumentException("teams: a team name must not be blank");
        }
    }

    /** Whether this team takes leads of the given destination, country and segment. */
    public boolean takes(Destination destination, String countryCode, Segment segment) {
        return this.destination == destination
                && (countries.isEmpty() || (countryCode != null && countries.contains(countryCode)))
                && (this.segment == Segment.ANY || this.segment == segment);
    }
}
