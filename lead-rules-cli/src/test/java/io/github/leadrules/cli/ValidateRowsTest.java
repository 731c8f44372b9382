package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate INPUT} lists exactly the rows {@code qualify} makes INVALID, with the same line,
 * columns and codes as {@code decision_errors}: cells that do not read, rows that are not rows,
 * bytes not in the encoding, and the qualifier's own field check under the policy, its declared
 * fields typed and its placeholder values blank.
 */
class ValidateRowsTest {

    private static final String HEADER = "id,company_name,email,phone,employee_count,country,submitted_at,inquiry_type,"
            + "time_on_site,first_visit\n";

    /** The export is in the lead-rules layout; its two extra columns go to host rules as attributes. */
    private static final String MAP = "attribute.time_on_site: time_on_site\nattribute.first_visit: first_visit\n";

    /** Twelve leads, eight of them INVALID under {@link #POLICY}; line numbers count the header as line 1. */
    private static final String ROWS = """
            L-1,株式会社北斗精機,sato.kenji@hokuto-seiki.example,03-1234-5678,240,Japan,2026-11-27T09:00:00Z,demo,900,01-11-2026
            L-2,Globex Corporation,anna.lewis@globex.example,,未定,unknown,2026-11-26T15:30:00Z,quote,n/a,不明
            L-3,サンプル工業株式会社,taro.yamada@,,1200,Japan,2026-11-20T10:00:00Z,demo,120,
            L-4,Hikari Logistics,aiko.tanaka@hikari-logistics.example,,80,Atlantis,2026-11-21T10:00:00Z,quote,,
            L-5,Mirai Tech Inc.,ken.ito@mirai-tech.example,,35,Japan,2026-11-22T10:00:00Z,demo,15分,
            L-6,Acme Industrial Ltd.,j.smith@acme-industrial.example,,500,UK,2026-11-23T10:00:00Z,demo,60,2026/11/01
            L-7,さくらリテール株式会社,hanako.sato@sakura-retail.example,,90,Japan,2027-01-15T10:00:00Z,demo,,
            L-8,Initech LLC,peter.gibbons@initech.example,,two hundred,US,2026-11-24T10:00:00Z,demo,,
            L-9,Umbrella Corp.,a.wesker@umbrella.example,,3000,US,2026-11-24T11:00:00Z,demo,,,,extra
            L-10,株式会社ひかり物流,jiro.suzuki@hikari-butsuryu.example,not a phone,60,Japan,2026-11-25T10:00:00Z,seminar,,
            L-11,Globex Corporation,mark.chen@globex.example,,1200,US,2026-11-25T12:00:00Z,quote,45,-
            """;

    /** A row whose company name holds bytes that are not UTF-8 (a Shift_JIS cell pasted into a UTF-8 file). */
    private static final byte[] SHIFT_JIS_ROW = {'L', '-', '1', '2', ',', (byte) 0x96, (byte) 0x6B, (byte) 0x93, (byte) 0x6C,
            ',', 'k', '@', 'h', 'o', 'k', 'u', 't', 'o', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e', ',', ',', '1', '0',
            ',', 'J', 'a', 'p', 'a', 'n', ',', ',', 'd', 'e', 'm', 'o', ',', ',', '\n'};

    private static final String POLICY = """
            fields:
              time_on_site: integer
              first_visit: {type: date, formats: ["dd-MM-yyyy"]}
            missingValues:
              add: [未定]
            """;

    @TempDir
    Path dir;

    private Path export() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + ROWS).getBytes(StandardCharsets.UTF_8));
        bytes.write(SHIFT_JIS_ROW);
        return Files.write(dir.resolve("leads.csv"), bytes.toByteArray());
    }

    /** The rows qualify makes INVALID: their {@code decision_errors}, in order. */
    private List<String> invalidByQualify(Path input, String... options) {
        Path out = dir.resolve("decisions.csv");
        String[] args = new String[options.length + 2];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "--out";
        args[options.length + 1] = out.toString();
        Cli.Result result = Cli.qualify(input, args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        return Cli.decisions(out).stream().filter(r -> "INVALID".equals(r.get("decision_outcome")))
                .map(r -> r.get("decision_errors")).toList();
    }

    /** The rows validate lists, in order. */
    private static List<String> invalidByValidate(Cli.Result result) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(result.err()).isEmpty();
        return result.out().lines().filter(l -> l.startsWith("line ")).toList();
    }

    @Test
    void validateListsExactlyTheRowsQualifyMakesInvalidWithTheSameColumnsAndCodes() throws IOException {
        Path input = export();
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);
        String map = Cli.write(dir.resolve("map.yaml"), MAP).toString();

        List<String> byQualify = invalidByQualify(input, "--policy", policy.toString(), "--map", map);
        Cli.Result validate = Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--map", map);

        assertThat(invalidByValidate(validate)).isEqualTo(byQualify).containsExactly(
                "line 4: email MALFORMED",
                "line 5: country UNKNOWN_COUNTRY",
                "line 6: attributes.time_on_site NOT_A_NUMBER",
                "line 7: attributes.first_visit NOT_A_DATE",
                "line 8: submitted_at IN_FUTURE",
                "line 9: employee_count NOT_A_NUMBER",
                "line 10: row WRONG_FIELD_COUNT (12 fields, the header has 10)",
                "line 11: phone MALFORMED",
                "line 13: row BAD_ENCODING (" + ReadRow.BAD_ENCODING_NOTE + ")");
        assertThat(validate.out()).contains("input " + input + ": 9 of 12 rows INVALID")
                .contains("  email MALFORMED: 1 row").doesNotEndWith("OK\n");
    }

    @ParameterizedTest(name = "missingValues: {0}")
    @ValueSource(strings = {"[]", "\"remove: [unknown, 不明]\"", "[未定, \"-\"]"})
    void thePolicysPlaceholdersDecideTheSameRowsForBoth(String missingValues) throws IOException {
        Path input = export();
        String list = missingValues.startsWith("\"") ? "\n  " + missingValues.substring(1, missingValues.length() - 1)
                : " " + missingValues;
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY.substring(0, POLICY.indexOf("missingValues:"))
                + "missingValues:" + list + "\n");

        String map = Cli.write(dir.resolve("map.yaml"), MAP).toString();

        List<String> byQualify = invalidByQualify(input, "--policy", policy.toString(), "--map", map);
        List<String> byValidate = invalidByValidate(Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF,
                "--policy", policy.toString(), "--map", map));

        assertThat(byValidate).isEqualTo(byQualify);
        assertThat(byValidate).anyMatch(l -> l.startsWith("line 3: "));
    }

    @Test
    void aFileWithoutInvalidRowsIsOk() {
        Path input = Cli.write(dir.resolve("leads.csv"), HEADER + ROWS.lines().limit(2).map(l -> l + "\n")
                .reduce("", String::concat));
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);

        Cli.Result result = Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--map", Cli.write(dir.resolve("map.yaml"), MAP).toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("input " + input + ": 2 rows, none INVALID").endsWith("OK\n");
    }

    @Test
    void withAForeignMapTheRowsNameTheExportsOwnColumns() {
        Path input = Cli.write(dir.resolve("web-leads.csv"), """
                Prospect ID,Company,Email,Lead Origin,First Visit,Region
                P-1,Mirai Tech Inc.,ken.ito@mirai-tech.example,Lead Add Form,31-12-2025,Japan
                P-2,Sample Kogyo,taro.sample-kogyo.example,Landing Page Submission,01-11-2026,Japan
                P-3,Hikari Logistics,aiko@hikari-logistics.example,Chat,select,Japan
                P-4,Globex Corporation,anna.lewis@globex.example,Lead Add Form,2025-12-31,US
                P-5,Acme Industrial Ltd.,j.smith@acme-industrial.example,Lead Add Form,01-11-2026,Rest of world
                P-6,Initech LLC,peter.gibbons@initech.example,Lead Add Form,01-11-2026,Atlantis
                """);
        // "Rest of world" becomes the placeholder "unknown": blank to the qualifier, so no UNKNOWN_COUNTRY.
        Path map = Cli.write(dir.resolve("map.yaml"), """
                id: Prospect ID
                company_name: Company
                email: Email
                inquiry_type: {column: "Lead Origin", values: {"Lead Add Form": demo, "Landing Page Submission": document_request}}
                attribute.first_visit: {column: "First Visit", format: "dd-MM-yyyy"}
                country: {column: Region, values: {"Rest of world": unknown}}
                """);

        List<String> byQualify = invalidByQualify(input, "--map", map.toString());
        List<String> byValidate = invalidByValidate(Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF,
                "--map", map.toString()));

        assertThat(byValidate).isEqualTo(byQualify).containsExactly(
                "line 3: Email MALFORMED",
                "line 4: Lead Origin UNKNOWN_VALUE",
                "line 5: attributes.first_visit (column \"First Visit\") NOT_A_DATE",
                "line 7: Region UNKNOWN_COUNTRY");
    }
}
