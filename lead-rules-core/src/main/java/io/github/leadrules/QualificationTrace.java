package io.github.leadrules;

import io.github.leadrules.model.Qualification;

import java.util.List;

/**
 * A qualification together with every rule that fired for the lead, in firing order, including
 * routing rules whose proposal lost to a higher salience. For testing and explaining rules; normal
 * qualification does not collect it.
 *
 * @param qualification the decision
 * @param firedRuleIds  ids of the rules that fired for this lead, in firing order
 */
public record QualificationTrace(Qualification qualification, List<String> firedRuleIds) {
    /**
     * Copies the fired ids.
     *
     * @param qualification the decision
     * @param firedRuleIds ids of the rules that fired for this lead, in firing order
     */
    public QualificationTrace {
        firedRuleIds = List.copyOf(firedRuleIds);
    }

    /**
     * Whether the rule with this id fired for the lead.
     *
     * @param ruleId a rule's stable id
     * @return true when the rule's consequence ran for the lead
     */
    public boolean fired(String ruleId) {
        return firedRuleIds.contains(ruleId);
    }
}
