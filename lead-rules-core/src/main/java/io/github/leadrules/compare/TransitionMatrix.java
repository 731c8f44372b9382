package io.github.leadrules.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many leads moved from each value under the base rules (rows) to each value under the
 * candidate rules (columns): for outcomes, urgency levels or routes. The diagonal holds the leads
 * that kept their value. Immutable.
 *
 * <pre>{@code
 * TransitionMatrix<Destination> routes = diff.routes();
 * routes.count(Destination.FIELD_SALES, Destination.NURTURE);   // leads field sales would lose to nurture
 * routes.moved();                                                // leads whose destination changed
 * }</pre>
 *
 * @param <K> the value compared, e.g. {@link io.github.leadrules.model.UrgencyLevel}
 */
public final class TransitionMatrix<K> {

    /**
     * One off-diagonal cell: {@code count} leads moved from {@code from} to {@code to}.
     *
     * @param from  the value under the base rules
     * @param to    the value under the candidate rules
     * @param count how many leads moved
     * @param <K>   the value compared
     */
    public record Transition<K>(K from, K to, int count) {
        /**
         * Requires both values.
         *
         * @param from the value under the base rules
         * @param to the value under the candidate rules
         * @param count how many leads moved
         */
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private final List<K> keys;
    private final Map<K, Integer> index;
    private final int[][] counts;

    private TransitionMatrix(List<K> keys, int[][] counts) {
        this.keys = keys;
        this.counts = counts;
        this.index = indexOf(keys);
    }

    /**
     * Counts, position by position, the pairs {@code (before.get(i), after.get(i))}.
     *
     * @param keys   every possible value, in display order; no duplicates
     * @param before the values under the base rules
     * @param after  the values under the candidate rules, same size as {@code before}
     * @param <K> the type of value, e.g. {@link io.github.leadrules.model.Outcome}
     * @return the matrix
     * @throws IllegalArgumentException when the lists differ in size or hold a value not in {@code keys}
     */
    public static <K> TransitionMatrix<K> count(List<K> keys, List<K> before, List<K> after) {
        List<K> order = List.copyOf(keys);
        if (before.size() != after.size()) {
            throw new IllegalArgumentException("before has " + before.size() + " values but after has " + after.size());
        }
        Map<K, Integer> index = indexOf(order);
        int[][] counts = new int[order.size()][order.size()];
        for (int i = 0; i < before.size(); i++) {
            counts[position(order, index, before.get(i), i)][position(order, index, after.get(i), i)]++;
        }
        return new TransitionMatrix<>(order, counts);
    }

    /** A matrix from counts already made, {@code counts[from][to]} in key order; the counts are copied. */
    static <K> TransitionMatrix<K> of(List<K> keys, int[][] counts) {
        List<K> order = List.copyOf(keys);
        int[][] copy = new int[order.size()][];
        for (int i = 0; i < order.size(); i++) {
            copy[i] = Arrays.copyOf(counts[i], order.size());
        }
        return new TransitionMatrix<>(order, copy);
    }

    /** {@return every value, in display order} */
    public List<K> keys() {
        return keys;
    }

    /**
     * Leads that had {@code from} under the base rules and {@code to} under the candidate rules.
     *
     * @param from a value under the base rules
     * @param to a value under the candidate rules
     * @return the number of leads
     */
    public int count(K from, K to) {
        return counts[position(keys, index, from, -1)][position(keys, index, to, -1)];
    }

    /**
     * Leads with {@code key} under the base rules (a row total).
     *
     * @param key a value
     * @return the number of leads
     */
    public int baseTotal(K key) {
        return Arrays.stream(counts[position(keys, index, key, -1)]).sum();
    }

    /**
     * Leads with {@code key} under the candidate rules (a column total).
     *
     * @param key a value
     * @return the number of leads
     */
    public int candidateTotal(K key) {
        int column = position(keys, index, key, -1);
        int sum = 0;
        for (int[] row : counts) {
            sum += row[column];
        }
        return sum;
    }

    /** {@return every lead counted} */
    public int total() {
        return Arrays.stream(counts).mapToInt(row -> Arrays.stream(row).sum()).sum();
    }

    /** {@return leads whose value changed (the sum off the diagonal)} */
    public int moved() {
        int diagonal = 0;
        for (int i = 0; i < counts.length; i++) {
            diagonal += counts[i][i];
        }
        return total() - diagonal;
    }

    /** {@return the non-empty cells off the diagonal, largest first (ties in key order)} */
    public List<Transition<K>> transitions() {
        List<Transition<K>> out = new ArrayList<>();
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts.length; c++) {
                if (r != c && counts[r][c] > 0) {
                    out.add(new Transition<>(keys.get(r), keys.get(c), counts[r][c]));
                }
            }
        }
        out.sort(Comparator.comparingInt((Transition<K> t) -> -t.count()));
        return List.copyOf(out);
    }

    /**
     * A plain-text table, base values down, candidate values across, totals on the right and at the
     * bottom; every line starts with two spaces.
     *
     * <pre>
     *   base \ candidate  QUALIFIED  EXCLUDED  INVALID  ERROR  total
     *   QUALIFIED                 6         1        0      0      7
     * </pre>
     *
     * @return the table
     */
    public String toText() {
        List<String> labels = keys.stream().map(String::valueOf).toList();
        String corner = "base \\ candidate";
        int first = Math.max(corner.length(), labels.stream().mapToInt(String::length).max().orElse(0));
        int[] widths = new int[keys.size() + 1];
        for (int c = 0; c < keys.size(); c++) {
            widths[c] = Math.max(labels.get(c).length(), String.valueOf(candidateTotal(keys.get(c))).length());
        }
        widths[keys.size()] = Math.max("total".length(), String.valueOf(total()).length());

        StringBuilder sb = new StringBuilder();
        sb.append("  ").append(Formats.left(corner, first));
        for (int c = 0; c < keys.size(); c++) {
            sb.append("  ").append(Formats.right(labels.get(c), widths[c]));
        }
        sb.append("  ").append(Formats.right("total", widths[keys.size()])).append('\n');
        for (int r = 0; r < keys.size(); r++) {
            sb.append("  ").append(Formats.left(labels.get(r), first));
            for (int c = 0; c < keys.size(); c++) {
                sb.append("  ").append(Formats.right(String.valueOf(counts[r][c]), widths[c]));
            }
            sb.append("  ").append(Formats.right(String.valueOf(baseTotal(keys.get(r))), widths[keys.size()])).append('\n');
        }
        sb.append("  ").append(Formats.left("total", first));
        for (int c = 0; c < keys.size(); c++) {
            sb.append("  ").append(Formats.right(String.valueOf(candidateTotal(keys.get(c))), widths[c]));
        }
        sb.append("  ").append(Formats.right(String.valueOf(total()), widths[keys.size()])).append('\n');
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransitionMatrix<?> other && keys.equals(other.keys) && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * keys.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "TransitionMatrix" + keys + " moved=" + moved() + " of " + total();
    }

    private static <K> Map<K, Integer> indexOf(List<K> keys) {
        Map<K, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (index.put(Objects.requireNonNull(keys.get(i), "keys"), i) != null) {
                throw new IllegalArgumentException("keys: duplicate value " + keys.get(i));
            }
        }
        return index;
    }

    private static <K> int position(List<K> keys, Map<K, Integer> index, K key, int at) {
        Integer i = key == null ? null : index.get(key);
        if (i == null) {
            throw new IllegalArgumentException("value " + key + (at >= 0 ? " at position " + at : "")
                    + " is not one of the keys " + keys);
        }
        return i;
    }
}
