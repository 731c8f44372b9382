package io.github.leadrules.cli.io;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.leadrules.fuzz.Budget;
import io.github.leadrules.fuzz.PhysicalLines;
import io.github.leadrules.fuzz.ReadResult;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the CLI's JSON Lines reader ({@link JsonLinesRowSource}): only the documented
 * {@link RowSource.BadInputException} escapes, every line that is not blank comes back as exactly
 * one row on its own line number (an object, or an INVALID row), reading is linear in time and
 * memory, and nothing shown about a row carries raw control characters.
 */
class JsonLinesFuzzTest {

    /**
     * The one call site into the reader: when its API changes, change this method only. Reads UTF-8
     * the way the CLI does (malformed bytes become U+FFFD).
     */
    static ReadResult read(byte[] input) throws IOException {
        try (RowSource source = new JsonLinesRowSource(
                new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8), "fuzz.jsonl")) {
            List<ReadResult.Row> rows = new ArrayList<>();
            for (InputRow r = source.next(); r != null; r = source.next()) {
                rows.add(CsvReaderFuzzTest.row(r));
            }
            return new ReadResult(source.header(), rows, null);
        } catch (RowSource.BadInputException e) {
            return ReadResult.refused(e.getMessage());
        }
    }

    /** Class loading and first-use initialisation are not a cost of the input: pay them before measuring. */
    @BeforeAll
    static void warmUp() throws Exception {
        check("{\"id\":\"L-1\",\"employee_count\":850,\"engagement\":[{\"type\":\"pricing\",\"at\":\"2026-11-24T09:00Z\"}]}\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/dictionaries/jsonl.dict")
    void everyLineComesBackAsOneRow(byte[] input) throws Exception {
        check(input);
    }

    /** The invariants for one input. */
    static void check(byte[] input) throws Exception {
        ReadResult result = Budget.spend("the JSON Lines reader", input.length, () -> read(input));
        CsvReaderFuzzTest.checkEchoed(result);
        if (result.isRefused()) {
            return; // no lines, or the first is not a JSON object
        }
        List<Long> rowLines = result.rows().stream().map(ReadResult.Row::line).toList();
        List<Long> recordLines = PhysicalLines.ofUtf8(input).nonBlank().stream().map(Integer::longValue).toList();
        assertThat(rowLines).as("the lines rows start on: one row per line that is not blank").isEqualTo(recordLines);
        for (ReadResult.Row row : result.rows()) {
            if (row.problems().isEmpty()) {
                assertThat(row.cells()).as("cells of the row on line %d", row.line()).hasSameSizeAs(result.header());
            }
        }
    }
}
