package io.github.leadrules;

import io.github.leadrules.model.Stage;

/**
 * One rule of the effective rule set, as marketing and sales read the agreement.
 *
 * @param id          the stable id, e.g. {@code "EXC-COMPETITOR"}
 * @param stage       the stage it runs in
 * @param name        the rule's sentence name
 * @param description the one-line business comment above the rule, or "" when there is none
 * @param source      the file (or classpath resource) it came from
 * @param line        the line of its {@code rule} keyword in that file
 * @param salience    its salience (routing: the higher wins)
 */
public record RuleDescription(String id, Stage stage, String name, String description, String source,
                              int line, int salience) {
}
