package io.github.leadrules.examples.precompiled;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A host whose own rules are precompiled at build time, as the packaged rules are: this module's
 * build runs kie-maven-plugin over {@code io/github/leadrules/examples/precompiled/webinar.drl}
 * (see the pom), which writes the executable model's classes and the list of them,
 * {@value #MODEL}, into the jar. At start-up the qualifier builds the rules from those classes;
 * neither the packaged nor these rules are compiled from DRL.
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl lead-rules-examples exec:java \
 *     -Dexec.mainClass=io.github.leadrules.examples.precompiled.PrecompiledHost
 * </pre>
 */
public final class PrecompiledHost {

    /** The model list kie-maven-plugin writes for this module: {@code META-INF/kie/<groupId>/<artifactId>/drools-model}. */
    public static final String MODEL = "META-INF/kie/io.github.leadrules/lead-rules-examples/drools-model";
    /** The DRL the model was generated from; it ships too (catalogue, errors, fingerprint). */
    public static final String RULES = "io/github/leadrules/examples/precompiled/webinar.drl";
    /** "Now" for the example: 28 November 2026, 09:00 in Tokyo. */
    public static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    private PrecompiledHost() {
    }

    /** The packaged rules and the host's rules, both from their precompiled models. */
    public static LeadQualifier qualifier(Clock clock) {
        return LeadQualifier.builder()
                .addPrecompiledRules(MODEL, RULES)
                .clock(clock)
                .build();
    }

    /** A live webinar attendee from a mid-sized Japanese company. */
    public static Lead webinarAttendee() {
        return Lead.builder("L-2001")
                .email("k.sato@sakura-seiki.co.jp")
                .jobTitle("情報システム部 課長")
                .source("webinar")
                .attribute("attended", "live")
                .inquiryType(InquiryType.SEMINAR)
                .company(Company.builder().name("さくら精機株式会社").employeeCount(320).country("日本")
                        .industry("製造業").build())
                .build();
    }

    /** Builds the qualifier and prints the attendee's decision with every reason. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LeadQualifier qualifier = qualifier(Clock.fixed(NOW, ZoneOffset.UTC));
        Qualification q = qualifier.qualify(webinarAttendee());
        out.println("rule set " + qualifier.fingerprint() + " (" + qualifier.rules().size() + " rules)");
        out.println(q.leadId() + " " + q.outcome() + " " + q.urgency().level() + " " + q.reasonIds());
    }
}
