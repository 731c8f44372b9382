package io.github.leadrules.cli.report;

import io.github.leadrules.RuleDescription;
import io.github.leadrules.compare.Backtest;
import io.github.leadrules.compare.Cohort;
import io.github.leadrules.compare.ExclusionCost;
import io.github.leadrules.compare.LeadChange;
import io.github.leadrules.compare.QualificationDiff;
import io.github.leadrules.compare.RuleFirings;
import io.github.leadrules.compare.RuleStatistics;
import io.github.leadrules.compare.TransitionMatrix;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

import static io.github.leadrules.cli.report.Html.card;
import static io.github.leadrules.cli.report.Html.esc;
import static io.github.leadrules.cli.report.Html.fmt;
import static io.github.leadrules.cli.report.Html.foot;
import static io.github.leadrules.cli.report.Html.head;
import static io.github.leadrules.cli.report.Html.label;
import static io.github.leadrules.cli.report.Html.legend;
import static io.github.leadrules.cli.report.Html.meaning;
import static io.github.leadrules.cli.report.Html.pct;
import static io.github.leadrules.cli.report.Html.svg;

/**
 * The {@code diff} and {@code backtest} results as self-contained HTML pages, like the funnel
 * report (and built from the same {@link Html} pieces): inline CSS and SVG, no script and nothing
 * fetched, every piece of data escaped. Names, e-mail addresses and phone numbers never appear; leads are
 * shown by line, id, company and industry.
 */
public final class CompareReport {

    /** Changed leads listed in the diff page at most; the CSV from {@code --out} has them all. */
    public static final int MAX_LISTED_CHANGES = 1_000;

    /**
     * What the diff page shows besides the diff.
     *
     * @param title          the input's name
     * @param columns        how the columns were recognised
     * @param asOf           the "now" both rule sets decided at
     * @param base           the base rule set, described
     * @param candidate      the candidate rule set, described
     * @param baseRules      the base rule catalogue (for rule names)
     * @param candidateRules the candidate rule catalogue
     * @param lineOf         a listed changed lead's input line, by its position
     * @param leadOf         a listed changed lead, by its position (for company and industry); may give null
     */
    public record DiffContext(String title, String columns, String asOf, String base, String candidate,
                              List<RuleDescription> baseRules, List<RuleDescription> candidateRules,
                              IntToLongFunction lineOf, IntFunction<Lead> leadOf) {
    }

    /**
     * What the backtest page shows besides the backtest.
     *
     * @param title   the input's name
     * @param columns how the columns were recognised
     * @param asOf    the "now" the rules decided at
     * @param ruleSet the rule set, described
     * @param outcome the outcome column and what counted as converted
     * @param rules   the rule catalogue (for rule names)
     */
    public record BacktestContext(String title, String columns, String asOf, String ruleSet, String outcome,
                                  List<RuleDescription> rules) {
    }

    private static final String BASE_COLOUR = "#94a3b8";
    private static final String CANDIDATE_COLOUR = "#0f766e";

    private CompareReport() {
    }

    /** Writes the diff page. */
    public static void writeDiff(Writer out, QualificationDiff diff, DiffContext ctx) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        head(h, "What-if — " + ctx.title(), CSS);
        h.append("<h1>What-if <span class=\"src\">").append(esc(ctx.title())).append("</span></h1>\n");
        h.append("<p class=\"meta\">Columns: ").append(esc(ctx.columns())).append(" · Both decided as of ")
                .append(esc(ctx.asOf())).append("</p>\n");
        h.append("<table class=\"sets\"><tr><th>Base</th><td><code>").append(esc(diff.baseFingerprint()))
                .append("</code></td><td>").append(esc(ctx.base())).append("</td></tr>\n<tr><th>Candidate</th><td><code>")
                .append(esc(diff.candidateFingerprint())).append("</code></td><td>").append(esc(ctx.candidate()))
                .append("</td></tr></table>\n");

        h.append("<section class=\"cards\">\n");
        card(h, "Leads compared", fmt(diff.leads()), null);
        card(h, "Decided differently", fmt(diff.changed()), pct(diff.changed(), diff.leads()) + " of leads");
        card(h, "Real leads", fmt(diff.outcomes().baseTotal(Outcome.QUALIFIED)) + " → "
                + fmt(diff.outcomes().candidateTotal(Outcome.QUALIFIED)), "qualified, base → candidate");
        card(h, "Outcome moved", fmt(diff.outcomes().moved()), null);
        card(h, "Urgency moved", fmt(diff.urgency().moved()), null);
        card(h, "Route moved", fmt(diff.routes().moved()), null);
        h.append("</section>\n");

        h.append("<h2>Leads per route</h2>\n<p class=\"note\">Every lead, by destination: base in grey, candidate in green.</p>\n");
        pairedBars(h, diff.routes());

        matrix(h, "Outcome", diff.outcomes());
        matrix(h, "Urgency", diff.urgency());
        matrix(h, "Route", diff.routes());

        h.append("<h2>Rules that fire differently</h2>\n");
        List<RuleFirings> changed = diff.ruleFiringChanges();
        if (changed.isEmpty()) {
            h.append("<p class=\"note\">Every rule fires for as many leads under both rule sets.</p>\n");
        } else {
            Map<String, RuleDescription> names = catalogue(ctx.baseRules(), ctx.candidateRules());
            h.append("<p class=\"note\">Leads each rule fired for; “absent” means the rule set does not have the rule.</p>\n")
                    .append("<table class=\"num\"><thead><tr><th>Rule</th><th>What it says</th><th>Base</th><th>Candidate</th>")
                    .append("<th>Change</th></tr></thead><tbody>\n");
            for (RuleFirings r : changed) {
                h.append("<tr><td><code>").append(esc(r.ruleId())).append("</code></td><td class=\"text\">")
                        .append(esc(meaning(names.get(r.ruleId())))).append("</td><td>")
                        .append(r.inBase() ? fmt(r.base()) : "absent").append("</td><td>")
                        .append(r.inCandidate() ? fmt(r.candidate()) : "absent").append("</td><td>")
                        .append(String.format(Locale.ROOT, "%+,d", r.change())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }

        h.append("<h2>Changed leads</h2>\n");
        if (diff.changed() == 0) {
            h.append("<p class=\"note\">No lead is decided differently.</p>\n");
        } else {
            int shown = Math.min(diff.changes().size(), MAX_LISTED_CHANGES);
            h.append("<p class=\"note\">").append(shown < diff.changed()
                    ? "The first " + fmt(shown) + " of " + fmt(diff.changed()) + " changed leads, in input order; --out writes them all."
                    : "Every changed lead, in input order.").append(" No names, e-mail addresses or phone numbers.</p>\n");
            h.append("<table class=\"changes\"><thead><tr><th>Line</th><th>Lead</th><th>Company</th><th>Industry</th>")
                    .append("<th>Base</th><th>Candidate</th><th>Rules only under base</th><th>Rules only under candidate</th>")
                    .append("</tr></thead><tbody>\n");
            for (LeadChange c : diff.changes().subList(0, shown)) {
                Lead lead = ctx.leadOf().apply(c.position());
                Company company = lead == null ? null : lead.company();
                h.append("<tr><td class=\"n\">").append(ctx.lineOf().applyAsLong(c.position())).append("</td><td>")
                        .append(esc(c.leadId())).append("</td><td>").append(esc(company == null ? "" : company.name()))
                        .append("</td><td>").append(esc(company == null ? "" : company.industry())).append("</td><td>");
                decision(h, c.base());
                h.append("</td><td>");
                decision(h, c.candidate());
                h.append("</td><td>").append(codes(c.firedOnlyUnderBase())).append("</td><td>")
                        .append(codes(c.firedOnlyUnderCandidate())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        foot(h, "Generated by lead-rules diff. Rows: base; columns: candidate.");
        out.write(h.toString());
    }

    /** Writes the backtest page. */
    public static void writeBacktest(Writer out, Backtest b, BacktestContext ctx) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        head(h, "Backtest — " + ctx.title(), CSS);
        h.append("<h1>Backtest <span class=\"src\">").append(esc(ctx.title())).append("</span></h1>\n");
        h.append("<p class=\"meta\">Columns: ").append(esc(ctx.columns())).append(" · Outcome: ").append(esc(ctx.outcome()))
                .append(" · Decided as of ").append(esc(ctx.asOf())).append(" · Rule set <code>").append(esc(b.fingerprint()))
                .append("</code>, ").append(esc(ctx.ruleSet())).append("</p>\n");

        Cohort qualified = b.outcome(Outcome.QUALIFIED);
        Cohort excluded = b.outcome(Outcome.EXCLUDED);
        h.append("<section class=\"cards\">\n");
        card(h, "Leads", fmt(b.leads()), null);
        card(h, "Converted", fmt(b.conversions()), "base rate " + rate(b.baseRate()));
        card(h, "Real leads convert at", rate(qualified.conversionRate()), lift(qualified.lift()) + " the base rate");
        card(h, "Conversions captured", rate(qualified.shareOfConversions()), "by qualified leads");
        card(h, "Converted though excluded", fmt(excluded.conversions()), "of " + fmt(excluded.leads()) + " excluded");
        h.append("</section>\n");

        h.append("<h2>Lift</h2>\n<p class=\"note\">Conversion rate of each group over the base rate of all leads (")
                .append(rate(b.baseRate())).append("). Right of the line converts better than average. ")
                .append("Urgency groups hold qualified leads only; route groups hold every lead.</p>\n");
        List<LiftBar> bars = new ArrayList<>();
        b.byUrgency().forEach(c -> bars.add(new LiftBar("Urgency " + c.key(), c)));
        b.byRoute().forEach(c -> bars.add(new LiftBar("Route " + c.key(), c)));
        liftChart(h, bars);

        cohorts(h, "By outcome", b.byOutcome());
        cohorts(h, "By urgency (qualified leads)", b.byUrgency());
        cohorts(h, "By route (all leads)", b.byRoute());
        if (!b.byTeam().isEmpty()) {
            cohorts(h, "By team or nurture track", b.byTeam());
        }

        Map<String, RuleDescription> names = catalogue(ctx.rules(), List.of());
        h.append("<h2>Exclusion cost</h2>\n<p class=\"note\">Excluded leads that converted anyway. A lead excluded by two rules ")
                .append("counts under both; “alone” counts the leads no other rule excluded — what switching the rule off would bring back.</p>\n")
                .append("<table class=\"num\"><thead><tr><th>Rule</th><th>What it says</th><th>Excluded</th><th>Converted</th>")
                .append("<th>Rate</th><th>Lift</th><th>Share of conversions</th><th>Excluded alone</th><th>Converted alone</th>")
                .append("</tr></thead><tbody>\n");
        for (ExclusionCost e : b.exclusions()) {
            h.append("<tr").append(e.converted() > 0 ? " class=\"cost\"" : "").append("><td><code>").append(esc(e.ruleId()))
                    .append("</code></td><td class=\"text\">").append(esc(meaning(names.get(e.ruleId())))).append("</td><td>")
                    .append(fmt(e.excluded())).append("</td><td>").append(fmt(e.converted())).append("</td><td>")
                    .append(rate(e.conversionRate())).append("</td><td>").append(lift(e.lift())).append("</td><td>")
                    .append(rate(e.shareOfConversions())).append("</td><td>").append(fmt(e.excludedOnlyByThisRule()))
                    .append("</td><td>").append(fmt(e.convertedOnlyByThisRule())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");

        h.append("<h2>Rules</h2>\n<p class=\"note\">Leads each rule fired for and how they converted; rules that never fired are greyed. A routing rule counts every lead it proposed a route for, also where a rule of higher salience won.</p>\n")
                .append("<table class=\"num\"><thead><tr><th>Rule</th><th>What it says</th><th>Fired</th><th>Converted</th>")
                .append("<th>Rate</th><th>Lift</th><th>Share of conversions</th></tr></thead><tbody>\n");
        for (RuleStatistics r : b.rules()) {
            h.append("<tr").append(r.neverFired() ? " class=\"never\"" : "").append("><td><code>").append(esc(r.ruleId()))
                    .append("</code></td><td class=\"text\">").append(esc(meaning(names.get(r.ruleId()))))
                    .append(r.neverFired() ? " <em>(never fired)</em>" : "").append("</td><td>").append(fmt(r.fired()))
                    .append("</td><td>").append(fmt(r.conversions())).append("</td><td>").append(rate(r.conversionRate()))
                    .append("</td><td>").append(lift(r.lift())).append("</td><td>").append(rate(r.shareOfConversions()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        foot(h, "Generated by lead-rules backtest. The outcome column is read only for this report; the rules never see it.");
        out.write(h.toString());
    }

    private record LiftBar(String label, Cohort cohort) {
    }

    private static void liftChart(StringBuilder h, List<LiftBar> bars) {
        int labelWidth = 210;
        int plot = 480;
        int row = 26;
        int top = 24;
        double max = 2.0;
        for (LiftBar b : bars) {
            if (!Double.isNaN(b.cohort().lift())) {
                max = Math.max(max, Math.ceil(b.cohort().lift()));
            }
        }
        int width = labelWidth + plot + 210;
        long groups = bars.stream().map(b -> group(b.label())).distinct().count();
        int height = top + bars.size() * row + (int) Math.max(0, groups - 1) * (row / 2) + 24;
        svg(h, width, height, "Lift over the base rate");
        for (int tick = 0; tick <= (int) max; tick++) {
            int x = labelWidth + (int) Math.round(tick * plot / max);
            h.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(top - 6)
                    .append("\" y2=\"").append(height - 18).append(tick == 1
                            ? "\" stroke=\"#0f172a\" stroke-dasharray=\"4 3\"" : "\" stroke=\"#e2e8f0\"")
                    .append("/><text x=\"").append(x).append("\" y=\"").append(top - 10).append("\" text-anchor=\"middle\">")
                    .append(tick).append("×</text>\n");
        }
        int gap = 0;
        for (int i = 0; i < bars.size(); i++) {
            LiftBar b = bars.get(i);
            Cohort c = b.cohort();
            if (i > 0 && !group(b.label()).equals(group(bars.get(i - 1).label()))) {
                gap += row / 2;
            }
            int y = top + i * row + gap;
            h.append("<g><title>").append(esc(b.label() + ": " + fmt(c.conversions()) + " of " + fmt(c.leads())
                    + " converted (" + rate(c.conversionRate()) + "), lift " + lift(c.lift()))).append("</title>");
            label(h, labelWidth - 8, y + 16, b.label());
            if (Double.isNaN(c.lift())) {
                h.append("<text x=\"").append(labelWidth + 6).append("\" y=\"").append(y + 16).append("\" fill=\"#64748b\" font-style=\"italic\">")
                        .append(c.leads() == 0 ? "no leads" : "no conversions at all").append("</text></g>\n");
                continue;
            }
            int w = (int) Math.round(Math.min(c.lift(), max) * plot / max);
            String colour = c.lift() >= 1 ? CANDIDATE_COLOUR : BASE_COLOUR;
            h.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(Math.max(w, 1)).append("\" height=\"").append(row - 8).append("\" fill=\"").append(colour)
                    .append("\" rx=\"3\"/>");
            h.append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 16).append("\">")
                    .append(esc(lift(c.lift()) + " · " + rate(c.conversionRate()) + " of " + fmt(c.leads())))
                    .append("</text></g>\n");
        }
        h.append("<text x=\"").append(labelWidth + (int) Math.round(plot / max) + 4).append("\" y=\"").append(height - 4)
                .append("\" fill=\"#64748b\" font-style=\"italic\">base rate</text>\n</svg>\n");
    }

    private static String group(String label) {
        int space = label.indexOf(' ');
        return space < 0 ? label : label.substring(0, space);
    }

    private static void pairedBars(StringBuilder h, TransitionMatrix<Destination> routes) {
        int labelWidth = 150;
        int plot = 520;
        int group = 44;
        int max = 1;
        for (Destination d : routes.keys()) {
            max = Math.max(max, Math.max(routes.baseTotal(d), routes.candidateTotal(d)));
        }
        int width = labelWidth + plot + 90;
        int height = routes.keys().size() * group + 30;
        svg(h, width, height, "Leads per route, base and candidate");
        int i = 0;
        for (Destination d : routes.keys()) {
            int y = 6 + i++ * group;
            int before = routes.baseTotal(d);
            int after = routes.candidateTotal(d);
            label(h, labelWidth - 8, y + 22, d.name());
            bar(h, labelWidth, y + 2, (int) Math.round((double) before * plot / max), BASE_COLOUR, "base " + fmt(before));
            bar(h, labelWidth, y + 20, (int) Math.round((double) after * plot / max), CANDIDATE_COLOUR,
                    "candidate " + fmt(after) + (after == before ? "" : String.format(Locale.ROOT, " (%+,d)", after - before)));
        }
        int ly = routes.keys().size() * group + 14;
        legend(h, labelWidth, ly, BASE_COLOUR, "base");
        legend(h, labelWidth + 80, ly, CANDIDATE_COLOUR, "candidate");
        h.append("\n</svg>\n");
    }

    private static void bar(StringBuilder h, int x, int y, int w, String colour, String label) {
        h.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(Math.max(w, 1))
                .append("\" height=\"16\" fill=\"").append(colour).append("\" rx=\"2\"/><text x=\"").append(x + w + 6)
                .append("\" y=\"").append(y + 13).append("\">").append(esc(label)).append("</text>\n");
    }

    private static <K> void matrix(StringBuilder h, String title, TransitionMatrix<K> m) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<p class=\"note\">").append(fmt(m.moved())).append(" of ")
                .append(fmt(m.total())).append(" leads moved. Rows: base; columns: candidate; the diagonal kept its value.</p>\n");
        int maxMoved = m.transitions().stream().mapToInt(TransitionMatrix.Transition::count).max().orElse(0);
        h.append("<table class=\"num matrix\"><thead><tr><th>base \\ candidate</th>");
        for (K k : m.keys()) {
            h.append("<th>").append(esc(String.valueOf(k))).append("</th>");
        }
        h.append("<th>Total</th></tr></thead><tbody>\n");
        for (K from : m.keys()) {
            h.append("<tr><th>").append(esc(String.valueOf(from))).append("</th>");
            for (K to : m.keys()) {
                int n = m.count(from, to);
                if (from.equals(to)) {
                    h.append("<td class=\"same\">");
                } else if (n > 0) {
                    double strength = 0.15 + 0.6 * n / Math.max(1, maxMoved);
                    h.append("<td class=\"moved\" style=\"background: rgba(234, 88, 12, ")
                            .append(String.format(Locale.ROOT, "%.2f", strength)).append(")\" title=\"")
                            .append(esc(from + " → " + to + ": " + fmt(n))).append("\">");
                } else {
                    h.append("<td class=\"zero\">");
                }
                h.append(fmt(n)).append("</td>");
            }
            h.append("<td>").append(fmt(m.baseTotal(from))).append("</td></tr>\n");
        }
        h.append("<tr><th>Total</th>");
        for (K to : m.keys()) {
            h.append("<td>").append(fmt(m.candidateTotal(to))).append("</td>");
        }
        h.append("<td>").append(fmt(m.total())).append("</td></tr>\n</tbody></table>\n");
    }

    private static void cohorts(StringBuilder h, String title, List<Cohort> cohorts) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<table class=\"num\"><thead><tr><th></th><th>Leads</th>")
                .append("<th>Converted</th><th>Rate</th><th>Lift</th><th>Share of conversions</th></tr></thead><tbody>\n");
        for (Cohort c : cohorts) {
            h.append("<tr><th>").append(esc(c.key())).append("</th><td>").append(fmt(c.leads())).append("</td><td>")
                    .append(fmt(c.conversions())).append("</td><td>").append(rate(c.conversionRate())).append("</td><td>")
                    .append(lift(c.lift())).append("</td><td>").append(rate(c.shareOfConversions())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void decision(StringBuilder h, io.github.leadrules.model.Qualification q) {
        h.append("<span class=\"tag ").append(q.outcome().name().toLowerCase(Locale.ROOT)).append("\">").append(q.outcome())
                .append("</span> ").append(q.urgency().level()).append("<br><small>")
                .append(esc(LeadChange.routeLabel(q.route()))).append("</small>");
        if (!q.exclusionIds().isEmpty()) {
            h.append("<br><small>").append(codes(List.copyOf(q.exclusionIds()))).append("</small>");
        }
    }

    private static String codes(List<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append("<code>").append(esc(id)).append("</code>");
        }
        return sb.toString();
    }

    private static Map<String, RuleDescription> catalogue(List<RuleDescription> first, List<RuleDescription> second) {
        Map<String, RuleDescription> names = new HashMap<>();
        second.forEach(r -> names.put(r.id(), r));
        first.forEach(r -> names.put(r.id(), r));
        return names;
    }

    private static String rate(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * r);
    }

    private static String lift(double l) {
        return Double.isNaN(l) ? "–" : String.format(Locale.ROOT, "%.2f×", l);
    }

    /** The diff and backtest pages' own style, after {@link Html}'s base. */
    private static final String CSS = """
            main { max-width: 1180px; }
            .card .value { font-size: 1.6rem; }
            table.num td { text-align: right; }
            table.num td.text { text-align: left; }
            table.matrix td.same { background: #f1f5f9; color: #475569; }
            table.matrix td.zero { color: #cbd5e1; }
            table.matrix td.moved { font-weight: 600; }
            table.changes small { color: #64748b; }
            tr.never td { color: #94a3b8; }
            tr.cost td { background: #fff7ed; }
            .tag.qualified { background: #ccfbf1; } .tag.excluded { background: #ede9fe; }
            .tag.invalid, .tag.error { background: #fee2e2; }
            """;
}
