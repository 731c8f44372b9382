package io.github.leadrules.model;

/** The headline of a qualification. */
public enum Outcome {
    /** Counts as a real sales lead. */
    QUALIFIED,
    /** Not a new sales lead, for the reasons in {@link Qualification#exclusions()}. */
    EXCLUDED,
    /** The input was unusable; see {@link Qualification#fieldErrors()}. */
    INVALID,
    /** The rules failed on this lead (a rule threw or exceeded its firing bound). */
    ERROR
}
