package io.github.leadrules.calibrate.internal;

import io.github.leadrules.model.FieldType;

/**
 * A field calibrate looks at.
 *
 * @param name     its policy name (standard field or attribute)
 * @param kind     how its values are binned
 * @param standard whether it is a standard lead field (no declaration needed)
 * @param declared the base policy's declaration, or null
 * @param inferred the type calibrate would declare for an undeclared attribute, or null
 */
public record FieldSpec(String name, Kind kind, boolean standard, FieldType declared, FieldType inferred) {

    /** How a field's values are binned. */
    public enum Kind {
        NUMBER("number"), TEXT("text"), CHOICE("choice"), FLAG("flag"), PRESENCE("presence"), DATE("date");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** {@return the kind's name in reports} */
        public String label() {
            return label;
        }
    }
}
