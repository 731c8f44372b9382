package io.github.leadrules.test;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.model.Lead;

import java.util.List;
import java.util.Objects;

/**
 * The whole pipeline, waiting for a lead: {@code verifier.pipeline().given(lead).yields(...)}.
 * Obtained from {@link RuleVerifier#pipeline()}.
 */
public final class PipelineVerification {

    private final RuleVerifier verifier;

    PipelineVerification(RuleVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Qualifies the lead through every stage and returns the assertions on its qualification. The
     * lead may be invalid: assert {@code yields(Outcome.INVALID)} for that.
     *
     * @param lead the lead
     * @return the assertions on its qualification
     */
    public PipelineAssert given(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        QualificationTrace trace = verifier.qualifier().trace(List.of(lead)).get(0);
        return new PipelineAssert(verifier, trace);
    }
}
