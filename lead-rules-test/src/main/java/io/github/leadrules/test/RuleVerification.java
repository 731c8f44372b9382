package io.github.leadrules.test;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Lead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rule, waiting for the leads to try it on: {@code verifier.rule("EXC-COMPETITOR").given(...)}.
 * Obtained from {@link RuleVerifier#rule(String)}.
 */
public final class RuleVerification {

    private final RuleVerifier verifier;
    private final RuleDescription rule;

    RuleVerification(RuleVerifier verifier, RuleDescription rule) {
        this.verifier = verifier;
        this.rule = rule;
    }

    /**
     * Qualifies the leads together, in one call, and returns the assertions on this rule.
     *
     * @param leads the leads, each with its own id
     * @return the assertions on this rule
     * @throws IllegalArgumentException when no lead is given, a lead is null, or two leads share an
     *                                  id (leads are told apart by id), or a lead has no id
     */
    public RuleAssert given(Lead... leads) {
        Objects.requireNonNull(leads, "leads");
        return given(Arrays.asList(leads));
    }

    /**
     * Like {@link #given(Lead...)}, for a list of leads.
     *
     * @param leads the leads, each with its own id
     * @return the assertions on this rule
     */
    public RuleAssert given(List<Lead> leads) {
        Objects.requireNonNull(leads, "leads");
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("given: give at least one lead to try rule " + rule.id() + " on");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            if (lead == null) {
                throw new IllegalArgumentException("given: lead [" + i + "] is null");
            }
            if (lead.id() == null || lead.id().isBlank()) {
                throw new IllegalArgumentException("given: lead [" + i + "] has no id; the verifier tells leads apart by id");
            }
            if (!ids.add(lead.id())) {
                throw new IllegalArgumentException("given: two leads have the id " + lead.id()
                        + "; the verifier tells leads apart by id, so give each lead its own");
            }
        }
        List<Lead> copy = List.copyOf(new ArrayList<>(leads));
        List<QualificationTrace> traces = verifier.qualifier().trace(copy);
        return new RuleAssert(verifier, rule, copy, traces);
    }

    /** {@return the rule under test} */
    public RuleDescription rule() {
        return rule;
    }
}
