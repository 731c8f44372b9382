package io.github.leadrules.calibrate.internal;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.calibrate.Calibration;
import io.github.leadrules.calibrate.ExclusionReport;
import io.github.leadrules.calibrate.FieldReport;
import io.github.leadrules.calibrate.HistoricalLead;
import io.github.leadrules.calibrate.LearnedSignal;
import io.github.leadrules.calibrate.TierStatistics;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Runs a calibration: the base qualifier, the table, the leakage guard, cross-validation, the final model. */
public final class Engine {

    /**
     * The calibrator's settings.
     *
     * @param folds            folds of the cross-validation
     * @param seed             seed of the shuffle
     * @param minimumSupport   fewest leads of a bin
     * @param priorWeight      m of the m-estimate
     * @param significance     |z| from which a difference counts
     * @param quantileBins     ranges a numeric field starts with
     * @param immediateShare   share aimed at IMMEDIATE
     * @param highShare        share aimed at HIGH or above
     * @param mediumShare      share aimed at MEDIUM or above
     * @param leakageAuc       AUC from which a field is left out as filled in after the sale
     * @param pointsPerDoubling points per doubling of the odds
     */
    public record Settings(int folds, long seed, int minimumSupport, double priorWeight, double significance,
                           int quantileBins, double immediateShare, double highShare, double mediumShare,
                           double leakageAuc, int pointsPerDoubling) {
    }

    /** The urgency caps of packaged rules: a lead they fire for keeps the cap whatever the points. */
    static final Map<String, UrgencyLevel> PACKAGED_CAPS = Map.of(
            "URG-TIMEFRAME-LATER", UrgencyLevel.MEDIUM,
            "URG-DOCUMENT-REQUEST-CAP", UrgencyLevel.MEDIUM,
            "URG-CONTENT-ONLY", UrgencyLevel.LOW);

    static final List<UrgencyLevel> TIERS = List.of(UrgencyLevel.IMMEDIATE, UrgencyLevel.HIGH, UrgencyLevel.MEDIUM,
            UrgencyLevel.LOW);

    private final Settings s;
    private final LeadQualifier qualifier;

    public Engine(Settings settings, LeadQualifier qualifier) {
        this.s = settings;
        this.qualifier = qualifier;
    }

    public Calibration run(List<HistoricalLead> history) {
        LeadPolicy policy = qualifier.policy();
        List<Lead> all = history.stream().map(HistoricalLead::lead).toList();
        List<Qualification> decided = decide(qualifier, all);
        int atSubmission = (int) all.stream().filter(l -> l.submittedAt() != null).count();
        List<Lead> qualified = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        List<Qualification> base = new ArrayList<>();
        Map<String, int[]> excludedBy = new TreeMap<>();
        int undecidable = 0;
        int excluded = 0;
        int decidableConverted = 0;
        for (int i = 0; i < history.size(); i++) {
            Qualification q = decided.get(i);
            boolean y = history.get(i).converted();
            if (q.outcome() == Outcome.QUALIFIED) {
                qualified.add(all.get(i));
                outcomes.add(y);
                base.add(q);
                decidableConverted += y ? 1 : 0;
            } else if (q.outcome() == Outcome.EXCLUDED) {
                excluded++;
                decidableConverted += y ? 1 : 0;
                for (String id : q.exclusionIds()) {
                    int[] c = excludedBy.computeIfAbsent(id, x -> new int[2]);
                    c[0]++;
                    c[1] += y ? 1 : 0;
                }
            } else {
                undecidable++;
            }
        }
        int n = qualified.size();
        int converted = (int) outcomes.stream().filter(b -> b).count();
        if (n < s.folds()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d leads qualify under the base rules: too few to learn from in %d folds", n, s.folds()));
        }
        if (converted == 0 || converted == n) {
            throw new IllegalArgumentException(converted == 0 ? "no qualified lead converted: nothing to learn from"
                    : "every qualified lead converted: nothing to learn from");
        }
        boolean[] y = new boolean[n];
        int[] baseScore = new int[n];
        boolean[] baseFired = new boolean[n];
        UrgencyLevel[] cap = new UrgencyLevel[n];
        for (int i = 0; i < n; i++) {
            y[i] = outcomes.get(i);
            Qualification q = base.get(i);
            baseScore[i] = q.urgency().score();
            baseFired[i] = q.urgency().level() != UrgencyLevel.UNKNOWN;
            for (String id : q.urgency().signals()) {
                UrgencyLevel c = PACKAGED_CAPS.get(id);
                if (c != null && (cap[i] == null || c.rank() < cap[i].rank())) {
                    cap[i] = c;
                }
            }
        }
        List<FieldSpec> specs = Fields.discover(all, policy);
        Table table = new Table(specs, qualified, y, baseScore, baseFired, cap, policy);
        Learner learner = new Learner(table, s);
        int[] everyone = new int[n];
        for (int i = 0; i < n; i++) {
            everyone[i] = i;
        }

        // Leakage guard, on every qualified lead: a field that alone ranks the outcome almost perfectly.
        boolean[] leftOut = new boolean[specs.size()];
        String[] leakNotes = new String[specs.size()];
        for (int f = 0; f < specs.size(); f++) {
            if (specs.get(f).kind() == FieldSpec.Kind.DATE) {
                continue;
            }
            double auc = learner.auc(f, everyone);
            if (auc >= s.leakageAuc()) {
                leftOut[f] = true;
                leakNotes[f] = String.format(Locale.ROOT,
                        "looks filled in after the sale: alone it separates converted from not (AUC %.3f)", auc);
            }
        }

        Learner.Model model = learner.learn(everyone, leftOut);
        List<TierStatistics> tiers = crossValidate(table, learner, leftOut, y);

        Map<String, FieldType> fields = new LinkedHashMap<>(policy.fields());
        List<FieldReport> reports = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!policy.signals().isEmpty()) {
            warnings.add(String.format(Locale.ROOT, "the base policy's %d signals decided the leads learned from, but the written"
                    + " file replaces them (signals and signalsSheet); learn from a base without signals", policy.signals().size()));
        }
        for (int f = 0; f < specs.size(); f++) {
            FieldSpec spec = specs.get(f);
            int count = model.signalsPerField()[f];
            String note = leftOut[f] ? leakNotes[f] : model.notes()[f] == null ? "" : model.notes()[f];
            if (count > 0 && spec.inferred() != null) {
                fields.put(spec.name(), spec.inferred());
                note = "declared " + spec.inferred().kindName() + " (inferred)";
            }
            if (count > 0 && table.unreadable[f] > 0) {
                warnings.add(String.format(Locale.ROOT,
                        "%s: %d qualified leads hold a value that is not a %s; under the written policy such leads are INVALID"
                                + " (clean the column, or add the placeholder to missingValues)",
                        Text.escape(spec.name(), 60), table.unreadable[f],
                        spec.kind() == FieldSpec.Kind.FLAG ? "yes/no flag" : "number"));
            }
            reports.add(new FieldReport(spec.name(), spec.kind() == FieldSpec.Kind.CHOICE && spec.standard() ? "choice"
                    : spec.kind().label(), count, note));
        }
        for (String name : policy.fields().keySet()) {
            if (specs.stream().noneMatch(sp -> sp.name().equals(name))) {
                reports.add(new FieldReport(name, policy.fields().get(name).kindName(), 0, "no lead has a value"));
            }
        }

        int decidable = n + excluded;
        double decidableRate = decidable == 0 ? 0 : (double) decidableConverted / decidable;
        List<ExclusionReport> exclusions = new ArrayList<>();
        excludedBy.forEach((id, c) -> {
            double rate = (double) c[1] / c[0];
            exclusions.add(new ExclusionReport(id, c[0], c[1], rate, decidableRate == 0 ? 0 : rate / decidableRate));
        });
        exclusions.sort(Comparator.comparingInt(ExclusionReport::converted).reversed()
                .thenComparing(ExclusionReport::ruleId));

        warnings.addAll(dominantRules(base, decided));
        return new Calibration(history.size(), atSubmission, undecidable, excluded, n, converted, (double) converted / n,
                s.folds(), s.seed(), fields, model.signals(), model.thresholds(), reports, tiers, exclusions, warnings);
    }

    /** The share of the leads from which one packaged rule firing on nearly all of them is worth a warning. */
    static final double DOMINANT_SHARE = 0.90;

    /** Each lead decided as of its own submission time: {@link LeadQualifier#qualifyAllAtSubmission}. */
    public static List<Qualification> decide(LeadQualifier qualifier, List<Lead> leads) {
        return qualifier.qualifyAllAtSubmission(leads);
    }

    /**
     * A warning per packaged urgency rule that fired for at least {@link #DOMINANT_SHARE} of the
     * qualified leads, and per packaged exclusion rule that excluded at least that share of the
     * decided (qualified or excluded) leads: such a rule says more about how the history was
     * judged (the wrong "now", a column not mapped) than about the leads.
     */
    static List<String> dominantRules(List<Qualification> qualified, List<Qualification> decided) {
        Map<String, Integer> urgency = new TreeMap<>();
        for (Qualification q : qualified) {
            for (String id : new java.util.TreeSet<>(q.urgency().signals())) {
                if (id.startsWith("URG-") && io.github.leadrules.PackagedRules.ALL.contains(id)) {
                    urgency.merge(id, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> exclusion = new TreeMap<>();
        int decidable = 0;
        for (Qualification q : decided) {
            if (q.outcome() != Outcome.QUALIFIED && q.outcome() != Outcome.EXCLUDED) {
                continue;
            }
            decidable++;
            for (String id : new java.util.TreeSet<>(q.exclusionIds())) {
                if (id.startsWith("EXC-") && io.github.leadrules.PackagedRules.ALL.contains(id)) {
                    exclusion.merge(id, 1, Integer::sum);
                }
            }
        }
        List<String> out = new ArrayList<>();
        int n = qualified.size();
        urgency.forEach((id, count) -> {
            if (dominant(count, n)) {
                out.add(String.format(Locale.ROOT, "%s fired for %,d of the %,d leads learned from (%.0f %%): a packaged rule"
                        + " that fires for nearly every lead usually means the history is judged at the wrong time"
                        + " (no submission time mapped?), a column is missing or the base policy does not fit this history", id, count, n, 100.0 * count / n));
            }
        });
        int d = decidable;
        exclusion.forEach((id, count) -> {
            if (dominant(count, d)) {
                out.add(String.format(Locale.ROOT, "%s excluded %,d of the %,d decided leads (%.0f %%): a packaged rule"
                        + " that fires for nearly every lead usually means the history is judged at the wrong time"
                        + " (no submission time mapped?), a column is missing or the base policy does not fit this history", id, count, d, 100.0 * count / d));
            }
        });
        return out;
    }

    /** Whether {@code count} of {@code n} is at least {@link #DOMINANT_SHARE}, in integers (no rounding at the limit). */
    static boolean dominant(int count, int n) {
        return n > 0 && count * 100L >= n * Math.round(DOMINANT_SHARE * 100);
    }

    /** Folds stratified by outcome: converters and the others each shuffled with the seed, then dealt in turn. */
    static int[] folds(boolean[] y, int folds, long seed) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            (y[i] ? pos : neg).add(i);
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(pos, random);
        java.util.Collections.shuffle(neg, random);
        int[] fold = new int[y.length];
        int next = 0;
        for (int i : pos) {
            fold[i] = next++ % folds;
        }
        for (int i : neg) {
            fold[i] = next++ % folds;
        }
        return fold;
    }

    private List<TierStatistics> crossValidate(Table table, Learner learner, boolean[] leftOut, boolean[] y) {
        int[] fold = folds(y, s.folds(), s.seed());
        int tiers = TIERS.size();
        double[][] lift = new double[tiers][s.folds()];
        double[][] capture = new double[tiers][s.folds()];
        double[][] share = new double[tiers][s.folds()];
        int[] leads = new int[tiers];
        int[] conversions = new int[tiers];
        for (int f = 0; f < s.folds(); f++) {
            int held = 0;
            for (int v : fold) {
                held += v == f ? 1 : 0;
            }
            int[] train = new int[y.length - held];
            int[] test = new int[held];
            int a = 0;
            int b = 0;
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) {
                    test[b++] = i;
                } else {
                    train[a++] = i;
                }
            }
            Learner.Model model = learner.learn(train, leftOut);
            Scorer scorer = new Scorer(table, model.signals());
            int[] n = new int[tiers];
            int[] k = new int[tiers];
            int kAll = 0;
            for (int i : test) {
                int t = tierIndex(scorer.level(i, model.thresholds()));
                n[t]++;
                k[t] += y[i] ? 1 : 0;
                kAll += y[i] ? 1 : 0;
            }
            double rate = test.length == 0 ? 0 : (double) kAll / test.length;
            for (int t = 0; t < tiers; t++) {
                leads[t] += n[t];
                conversions[t] += k[t];
                share[t][f] = test.length == 0 ? 0 : (double) n[t] / test.length;
                lift[t][f] = n[t] == 0 || rate == 0 ? 0 : ((double) k[t] / n[t]) / rate;
                capture[t][f] = kAll == 0 ? 0 : (double) k[t] / kAll;
            }
        }
        List<TierStatistics> out = new ArrayList<>();
        for (int t = 0; t < tiers; t++) {
            out.add(new TierStatistics(TIERS.get(t), leads[t], conversions[t], Stats.mean(share[t]),
                    Stats.mean(lift[t]), Stats.spread(lift[t]), Stats.mean(capture[t]), Stats.spread(capture[t])));
        }
        return out;
    }

    /** IMMEDIATE 0 … LOW 3; UNKNOWN counts as LOW. */
    static int tierIndex(UrgencyLevel level) {
        return switch (level) {
            case IMMEDIATE -> 0;
            case HIGH -> 1;
            case MEDIUM -> 2;
            default -> 3;
        };
    }

    /**
     * What the learned signals do to one lead under the base rules, as the internal scorer sees it.
     *
     * @param qualified whether the base rules qualify it (only then has it an urgency)
     * @param level     its urgency level with the learned signals and thresholds; null when not qualified
     * @param signals   ids of the learned signals that fire for it
     */
    public record Applied(boolean qualified, UrgencyLevel level, java.util.Set<String> signals) {
    }

    /**
     * Applies a calibration's signals and thresholds to leads with the internal scorer, in input
     * order: for tests and the evaluation, to compare with the qualifier reading the written file.
     */
    public static List<Applied> apply(Calibration c, List<Lead> all, LeadQualifier qualifier) {
        List<Qualification> decided = decide(qualifier, all);
        List<Lead> kept = new ArrayList<>();
        List<Qualification> base = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (decided.get(i).outcome() == Outcome.QUALIFIED) {
                kept.add(all.get(i));
                base.add(decided.get(i));
            }
        }
        int n = kept.size();
        int[] baseScore = new int[n];
        boolean[] baseFired = new boolean[n];
        UrgencyLevel[] cap = new UrgencyLevel[n];
        for (int i = 0; i < n; i++) {
            Qualification q = base.get(i);
            baseScore[i] = q.urgency().score();
            baseFired[i] = q.urgency().level() != UrgencyLevel.UNKNOWN;
            for (String id : q.urgency().signals()) {
                UrgencyLevel lv = PACKAGED_CAPS.get(id);
                if (lv != null && (cap[i] == null || lv.rank() < cap[i].rank())) {
                    cap[i] = lv;
                }
            }
        }
        List<FieldSpec> specs = new ArrayList<>();
        for (LearnedSignal sg : c.signals()) {
            String name = sg.condition().field();
            if (specs.stream().noneMatch(sp -> sp.name().equals(name))) {
                specs.add(Fields.spec(name, c.fields().get(name)));
            }
        }
        Table table = new Table(specs, kept, new boolean[n], baseScore, baseFired, cap, qualifier.policy());
        Scorer scorer = new Scorer(table, c.signals());
        List<Applied> out = new ArrayList<>();
        int row = 0;
        for (int i = 0; i < all.size(); i++) {
            if (decided.get(i).outcome() != Outcome.QUALIFIED) {
                out.add(new Applied(false, null, java.util.Set.of()));
                continue;
            }
            java.util.Set<String> fired = new java.util.TreeSet<>();
            for (int s = 0; s < c.signals().size(); s++) {
                if (scorer.matches(s, row)) {
                    fired.add(c.signals().get(s).id());
                }
            }
            out.add(new Applied(true, scorer.level(row, c.thresholds()), fired));
            row++;
        }
        return out;
    }
}
