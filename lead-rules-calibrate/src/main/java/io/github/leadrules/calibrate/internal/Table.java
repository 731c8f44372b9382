package io.github.leadrules.calibrate.internal;

import io.github.leadrules.model.Lead;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The qualified leads as columns, read once: per field each lead's matching key (null when
 * missing), its cleaned spelling and, for numeric fields, its number; per lead the outcome and
 * what the base rules gave it (points, whether any urgency rule gave points, the lowest cap).
 */
public final class Table {

    final List<FieldSpec> fields;
    final String[][] keys;
    final String[][] spellings;
    final BigDecimal[][] numbers;
    /** Per field: non-missing values that do not read as the field's type. */
    final int[] unreadable;
    final boolean[] converted;
    final int[] baseScore;
    final boolean[] baseFired;
    final UrgencyLevel[] cap;
    final LeadPolicy policy;

    Table(List<FieldSpec> fields, List<Lead> leads, boolean[] converted, int[] baseScore, boolean[] baseFired,
          UrgencyLevel[] cap, LeadPolicy policy) {
        this.fields = List.copyOf(fields);
        this.policy = policy;
        int n = leads.size();
        this.keys = new String[fields.size()][n];
        this.spellings = new String[fields.size()][n];
        this.numbers = new BigDecimal[fields.size()][];
        this.unreadable = new int[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            FieldSpec spec = fields.get(f);
            if (spec.kind() == FieldSpec.Kind.NUMBER) {
                numbers[f] = new BigDecimal[n];
            }
            for (int i = 0; i < n; i++) {
                String raw = Fields.raw(leads.get(i), spec.name());
                if (Fields.missing(raw, policy)) {
                    continue;
                }
                switch (spec.kind()) {
                    case NUMBER -> {
                        BigDecimal v = Text.number(raw);
                        if (v == null) {
                            unreadable[f]++;
                        } else {
                            numbers[f][i] = v;
                            keys[f][i] = Text.plain(v);
                        }
                    }
                    case FLAG -> {
                        String v = Text.flag(raw);
                        if (v == null) {
                            unreadable[f]++;
                        } else {
                            keys[f][i] = v;
                            spellings[f][i] = v;
                        }
                    }
                    case PRESENCE -> keys[f][i] = "present";
                    default -> {
                        keys[f][i] = key(spec.name(), raw);
                        spellings[f][i] = Text.clean(raw);
                    }
                }
            }
        }
        this.converted = converted.clone();
        this.baseScore = baseScore.clone();
        this.baseFired = baseFired.clone();
        this.cap = cap.clone();
    }

    /** The matching key of a text value of a field: industries through the policy's aliases, as the qualifier compares them. */
    String key(String field, String value) {
        return field.equals("company.industry") ? policy.industryKey(value) : Text.key(value);
    }

    int size() {
        return converted.length;
    }

    int fieldIndex(String name) {
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(name)) {
                return f;
            }
        }
        return -1;
    }
}
