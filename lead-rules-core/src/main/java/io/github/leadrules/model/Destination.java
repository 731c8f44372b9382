package io.github.leadrules.model;

/** Who works the lead next. */
public enum Destination {
    /** Field sales (フィールドセールス), by territory and segment. */
    FIELD_SALES,
    /** Inside sales (インサイドセールス): the team that owns the gap between marketing and field sales. */
    INSIDE_SALES,
    /** The owner of the matched account. */
    ACCOUNT_OWNER,
    /** A nurture track (ナーチャリング): content until the lead is ready. */
    NURTURE,
    /** Nobody: the lead is not a sales lead. */
    NONE
}
