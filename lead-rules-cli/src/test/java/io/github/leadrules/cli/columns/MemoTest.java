package io.github.leadrules.cli.columns;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell seen again is not normalised again; a memo never answers for another cell. */
class MemoTest {

    @Test
    void aRepeatedCellIsComputedOnceAndAnswersItsOwnValue() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String> memo = new Memo<>(s -> {
            calls.incrementAndGet();
            return s.toUpperCase(java.util.Locale.ROOT);
        });
        for (int i = 0; i < 1000; i++) {
            assertThat(memo.get("製造業 manufacturing")).isEqualTo("製造業 MANUFACTURING");
            assertThat(memo.get("retail")).isEqualTo("RETAIL");
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void textsLongerThanSixtyFourCharactersAndNullAreComputedEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        Memo<Integer> memo = new Memo<>(s -> {
            calls.incrementAndGet();
            return s == null ? -1 : s.length();
        });
        String limit = "x".repeat(64);
        String beyond = "x".repeat(65);
        memo.get(limit);
        memo.get(limit);
        memo.get(beyond);
        memo.get(beyond);
        assertThat(memo.get(null)).isEqualTo(-1);
        assertThat(calls).hasValue(1 + 2 + 1);
    }

    @Test
    void threadsSharingAMemoEachGetTheValueOfTheirOwnCell() throws Exception {
        Memo<String> memo = new Memo<>(s -> "<" + s + ">");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 200_000; i++) {
                        String cell = "cell-" + ((i * 31 + seed) % 10_000);
                        if (!memo.get(cell).equals("<" + cell + ">")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : all) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
