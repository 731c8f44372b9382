package io.github.leadrules.calibrate.internal;

import io.github.leadrules.calibrate.Condition;
import io.github.leadrules.calibrate.LearnedSignal;
import io.github.leadrules.calibrate.UrgencyThresholds;
import io.github.leadrules.model.UrgencyLevel;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies learned signals to the leads of a {@link Table} the way the qualifier applies policy
 * signals: a missing value matches only {@code missing}; text compares by matching key; the score
 * is the base rules' points plus the points of every signal that matches; a lead no urgency rule
 * gave points to is UNKNOWN; the base rules' caps still apply.
 */
final class Scorer {

    private record Compiled(int field, Condition.Operator op, Set<String> keys, BigDecimal low, BigDecimal high,
                            int points) {
    }

    private final Table table;
    private final Compiled[] compiled;

    Scorer(Table table, List<LearnedSignal> signals) {
        this.table = table;
        this.compiled = new Compiled[signals.size()];
        for (int i = 0; i < signals.size(); i++) {
            LearnedSignal s = signals.get(i);
            Condition c = s.condition();
            int f = table.fieldIndex(c.field());
            if (f < 0) {
                throw new IllegalStateException("signal " + s.id() + " names a field the table does not have");
            }
            Set<String> keys = new HashSet<>();
            BigDecimal low = null;
            BigDecimal high = null;
            switch (c.operator()) {
                case EQUALS, IN, NOT_IN -> c.values().forEach(v -> keys.add(v instanceof BigDecimal b ? Text.plain(b)
                        : table.key(c.field(), String.valueOf(v))));
                case AT_LEAST -> low = (BigDecimal) c.values().get(0);
                case BELOW -> high = (BigDecimal) c.values().get(0);
                case BETWEEN -> {
                    low = (BigDecimal) c.values().get(0);
                    high = (BigDecimal) c.values().get(1);
                }
                default -> {
                }
            }
            compiled[i] = new Compiled(f, c.operator(), keys, low, high, s.points());
        }
    }

    /** Whether signal {@code s} fires for lead {@code row}. */
    boolean matches(int s, int row) {
        Compiled c = compiled[s];
        String key = table.keys[c.field()][row];
        if (c.op() == Condition.Operator.MISSING) {
            return key == null;
        }
        if (key == null) {
            return false;
        }
        return switch (c.op()) {
            case PRESENT -> true;
            case EQUALS, IN -> c.keys().contains(key);
            case NOT_IN -> !c.keys().contains(key);
            case AT_LEAST -> table.numbers[c.field()][row].compareTo(c.low()) >= 0;
            case BELOW -> table.numbers[c.field()][row].compareTo(c.high()) < 0;
            case BETWEEN -> table.numbers[c.field()][row].compareTo(c.low()) >= 0
                    && table.numbers[c.field()][row].compareTo(c.high()) < 0;
            default -> false;
        };
    }

    /** The summed points of the signals that fire, or null when none does. */
    Integer learnedPoints(int row) {
        Integer sum = null;
        for (int s = 0; s < compiled.length; s++) {
            if (matches(s, row)) {
                sum = (sum == null ? 0 : sum) + compiled[s].points();
            }
        }
        return sum;
    }

    /** The lead's score: the base rules' points plus the learned ones. */
    int score(int row) {
        Integer learned = learnedPoints(row);
        return table.baseScore[row] + (learned == null ? 0 : learned);
    }

    /** The urgency level the qualifier would give the lead with these signals and thresholds. */
    UrgencyLevel level(int row, UrgencyThresholds th) {
        Integer learned = learnedPoints(row);
        if (learned == null && !table.baseFired[row]) {
            return UrgencyLevel.UNKNOWN;
        }
        int score = table.baseScore[row] + (learned == null ? 0 : learned);
        UrgencyLevel level = score >= th.immediate() ? UrgencyLevel.IMMEDIATE
                : score >= th.high() ? UrgencyLevel.HIGH
                : score >= th.medium() ? UrgencyLevel.MEDIUM : UrgencyLevel.LOW;
        UrgencyLevel cap = table.cap[row];
        return cap != null && cap.rank() < level.rank() ? cap : level;
    }
}
