package io.github.leadrules.internal;

import io.github.leadrules.model.Stage;

/**
 * The stage a session run is in, shared by the recorders of that run (one thread; the watchdog
 * reads it from another only after the run stalled, through the progress counter's ordering).
 */
public final class StageHolder {
    private Stage current = Stage.VALIDATION;

    public Stage current() {
        return current;
    }

    void enter(Stage stage) {
        current = stage;
    }
}
