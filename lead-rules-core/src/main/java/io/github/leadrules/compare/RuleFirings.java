package io.github.leadrules.compare;

/**
 * How many leads one rule fired for under each rule set of a {@link QualificationDiff}. A routing
 * rule counts every lead it proposed a route for, including leads where a rule of higher salience won.
 *
 * @param ruleId      the rule's stable id
 * @param inBase      whether the base rule set has the rule (false: added or enabled by the candidate)
 * @param inCandidate whether the candidate rule set has the rule (false: removed or disabled)
 * @param base        leads it fired for under the base rules
 * @param candidate   leads it fired for under the candidate rules
 */
public record RuleFirings(String ruleId, boolean inBase, boolean inCandidate, int base, int candidate) {

    /** {@return {@code candidate - base}} */
    public int change() {
        return candidate - base;
    }
}
