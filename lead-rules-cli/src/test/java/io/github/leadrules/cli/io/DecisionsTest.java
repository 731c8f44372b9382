package io.github.leadrules.cli.io;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA deadline column reads exactly as {@link Instant#toString()} writes the deadline. */
class DecisionsTest {

    @Test
    void deadlinesAreWrittenAsInstantToStringWritesThem() {
        List<Instant> deadlines = new ArrayList<>(List.of(Instant.parse("2026-11-28T09:30:00Z"), Instant.parse("2026-12-31T23:59:59Z"),
                Instant.parse("2028-02-29T00:00:00Z"), Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(253_402_300_799L),
                Instant.ofEpochSecond(253_402_300_800L), Instant.parse("2026-11-28T09:30:00.5Z"), Instant.parse("2026-11-28T09:30:00.000001Z"),
                Instant.parse("1969-07-20T20:17:40Z"), Instant.MIN, Instant.MAX));
        Random random = new Random(20261128);
        for (int i = 0; i < 10_000; i++) {
            deadlines.add(Instant.ofEpochSecond(random.nextLong(300_000_000_000L) - 10_000_000_000L));
        }
        for (Instant t : deadlines) {
            assertThat(Decisions.instant(t)).as("%s", t).isEqualTo(t.toString());
        }
    }
}
