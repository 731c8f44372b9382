package io.github.leadrules.cli.columns;

import io.github.leadrules.cli.sample.SampleGenerator;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mapper given the policy (with its shortcuts for placeholders) maps every row exactly as one given
 * only the policy's placeholder check, cell for cell, on sample rows with placeholders, full-width
 * text, stray spaces and bad cells mixed in.
 */
class MapperShortcutsAgreeTest {

    private static final List<String> NOISE = List.of("unknown", "Unknown", " N/A ", "ｕｎｋｎｏｗｎ", "不明", "なし", " 不明",
            "\u3000なし\u3000", "n/a", "new", "null", "-", "--", "?", "u\u0308nknown", "ﾅｼ", "未入力", "未定", "Select", "x",
            "", " ", "\t", "2026/13/45", "pricing@2026-11-20T10:00Z;", " pricing@2026-02-30T10:00Z", "１２００名", "¥1,500,000");

    @Test
    void sampleRowsWithNoiseMapAlikeWithAndWithoutTheShortcuts() throws Exception {
        LeadPolicy policy = LeadPolicy.defaults();
        ColumnMapping mapping = ColumnMapping.resolve(SampleGenerator.COLUMNS, null, "leads.csv");
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        RowMapper fast = new RowMapper(mapping, zone, policy);
        Predicate<String> check = policy::isMissingValue;
        RowMapper plain = new RowMapper(mapping, zone, check);
        SampleGenerator sample = new SampleGenerator(7, SampleGenerator.DEFAULT_AS_OF, 0.05);
        Random random = new Random(11);
        int blanked = 0;
        int errors = 0;
        for (int line = 2; line < 20_002; line++) {
            List<String> cells = new ArrayList<>(sample.nextRow());
            for (int i = 1; i < cells.size(); i++) {
                if (random.nextInt(12) == 0) {
                    cells.set(i, NOISE.get(random.nextInt(NOISE.size())));
                }
            }
            RowMapper.Result a = fast.map(line, cells);
            assertThat(a).as("line %d: %s", line, cells).isEqualTo(plain.map(line, cells));
            blanked += a.lead().email() == null ? 1 : 0;
            errors += a.errors().isEmpty() ? 0 : 1;
        }
        assertThat(blanked).as("rows whose e-mail was a placeholder or blank").isGreaterThan(500);
        assertThat(errors).as("rows with a bad cell").isGreaterThan(1_000);
    }
}
