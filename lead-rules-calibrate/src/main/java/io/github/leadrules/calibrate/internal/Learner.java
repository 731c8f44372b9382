package io.github.leadrules.calibrate.internal;

import io.github.leadrules.calibrate.Condition;
import io.github.leadrules.calibrate.Condition.Operator;
import io.github.leadrules.calibrate.LearnedSignal;
import io.github.leadrules.calibrate.UrgencyThresholds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Learns signals and thresholds from some leads of a {@link Table}; see {@code Calibrator} for the method. */
final class Learner {

    /** What was learned from one set of leads. */
    record Model(List<LearnedSignal> signals, UrgencyThresholds thresholds, int[] signalsPerField, String[] notes) {
    }

    /** A bin of one field: its condition, an id suffix, its leads and conversions. */
    record Bin(Condition condition, String suffix, int n, int k, boolean neutral) {
        Bin(Condition condition, String suffix, int n, int k) {
            this(condition, suffix, n, k, false);
        }
    }

    private final Table t;
    private final Engine.Settings s;

    Learner(Table t, Engine.Settings s) {
        this.t = t;
        this.s = s;
    }

    Model learn(int[] rows, boolean[] leftOut) {
        int k = 0;
        for (int r : rows) {
            if (t.converted[r]) {
                k++;
            }
        }
        double p0 = rows.length == 0 ? 0 : (double) k / rows.length;
        List<LearnedSignal> signals = new ArrayList<>();
        int[] perField = new int[t.fields.size()];
        String[] notes = new String[t.fields.size()];
        Set<String> ids = new HashSet<>();
        for (int f = 0; f < t.fields.size(); f++) {
            FieldSpec spec = t.fields.get(f);
            if (leftOut[f]) {
                continue;
            }
            if (spec.kind() == FieldSpec.Kind.DATE) {
                notes[f] = "dates are not binned";
                continue;
            }
            if (p0 <= 0 || p0 >= 1) {
                notes[f] = "every lead learned from had the same outcome";
                continue;
            }
            List<Bin> bins = spec.kind() == FieldSpec.Kind.NUMBER ? numericBins(f, rows) : categoricalBins(f, rows);
            String fieldSlug = Text.slug(spec.name(), 40);
            if (fieldSlug.isEmpty()) {
                fieldSlug = "FIELD" + (f + 1);
            }
            for (Map.Entry<Bin, Integer> e : pointed(bins, p0, spec).entrySet()) {
                Bin b = e.getKey();
                int pts = e.getValue();
                if (pts == 0) {
                    continue;
                }
                String id = "CAL-" + fieldSlug + "-" + b.suffix();
                if (id.length() > 60) {
                    id = id.substring(0, 60).replaceAll("-+$", "");
                }
                String unique = id;
                for (int n = 2; !ids.add(unique); n++) {
                    unique = id + "-" + n;
                }
                double rate = (double) b.k() / b.n();
                signals.add(new LearnedSignal(unique, b.condition(), pts, b.n(), b.k(), rate, rate / p0));
                perField[f]++;
            }
            if (perField[f] == 0) {
                notes[f] = "no value or range converts differently enough from the rest";
            }
        }
        UrgencyThresholds thresholds = thresholds(new Scorer(t, signals), rows);
        return new Model(signals, thresholds, perField, notes);
    }

    /**
     * Each bin's points: {@code d · log₂(odds(p̂) / odds(p₀))} (0 for a neutral bin: blanks that do
     * not differ significantly), less the field's lowest such value, rounded. The bins of a field
     * cover every lead, so the shift moves every lead's score by the same amount and keeps every
     * point at 0 or above. Text bins that get the same points then become one {@code in} bin
     * (flags stay apart).
     */
    private Map<Bin, Integer> pointed(List<Bin> bins, double p0, FieldSpec spec) {
        Map<Bin, Integer> out = new LinkedHashMap<>();
        if (bins.isEmpty()) {
            return out;
        }
        double[] evidence = new double[bins.size()];
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            evidence[i] = b.neutral() ? 0 : Stats.log2OddsRatio(Stats.shrunk(b.k(), b.n(), p0, s.priorWeight()), p0);
            lowest = Math.min(lowest, evidence[i]);
        }
        Map<Integer, List<Bin>> byPoints = new LinkedHashMap<>();
        for (int i = 0; i < bins.size(); i++) {
            int pts = (int) Math.max(-1000, Math.min(1000, Math.round(s.pointsPerDoubling() * (evidence[i] - lowest))));
            Bin b = bins.get(i);
            if (b.condition().operator() == Operator.EQUALS && spec.kind() != FieldSpec.Kind.FLAG) {
                byPoints.computeIfAbsent(pts, x -> new ArrayList<>()).add(b);
            } else {
                out.put(b, pts);
            }
        }
        Map<Bin, Integer> ordered = new LinkedHashMap<>();
        int group = 0;
        for (Bin b : bins) {
            if (out.containsKey(b)) {
                ordered.put(b, out.get(b));
                continue;
            }
            for (Map.Entry<Integer, List<Bin>> e : byPoints.entrySet()) {
                List<Bin> same = e.getValue();
                if (same.isEmpty() || same.get(0) != b) {
                    continue;
                }
                if (same.size() == 1) {
                    ordered.put(b, e.getKey());
                } else {
                    List<Object> values = new ArrayList<>();
                    int n = 0;
                    int k = 0;
                    for (Bin x : same) {
                        values.add(x.condition().values().get(0));
                        n += x.n();
                        k += x.k();
                    }
                    ordered.put(new Bin(new Condition(b.condition().field(), Operator.IN, values), "GROUP" + (++group), n, k),
                            e.getKey());
                }
            }
        }
        return ordered;
    }

    private List<Bin> categoricalBins(int f, int[] rows) {
        FieldSpec spec = t.fields.get(f);
        String[] keys = t.keys[f];
        TreeMap<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        int nMissing = 0;
        int kMissing = 0;
        int total = rows.length;
        int kTotal = 0;
        for (int r : rows) {
            boolean y = t.converted[r];
            if (y) {
                kTotal++;
            }
            String key = keys[r];
            if (key == null) {
                nMissing++;
                kMissing += y ? 1 : 0;
                continue;
            }
            int[] c = counts.computeIfAbsent(key, x -> new int[2]);
            c[0]++;
            c[1] += y ? 1 : 0;
            String sp = t.spellings[f][r];
            if (sp != null) {
                spellings.computeIfAbsent(key, x -> new HashMap<>()).merge(sp, 1, Integer::sum);
            }
        }
        int nPresent = total - nMissing;
        int kPresent = kTotal - kMissing;
        // Bonferroni: as many comparisons as values with the support, plus the blanks
        int comparisons = (nMissing >= s.minimumSupport() ? 1 : 0);
        for (int[] c : counts.values()) {
            comparisons += c[0] >= s.minimumSupport() ? 1 : 0;
        }
        double zc = Stats.bonferroni(s.significance(), comparisons);
        List<Bin> bins = new ArrayList<>();
        List<Object> kept = new ArrayList<>();
        int nKept = 0;
        int kKept = 0;
        if (spec.kind() != FieldSpec.Kind.PRESENCE) {
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int n = e.getValue()[0];
                int k = e.getValue()[1];
                Object value = value(spec, e.getKey(), spellings.get(e.getKey()));
                if (n >= s.minimumSupport() && writable(value) && Math.abs(Stats.z(k, n, kTotal - k, total - n)) >= zc) {
                    kept.add(value);
                    nKept += n;
                    kKept += k;
                    bins.add(new Bin(new Condition(spec.name(), Operator.EQUALS, List.of(value)),
                            suffix(e.getKey(), bins.size() + 1), n, k));
                }
            }
        }
        boolean missingSignal = nMissing >= s.minimumSupport() && nPresent > 0
                && Math.abs(Stats.z(kMissing, nMissing, kPresent, nPresent)) >= zc;
        // The bins of a field with signals cover every lead (so that points can be shifted to 0 and up).
        if (!kept.isEmpty() && spec.kind() == FieldSpec.Kind.FLAG) {
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                Object value = value(spec, e.getKey(), null);
                if (!kept.contains(value)) {
                    bins.add(new Bin(new Condition(spec.name(), Operator.EQUALS, List.of(value)),
                            suffix(e.getKey(), bins.size() + 1), e.getValue()[0], e.getValue()[1]));
                }
            }
        } else if (!kept.isEmpty() && nPresent > nKept) {
            bins.add(new Bin(new Condition(spec.name(), Operator.NOT_IN, kept), "OTHER", nPresent - nKept, kPresent - kKept));
        }
        if (kept.isEmpty() && missingSignal) {
            bins.add(new Bin(new Condition(spec.name(), Operator.PRESENT, List.of()), "PRESENT", nPresent, kPresent));
        }
        if (!bins.isEmpty() && nMissing > 0) {
            bins.add(new Bin(new Condition(spec.name(), Operator.MISSING, List.of()), "MISSING", nMissing, kMissing,
                    !missingSignal));
        }
        return bins;
    }

    /** Longest value written into a signal. */
    static final int MAX_VALUE = 200;

    /** Whether a value can stand in a policy file's signal: no control characters (the policy refuses them), not too long. */
    static boolean writable(Object value) {
        if (!(value instanceof String text)) {
            return true;
        }
        return text.length() <= MAX_VALUE && text.chars().noneMatch(Character::isISOControl);
    }

    /** A kept value as the policy file spells it: a flag as true/false, a choice as declared, text as most often written. */
    private static Object value(FieldSpec spec, String key, Map<String, Integer> spellings) {
        if (spec.kind() == FieldSpec.Kind.FLAG) {
            return Boolean.valueOf(key);
        }
        if (spec.kind() == FieldSpec.Kind.CHOICE && spec.declared() != null) {
            for (String v : spec.declared().values()) {
                if (key.equals(Text.key(v))) {
                    return v;
                }
            }
        }
        if (spellings == null || spellings.isEmpty()) {
            return key;
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : new TreeMap<>(spellings).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static String suffix(String key, int index) {
        String slug = Text.slug(key, 20);
        return slug.isEmpty() || slug.equals("OTHER") || slug.equals("MISSING") || slug.equals("PRESENT")
                || slug.startsWith("GROUP") || slug.startsWith("R") && slug.substring(1).chars().allMatch(Character::isDigit)
                ? "V" + index : slug;
    }

    /** A range of a numeric field: {@code [low, high)}, null for unbounded. */
    record Range(BigDecimal low, BigDecimal high, int n, int k) {
        Range merge(Range next) {
            return new Range(low, next.high, n + next.n, k + next.k);
        }

        double rate() {
            return n == 0 ? 0 : (double) k / n;
        }
    }

    /** The quantile ranges of the values, before merging (also used by the leakage guard). */
    List<Range> quantileRanges(int f, int[] rows) {
        BigDecimal[] nums = t.numbers[f];
        List<BigDecimal> values = new ArrayList<>();
        for (int r : rows) {
            if (nums[r] != null) {
                values.add(nums[r]);
            }
        }
        if (values.isEmpty()) {
            return List.of();
        }
        values.sort(null);
        List<BigDecimal> cuts = new ArrayList<>();
        int n = values.size();
        for (int q = 1; q < s.quantileBins(); q++) {
            int at = (int) ((long) q * n / s.quantileBins());
            BigDecimal c = values.get(at);
            if (c.compareTo(values.get(0)) == 0) {
                // a mass of equal lowest values (revenue 0 for most leads): cut just above it instead
                while (at < n && values.get(at).compareTo(c) == 0) {
                    at++;
                }
                if (at == n) {
                    continue;
                }
                c = values.get(at);
            }
            if (cuts.isEmpty() || c.compareTo(cuts.get(cuts.size() - 1)) > 0) {
                cuts.add(c);
            }
        }
        int[] cn = new int[cuts.size() + 1];
        int[] ck = new int[cuts.size() + 1];
        BigDecimal[] cutArray = cuts.toArray(new BigDecimal[0]);
        for (int r : rows) {
            if (nums[r] == null) {
                continue;
            }
            int pos = Arrays.binarySearch(cutArray, nums[r]);
            int bin = pos >= 0 ? pos + 1 : -pos - 1;
            cn[bin]++;
            ck[bin] += t.converted[r] ? 1 : 0;
        }
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i <= cuts.size(); i++) {
            ranges.add(new Range(i == 0 ? null : cutArray[i - 1], i == cuts.size() ? null : cutArray[i], cn[i], ck[i]));
        }
        return ranges;
    }

    private List<Bin> numericBins(int f, int[] rows) {
        FieldSpec spec = t.fields.get(f);
        List<Range> ranges = new ArrayList<>(quantileRanges(f, rows));
        int nMissing = 0;
        int kMissing = 0;
        int kTotal = 0;
        for (int r : rows) {
            kTotal += t.converted[r] ? 1 : 0;
            if (t.numbers[f][r] == null) {
                nMissing++;
                kMissing += t.converted[r] ? 1 : 0;
            }
        }
        int nPresent = rows.length - nMissing;
        int kPresent = kTotal - kMissing;
        // Bonferroni: as many comparisons as adjacent pairs of the first ranges, plus the blanks
        double zc = Stats.bonferroni(s.significance(), Math.max(1, ranges.size() - 1) + (nMissing >= s.minimumSupport() ? 1 : 0));
        while (ranges.size() > 1) {
            int merge = pairToMerge(ranges, zc);
            if (merge < 0) {
                break;
            }
            ranges.set(merge, ranges.get(merge).merge(ranges.get(merge + 1)));
            ranges.remove(merge + 1);
        }
        boolean missingSignal = nMissing >= s.minimumSupport() && nPresent > 0
                && Math.abs(Stats.z(kMissing, nMissing, kPresent, nPresent)) >= zc;
        List<Bin> bins = new ArrayList<>();
        if (ranges.size() > 1) {
            for (int i = 0; i < ranges.size(); i++) {
                Range g = ranges.get(i);
                Condition c = g.low() == null ? new Condition(spec.name(), Operator.BELOW, List.of(g.high()))
                        : g.high() == null ? new Condition(spec.name(), Operator.AT_LEAST, List.of(g.low()))
                        : new Condition(spec.name(), Operator.BETWEEN, List.of(g.low(), g.high()));
                bins.add(new Bin(c, "R" + (i + 1), g.n(), g.k()));
            }
        } else if (missingSignal) {
            bins.add(new Bin(new Condition(spec.name(), Operator.PRESENT, List.of()), "PRESENT", nPresent, kPresent));
        }
        if (!bins.isEmpty() && nMissing > 0) {
            bins.add(new Bin(new Condition(spec.name(), Operator.MISSING, List.of()), "MISSING", nMissing, kMissing,
                    !missingSignal));
        }
        return bins;
    }

    /**
     * The adjacent pair to merge next, or -1 when the ranges are done: a range below the minimum
     * support merges with the neighbour closest to it in rate; else, while the rates are not
     * monotone or some adjacent difference is not significant, the least significant pair merges.
     */
    private int pairToMerge(List<Range> ranges, double zc) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).n() < s.minimumSupport()) {
                if (i == 0) {
                    return 0;
                }
                if (i == ranges.size() - 1) {
                    return i - 1;
                }
                double left = Math.abs(zOf(ranges.get(i - 1), ranges.get(i)));
                double right = Math.abs(zOf(ranges.get(i), ranges.get(i + 1)));
                return left <= right ? i - 1 : i;
            }
        }
        boolean rising = true;
        boolean falling = true;
        int least = -1;
        double leastZ = Double.MAX_VALUE;
        for (int i = 0; i + 1 < ranges.size(); i++) {
            double a = ranges.get(i).rate();
            double b = ranges.get(i + 1).rate();
            rising &= b >= a;
            falling &= b <= a;
            double z = Math.abs(zOf(ranges.get(i), ranges.get(i + 1)));
            if (z < leastZ) {
                leastZ = z;
                least = i;
            }
        }
        return (rising || falling) && leastZ >= zc ? -1 : least;
    }

    private static double zOf(Range a, Range b) {
        return Stats.z(a.k(), a.n(), b.k(), b.n());
    }

    /**
     * The area under the ROC curve of the field's own raw conversion rates (each value with the
     * minimum support, the rest pooled, or the quantile ranges; missing values one more bin)
     * taken as the score: how well the field alone ranks converters above the others.
     */
    double auc(int f, int[] rows) {
        FieldSpec spec = t.fields.get(f);
        List<int[]> bins = new ArrayList<>();
        int[] missing = new int[2];
        if (spec.kind() == FieldSpec.Kind.NUMBER) {
            for (Range g : quantileRanges(f, rows)) {
                bins.add(new int[] {g.n(), g.k()});
            }
            for (int r : rows) {
                if (t.numbers[f][r] == null) {
                    missing[0]++;
                    missing[1] += t.converted[r] ? 1 : 0;
                }
            }
        } else {
            TreeMap<String, int[]> counts = new TreeMap<>();
            for (int r : rows) {
                String key = t.keys[f][r];
                int[] c = key == null ? missing : counts.computeIfAbsent(key, x -> new int[2]);
                c[0]++;
                c[1] += t.converted[r] ? 1 : 0;
            }
            int[] pooled = new int[2];
            for (int[] c : counts.values()) {
                if (c[0] >= s.minimumSupport()) {
                    bins.add(c);
                } else {
                    pooled[0] += c[0];
                    pooled[1] += c[1];
                }
            }
            bins.add(pooled);
        }
        bins.add(missing);
        bins.removeIf(b -> b[0] == 0);
        bins.sort((a, b) -> Double.compare((double) a[1] / a[0], (double) b[1] / b[0]));
        long pos = 0;
        long neg = 0;
        for (int[] b : bins) {
            pos += b[1];
            neg += b[0] - b[1];
        }
        if (pos == 0 || neg == 0) {
            return 0.5;
        }
        double below = 0;
        double area = 0;
        for (int i = 0; i < bins.size(); ) {
            int j = i;
            long gp = 0;
            long gn = 0;
            double rate = (double) bins.get(i)[1] / bins.get(i)[0];
            while (j < bins.size() && (double) bins.get(j)[1] / bins.get(j)[0] == rate) {
                gp += bins.get(j)[1];
                gn += bins.get(j)[0] - bins.get(j)[1];
                j++;
            }
            area += gp * below + 0.5 * gp * gn;
            below += gn;
            i = j;
        }
        return area / ((double) pos * neg);
    }

    /**
     * Thresholds from the scores of the leads learned from: for each share, the score of the
     * lead at that rank (from the top), then raised to rise strictly from 1.
     */
    UrgencyThresholds thresholds(Scorer scorer, int[] rows) {
        int[] scores = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = scorer.score(rows[i]);
        }
        Arrays.sort(scores);
        int medium = Math.max(1, at(scores, s.mediumShare()));
        int high = Math.max(medium + 1, at(scores, s.highShare()));
        int immediate = Math.max(high + 1, at(scores, s.immediateShare()));
        return new UrgencyThresholds(immediate, high, medium);
    }

    /** The score of the lead at the top {@code share} of the ascending scores (the lowest score within that share). */
    private static int at(int[] ascending, double share) {
        if (ascending.length == 0) {
            return 1;
        }
        // the epsilon keeps 0.6 × 20 at 12 whatever the rounding of 0.6
        int count = (int) Math.ceil(share * ascending.length - 1e-9);
        int index = Math.max(0, ascending.length - Math.max(1, count));
        return ascending[index];
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
