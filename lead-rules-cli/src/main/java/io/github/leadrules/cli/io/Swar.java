package io.github.leadrules.cli.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looking at eight bytes at once: a byte array read as little-endian longs, and which of a long's
 * bytes equal a given byte, found with arithmetic instead of a branch per byte.
 */
final class Swar {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    private Swar() {
    }

    /** A long of eight copies of {@code b}. */
    static long broadcast(int b) {
        return (b & 0xFFL) * 0x0101010101010101L;
    }

    /** Bytes {@code i} to {@code i + 7} of {@code bytes}, the first in the lowest bits. */
    static long word(byte[] bytes, int i) {
        return (long) LONGS.get(bytes, i);
    }

    /**
     * Bit 7 of each byte of {@code word} that equals the byte in {@code pattern} (made by
     * {@link #broadcast}), and no other bit: exact, so {@link Long#bitCount} counts the matches.
     */
    static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
    }

    /** The index, 0 to 7, of the lowest byte marked in a non-zero {@link #matches} result. */
    static int first(long matches) {
        return Long.numberOfTrailingZeros(matches) >>> 3;
    }

    /** The index of the first {@code b} in {@code bytes} from {@code from}, or -1. */
    static int indexOf(byte[] bytes, int from, byte b) {
        long pattern = broadcast(b);
        int i = from;
        for (; i + 8 <= bytes.length; i += 8) {
            long m = matches(word(bytes, i), pattern);
            if (m != 0) {
                return i + first(m);
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
