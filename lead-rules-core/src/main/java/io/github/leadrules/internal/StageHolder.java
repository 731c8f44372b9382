package io.github.leadrules.internal;

import io.github.leadrules.model.Stage;
import org.kie.api.definition.rule.Rule;

/**
 * The stage a session run is in and the rule whose action is running, shared by the recorders of
 * that run. A session runs on one thread (the caller's or a watchdog worker's), so a per-session
 * holder, not a thread-local, is what every recorder of the run sees; the watchdog reads it from
 * another thread only after the run stalled, through the progress counter's ordering.
 */
public final class StageHolder {
    private Stage current = Stage.VALIDATION;
    private Rule firing;

    /** {@return the stage the run is in} */
    public Stage current() {
        return current;
    }

    /** {@return the rule whose action is running, or null between firings (e.g. while a condition is evaluated)} */
    public Rule firing() {
        return firing;
    }

    void enter(Stage stage) {
        current = stage;
    }

    void firing(Rule rule) {
        firing = rule;
    }
}
