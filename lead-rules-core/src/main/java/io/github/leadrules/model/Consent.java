package io.github.leadrules.model;

/** The lead's consent to be contacted. */
public enum Consent {
    /** Explicitly agreed to be contacted. */
    GIVEN,
    /** Opted out or withdrew consent (配信停止). */
    OPTED_OUT,
    /** Not recorded. */
    UNKNOWN
}
