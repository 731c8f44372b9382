package io.github.leadrules.policy;

/** Company-size segment used to pick sales teams. */
public enum Segment {
    /** At least {@link RoutingPolicy#enterpriseEmployees()} employees. */
    ENTERPRISE,
    /** Smaller, or size unknown. */
    SMB,
    /** A team that takes either segment. */
    ANY
}
