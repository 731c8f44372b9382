package io.github.leadrules.robustness;

import io.github.leadrules.model.Lead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 5: no personal data in logs or exception messages. A canary e-mail address, phone number
 * and name go through every error path ({@link PersonalDataScenarios}) in a fresh JVM whose
 * slf4j-simple logs every logger, Drools' included, at DEBUG into a file: a fresh JVM because
 * slf4j-simple reads its configuration once per JVM, so only there is DEBUG certain. Each test
 * takes one path's part of the log and of the texts the library handed back, checks that the path
 * was really taken (so that a silent log cannot pass for a clean one), then looks for the canary
 * in the forms the library might normalise it to.
 */
class PersonalDataCanaryTest {

    /** The canary as typed and as normalised (lower case; the phone's digits with and without separators). */
    private static final List<String> CANARY_FORMS = List.of(
            "canary.7731", "ｃａｎａｒｙ．７７３１", "7731-0042", "77310042", "3-7731", "カナリア 花子", "カナリア花子", "花子");

    @TempDir
    static Path temp;

    private static String log;
    private static String output;

    @BeforeAll
    static void runTheScenariosInAFreshJvmLoggingAtDebug() throws IOException, InterruptedException {
        Path logFile = temp.resolve("canary.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-Dorg.slf4j.simpleLogger.logFile=" + logFile,
                "-Dorg.slf4j.simpleLogger.showDateTime=false",
                "-cp", System.getProperty("java.class.path"),
                PersonalDataScenarios.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        // A guard against a hung child, not a speed assertion.
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        output = stdout.join();
        assertThat(finished).as("the scenarios finished").isTrue();
        assertThat(process.exitValue()).as("scenario JVM exit code; output:%n%s", output).isZero();
        assertThat(output).contains("DONE");
        log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    }

    @Test
    void theLogIsReallyCapturedAtDebug() {
        assertThat(log).contains("DEBUG io.github.leadrules.internal.CompiledRules - Built rule base")
                .contains("DEBUG org.drools");
    }

    @Test
    void invalidFieldsAreNamedWithoutTheirValues() {
        assertThat(texts("invalid-fields")).anyMatch(l -> l.contains("field email:MALFORMED"))
                .anyMatch(l -> l.contains("field phone:MALFORMED"))
                .anyMatch(l -> l.contains("field email:TOO_LONG"))
                .anyMatch(l -> l.contains("field email:CONTROL_CHARACTERS"))
                .anyMatch(l -> l.contains("field contactName:CONTROL_CHARACTERS"))
                .anyMatch(l -> l.contains("field company.employeeCount:NEGATIVE"))
                .anyMatch(l -> l.contains("field submittedAt:IN_FUTURE"))
                .anyMatch(l -> l.startsWith("QualificationTrace["));

        assertNoCanary("invalid-fields");
    }

    @Test
    void aThrowingHostRuleYieldsErrorWithoutTheContactDataInItsMessage() {
        assertThat(texts("throwing-host-rule")).anyMatch(l -> l.startsWith("reason URG-HOST-SCORING"))
                .anyMatch(l -> l.startsWith("reason RTE-HOST-CRM-PUSH"));

        assertNoCanary("throwing-host-rule");
    }

    @Test
    void aThrowingHostRuleWithAnUncheckedIoExceptionIsReportedByClassNameOnly() {
        assertThat(texts("throwing-host-rule"))
                .anyMatch(l -> l.equals("reason RTE-HOST-CRM-PUSH Rule 'Push the contact to the CRM' (RTE-HOST-CRM-PUSH)"
                        + " failed with UncheckedIOException"));
    }

    @Test
    void aRunawayHostRuleIsStoppedWithoutTheCanary() {
        assertThat(texts("runaway-host-rule")).anyMatch(l -> l.startsWith("outcome ERROR"))
                .anyMatch(l -> l.contains("exceeded the bound of 50 rule firings for one lead"));

        assertNoCanary("runaway-host-rule");
    }

    @Test
    void hostRulesThatNeverReturnAreGivenUpWithOneWarningEachNamingTheRuleWithoutTheCanary() {
        assertThat(texts("stuck-host-rule"))
                .anyMatch(l -> l.startsWith("reason EXC-HOST-CONFIRM Rule 'Wait for the CRM to confirm the contact'"
                        + " (EXC-HOST-CONFIRM) did not finish its action within the rule time budget of 200ms"))
                .anyMatch(l -> l.startsWith("reason URG-HOST-LOOKUP A condition of rule 'Look the contact up'"))
                .anyMatch(l -> l.equals("outcome QUALIFIED"));
        String log = segment(PersonalDataCanaryTest.log, "stuck-host-rule");
        assertThat(log).contains("WARN io.github.leadrules.internal.Pipeline - Rule 'Wait for the CRM to confirm the contact'"
                + " (EXC-HOST-CONFIRM) did not finish").contains("(URG-HOST-LOOKUP) did not finish");
        assertThat(log.lines().filter(l -> l.contains("is left running")).count())
                .as("one warning per thread left running: the action once, the condition in the batch and alone")
                .isEqualTo(3);

        assertNoCanary("stuck-host-rule");
    }

    @Test
    void aFailingAccountDirectoryIsReportedByClassNameOnly() {
        assertThat(texts("failing-account-directory"))
                .anyMatch(l -> l.equals("reason ENGINE-ACCOUNT-LOOKUP The account directory failed: IllegalStateException"));
        assertThat(segment(log, "failing-account-directory")).contains("Account lookup failed for lead P-DIR-1");

        assertNoCanary("failing-account-directory");
    }

    @Test
    void invalidRulesNameFileLineAndRuleWithoutQuotingTheCanaryFromAConsequence() {
        assertThat(texts("invalid-rules-bad-consequence")).anyMatch(l -> l.startsWith("InvalidRulesException")
                || l.contains("host-vip.drl:11"));

        assertNoCanary("invalid-rules-bad-consequence");
    }

    @Test
    void invalidRulesNameFileLineAndRuleWithoutQuotingTheCanaryFromAParseError() {
        assertThat(texts("invalid-rules-syntax")).anyMatch(l -> l.startsWith("problem host-vip.drl:9"));

        assertNoCanary("invalid-rules-syntax");
    }

    /**
     * A build error quotes the constraint Drools could not analyse, because that is the host's own
     * rule text and the developer needs it to find the mistake. Rule text is code the host wrote,
     * not lead data: a host that types contact data into a rule puts it in its own source files,
     * and gets it back in the exception it reads. The promise covers the data of leads, which the
     * other scenarios push through every path.
     */
    @Test
    void invalidRulesQuoteTheHostsOwnConstraintSoTheDeveloperCanFindIt() {
        assertThat(texts("invalid-rules-unknown-property"))
                .anyMatch(l -> l.startsWith("problem host-vip.drl:9") && l.contains("noSuchProperty"));
    }

    @Test
    void aValidLeadItsQualificationAndTheFunnelReportCarryNoContactData() {
        assertThat(texts("valid-lead")).anyMatch(l -> l.startsWith("outcome QUALIFIED"))
                .anyMatch(l -> l.startsWith("Lead[id=P-TOSTRING"));

        assertNoCanary("valid-lead");
    }

    @Test
    void leadToStringRedactsTheContactNameEmailAndPhone() {
        Lead lead = PersonalDataScenarios.canaryLead("P-1").build();

        assertThat(lead.toString()).contains("P-1").contains("email=***").contains("phone=***").contains("contactName=***");
        assertThat(canaryIn(lead.toString())).isEmpty();
        assertThat(lead.toBuilder().email(null).phone(null).contactName(null).build().toString())
                .contains("email=null").contains("phone=null");
    }

    private static void assertNoCanary(String scenario) {
        assertThat(canaryIn(segment(output, scenario))).as("canary in the texts of %s:%n%s", scenario,
                segment(output, scenario)).isEmpty();
        assertThat(canaryIn(segment(log, scenario))).as("canary in the DEBUG log of %s:%n%s", scenario,
                segment(log, scenario)).isEmpty();
    }

    /** The canary forms found in the text, case-insensitively. */
    private static List<String> canaryIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return CANARY_FORMS.stream().filter(form -> lower.contains(form.toLowerCase(Locale.ROOT))).toList();
    }

    /** The part of a text between the scenario's BEGIN marker and the next one. */
    private static String segment(String text, String scenario) {
        String marker = "BEGIN " + scenario;
        int start = text.indexOf(marker);
        assertThat(start).as("scenario %s ran", scenario).isNotNegative();
        int end = text.indexOf("BEGIN ", start + marker.length());
        return text.substring(start + marker.length(), end < 0 ? text.length() : end);
    }

    /** The scenario's lines on standard output, without their prefix. */
    private static List<String> texts(String scenario) {
        String prefix = "SCENARIO " + scenario + " ";
        return segment(output, scenario).lines().filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length())).toList();
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
