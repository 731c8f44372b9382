package io.github.leadrules.internal;

import java.util.Objects;

/**
 * One DRL text and the name errors should show for it (a file path or classpath resource).
 *
 * @param name     the display name, e.g. "io/github/leadrules/rules/exclusion.drl" or "rules/extra.drl"
 * @param text     the DRL
 * @param packaged whether it ships with the library
 * @param model    for host rules the host's build precompiled, the classpath resource listing the
 *                 executable model's classes ({@code META-INF/kie/<group>/<artifact>/drools-model});
 *                 null for rules compiled from the text at run time
 */
public record RuleSource(String name, String text, boolean packaged, String model) {
    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** Rules compiled from their text at run time (the packaged ones precompiled when no stage is replaced). */
    public RuleSource(String name, String text, boolean packaged) {
        this(name, text, packaged, null);
    }
}
