package io.github.leadrules.cli;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} refuses everything {@code qualify} would refuse, with the same message and the
 * same exit code: every broken input, map, option, policy, rule and accounts file of the table goes
 * through both commands, and their standard error must agree line for line (the command's name
 * aside). A new refusal in {@code qualify} that {@code validate} does not make fails here once it
 * is added to the table.
 */
class ValidateRefusesWhatQualifyRefusesTest {

    /** A web-form export in the lead-rules layout: a Japanese and an English company. */
    private static final String LEADS = """
            id,company_name,email,employee_count,inquiry_type,country,submitted_at
            L-7001,株式会社北斗精機,sato.kenji@hokuto-seiki.example,240,demo,Japan,2026-11-27T09:00:00Z
            L-7002,Globex Corporation,anna.lewis@globex.example,1200,pricing,US,2026-11-26T15:30:00Z
            """;

    /** A marketplace's export, not our schema: it needs a map. */
    private static final String FOREIGN = """
            Lead Number,Organisation,Work Email,Origin,First Visit
            M-1,Hikari Logistics,aiko.tanaka@hikari-logistics.example,Lead Add Form,31-12-2025
            M-2,Acme Industrial Ltd.,j.smith@acme-industrial.example,API,01-11-2026
            """;

    private static final String HOST_RULE = """
            package com.example.leads;
            import io.github.leadrules.rules.LeadContext;

            rule "Partner leads are not new leads"
                @id("ACME-PARTNER")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( lead.source == "Partner portal" )
            then
                $lead.exclude("Registered by a partner");
            end
            """;

    @TempDir
    Path dir;

    /** One broken setup: the arguments after the command's name, with its files written into a folder. */
    @FunctionalInterface
    interface Setup extends Function<Path, List<String>> {
    }

    private static Named<Setup> broken(String what, Setup setup) {
        return Named.of(what, setup);
    }

    private static Path leads(Path dir) {
        return Cli.write(dir.resolve("leads.csv"), LEADS);
    }

    private static Path foreign(Path dir) {
        return Cli.write(dir.resolve("marketplace-leads.csv"), FOREIGN);
    }

    private static List<String> args(Path input, String... more) {
        List<String> args = new ArrayList<>(List.of(input.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> withMap(Path dir, String map) {
        return args(foreign(dir), "--map", Cli.write(dir.resolve("columns.yaml"), map).toString());
    }

    private static Path bytes(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Named<Setup>> brokenSetups() {
        return Stream.of(
                // The input itself
                broken("the input does not exist", d -> args(d.resolve("leads-2026-11.csv"))),
                broken("the input is a folder", d -> args(d)),
                broken("the input is empty", d -> args(Cli.write(d.resolve("leads.csv"), ""))),
                broken("the input is an Excel workbook", d -> args(bytes(d.resolve("leads.csv"),
                        new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}))),
                broken("the input is an Excel 97-2003 workbook", d -> args(bytes(d.resolve("leads.csv"),
                        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1}))),
                broken("the header is UTF-16 without a byte-order mark", d -> args(bytes(d.resolve("leads.csv"),
                        LEADS.getBytes(StandardCharsets.UTF_16LE)))),
                broken("no preset knows the header and there is no map", d -> args(foreign(d))),
                broken("the first line is data, not a header", d -> args(Cli.write(d.resolve("leads.csv"),
                        LEADS.substring(LEADS.indexOf('\n') + 1)))),
                broken("the header names a column the rules read twice", d -> args(Cli.write(d.resolve("leads.csv"),
                        LEADS.replace("country,submitted_at", "email,submitted_at")))),
                broken("the header is longer than --max-record-size", d -> args(Cli.write(d.resolve("leads.csv"),
                        LEADS.replace("submitted_at\n", "submitted_at," + "x".repeat(1100) + "\n")), "--max-record-size", "1K")),
                broken("the first JSON line is not an object", d -> args(Cli.write(d.resolve("leads.jsonl"),
                        "[\"L-7001\", \"株式会社北斗精機\"]\n"))),
                broken("the first JSON line is not JSON", d -> args(Cli.write(d.resolve("leads.jsonl"),
                        "{\"id\": \"L-7001\", \"email\": \n"))),
                // The column map
                broken("the map names a column the header does not have", d -> withMap(d,
                        "id: Lead Number\ncompany_name: Organisation\nemail: E-mail Address\n")),
                broken("the map names only an id and attributes", d -> withMap(d,
                        "id: Lead Number\nattribute.origin: Origin\n")),
                broken("the map does not exist", d -> args(foreign(d), "--map", d.resolve("columns.yaml").toString())),
                broken("the map has an unknown key", d -> withMap(d, "email: Work Email\ncompany: Organisation\n")),
                broken("the map's date format has no year", d -> withMap(d,
                        "email: Work Email\nattribute.first_visit: {column: \"First Visit\", format: \"dd-MM\"}\n")),
                broken("the map gives a date format to a text field", d -> withMap(d,
                        "email: {column: Work Email, format: \"dd-MM-yyyy\"}\n")),
                broken("the map's value map names a value twice", d -> withMap(d,
                        "email: Work Email\ninquiry_type: {column: Origin, values: {API: other, api: demo}}\n")),
                broken("the map's long form is not closed", d -> withMap(d,
                        "email: Work Email\ninquiry_type: {column: Origin, values: {API: other}\n")),
                broken("the map is a folder", d -> args(foreign(d), "--map", d.toString())),
                // The options
                broken("an unknown --encoding", d -> args(leads(d), "--encoding", "EBCDIC-Klingon")),
                broken("a --delimiter of two characters", d -> args(leads(d), "--delimiter", ";;")),
                broken("an unknown --zone", d -> args(leads(d), "--zone", "Asia/Atlantis")),
                broken("an --as-of that is no time", d -> args(leads(d), "--as-of", "next tuesday")),
                broken("an --as-of before 1970", d -> args(leads(d), "--as-of", "1969-12-31")),
                broken("an --as-of after 9999", d -> args(leads(d), "--as-of", "+10000-01-01T00:00:00Z")),
                broken("an unknown --input-format", d -> args(leads(d), "--input-format", "xlsx")),
                broken("a --max-record-size below 1K", d -> args(leads(d), "--max-record-size", "80")),
                // The policy
                broken("the policy does not exist", d -> args(leads(d), "--policy", d.resolve("lead-policy.yaml").toString())),
                broken("the policy is a folder", d -> args(leads(d), "--policy", d.toString())),
                broken("the policy names a country that is none", d -> args(leads(d), "--policy",
                        Cli.write(d.resolve("policy.yaml"), "version: 1\ntargetCountries: [JP, Atlantis]\n").toString())),
                broken("the policy declares a field of no type", d -> args(leads(d), "--policy",
                        Cli.write(d.resolve("policy.yaml"), "fields:\n  time_on_site: seconds\n").toString())),
                broken("the policy's date field has a format without a year", d -> args(leads(d), "--policy",
                        Cli.write(d.resolve("policy.yaml"), "fields:\n  first_visit: {type: date, formats: [\"dd-MM\"]}\n")
                                .toString())),
                broken("the policy's placeholder list holds a blank value", d -> args(leads(d), "--policy",
                        Cli.write(d.resolve("policy.yaml"), "missingValues:\n  add: [\"  \"]\n").toString())),
                // The rules
                broken("a rules file does not exist", d -> args(leads(d), "--rules", d.resolve("our-rules.drl").toString())),
                broken("a rules file does not compile", d -> args(leads(d), "--rules",
                        Cli.write(d.resolve("our-rules.drl"), HOST_RULE.replace("then", "than")).toString())),
                broken("a host rule is in the wrong stage", d -> args(leads(d), "--rules",
                        Cli.write(d.resolve("our-rules.drl"), HOST_RULE.replace("\"exclusion\"", "\"routing\"")).toString())),
                broken("a rules folder holds no .drl file", d -> {
                    Path rules = d.resolve("rules");
                    Cli.write(d.resolve("notes.txt"), "rules go here\n");
                    try {
                        Files.createDirectories(rules);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return args(leads(d), "--rules", rules.toString());
                }),
                broken("a disabled rule that does not exist", d -> args(leads(d), "--disable-rule", "EXC-STUDENTS")),
                // What the CRM knows
                broken("the accounts file does not exist", d -> args(leads(d), "--accounts", d.resolve("accounts.csv").toString())),
                broken("an account without an id", d -> args(leads(d), "--accounts", Cli.write(d.resolve("accounts.csv"),
                        "account_id,name,domains,relationship,owner\n,Globex Corporation,globex.example,CUSTOMER,\n").toString())),
                broken("a recent lead without a time", d -> args(leads(d), "--recent-leads", Cli.write(d.resolve("recent.csv"),
                        "email,submitted_at\nanna.lewis@globex.example,\n").toString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSetups")
    void validateRefusesWithQualifysMessageAndExitCode(Setup setup) {
        List<String> args = setup.apply(dir);

        Cli.Result qualify = run("qualify", args);
        Cli.Result validate = run("validate", args);

        assertThat(qualify.exitCode()).as("qualify refuses: %s", qualify.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(qualify.err()).startsWith("lead-rules qualify: ");
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(qualify.exitCode());
        assertThat(validate.err()).isEqualTo(qualify.err().replace("lead-rules qualify: ", "lead-rules validate: ")
                + "validate: problems found\n");
        assertThat(validate.out()).doesNotEndWith("OK\n");
    }

    @Test
    void whatQualifyAcceptsValidateAcceptsToo() {
        Path map = Cli.write(dir.resolve("columns.yaml"), """
                id: Lead Number
                company_name: Organisation
                email: Work Email
                inquiry_type: {column: Origin, values: {"Lead Add Form": demo, "*": other}}
                attribute.first_visit: {column: "First Visit", format: "dd-MM-yyyy"}
                """);
        List<String> args = args(foreign(dir), "--map", map.toString(), "--rules", Cli.write(dir.resolve("partner.drl"),
                HOST_RULE).toString());

        Cli.Result qualify = run("qualify", args);
        Cli.Result validate = run("validate", args);

        assertThat(qualify.exitCode()).as(qualify.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.err()).isEmpty();
        assertThat(validate.out()).contains("input " + dir.resolve("marketplace-leads.csv") + ": --map file, 4 fields mapped")
                .contains("2 rows, none INVALID").endsWith("OK\n");
    }

    @Test
    void withoutAnInputTheMapIsCheckedOnItsOwnAndSaysSo() {
        Path map = Cli.write(dir.resolve("columns.yaml"), "id: Lead Number\nemail: E-mail Address\n");

        Cli.Result alone = Cli.run("validate", "--map", map.toString());
        Cli.Result withInput = run("validate", withMapArgs(map));

        assertThat(alone.exitCode()).as(alone.err()).isEqualTo(ExitCodes.OK);
        assertThat(alone.out()).contains("map " + map + ": 2 fields, 0 attributes (not checked against a header: give INPUT)");
        assertThat(withInput.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(withInput.err()).contains("The --map file names columns that " + dir.resolve("marketplace-leads.csv")
                + " does not have: email → \"E-mail Address\"");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        Path map = Cli.write(dir.resolve("columns.yaml"), "id: Lead Number\nemail: E-mail Address\n");
        Path policy = Cli.write(dir.resolve("policy.yaml"), "version: 1\ntargetCountries: [JP, Atlantis]\n");

        Cli.Result result = Cli.run("validate", foreign(dir).toString(), "--map", map.toString(),
                "--policy", policy.toString(), "--accounts", dir.resolve("accounts.csv").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("lead-rules validate: no such file: " + dir.resolve("accounts.csv"))
                .contains("lead-rules validate: The --map file names columns that")
                .contains(policy + ":2:23 targetCountries[1]: unknown country 'Atlantis'")
                .endsWith("validate: problems found\n");
    }

    private List<String> withMapArgs(Path map) {
        return args(foreign(dir), "--map", map.toString());
    }

    private static Cli.Result run(String command, List<String> args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(args);
        if (!args.contains("--as-of")) {
            all.addAll(List.of("--as-of", Cli.AS_OF));
        }
        return Cli.run(all.toArray(String[]::new));
    }
}
