package io.github.leadrules.model;

import java.util.Locale;

/**
 * The pipeline stages, in the order the library runs them. Each rule stage is a Drools agenda
 * group of the same name in lower case ({@code ruleflow-group "exclusion"}; {@code agenda-group} works too).
 */
public enum Stage {
    /** Plain-Java validation and normalisation, before any rule. */
    VALIDATION,
    /** Does the lead count as a new sales lead at all? */
    EXCLUSION,
    /** How soon and how pressingly will it buy? */
    URGENCY,
    /** Who works it next? */
    ROUTING,
    /** The library itself (errors, fallbacks). */
    ENGINE;

    /** {@return the agenda group name rules of this stage declare, e.g. {@code "exclusion"}} */
    public String agendaGroup() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the three stages that run rules, in order} */
    public static Stage[] ruleStages() {
        return new Stage[] {EXCLUSION, URGENCY, ROUTING};
    }
}
