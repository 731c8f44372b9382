package io.github.leadrules.cli.columns;

import java.util.function.Function;

/**
 * Remembers a function's recent results by the text they were computed from: the cells of a lead
 * export repeat (the same industry, country, source, status and company on thousands of rows), and
 * normalising them again on every row is most of the cost of reading them. Direct-mapped, bounded,
 * lock-free: each slot holds one immutable entry, so threads share it safely; a value seen often
 * stays, a value seen once is soon overwritten. The function must be pure.
 *
 * @param <V> the result type
 */
final class Memo<V> {

    private record Entry<V>(String key, V value) {
    }

    /**
     * Direct-mapped slots: some sixteen thousand, so that the few thousand names, companies and
     * titles of a large export seldom push each other out.
     */
    private static final int SLOTS = 1 << 14;
    /** Longer texts are computed every time: they are seldom repeated and costly to compare. */
    private static final int MAX_KEY = 64;

    private final Function<String, V> function;
    private final Entry<V>[] slots;

    @SuppressWarnings("unchecked")
    Memo(Function<String, V> function) {
        this.function = function;
        this.slots = (Entry<V>[]) new Entry<?>[SLOTS];
    }

    /** The function's value for {@code key}; null keys go straight to the function. */
    V get(String key) {
        if (key == null || key.length() > MAX_KEY) {
            return function.apply(key);
        }
        int h = key.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        Entry<V> e = slots[slot];
        if (e != null && e.key.equals(key)) {
            return e.value;
        }
        V value = function.apply(key);
        slots[slot] = new Entry<>(key, value);
        return value;
    }
}
