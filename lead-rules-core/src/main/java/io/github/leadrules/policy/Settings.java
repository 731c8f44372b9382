package io.github.leadrules.policy;

/**
 * The values of one policy part, as a builder sets them. The builder holds one mutable copy per
 * part; each part checks and keeps its own copy, so a setting is one field here, one check and one
 * accessor in its part, one builder setter: copying between builder and part is {@link #copy()}.
 * Builders never change a collection in place; they replace it.
 *
 * <p>A new setting takes six edits in code: its field in the part's {@code Values}, its check in the
 * part's constructor, its accessor on the part, its setter on {@link LeadPolicy.Builder}, its value
 * in the shipped preset, its line in {@link PolicyFingerprint}. Then its key in {@link PolicyFile},
 * {@code docs/policy-file.md} and {@code examples/policy/lead-policy.yaml}, which tests hold to the
 * code; and a JavaBean getter on {@link LeadPolicy} only when DRL conditions read it as a property.
 *
 * @param <S> the part's settings type
 */
abstract class Settings<S extends Settings<S>> implements Cloneable {

    /** {@return a copy whose later changes do not reach this one} */
    @SuppressWarnings("unchecked")
    S copy() {
        try {
            return (S) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
