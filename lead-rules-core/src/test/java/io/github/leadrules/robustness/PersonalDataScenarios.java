package io.github.leadrules.robustness;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives a canary e-mail address, phone number and name through every error path of the library,
 * in a JVM whose slf4j-simple logs everything at DEBUG to a file ({@link PersonalDataCanaryTest}
 * starts it). It prints to standard output every text the library hands back to a host — exception
 * messages, reason messages, field errors, {@code toString()} of leads, qualifications and traces,
 * the funnel report — each line prefixed with the path it came from, so the test can look for the
 * canary in all of it, and can check that every path was really taken.
 */
public final class PersonalDataScenarios {

    static final String CANARY_EMAIL = "canary.7731@canary-kogyo.co.jp";
    static final String CANARY_PHONE = "+81 3-7731-0042";
    static final String CANARY_NAME = "カナリア 花子";

    private static final Logger LOG = LoggerFactory.getLogger("canary.scenarios");

    private PersonalDataScenarios() {
    }

    /** The canary lead, valid unless a scenario spoils it. */
    static Lead.Builder canaryLead(String id) {
        return Lead.builder(id)
                .contactName(CANARY_NAME)
                .email(CANARY_EMAIL)
                .phone(CANARY_PHONE)
                .jobTitle("購買部 部長")
                .inquiryType(InquiryType.QUOTE)
                .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .submittedAt(RealisticLeads.NOW.minusSeconds(3_600))
                .company(Company.builder().name("カナリア工業株式会社").industry("製造業").employeeCount(800).country("日本").build());
    }

    /** Runs every scenario; prints {@code SCENARIO <name> <text>} lines. */
    public static void main(String[] args) {
        begin("invalid-fields");
        LeadQualifier plain = LeadQualifier.builder().clock(RealisticLeads.CLOCK).build();

        // 1. Invalid fields that carry the canary, and invalid fields beside a valid canary.
        List<Lead> invalid = List.of(
                canaryLead("P-INVALID-1").email(CANARY_EMAIL.replace("@", "@@")).build(),
                canaryLead("P-INVALID-2").phone(CANARY_PHONE + " ask CEO").build(),
                canaryLead("P-INVALID-3").email("x".repeat(300) + CANARY_EMAIL).build(),
                canaryLead("P-INVALID-4").email(CANARY_EMAIL + "\u0000").phone(CANARY_PHONE + "\u0007").build(),
                canaryLead("P-INVALID-5").contactName(CANARY_NAME + "\u001B").jobTitle("部長\u0000").build(),
                canaryLead("P-INVALID-6").company(Company.builder().name("カナリア工業").employeeCount(-5).build()).build(),
                canaryLead("P-INVALID-7").email(SampleFullWidth.of(CANARY_EMAIL).replace("＠", "＠＠")).build(),
                canaryLead("P-INVALID-8").submittedAt(Instant.MAX).build());
        report("invalid-fields", plain.qualifyAll(invalid));
        report("invalid-fields", plain.trace(invalid).stream().map(Object::toString).toList());

        begin("throwing-host-rule");
        // 2. A host rule whose consequence throws, with the lead's contact data in its message.
        LeadQualifier throwing = LeadQualifier.builder().clock(RealisticLeads.CLOCK)
                .addRulesText("host-throws.drl", """
                        package com.example.host;
                        import io.github.leadrules.rules.LeadContext;
                        import io.github.leadrules.rules.Assessment;

                        // The host's scoring service rejects some contacts.
                        rule "Ask the scoring service about the contact"
                            @id("URG-HOST-SCORING")
                            ruleflow-group "urgency"
                        when
                            $lead : LeadContext( hasEmail )
                        then
                            throw new IllegalStateException("scoring failed for " + $lead.getLead().email()
                                    + " / " + $lead.getLead().phone() + " / " + $lead.getLead().contactName());
                        end

                        // The host's CRM push fails with its own exception type.
                        rule "Push the contact to the CRM"
                            @id("RTE-HOST-CRM-PUSH")
                            ruleflow-group "routing"
                            salience 500
                        when
                            $a : Assessment( context.hasPhone )
                        then
                            throw new java.io.UncheckedIOException("CRM push failed for " + $a.getContext().getLead().phone(),
                                    new java.io.IOException($a.getContext().getLead().email()));
                        end
                        """)
                .build();
        report("throwing-host-rule", throwing.qualifyAll(List.of(canaryLead("P-THROW-1").build(),
                canaryLead("P-THROW-2").email(null).build(), canaryLead("P-THROW-3").build())));

        begin("runaway-host-rule");
        // 3. A runaway host rule: it re-activates itself until the firing bound stops it.
        LeadQualifier runaway = LeadQualifier.builder().clock(RealisticLeads.CLOCK).maxRuleFiringsPerLead(50)
                .addRulesText("host-runaway.drl", """
                        package com.example.host;
                        import io.github.leadrules.rules.LeadContext;

                        // Re-checks the contact after every change (a host bug: it changes nothing and loops).
                        rule "Re-check the contact after every change"
                            @id("URG-HOST-RECHECK")
                            ruleflow-group "urgency"
                        when
                            $lead : LeadContext( hasEmail )
                        then
                            update($lead);
                        end
                        """)
                .build();
        report("runaway-host-rule", runaway.qualifyAll(List.of(canaryLead("P-LOOP-1").build(), canaryLead("P-LOOP-2").build())));

        begin("failing-account-directory");
        // 4. An account directory that fails, with the contact data in its exception messages.
        AccountDirectory failing = new AccountDirectory() {
            @Override
            public Optional<Account> findByDomain(String domain) {
                throw new IllegalStateException("CRM timeout looking up " + domain + " for " + CANARY_EMAIL);
            }

            @Override
            public Optional<Account> findByCompanyKey(String companyKey) {
                throw new IllegalStateException("CRM timeout looking up " + companyKey);
            }

            @Override
            public Optional<Instant> lastLeadAt(String normalisedEmail) {
                throw new IllegalArgumentException("no history for " + normalisedEmail + " / " + CANARY_PHONE);
            }
        };
        LeadQualifier failingDirectory = LeadQualifier.builder().clock(RealisticLeads.CLOCK).accounts(failing).build();
        report("failing-account-directory", failingDirectory.qualifyAll(List.of(canaryLead("P-DIR-1").build(),
                canaryLead("P-DIR-2").email(null).build())));

        // 5. Host rules that do not compile and mention the canary in strings.
        rulesThatFail("invalid-rules-unknown-property", """
                package com.example.host;
                import io.github.leadrules.rules.Assessment;

                // Route one known contact to the CEO.
                rule "Route the canary contact to the CEO"
                    @id("RTE-HOST-VIP")
                    ruleflow-group "routing"
                when
                    $a : Assessment( context.lead.email == "%s" || context.lead.phone == "%s" || noSuchProperty == 1 )
                then
                    $a.routeToTeam(io.github.leadrules.model.Destination.FIELD_SALES, "ceo-office", "VIP");
                end
                """.formatted(CANARY_EMAIL, CANARY_PHONE));
        rulesThatFail("invalid-rules-syntax", """
                package com.example.host;
                import io.github.leadrules.rules.LeadContext;

                // Exclude one contact who asked not to be called.
                rule "Exclude a contact who asked not to be called"
                    @id("EXC-HOST-DNC")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( lead.phone == "%s" ) )
                then
                    $lead.exclude("Do not call %s");
                end
                """.formatted(CANARY_PHONE, CANARY_EMAIL));
        rulesThatFail("invalid-rules-bad-consequence", """
                package com.example.host;
                import io.github.leadrules.rules.LeadContext;

                // Exclude one contact who asked not to be e-mailed.
                rule "Exclude one contact"
                    @id("EXC-HOST-DNE")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( lead.email == "%s" )
                then
                    $lead.exclude("Do not e-mail " + "%s" + undefinedVariable);
                end
                """.formatted(CANARY_EMAIL, CANARY_PHONE));

        begin("valid-lead");
        // 6. What a host may log about leads and results.
        Lead lead = canaryLead("P-TOSTRING").build();
        print("valid-lead", lead.toString());
        List<Qualification> ok = plain.qualifyAll(List.of(lead));
        report("valid-lead", ok);
        print("valid-lead", FunnelReport.of(ok).toText());

        begin("stuck-host-rule");
        // 7. Host rules that never return, in an action and in a condition: given up after the budget.
        // Last, because their threads keep spinning until this JVM exits.
        LeadQualifier stuck = LeadQualifier.builder().clock(RealisticLeads.CLOCK)
                .policy(LeadPolicy.defaults().toBuilder().ruleTimeBudget(Duration.ofMillis(200)).build())
                .addRulesText("host-stuck.drl", """
                        package com.example.host;
                        import io.github.leadrules.rules.LeadContext;

                        function boolean lookUpForever(String email) {
                            while (true) { }
                        }

                        // Waits for the CRM to confirm the contact (a host bug: it never returns).
                        rule "Wait for the CRM to confirm the contact"
                            @id("EXC-HOST-CONFIRM")
                            ruleflow-group "exclusion"
                        when
                            $lead : LeadContext( lead.id == "P-STUCK-1" )
                        then
                            while (true) { }
                        end

                        // Asks a lookup that never returns.
                        rule "Look the contact up"
                            @id("URG-HOST-LOOKUP")
                            ruleflow-group "urgency"
                        when
                            $lead : LeadContext( lead.id == "P-STUCK-2" )
                            eval( lookUpForever($lead.getLead().email()) )
                        then
                        end
                        """)
                .build();
        report("stuck-host-rule", stuck.qualifyAll(List.of(canaryLead("P-STUCK-1").build(), canaryLead("P-STUCK-2").build(),
                canaryLead("P-STUCK-3").build())));
        begin("end");
        System.out.println("DONE");
    }

    private static void rulesThatFail(String scenario, String drl) {
        begin(scenario);
        try {
            LeadQualifier.builder().clock(RealisticLeads.CLOCK).addRulesText("host-vip.drl", drl).build();
            print(scenario, "NO EXCEPTION");
        } catch (InvalidRulesException e) {
            print(scenario, "InvalidRulesException " + e.getMessage());
            e.problems().forEach(p -> print(scenario, "problem " + p));
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                print(scenario, "cause " + t);
            }
        }
    }

    /** Marks where a scenario starts, in the log and in the output, so the test can tell them apart. */
    private static void begin(String scenario) {
        LOG.info("BEGIN {}", scenario);
        System.out.println("BEGIN " + scenario);
    }

    private static void report(String scenario, List<?> results) {
        List<String> lines = new ArrayList<>();
        for (Object r : results) {
            lines.add(r.toString());
            if (r instanceof Qualification q) {
                lines.add("outcome " + q.outcome());
                q.reasons().forEach(reason -> lines.add("reason " + reason.ruleId() + " " + reason.message()));
                q.fieldErrors().forEach(f -> lines.add("field " + f));
            }
        }
        lines.forEach(line -> print(scenario, line));
    }

    private static void print(String scenario, String text) {
        for (String line : text.split("\\R")) {
            System.out.println("SCENARIO " + scenario + " " + line);
        }
    }

    /** Full-width forms of ASCII, as a Japanese input method types an address. */
    static final class SampleFullWidth {
        static String of(String ascii) {
            StringBuilder out = new StringBuilder();
            for (char c : ascii.toCharArray()) {
                out.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
            }
            return out.toString();
        }
    }
}
