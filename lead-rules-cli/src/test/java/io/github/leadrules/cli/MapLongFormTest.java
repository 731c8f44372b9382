package io.github.leadrules.cli;

import io.github.leadrules.cli.columns.MapFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The long form of a {@code --map} entry: a date format per column and value maps with a {@code "*"}
 * default, for standard fields and attributes alike; {@code validate --map} reads the same file.
 */
class MapLongFormTest {

    @TempDir
    Path dir;

    /** An education company's web leads: not our schema, dates day first, origins in its own words. */
    private static final String EXPORT = """
            Prospect ID,Created On,Company,Email,Lead Origin,Time on Site,First Visit,Converted
            P-1,31-12-2025,Mirai Tech Inc.,ken.ito@mirai-tech.example,Lead Add Form,1500,31-12-2025,No
            P-2,01-11-2026,Sample Kogyo,taro@sample-kogyo.example,Landing Page Submission,96,01-11-2026,Yes
            P-3,29-02-2026,Hikari Logistics,aiko@hikari-logistics.example,API,,,
            """;

    private static final String MAP = """
            id: Prospect ID
            submitted_at: {column: "Created On", format: "dd-MM-yyyy"}
            company_name: Company
            email: Email
            inquiry_type: {column: "Lead Origin", values: {"Lead Add Form": demo, "Landing Page Submission": document_request, "*": other}}
            attribute.time_on_site: Time on Site
            attribute.first_visit: {column: "First Visit", format: "dd-MM-yyyy"}
            attribute.converted: {column: Converted, values: {"Yes": はい, 'No': いいえ}}
            attribute.origin: {column: "Lead Origin", values: {"Lead Add Form": demo, "*": other}}  # a second reading of one column
            """;

    @Test
    void aDateFormatAndAValueMapTranslateCellsBeforeTheyAreRead() {
        Path input = Cli.write(dir.resolve("web-leads.csv"), EXPORT);
        Path map = Cli.write(dir.resolve("map.yaml"), MAP);
        Path policy = Cli.write(dir.resolve("policy.yaml"), """
                fields:
                  time_on_site: integer
                  first_visit: date
                  converted: flag
                  origin: {type: choice, values: [demo, other]}
                """);
        Path rules = Cli.write(dir.resolve("acme.drl"), """
                package com.example.leads;
                import io.github.leadrules.rules.LeadContext;

                rule "Long visit"
                    @id("ACME-LONG-VISIT")
                    ruleflow-group "urgency"
                when
                    $lead : LeadContext( number("time_on_site") >= 900, text("origin") == "demo", flag("converted") == false )
                then
                    $lead.addUrgency(20, "Long visit from a lead form");
                end
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--map", map.toString(), "--policy", policy.toString(),
                "--rules", rules.toString(), "--out", out.toString());

        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).extracting(r -> r.get("decision_outcome")).as(result.err())
                .containsExactly("QUALIFIED", "QUALIFIED", "INVALID");
        assertThat(rows.get(0).get("decision_reasons")).contains("ACME-LONG-VISIT", "URG-SALES-REQUEST");
        assertThat(rows.get(1).get("decision_reasons")).doesNotContain("ACME-LONG-VISIT");
        // 29-02-2026 is no date: the cell is named by its column.
        assertThat(rows.get(2).get("decision_errors")).isEqualTo("line 4: Created On NOT_A_DATE");
    }

    @Test
    void anAttributeDateInAnotherFormatIsAnErrorNamingTheAttribute() {
        Path input = Cli.write(dir.resolve("web-leads.csv"), EXPORT.replace("01-11-2026,Yes", "2026-11-01,Yes"));
        Path map = Cli.write(dir.resolve("map.yaml"), MAP);
        Path out = dir.resolve("decisions.csv");

        Cli.qualify(input, "--map", map.toString(), "--out", out.toString());

        assertThat(Cli.decisions(out).get(1).get("decision_errors")).isEqualTo("line 3: attributes.first_visit (column \"First Visit\") NOT_A_DATE");
    }

    @Test
    void validateAcceptsTheLongFormAsQualifyDoes() {
        Path map = Cli.write(dir.resolve("map.yaml"), MAP);

        Cli.Result result = Cli.run("validate", "--map", map.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("map " + map + ": 5 fields, 4 attributes");
    }

    @Test
    void longFormMistakesNameTheFileLineAndKey() {
        assertThat(mistake("email: {column: Email, format: \"dd-MM-yyyy\"}"))
                .contains(":1: key 'email': format: applies to date columns only");
        assertThat(mistake("submitted_at: {format: \"dd-MM-yyyy\"}")).contains(":1: key 'submitted_at': the long form names no column");
        assertThat(mistake("submitted_at: {column: Created, format: \"MM-yyyy\"}"))
                .contains(":1: key 'submitted_at': a date format needs a year");
        assertThat(mistake("attribute.origin: {column: Origin, values: {a: x, A: y}}"))
                .contains("values: 'A' is given twice");
        assertThat(mistake("attribute.origin: {column: Origin, value: {a: x}}"))
                .contains("unknown key 'value' in the long form (expected column, format, values)");
        assertThat(mistake("attribute.origin: {column: \"Origin}")).contains("a quoted value is not closed");
        assertThat(mistake("attribute.origin: {column: Origin} extra")).contains("unexpected text after");
        Cli.Result result = Cli.run("validate", "--map", Cli.write(dir.resolve("bad.yaml"),
                "email: {column: Email, format: \"dd-MM-yyyy\"}\n").toString());
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("format: applies to date columns only");
    }

    @Test
    void aValueMapMatchesIgnoringCaseAndSpacesAndLeavesBlankCellsBlank() throws Exception {
        MapFile map = MapFile.load(Cli.write(dir.resolve("map.yaml"),
                "attribute.origin: {column: Origin, values: {\"Lead Add Form\": demo, \"*\": other}}\n"));

        var format = map.attributeFormat("origin");
        assertThat(format.translate(" lead add form ")).isEqualTo("demo");
        assertThat(format.translate("API")).isEqualTo("other");
        assertThat(format.translate("")).isEmpty();
        assertThat(format.translate(null)).isNull();
    }

    private String mistake(String line) {
        Path file = Cli.write(dir.resolve("m" + Math.abs(line.hashCode()) + ".yaml"), line + "\n");
        assertThatThrownBy(() -> MapFile.load(file)).isInstanceOf(MapFile.MapFileException.class);
        try {
            MapFile.load(file);
            return "";
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
