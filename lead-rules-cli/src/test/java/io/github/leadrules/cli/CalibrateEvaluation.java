package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.calibrate.Calibration;
import io.github.leadrules.calibrate.Calibrator;
import io.github.leadrules.calibrate.HistoricalLead;
import io.github.leadrules.calibrate.LearnedSignal;
import io.github.leadrules.calibrate.internal.Engine;
import io.github.leadrules.cli.columns.MapFile;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The calibrate measurement (a command, not a test): on generated foreign exports with planted
 * propensities, calibrate on 70 % and score the other 30 %, then print the top tier's lift against
 * an oracle's for a tier of the same size, the out-of-fold lift of signals from noise-only fields,
 * and the bottom tier's rate against the base rate, each with met / not met. Run it with
 * {@code scripts/calibrate-evaluation.sh}; the report is also written to
 * {@code lead-rules-cli/target/calibrate-evaluation.txt}. With {@code -Dcalibrate.samples=DIR} it
 * also writes the sample foreign export {@code DIR/web-leads.csv} (3 000 rows) and its map.
 */
@EnabledIfSystemProperty(named = "calibrate.evaluation", matches = "true")
class CalibrateEvaluation {

    static final Instant AS_OF = Instant.parse("2026-11-28T00:00:00Z");


    /** One test-set lead: its lead, outcome and true propensity. */
    private record Scored(Lead lead, boolean converted, double propensity) {
    }

    @Test
    void evaluate() throws Exception {
        int rows = Integer.getInteger("calibrate.rows", 20_000);
        long seed = Long.getLong("calibrate.seed", 20261130L);
        Path work = Path.of("target", "calibrate-evaluation");
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "calibrate evaluation: %,d generated rows per schema, seed %d, 70 %% calibrate / 30 %% scored%n",
                rows, seed));
        boolean allMet = true;
        for (ForeignExports.Schema schema : ForeignExports.Schema.values()) {
            allMet &= evaluate(schema, rows, seed, work.resolve(schema.name().toLowerCase(Locale.ROOT)), report);
        }
        report.append(allMet ? "\nall targets met\n" : "\nsome targets NOT met\n");
        Files.createDirectories(work);
        Files.writeString(Path.of("target", "calibrate-evaluation.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        String samples = System.getProperty("calibrate.samples");
        if (samples != null && !samples.isBlank()) {
            Path dir = Path.of(samples);
            ForeignExports.write(dir.resolve("web-leads.csv"), ForeignExports.generate(ForeignExports.Schema.WEB, 3000, 20261128L));
            Files.writeString(dir.resolve("web-leads.map.yaml"), ForeignExports.map(ForeignExports.Schema.WEB), StandardCharsets.UTF_8);
            System.out.println("sample written: " + dir.resolve("web-leads.csv"));
        }
    }

    private static boolean evaluate(ForeignExports.Schema schema, int count, long seed, Path dir, StringBuilder out)
            throws Exception {
        List<ForeignExports.Row> rows = new ArrayList<>(ForeignExports.generate(schema, count, seed));
        Collections.shuffle(rows, new Random(seed + 1));
        int cut = (int) Math.round(rows.size() * 0.7);
        Path train = ForeignExports.write(dir.resolve("train.csv"), rows.subList(0, cut));
        Path test = ForeignExports.write(dir.resolve("test.csv"), rows.subList(cut, rows.size()));
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, ForeignExports.map(schema), StandardCharsets.UTF_8);
        Map<String, Double> propensity = new HashMap<>();
        rows.forEach(r -> propensity.put(r.id(), r.propensity()));

        LeadQualifier[] base = new LeadQualifier[1];
        List<Scored> trainLeads = read(train, map, schema, propensity, base);
        List<Scored> testLeads = read(test, map, schema, propensity, base);
        Calibration c = Calibrator.builder().qualifier(base[0]).seed(1).build()
                .calibrate(trainLeads.stream().map(s -> new HistoricalLead(s.lead(), s.converted())).toList());
        Path learned = dir.resolve("learned.yaml");
        Files.writeString(learned, c.policyYaml(null), StandardCharsets.UTF_8);

        // Scored by the qualifier reading the written file (the backtest path, --judge-at submitted); where the core cannot
        // read policy signals yet, by calibrate's internal scorer, which applies them the same way.
        List<Lead> scoredLeads = testLeads.stream().map(Scored::lead).toList();
        List<Engine.Applied> applied;
        String scoredBy;
        try {
            LeadPolicy policy = LeadPolicy.load(learned);
            LeadQualifier q = LeadQualifier.builder().policy(policy).clock(Clock.fixed(AS_OF, ZoneOffset.UTC))
                    .unavailableFields(RuleSetOptions.unavailableFields(mapping(test, map))).build();
            applied = new ArrayList<>();
            // each lead as of its submission time, as calibrate learned and `backtest --judge-at submitted` scores
            for (Qualification d : Engine.decide(q, scoredLeads)) {
                java.util.Set<String> fired = new java.util.TreeSet<>(d.urgency().signals());
                fired.removeIf(id -> !id.startsWith("CAL-"));
                applied.add(new Engine.Applied(d.outcome() == Outcome.QUALIFIED,
                        d.outcome() == Outcome.QUALIFIED ? d.urgency().level() : null, fired));
            }
            scoredBy = "the qualifier with the written policy file (" + learned + ")";
        } catch (PolicyFileException e) {
            applied = Engine.apply(c, scoredLeads, base[0]);
            scoredBy = "calibrate's internal scorer (this core cannot read policy signals yet)";
        }

        List<Integer> qualified = new ArrayList<>();
        int converted = 0;
        for (int i = 0; i < testLeads.size(); i++) {
            if (applied.get(i).qualified()) {
                qualified.add(i);
                converted += testLeads.get(i).converted() ? 1 : 0;
            }
        }
        double baseRate = (double) converted / qualified.size();
        int[] n = new int[4];
        int[] k = new int[4];
        for (int i : qualified) {
            int t = switch (applied.get(i).level()) {
                case IMMEDIATE -> 0;
                case HIGH -> 1;
                case MEDIUM -> 2;
                default -> 3;
            };
            n[t]++;
            k[t] += testLeads.get(i).converted() ? 1 : 0;
        }
        double topLift = n[0] == 0 ? 0 : ((double) k[0] / n[0]) / baseRate;
        List<Integer> byTruth = new ArrayList<>(qualified);
        byTruth.sort(Comparator.comparingDouble((Integer i) -> testLeads.get(i).propensity()).reversed());
        int oracleK = 0;
        for (int j = 0; j < n[0]; j++) {
            oracleK += testLeads.get(byTruth.get(j)).converted() ? 1 : 0;
        }
        double oracleLift = n[0] == 0 ? 0 : ((double) oracleK / n[0]) / baseRate;
        double bottomRatio = n[3] == 0 ? 0 : ((double) k[3] / n[3]) / baseRate;

        double worstNoise = 0;
        String worstNoiseSignal = "none";
        int noiseSignals = 0;
        for (LearnedSignal s : c.signals()) {
            if (!schema.noiseFields.contains(s.condition().field())) {
                continue;
            }
            noiseSignals++;
            int sn = 0;
            int sk = 0;
            for (int i : qualified) {
                if (applied.get(i).signals().contains(s.id())) {
                    sn++;
                    sk += testLeads.get(i).converted() ? 1 : 0;
                }
            }
            double lift = sn == 0 ? 1 : ((double) sk / sn) / baseRate;
            if (Math.abs(lift - 1) > worstNoise) {
                worstNoise = Math.abs(lift - 1);
                worstNoiseSignal = s.id();
            }
        }

        out.append(String.format(Locale.ROOT, "%n== %s export: %,d rows calibrated (%s), %,d rows scored by %s%n", schema,
                trainLeads.size(), train, testLeads.size(), scoredBy));
        out.append(String.format(Locale.ROOT, "learned: %d signals, thresholds %d/%d/%d; fields used: %s; left out: %s%n",
                c.signals().size(), c.thresholds().immediate(), c.thresholds().high(), c.thresholds().medium(),
                String.join(", ", c.fieldReports().stream().filter(f -> f.used()).map(f -> f.field()).toList()),
                String.join(", ", c.fieldReports().stream().filter(f -> !f.used())
                        .map(f -> f.field() + (f.note().startsWith("looks filled in") ? " (after the sale)" : "")).toList())));
        out.append(String.format(Locale.ROOT, "scored: %,d qualified, base rate %.1f %%%n", qualified.size(), 100 * baseRate));
        String[] names = {"IMMEDIATE", "HIGH", "MEDIUM", "LOW+UNKNOWN"};
        for (int t = 0; t < 4; t++) {
            out.append(String.format(Locale.ROOT, "  %-12s %,6d leads (%4.1f %%), conversion %5.1f %%, lift %.2f, capture %5.1f %%%n",
                    names[t], n[t], 100.0 * n[t] / qualified.size(), n[t] == 0 ? 0 : 100.0 * k[t] / n[t],
                    n[t] == 0 ? 0 : ((double) k[t] / n[t]) / baseRate, 100.0 * k[t] / converted));
        }
        boolean topMet = topLift >= 0.9 * oracleLift;
        boolean noiseMet = worstNoise <= 0.2;
        boolean bottomMet = bottomRatio <= 0.5;
        out.append(String.format(Locale.ROOT, "  top tier lift %.2f vs oracle %.2f for the same %,d leads: %.0f %% of the oracle (target ≥ 90 %%): %s%n",
                topLift, oracleLift, n[0], oracleLift == 0 ? 0 : 100 * topLift / oracleLift, topMet ? "met" : "NOT MET"));
        out.append(String.format(Locale.ROOT, "  noise-only fields: %d signals, max |lift − 1| out of sample %.3f (%s) (target ≤ 0.2): %s%n",
                noiseSignals, worstNoise, worstNoiseSignal, noiseMet ? "met" : "NOT MET"));
        out.append(String.format(Locale.ROOT, "  bottom tier rate / base %.2f (target ≤ 0.5): %s%n", bottomRatio,
                bottomMet ? "met" : "NOT MET"));
        return topMet && noiseMet && bottomMet;
    }

    /** Reads a generated export the way the CLI does (its map, its column reader), with outcomes and true propensities. */
    private static List<Scored> read(Path file, Path map, ForeignExports.Schema schema, Map<String, Double> propensity,
                                     LeadQualifier[] qualifier) throws IOException, UsageProblem {
        LeadInputOptions.Settings settings = new LeadInputOptions.Settings(StandardCharsets.UTF_8, ',', ZoneOffset.UTC,
                AS_OF, false, loadMap(map), 1 << 20);
        List<Scored> out = new ArrayList<>();
        try (LeadInput in = LeadInput.open(file.toString(), settings, System.in)) {
            int outcome = BacktestCommand.columnIndex(in.header(), schema.outcomeColumn);
            if (qualifier[0] == null) {
                qualifier[0] = LeadQualifier.builder().clock(Clock.fixed(AS_OF, ZoneOffset.UTC))
                        .unavailableFields(RuleSetOptions.unavailableFields(in.mapping())).build();
            }
            in.missingValues(qualifier[0].policy()::isMissingValue);
            for (InputRow row = in.next(); row != null; row = in.next()) {
                ReadRow read = in.read(row);
                if (!read.readable()) {
                    throw new IllegalStateException("generated row at line " + row.line() + " does not read: " + read.errors());
                }
                Boolean y = BacktestCommand.outcome(row.cells().get(outcome), List.of());
                out.add(new Scored(read.lead(), y, propensity.get(read.lead().id())));
            }
        }
        return out;
    }

    private static io.github.leadrules.cli.columns.ColumnMapping mapping(Path file, Path map) throws IOException, UsageProblem {
        LeadInputOptions.Settings settings = new LeadInputOptions.Settings(StandardCharsets.UTF_8, ',', ZoneOffset.UTC,
                AS_OF, false, loadMap(map), 1 << 20);
        try (LeadInput in = LeadInput.open(file.toString(), settings, System.in)) {
            return in.mapping();
        }
    }

    private static MapFile loadMap(Path map) throws IOException {
        try {
            return MapFile.load(map);
        } catch (MapFile.MapFileException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }
}
