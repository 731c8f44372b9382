package io.github.leadrules.internal;

import java.util.Objects;

/**
 * One DRL text and the name errors should show for it (a file path or classpath resource).
 *
 * @param name     the display name, e.g. "io/github/leadrules/rules/exclusion.drl" or "rules/extra.drl"
 * @param text     the DRL
 * @param packaged whether it ships with the library
 */
public record RuleSource(String name, String text, boolean packaged) {
    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
