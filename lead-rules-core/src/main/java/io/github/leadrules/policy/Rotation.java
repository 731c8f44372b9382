package io.github.leadrules.policy;

/**
 * How the reps of a team take turns for leads that no account owner takes, when owner assignment
 * comes from the policy ({@link RoutingPolicy#rotation()}).
 */
public enum Rotation {
    /** Nobody is picked: the lead waits in the team's queue. The default; decisions do not depend on order. */
    NONE,
    /** The team's available reps in turn, in the order the policy lists them. */
    ROUND_ROBIN,
    /** Like round robin, but each rep takes leads in proportion to their weight, up to their capacity. */
    WEIGHTED_ROUND_ROBIN
}
