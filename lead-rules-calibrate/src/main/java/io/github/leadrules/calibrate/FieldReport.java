package io.github.leadrules.calibrate;

/**
 * What calibrate made of one field.
 *
 * @param field   the field's policy name
 * @param kind    how it was read: {@code number}, {@code text}, {@code flag}, {@code choice},
 *                {@code presence} (personal data: only whether it is there), or {@code date}
 * @param signals how many signals were learned from it (0 when left out)
 * @param note    why it was left out, or what to know about it; empty when there is nothing to say
 */
public record FieldReport(String field, String kind, int signals, String note) {

    /** {@return whether the field gave at least one signal} */
    public boolean used() {
        return signals > 0;
    }
}
