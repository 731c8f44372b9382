package io.github.leadrules.cli.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding bytes eight at a time finds exactly the bytes a byte-by-byte search finds. */
class SwarTest {

    @Test
    void everyByteValueMatchesItselfAndNoOtherInEveryPositionOfAWord() {
        for (int wanted = 0; wanted < 256; wanted++) {
            long pattern = Swar.broadcast(wanted);
            for (int other = 0; other < 256; other++) {
                for (int at = 0; at < 8; at++) {
                    byte[] bytes = new byte[8];
                    // The neighbours are the wanted byte plus one and minus one: where a borrow or carry would show.
                    for (int i = 0; i < 8; i++) {
                        bytes[i] = (byte) (i % 2 == 0 ? wanted + 1 : wanted - 1);
                    }
                    bytes[at] = (byte) other;
                    long m = Swar.matches(Swar.word(bytes, 0), pattern);
                    if (other == wanted) {
                        assertThat(m).as("%d at %d", other, at).isEqualTo(0x80L << (at * 8));
                        assertThat(Swar.first(m)).isEqualTo(at);
                    } else {
                        assertThat(m).as("%d at %d, looking for %d", other, at, wanted).isZero();
                    }
                }
            }
        }
    }

    @Test
    void indexOfFindsTheFirstDelimiterWhetherInAWordOrInTheTailAfterTheLastWord() {
        byte[] line = "L-000001,株式会社青葉電機,製造業,,aoba-denki.example,x".getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int expected = 0; expected < line.length; expected++) {
            if (line[expected] == ',') {
                assertThat(Swar.indexOf(line, from, (byte) ',')).isEqualTo(expected);
                from = expected + 1;
            }
        }
        assertThat(Swar.indexOf(line, from, (byte) ',')).isEqualTo(-1);
    }
}
