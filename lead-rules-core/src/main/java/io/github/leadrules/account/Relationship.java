package io.github.leadrules.account;

/** What a known account is to the host. */
public enum Relationship {
    /** A paying customer (既存顧客): its leads are not new leads, but go to the account owner. */
    CUSTOMER,
    /** A competitor (競合). */
    COMPETITOR,
    /** A prospect with an open opportunity (商談中). */
    OPEN_OPPORTUNITY,
    /** A known prospect account, possibly with an owner. */
    PROSPECT,
    /** A partner or reseller. */
    PARTNER
}
