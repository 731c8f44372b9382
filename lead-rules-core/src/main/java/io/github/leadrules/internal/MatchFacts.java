package io.github.leadrules.internal;

import io.github.leadrules.rules.Assessment;
import io.github.leadrules.rules.LeadContext;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.rule.Match;

/**
 * The lead a rule firing is about, read off the match's tuple without the list of objects Drools
 * builds for {@link Match#getObjects()}: asked twice per firing, that list was a good part of what
 * a lead cost to qualify.
 */
final class MatchFacts {

    private MatchFacts() {
    }

    /**
     * The first {@link LeadContext}, or the context of the first {@link Assessment}, among the
     * match's facts in the order of the rule's patterns; null when there is none.
     */
    static LeadContext leadOf(Match match) {
        if (match instanceof InternalMatch internal && internal.getTuple() != null) {
            // The tuple chain runs from the last pattern to the first: the last one found is the first.
            LeadContext first = null;
            for (TupleImpl t = internal.getTuple(); t != null; t = t.getParent()) {
                InternalFactHandle handle = t.getFactHandle();
                Object fact = handle == null ? null : handle.getObject();
                if (fact instanceof LeadContext c) {
                    first = c;
                } else if (fact instanceof Assessment a) {
                    first = a.getContext();
                }
            }
            return first;
        }
        for (Object fact : match.getObjects()) {
            if (fact instanceof LeadContext c) {
                return c;
            }
            if (fact instanceof Assessment a) {
                return a.getContext();
            }
        }
        return null;
    }
}
