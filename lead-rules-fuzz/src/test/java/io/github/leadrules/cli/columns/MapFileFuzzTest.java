package io.github.leadrules.cli.columns;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.leadrules.fuzz.Budget;
import io.github.leadrules.fuzz.Echoed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the {@code --map} file ({@link MapFile}) and its use on headers ({@link ColumnMapping}): two
 * fixed ones, and one made of the columns the map names plus the input's first line read as a CSV
 * header (which is also resolved without the map, against the presets). Only the documented
 * {@link MapFile.MapFileException}, {@link ColumnMapping.UnknownColumnsException} and
 * {@link IOException} (the file cannot be read, e.g. it is not UTF-8) escape, a map that is accepted
 * points every field and attribute at the column it names, no message or column name shown carries
 * raw control characters, and loading is linear in time and memory.
 */
class MapFileFuzzTest {

    /** The project's own layout (a preset matches; the map overrides it). */
    private static final List<String> OWN_HEADER = List.of("id", "submitted_at", "contact_name", "email", "phone",
            "job_title", "company_name", "company_domain", "industry", "employee_count", "country", "engagement");
    /** A Japanese form-tool export no preset knows: only a map makes it readable. */
    private static final List<String> FORM_TOOL_HEADER = List.of("受付番号", "受付日時", "氏名", "メールアドレス", "電話番号",
            "役職", "会社名", "従業員数", " Country ", "E-mail Address");

    private static Path file;

    /** Also pays class loading and first-use initialisation before anything is measured. */
    @BeforeAll
    static void createFile() throws Exception {
        file = Files.createTempFile("fuzz-map", ".properties");
        check("email = メールアドレス\ncompany_name: 会社名\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    /** What became of one map file: the map, or the documented exception that refused it. */
    record Loaded(MapFile map, Exception refusal) {
    }

    /** What became of a map on one header: the mapping, or the documented exception that refused it. */
    record Resolved(ColumnMapping mapping, Exception refusal) {
    }

    /**
     * The call site into the map file reader: when its API changes, change this method only. The
     * map is read from a file, as the CLI does.
     */
    static Loaded load(byte[] input) throws IOException {
        Path path = file != null ? file : Files.createTempFile("fuzz-map", ".properties");
        try {
            Files.write(path, input);
            return new Loaded(MapFile.load(path), null);
        } catch (MapFile.MapFileException | IOException e) {
            return new Loaded(null, e);
        } finally {
            if (file == null) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The call site into the column mapping: when its API changes, change this method only. */
    static Resolved resolve(MapFile map, List<String> header) {
        // map may be null: then only the presets can recognise the header.
        try {
            return new Resolved(ColumnMapping.resolve(header, map, "fuzz.csv"), null);
        } catch (ColumnMapping.UnknownColumnsException e) {
            return new Resolved(null, e);
        }
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/dictionaries/map.dict")
    void aMapFileLoadsOrIsRefused(byte[] input) throws Exception {
        check(input);
    }

    /** The invariants for one input. */
    static void check(byte[] input) throws Exception {
        Loaded loaded = Budget.spend("the map file reader", input.length, () -> load(input));
        List<String> inputHeader = headerFromFirstLine(input);
        Resolved withoutMap = Budget.spend("the column mapping", input.length, () -> resolve(null, inputHeader));
        checkEchoed(withoutMap);
        if (loaded.map() == null) {
            Echoed.check("the refusal of the map file", loaded.refusal().getMessage(), false);
            return;
        }
        loaded.map().fields().forEach((field, column) -> assertThat(column).as("column of %s", field).isNotEmpty());
        loaded.map().attributes().forEach((name, column) -> assertThat(column).as("column of attribute.%s", name).isNotEmpty());
        List<String> named = new ArrayList<>(loaded.map().fields().values());
        named.addAll(loaded.map().attributes().values());
        named.addAll(inputHeader);
        for (List<String> header : List.of(OWN_HEADER, FORM_TOOL_HEADER, named)) {
            Resolved resolved = Budget.spend("the column mapping", input.length, () -> resolve(loaded.map(), header));
            checkEchoed(resolved);
            if (resolved.mapping() == null) {
                continue;
            }
            for (Map.Entry<Field, String> e : loaded.map().fields().entrySet()) {
                int index = resolved.mapping().index(e.getKey());
                assertThat(index).as("index of %s", e.getKey()).isBetween(0, header.size() - 1);
                assertThat(key(header.get(index))).as("column of %s", e.getKey()).isEqualTo(key(e.getValue()));
            }
            for (Map.Entry<String, String> e : loaded.map().attributes().entrySet()) {
                Integer index = resolved.mapping().attributes().get(e.getKey());
                assertThat(index).as("index of attribute.%s", e.getKey()).isNotNull().isBetween(0, header.size() - 1);
                assertThat(key(header.get(index))).as("column of attribute.%s", e.getKey()).isEqualTo(key(e.getValue()));
            }
        }
    }

    /**
     * The input's first line read as a CSV header would be (split at commas, names stripped), so that
     * whatever the fuzzer puts there (escape sequences, bidirectional overrides, NULs) reaches the
     * header names that messages list.
     */
    private static List<String> headerFromFirstLine(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return Arrays.stream(text.substring(0, end).split(",", -1)).map(String::strip).toList();
    }

    /** A refusal's message (lines separated by {@code \n}) and the column names a mapping shows carry no raw control characters. */
    private static void checkEchoed(Resolved resolved) {
        if (resolved.mapping() == null) {
            Echoed.check("the refusal of the header", resolved.refusal().getMessage(), true);
            return;
        }
        for (Field field : Field.values()) {
            Echoed.check("the column name shown for " + field, resolved.mapping().columnName(field), false);
        }
        Echoed.check("the mapping's description", resolved.mapping().describe(), true);
    }

    /**
     * Column names match ignoring case and surrounding spaces (and a byte-order mark, which a
     * header's first name may keep when the file was decoded without dropping it).
     */
    private static String key(String column) {
        String k = column.strip().toLowerCase(Locale.ROOT);
        return k.startsWith("\uFEFF") ? k.substring(1) : k;
    }
}
