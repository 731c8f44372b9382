package io.github.leadrules.policy;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFileTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "policy", "lead-policy.yaml");
    private static final Path REFERENCE = Path.of("..", "docs", "policy-file.md");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    private static LeadPolicy read(String yaml) {
        return LeadPolicy.load(new StringReader(yaml), "lead-policy.yaml");
    }

    private static PolicyFileException failure(String yaml) {
        try {
            read(yaml);
        } catch (PolicyFileException e) {
            return e;
        }
        throw new AssertionError("the policy file loaded, but it should have failed:\n" + yaml);
    }

    @Nested
    class TheShippedExample {

        @Test
        void loadsAndSetsWhatItsCommentsSay() {
            LeadPolicy policy = LeadPolicy.load(EXAMPLE);

            assertThat(policy.exclusion().ownDomains()).containsExactlyInAnyOrder("example-saas.co.jp", "example-saas.com");
            assertThat(policy.isCompetitorDomain("rival-saas.example")).isTrue();
            assertThat(policy.isFreeMailDomain("mail.example-isp.jp")).isTrue();
            assertThat(policy.isFreeMailDomain("gmail.com")).as("the shipped list is adjusted, not replaced").isTrue();
            assertThat(policy.isFreeMailDomain("outlook.jp")).isFalse();
            assertThat(policy.exclusion().targetCountries()).containsExactlyInAnyOrder("JP", "US");
            assertThat(policy.exclusion().targetIndustries()).contains("information technology", "manufacturing");
            assertThat(policy.industryKey("部品メーカー")).isEqualTo("manufacturing");
            assertThat(policy.industryKey("製造業")).as("shipped aliases stay").isEqualTo("manufacturing");
            assertThat(policy.exclusion().minimumEmployees()).isEqualTo(20);
            assertThat(policy.routing().sla(Destination.NURTURE)).isEqualTo(Duration.ZERO);
            assertThat(policy.routing().sla(Destination.FIELD_SALES)).isEqualTo(Duration.ofHours(4));
            assertThat(policy.routing().teams()).extracting(Team::name).startsWith("field-sales-jp-enterprise", "field-sales-jp");
            assertThat(policy.routing().team("inside-sales-jp").orElseThrow().reps())
                    .containsExactly(Rep.of("rep-is-101"), Rep.of("rep-is-102"), Rep.of("rep-is-103").unavailable());
            assertThat(policy.routing().team("field-sales-jp-enterprise").orElseThrow().reps().get(0))
                    .isEqualTo(new Rep("rep-jp-011", 2, 30, true));
            assertThat(policy.routing().rotation()).isEqualTo(Rotation.WEIGHTED_ROUND_ROBIN);
            assertThat(policy.routing().accountOwnerFirst()).isTrue();
            assertThat(policy.caseStudyTrack("logistics")).contains("cs-logistics-2026");
            assertThat(policy.caseStudyTrack("finance")).as("the plain mapping replaced the shipped tracks").isEmpty();
            assertThat(policy.contentTrack(InquiryType.SEMINAR)).isEqualTo("webinar-invitations");
        }

        @Test
        void decidesLeadsTheWayItsTeamsAndTerritoriesSay() {
            LeadQualifier qualifier = LeadQualifier.builder().policy(LeadPolicy.load(EXAMPLE)).clock(CLOCK).build();
            Company sampleKogyo = Company.builder().name("サンプル工業株式会社").employeeCount(1200).country("日本")
                    .industry("製造業").build();
            Lead hot = Lead.builder("L-JP-1").email("taro@sample-kogyo.co.jp").jobTitle("製造部 部長")
                    .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                    .company(sampleKogyo).build();
            Lead germany = Lead.builder("L-DE-1").email("anna@muster.example.de").inquiryType(InquiryType.DEMO)
                    .company(Company.builder().name("Muster GmbH").employeeCount(500).country("DE").build()).build();

            List<Qualification> qs = qualifier.qualifyAll(List.of(hot, germany));

            assertThat(qs.get(0).outcome()).isEqualTo(Outcome.QUALIFIED);
            assertThat(qs.get(0).urgency().level()).isEqualTo(UrgencyLevel.IMMEDIATE);
            assertThat(qs.get(0).route().team()).isEqualTo("field-sales-jp-enterprise");
            assertThat(qs.get(0).route().owner()).as("first of weighted round robin").isEqualTo("rep-jp-011");
            assertThat(qs.get(0).route().ownerReason().ruleId()).isEqualTo("ASSIGN-WEIGHTED-ROUND-ROBIN");
            assertThat(qs.get(1).outcome()).isEqualTo(Outcome.EXCLUDED);
            assertThat(qs.get(1).exclusionIds()).containsExactly("EXC-OUT-OF-TERRITORY");
            assertThat(qs.get(1).route().destination()).isEqualTo(Destination.NONE);
        }
    }

    @Nested
    class TheReference {

        @Test
        void documentsEveryKeyTheLoaderAcceptsAndNoOther() throws IOException {
            String doc = Files.readString(REFERENCE, StandardCharsets.UTF_8);
            Set<String> documented = new TreeSet<>();
            Matcher m = Pattern.compile("(?m)^### `(\\w+)`").matcher(doc);
            while (m.find()) {
                documented.add(m.group(1));
            }
            assertThat(documented).isEqualTo(new TreeSet<>(PolicyFile.acceptedKeys()));
        }

        @Test
        void everyPolicySettingHasAKey() {
            // Every builder setting must be reachable from the file: compare with the canonical text.
            Set<String> settings = new TreeSet<>();
            for (String line : LeadPolicy.defaults().canonicalText().split("\n")) {
                settings.add(line.substring(0, line.indexOf('=')));
            }
            assertThat(PolicyFile.acceptedKeys()).containsAll(settings);
        }

        @Test
        void theExampleSetsEveryKey() throws IOException {
            String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
            for (String key : PolicyFile.acceptedKeys()) {
                assertThat(example).as("the example sets " + key).containsPattern("(?m)^" + key + ":");
            }
        }
    }

    @Nested
    class Values {

        @Test
        void anEmptyFileIsTheDefaultPolicy() {
            assertThat(read("")).isEqualTo(LeadPolicy.defaults());
            assertThat(read("# nothing yet\n")).isEqualTo(LeadPolicy.defaults());
        }

        @Test
        void aMappingReplacesTheShippedTracksAndAliasesAndAddRemoveAdjustsThem() {
            LeadPolicy replaced = read("caseStudyTracks: {製造業: cs-factory}\n");
            LeadPolicy adjusted = read("""
                    caseStudyTracks:
                      add: {物流: cs-warehouse, 教育: cs-school}
                      remove: [Retail]
                    industryAliases:
                      add: {manufacturing: [部品メーカー]}
                      remove: [製造業]
                    """);

            assertThat(replaced.routing().caseStudyTracks()).containsExactly(java.util.Map.entry("manufacturing", "cs-factory"));
            assertThat(adjusted.caseStudyTrack("logistics")).contains("cs-warehouse");
            assertThat(adjusted.caseStudyTrack("education")).contains("cs-school");
            assertThat(adjusted.caseStudyTrack("retail")).isEmpty();
            assertThat(adjusted.caseStudyTrack("finance")).isEqualTo(LeadPolicy.defaults().caseStudyTrack("finance"));
            assertThat(adjusted.industryKey("部品メーカー")).isEqualTo("manufacturing");
            assertThat(adjusted.industryKey("製造業")).isEqualTo("製造業");
        }

        @Test
        void aListReplacesTheDefaultsAndAddRemoveAdjustsThem() {
            LeadPolicy replaced = read("testDomains: [qa.example-saas.co.jp]\n");
            LeadPolicy adjusted = read("""
                    freeMailDomains:
                      add: [Mail.Example-ISP.jp, "@another-isp.jp"]
                      remove: [gmail.com, not-in-the-list.example]
                    """);

            assertThat(replaced.exclusion().testDomains()).containsExactly("qa.example-saas.co.jp");
            assertThat(adjusted.isFreeMailDomain("mail.example-isp.jp")).isTrue();
            assertThat(adjusted.isFreeMailDomain("another-isp.jp")).isTrue();
            assertThat(adjusted.isFreeMailDomain("gmail.com")).isFalse();
            assertThat(adjusted.isFreeMailDomain("yahoo.co.jp")).isTrue();
            assertThat(adjusted.exclusion().freeMailDomains()).hasSize(LeadPolicy.defaults().exclusion().freeMailDomains().size() + 1);
        }

        @Test
        void durationsTakeUnitsCombinationsAndIso8601() {
            LeadPolicy p = read("""
                    engagementWindow: 45d
                    burstWindow: 1h30m
                    immediateSla: PT20M
                    slas: {insideSales: 8h, nurture: none}
                    """);

            assertThat(p.urgency().engagementWindow()).isEqualTo(Duration.ofDays(45));
            assertThat(p.urgency().burstWindow()).isEqualTo(Duration.ofMinutes(90));
            assertThat(p.routing().immediateSla()).isEqualTo(Duration.ofMinutes(20));
            assertThat(p.routing().sla(Destination.INSIDE_SALES)).isEqualTo(Duration.ofHours(8));
            assertThat(p.routing().sla(Destination.FIELD_SALES)).as("left out: keeps its default").isEqualTo(Duration.ofHours(4));
            assertThat(p.routing().sla(Destination.NURTURE)).isEqualTo(Duration.ZERO);
        }

        @Test
        void enumeratedValuesIgnoreCaseAndSeparators() {
            LeadPolicy p = read("""
                    teams:
                      - {name: fs, destination: FIELD_SALES, segment: Enterprise}
                      - {name: is, destination: inside-sales}
                    assignment: {rotation: round_robin}
                    contentTracks: {WHITE_PAPER: wp-2026}
                    """);

            assertThat(p.routing().teams()).extracting(Team::destination).containsExactly(Destination.FIELD_SALES, Destination.INSIDE_SALES);
            assertThat(p.routing().teams().get(0).segment()).isEqualTo(Segment.ENTERPRISE);
            assertThat(p.routing().rotation()).isEqualTo(Rotation.ROUND_ROBIN);
            assertThat(p.contentTrack(InquiryType.WHITE_PAPER)).isEqualTo("wp-2026");
        }

        @Test
        void thresholdsLeftOutKeepTheirDefaults() {
            LeadPolicy p = read("urgencyThresholds: {high: 60}\n");

            assertThat(List.of(p.urgency().immediateScore(), p.urgency().highScore(), p.urgency().mediumScore())).containsExactly(80, 60, 25);
        }

        @Test
        void aPolicyFromAFileDecidesLikeTheSamePolicyBuiltInCode() {
            LeadPolicy fromFile = read("""
                    competitorDomains: [rival.example]
                    minimumEmployees: 50
                    """);
            LeadPolicy inCode = LeadPolicy.defaults().toBuilder().competitorDomains("rival.example").minimumEmployees(50).build();

            assertThat(fromFile).isEqualTo(inCode);
            assertThat(LeadQualifier.builder().policy(fromFile).build().fingerprint())
                    .isEqualTo(LeadQualifier.builder().policy(inCode).build().fingerprint());
        }
    }

    @Nested
    class Errors {

        @Test
        void anUnknownKeyIsNamedWithItsLineAndANearMiss() {
            PolicyFileException e = failure("""
                    version: 1
                    minimumEmploees: 20
                    """);

            assertThat(e.file()).isEqualTo("lead-policy.yaml");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.key()).isEqualTo("minimumEmploees");
            assertThat(e.getMessage()).contains("lead-policy.yaml:2:1 minimumEmploees: unknown key (did you mean minimumEmployees?)");
        }

        @Test
        void aWrongTypeNamesTheKeyPathAndLine() {
            PolicyFileException e = failure("""
                    urgencyThresholds:
                      immediate: 80
                      high: fifty
                    """);

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("urgencyThresholds.high");
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.column()).isEqualTo(9);
                assertThat(p.message()).isEqualTo("expected a whole number, got 'fifty'");
            });
        }

        @Test
        void everyProblemIsReportedAtOnceInLineOrder() {
            PolicyFileException e = failure("""
                    coldAfter: 90
                    teams:
                      - name: field-sales-atlantis
                        destination: fieldSales
                        countries: [JP, Atlantis]
                      - name: nurture
                        destination: nurture
                        reps: [rep-1]
                    requireExplicitConsent: yes
                    targetCountrys: [JP]
                    """);

            assertThat(e.problems()).extracting(PolicyFileException.Problem::line).containsExactly(1, 5, 6, 9, 10);
            assertThat(e.problems()).extracting(PolicyFileException.Problem::key).containsExactly(
                    "coldAfter", "teams[0].countries[1]", "teams[1]", "requireExplicitConsent", "targetCountrys");
            assertThat(e.problems().get(0).message()).contains("a number needs a unit");
            assertThat(e.problems().get(1).message()).contains("unknown country 'Atlantis'");
            assertThat(e.problems().get(2).message()).contains("only field sales, inside sales and account owner teams have reps");
            assertThat(e.problems().get(3).message()).isEqualTo("expected true or false, got 'yes'");
            assertThat(e.problems().get(4).message()).contains("did you mean targetCountries?");
        }

        @Test
        void aDuplicateKeyIsAnErrorRatherThanTheLastOneWinning() {
            PolicyFileException e = failure("""
                    minimumEmployees: 20
                    minimumEmployees: 30
                    """);

            assertThat(e.key()).isEqualTo("minimumEmployees");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.problems().get(0).message()).isEqualTo("duplicate key (also on line 1)");
        }

        @Test
        void valuesThatOnlyTogetherAreWrongPointAtTheirKey() {
            PolicyFileException thresholds = failure("\n\nurgencyThresholds: {immediate: 40, high: 50}\n");
            PolicyFileException teams = failure("""
                    teams:
                      - {name: inside-sales, destination: insideSales}
                      - {name: inside-sales, destination: insideSales, countries: [JP]}
                    """);

            assertThat(thresholds.line()).isEqualTo(3);
            assertThat(thresholds.key()).isEqualTo("urgencyThresholds");
            assertThat(thresholds.problems().get(0).message()).contains("must rise strictly");
            assertThat(teams.line()).isEqualTo(1);
            assertThat(teams.key()).isEqualTo("teams");
            assertThat(teams.problems().get(0).message()).contains("two teams are named inside-sales");
        }

        @Test
        void missingRequiredTeamAndRepFieldsAreNamed() {
            PolicyFileException e = failure("""
                    teams:
                      - name: field-sales-jp
                        reps:
                          - {weight: 2}
                          - {id: rep-2, wieght: 2}
                    """);

            assertThat(e.problems()).extracting(PolicyFileException.Problem::key)
                    .containsExactly("teams[0].reps[0].id", "teams[0].reps[1].wieght");
            assertThat(e.problems().get(1).message()).contains("did you mean weight?");
        }

        @Test
        void aTeamWithoutDestinationSaysWhichAreAllowed() {
            PolicyFileException e = failure("teams:\n  - name: field-sales-jp\n");

            assertThat(e.key()).isEqualTo("teams[0].destination");
            assertThat(e.problems().get(0).message()).contains("fieldSales, insideSales, accountOwner, nurture");
        }

        @Test
        void aListGivenAsTextOrLeftEmptyIsAnError() {
            PolicyFileException text = failure("competitorDomains: rival.example\n");
            PolicyFileException empty = failure("competitorDomains:\n");

            assertThat(text.problems().get(0).message()).startsWith("expected a list");
            assertThat(empty.problems().get(0).message()).contains("write [] for an empty list");
        }

        @Test
        void aNotADomainIsRejectedAtItsElement() {
            PolicyFileException e = failure("ownDomains:\n  - example-saas.co.jp\n  - sales team\n");

            assertThat(e.key()).isEqualTo("ownDomains[1]");
            assertThat(e.line()).isEqualTo(3);
        }

        @Test
        void brokenYamlNamesTheLine() {
            PolicyFileException e = failure("minimumEmployees: 20\nteams: [\n  {name: a\n");

            assertThat(e.line()).isGreaterThanOrEqualTo(3);
            assertThat(e.problems().get(0).message()).startsWith("not valid YAML");
        }

        @Test
        void anUnsupportedVersionIsRejected() {
            assertThat(failure("version: 2\n").problems().get(0).message())
                    .isEqualTo("this library reads policy file version 1, got 2");
        }

        @Test
        void aTagCannotCreateJavaObjects() {
            PolicyFileException e = failure("recycleTeam: !!java.io.File [/tmp/x]\n");

            assertThat(e.line()).isEqualTo(1);
            assertThat(e.problems().get(0).message()).startsWith("not valid YAML").contains("Global tag is not allowed");
        }

        @Test
        void aMissingFileIsNamed(@TempDir Path dir) {
            Path missing = dir.resolve("no-such-policy.yaml");

            assertThatThrownBy(() -> LeadPolicy.load(missing))
                    .isInstanceOfSatisfying(PolicyFileException.class, e -> {
                        assertThat(e.file()).isEqualTo(missing.toString());
                        assertThat(e.line()).isZero();
                        assertThat(e.problems().get(0).message()).contains("cannot read the file");
                    });
        }

        @Test
        void aPolicyShippedOnTheClasspathLoadsByResourceName() {
            LeadPolicy policy = LeadPolicy.loadResource("io/github/leadrules/policy/classpath-policy.yaml");

            assertThat(policy.exclusion().minimumEmployees()).isEqualTo(25);
            assertThat(policy.exclusion().targetCountries()).containsExactlyInAnyOrder("JP", "US");
        }

        @Test
        void aMissingClasspathPolicyIsNamed() {
            assertThatThrownBy(() -> LeadPolicy.loadResource("config/no-such-policy.yaml"))
                    .isInstanceOfSatisfying(PolicyFileException.class, e -> {
                        assertThat(e.file()).isEqualTo("config/no-such-policy.yaml");
                        assertThat(e.problems().get(0).message()).contains("no such resource");
                    });
        }

        @Test
        void aFileOnDiskIsNamedByItsPath(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("lead-policy.yaml");
            Files.writeString(file, "minimumEmployees: -5\n");

            assertThatThrownBy(() -> LeadPolicy.load(file))
                    .hasMessageContaining(file + ":1:19 minimumEmployees: must be at least 0, got -5");
        }
    }
}
