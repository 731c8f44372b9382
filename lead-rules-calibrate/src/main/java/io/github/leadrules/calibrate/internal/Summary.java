package io.github.leadrules.calibrate.internal;

import io.github.leadrules.calibrate.Calibration;
import io.github.leadrules.calibrate.Condition;
import io.github.leadrules.calibrate.ExclusionReport;
import io.github.leadrules.calibrate.FieldReport;
import io.github.leadrules.calibrate.LearnedSignal;
import io.github.leadrules.calibrate.TierStatistics;

import java.math.BigDecimal;
import java.util.Locale;

/** The readable summary of a calibration. */
public final class Summary {

    private Summary() {
    }

    public static String of(Calibration c) {
        StringBuilder sb = new StringBuilder(2048);
        line(sb, "learned from %,d qualified leads of %,d (%,d excluded by the base rules, %,d invalid); "
                        + "%,d converted, base rate %.1f %%",
                c.learnedFrom(), c.rows(), c.excluded(), c.undecidable(), c.converted(), 100 * c.baseRate());
        line(sb, "%,d of %,d leads judged as of their submission time%s", c.judgedAtSubmission(), c.rows(),
                c.judgedAtSubmission() == c.rows() ? "" : ", the others as of the clock");
        line(sb, "%d-fold cross-validation, seed %d", c.folds(), c.seed());
        sb.append('\n').append("fields\n");
        for (FieldReport f : c.fieldReports()) {
            if (f.used()) {
                line(sb, "  used      %s (%s): %d signal%s%s", Text.escape(f.field(), 60), f.kind(), f.signals(),
                        f.signals() == 1 ? "" : "s", f.note().isEmpty() ? "" : "; " + f.note());
            }
        }
        for (FieldReport f : c.fieldReports()) {
            if (!f.used()) {
                line(sb, "  left out  %s (%s): %s", Text.escape(f.field(), 60), f.kind(), f.note());
            }
        }
        sb.append('\n');
        line(sb, "urgency thresholds: immediate %d, high %d, medium %d", c.thresholds().immediate(),
                c.thresholds().high(), c.thresholds().medium());
        sb.append('\n');
        line(sb, "tiers out of fold (mean ± spread over %d folds; LOW includes leads no rule gave points to)", c.folds());
        line(sb, "  %-10s %7s %7s %9s %15s %17s", "tier", "leads", "share", "conv.", "lift", "capture");
        for (TierStatistics t : c.tiers()) {
            line(sb, "  %-10s %,7d %6.1f%% %8.1f%% %8.2f ± %4.2f %8.1f%% ± %4.1f%%", t.level(), t.leads(),
                    100 * t.shareMean(), t.leads() == 0 ? 0.0 : 100.0 * t.conversions() / t.leads(), t.liftMean(),
                    t.liftSpread(), 100 * t.captureMean(), 100 * t.captureSpread());
        }
        sb.append('\n');
        if (c.signals().isEmpty()) {
            sb.append("signals: none learned\n");
        } else {
            sb.append("signals (learned on every qualified lead)\n");
            for (LearnedSignal s : c.signals()) {
                line(sb, "  %-40s %+5d  %s  (support %,d, conversion %.1f %%, lift %.2f)", s.id(), s.points(),
                        describe(s.condition()), s.support(), 100 * s.conversionRate(), s.lift());
            }
        }
        sb.append('\n');
        if (c.exclusions().isEmpty()) {
            sb.append("exclusion rules: none excluded a lead\n");
        } else {
            sb.append("exclusion rules (never changed by calibrate): converted leads each threw away\n");
            for (ExclusionReport e : c.exclusions()) {
                line(sb, "  %-28s %,7d excluded, %,6d converted (%.1f %%, lift %.2f)", e.ruleId(), e.excluded(),
                        e.converted(), 100 * e.conversionRate(), e.lift());
            }
        }
        if (!c.warnings().isEmpty()) {
            sb.append('\n').append("warnings\n");
            for (String w : c.warnings()) {
                sb.append("  ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    /** A condition in words; values escaped and cut at 40 characters. */
    public static String describe(Condition c) {
        String field = Text.escape(c.field(), 40);
        return switch (c.operator()) {
            case MISSING -> field + " is missing";
            case PRESENT -> field + " is present";
            case EQUALS -> field + " = " + value(c.values().get(0));
            case IN -> field + " in " + values(c);
            case NOT_IN -> field + " not in " + values(c);
            case AT_LEAST -> field + " ≥ " + value(c.values().get(0));
            case BELOW -> field + " < " + value(c.values().get(0));
            case BETWEEN -> value(c.values().get(0)) + " ≤ " + field + " < " + value(c.values().get(1));
        };
    }

    private static String values(Condition c) {
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(5, c.values().size());
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(value(c.values().get(i)));
        }
        if (shown < c.values().size()) {
            sb.append(", … ").append(c.values().size() - shown).append(" more");
        }
        return sb.append(']').toString();
    }

    private static String value(Object v) {
        if (v instanceof BigDecimal b) {
            return Text.plain(b);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        return "\"" + Text.escape(String.valueOf(v), 40) + "\"";
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
