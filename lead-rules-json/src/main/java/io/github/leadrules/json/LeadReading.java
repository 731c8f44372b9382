package io.github.leadrules.json;

import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Urgency;

import java.util.List;
import java.util.Objects;

/**
 * A lead read from JSON, and what could not be read. Reading never throws for bad input: a value of
 * the wrong type, an unknown enum word, an unreadable time, a number too large, a document that is
 * not JSON at all — each becomes a {@link FieldError} naming the key (or {@code $} for the document
 * as a whole), never its value, and the rest of the lead is still read where it can be.
 *
 * <pre>{@code
 * LeadReading read = LeadRulesJson.defaults().readLead(message);
 * Qualification q = read.isValid() ? qualifier.qualify(read.lead()) : read.invalid(qualifier.fingerprint());
 * }</pre>
 *
 * @param lead   the lead as far as it could be read; never null (its id is null when none was read)
 * @param errors what could not be read, in document order; empty when the whole object was read
 */
public record LeadReading(Lead lead, List<FieldError> errors) {

    public LeadReading {
        Objects.requireNonNull(lead, "lead");
        errors = List.copyOf(errors);
    }

    /** Whether the whole object was read: the lead can be qualified as it is. */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * The INVALID qualification of a lead that could not be read: its errors, no rule fired, as the
     * qualifier itself reports a lead that fails validation.
     *
     * @param fingerprint the fingerprint of the rule set that would have decided it
     */
    public Qualification invalid(String fingerprint) {
        return new Qualification(lead.id(), Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(), errors,
                fingerprint);
    }
}
