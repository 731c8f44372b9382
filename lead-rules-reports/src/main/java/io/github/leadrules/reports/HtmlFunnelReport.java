package io.github.leadrules.reports;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.UrgencyLevel;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.leadrules.reports.Html.card;
import static io.github.leadrules.reports.Html.esc;
import static io.github.leadrules.reports.Html.fmt;
import static io.github.leadrules.reports.Html.foot;
import static io.github.leadrules.reports.Html.head;
import static io.github.leadrules.reports.Html.label;
import static io.github.leadrules.reports.Html.legend;
import static io.github.leadrules.reports.Html.meaning;
import static io.github.leadrules.reports.Html.pct;
import static io.github.leadrules.reports.Html.svg;

/**
 * The funnel as one self-contained HTML page: inline CSS and inline SVG charts, no script, no
 * external font, image or style sheet, so it can be mailed or attached to a ticket and opens
 * offline. Every piece of data is HTML-escaped. Japanese text renders with the system's Japanese
 * fonts. The CLI's {@code qualify --report} writes it; a host writes it from a {@link FunnelTally}
 * it fed with its own decisions.
 */
public final class HtmlFunnelReport {

    /**
     * What the report shows besides the counts.
     *
     * @param title       the input's name
     * @param columns     how the input's columns were recognised, or "" when not read from a file
     * @param asOf        the "now" decisions were made at
     * @param fingerprint the rule-set fingerprint
     * @param policy      where the policy came from
     * @param rules       the effective rule catalogue (for rule names), e.g. {@link io.github.leadrules.Qualifier#rules()}
     * @param seconds     how long qualifying took
     */
    public record Context(String title, String columns, String asOf, String fingerprint, String policy,
                          List<RuleDescription> rules, double seconds) {
    }

    private static final Map<UrgencyLevel, String> URGENCY_COLOURS = Map.of(
            UrgencyLevel.IMMEDIATE, "#b91c1c", UrgencyLevel.HIGH, "#ea580c", UrgencyLevel.MEDIUM, "#ca8a04",
            UrgencyLevel.LOW, "#2563eb", UrgencyLevel.UNKNOWN, "#9ca3af");
    private static final Map<Destination, String> ROUTE_LABELS = Map.of(
            Destination.FIELD_SALES, "Field sales", Destination.INSIDE_SALES, "Inside sales",
            Destination.ACCOUNT_OWNER, "Account owner", Destination.NURTURE, "Nurture", Destination.NONE, "Nowhere");

    private HtmlFunnelReport() {
    }

    /**
     * Writes the page.
     *
     * @param out receives the page; not closed
     * @param c   the decisions, counted
     * @param ctx what the page shows besides the counts
     * @throws IOException when the writer fails
     */
    public static void write(Writer out, FunnelTally c, Context ctx) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        FunnelReport figures = c.report();
        int valid = figures.total() - figures.invalid();
        head(h, "Lead funnel — " + ctx.title(), CSS);
        h.append("<h1>Lead funnel <span class=\"src\">").append(esc(ctx.title())).append("</span></h1>\n");
        h.append("<p class=\"meta\">Columns: ").append(esc(ctx.columns())).append(" · Decided as of ")
                .append(esc(ctx.asOf())).append(" · Policy: ").append(esc(ctx.policy())).append(" · Rule set <code>")
                .append(esc(ctx.fingerprint())).append("</code> · ").append(String.format(Locale.ROOT, "%.1f", ctx.seconds()))
                .append(" s</p>\n");

        h.append("<section class=\"cards\">\n");
        card(h, "Leads submitted", fmt(figures.total()), null);
        card(h, "Valid input", fmt(valid), figures.invalid() + " invalid");
        card(h, "Excluded", fmt(figures.excluded()), "not new sales leads");
        card(h, "Real leads", fmt(figures.qualified()), pct(figures.qualified(), figures.total()) + " of submitted");
        if (figures.errors() > 0) {
            card(h, "Rule errors", fmt(figures.errors()), "see the sample below");
        }
        h.append("</section>\n");
        for (String warning : figures.warnings()) {
            h.append("<p class=\"warning\" role=\"alert\"><strong>Warning:</strong> ").append(esc(warning)).append("</p>\n");
        }

        h.append("<h2>Funnel</h2>\n<p class=\"note\">Submitted → valid input → not excluded (the real lead count) → where the real leads go.</p>\n");
        List<Bar> funnel = new ArrayList<>();
        funnel.add(new Bar("Submitted", figures.total(), "#334155"));
        funnel.add(new Bar("Valid input", valid, "#475569"));
        funnel.add(new Bar("Not excluded (real leads)", figures.qualified(), "#0f766e"));
        Map<Destination, Integer> qr = c.qualifiedByRoute();
        for (Destination d : Destination.values()) {
            if (qr.get(d) > 0 || d == Destination.FIELD_SALES || d == Destination.INSIDE_SALES || d == Destination.NURTURE) {
                funnel.add(new Bar("→ " + ROUTE_LABELS.get(d), qr.get(d), "#14b8a6"));
            }
        }
        bars(h, "Funnel from submitted leads to routes", funnel, figures.total(), figures.total());
        int customers = c.urgencyByRoute().get(Destination.ACCOUNT_OWNER).values().stream().mapToInt(Integer::intValue).sum()
                - qr.get(Destination.ACCOUNT_OWNER);
        if (customers > 0) {
            h.append("<p class=\"note\">Also ").append(fmt(customers))
                    .append(" excluded leads (existing customers) were routed to their account owner.</p>\n");
        }

        h.append("<h2>Exclusions by reason</h2>\n");
        Map<String, Integer> byReason = figures.excludedByReason();
        if (byReason.isEmpty()) {
            h.append("<p class=\"note\">No lead was excluded.</p>\n");
        } else {
            h.append("<p class=\"note\">Share of all submitted leads; a lead with several reasons counts under each.</p>\n");
            List<Bar> reasons = new ArrayList<>();
            byReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> reasons.add(new Bar(e.getKey(), e.getValue(), "#7c3aed", ruleName(ctx, e.getKey()))));
            bars(h, "Excluded leads by reason", reasons, reasons.get(0).value, figures.total());
        }

        h.append("<h2>Urgency by route</h2>\n<p class=\"note\">All decided leads (qualified and excluded) by where they go and how urgent they are.</p>\n");
        urgencyByRoute(h, c.urgencyByRoute());

        if (!c.invalidByField().isEmpty()) {
            h.append("<h2>Invalid rows by column</h2>\n<table class=\"num\"><thead><tr><th>Column and problem</th><th>Rows</th></tr></thead><tbody>\n");
            c.invalidByField().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(fmt(v))
                    .append("</td></tr>\n"));
            h.append("</tbody></table>\n");
        }

        h.append("<h2>Sample decisions</h2>\n<p class=\"note\">The first few rows of each outcome, route, urgency and exclusion reason, in input order; no names, e-mail addresses or phone numbers.</p>\n");
        samples(h, c.samples());
        foot(h, "Generated by lead-rules. Every decision carries the rule set fingerprint shown above.");
        out.write(h.toString());
    }

    private record Bar(String label, int value, String colour, String title) {
        Bar(String label, int value, String colour) {
            this(label, value, colour, null);
        }
    }

    private static void bars(StringBuilder h, String title, List<Bar> bars, int max, int percentOf) {
        int labelWidth = 250;
        int barWidth = 460;
        int row = 30;
        int height = bars.size() * row + 10;
        svg(h, labelWidth + barWidth + 120, height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * row;
            int w = max <= 0 ? 0 : (int) Math.round((double) b.value * barWidth / max);
            h.append("<g>");
            if (b.title != null) {
                h.append("<title>").append(esc(b.label + " — " + b.title)).append("</title>");
            }
            label(h, labelWidth - 8, y + 18, b.label);
            h.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(Math.max(w, b.value > 0 ? 1 : 0)).append("\" height=\"").append(row - 8).append("\" fill=\"")
                    .append(b.colour).append("\" rx=\"3\"/>");
            h.append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 18).append("\">")
                    .append(fmt(b.value)).append(percentOf > 0 && b.value > 0 ? " (" + pct(b.value, percentOf) + ")" : "")
                    .append("</text></g>\n");
        }
        h.append("</svg>\n");
        boolean named = bars.stream().anyMatch(b -> b.title != null);
        if (named) {
            h.append("<table><thead><tr><th>Rule</th><th>What it means</th><th>Leads</th></tr></thead><tbody>\n");
            for (Bar b : bars) {
                h.append("<tr><td><code>").append(esc(b.label)).append("</code></td><td>").append(esc(b.title))
                        .append("</td><td class=\"n\">").append(fmt(b.value)).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
    }

    private static void urgencyByRoute(StringBuilder h, Map<Destination, Map<UrgencyLevel, Integer>> m) {
        int labelWidth = 150;
        int barWidth = 560;
        int row = 30;
        int max = 0;
        for (Map<UrgencyLevel, Integer> r : m.values()) {
            max = Math.max(max, r.values().stream().mapToInt(Integer::intValue).sum());
        }
        int height = Destination.values().length * row + 40;
        svg(h, labelWidth + barWidth + 80, height, "Urgency by route");
        int i = 0;
        for (Destination d : Destination.values()) {
            int y = 5 + i++ * row;
            label(h, labelWidth - 8, y + 18, ROUTE_LABELS.get(d));
            int x = labelWidth;
            int sum = 0;
            for (UrgencyLevel u : UrgencyLevel.values()) {
                int v = m.get(d).get(u);
                sum += v;
                if (v == 0) {
                    continue;
                }
                int w = Math.max(1, (int) Math.round((double) v * barWidth / Math.max(max, 1)));
                h.append("<rect x=\"").append(x).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                        .append("\" height=\"").append(row - 8).append("\" fill=\"").append(URGENCY_COLOURS.get(u))
                        .append("\"><title>").append(esc(ROUTE_LABELS.get(d) + ", " + u + ": " + fmt(v))).append("</title></rect>");
                x += w;
            }
            h.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 18).append("\">").append(fmt(sum)).append("</text>\n");
        }
        int ly = Destination.values().length * row + 18;
        int lx = labelWidth;
        for (UrgencyLevel u : UrgencyLevel.values()) {
            legend(h, lx, ly, URGENCY_COLOURS.get(u), u.name());
            lx += 110;
        }
        h.append("\n</svg>\n<table class=\"num\"><thead><tr><th>Route</th>");
        for (UrgencyLevel u : UrgencyLevel.values()) {
            h.append("<th>").append(u).append("</th>");
        }
        h.append("<th>Total</th></tr></thead><tbody>\n");
        for (Destination d : Destination.values()) {
            h.append("<tr><td>").append(esc(ROUTE_LABELS.get(d))).append("</td>");
            int sum = 0;
            for (UrgencyLevel u : UrgencyLevel.values()) {
                int v = m.get(d).get(u);
                sum += v;
                h.append("<td>").append(fmt(v)).append("</td>");
            }
            h.append("<td>").append(fmt(sum)).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void samples(StringBuilder h, List<FunnelTally.Sample> samples) {
        h.append("<table class=\"samples\"><thead><tr><th>Line</th><th>Lead</th><th>Company</th><th>Industry</th>")
                .append("<th>Outcome</th><th>Urgency</th><th>Route</th><th>Reasons</th></tr></thead><tbody>\n");
        for (FunnelTally.Sample s : samples) {
            Qualification q = s.q();
            Route r = q.route();
            h.append("<tr class=\"").append(q.outcome().name().toLowerCase(Locale.ROOT)).append("\"><td class=\"n\">")
                    .append(s.line()).append("</td><td>").append(esc(s.leadId())).append("</td><td>").append(esc(s.company()))
                    .append("</td><td>").append(esc(s.industry())).append("</td><td><span class=\"tag\">")
                    .append(q.outcome()).append("</span></td><td>").append(q.urgency().level()).append("</td><td>")
                    .append(esc(ROUTE_LABELS.get(r.destination())));
            String where = r.team() != null ? r.team() : "";
            if (r.nurtureTrack() != null) {
                where = where.isEmpty() ? r.nurtureTrack() : where + " / " + r.nurtureTrack();
            }
            if (r.owner() != null) {
                where = where.isEmpty() ? r.owner() : where + " / " + r.owner();
            }
            if (!where.isEmpty()) {
                h.append("<br><small>").append(esc(where)).append("</small>");
            }
            h.append("</td><td><ul>");
            for (Reason reason : q.reasons()) {
                h.append("<li><code>").append(esc(reason.ruleId())).append("</code> ").append(esc(reason.message())).append("</li>");
            }
            if (!s.errors().isEmpty()) {
                h.append("<li class=\"err\">").append(esc(s.errors())).append("</li>");
            }
            h.append("</ul></td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String ruleName(Context ctx, String id) {
        return meaning(ctx.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null));
    }

    /** The funnel page's own style, after {@link Html}'s base. */
    private static final String CSS = """
            .warning { background: #fef3c7; border-left: 4px solid #d97706; padding: 8px 12px; margin: 12px 0; }
            main { max-width: 1100px; }
            .card .value { font-size: 1.8rem; }
            table.num td + td { text-align: right; }
            table.samples ul { margin: 0; padding-left: 16px; }
            table.samples small { color: #64748b; }
            tr.excluded .tag { background: #ede9fe; } tr.qualified .tag { background: #ccfbf1; }
            tr.invalid .tag, tr.error .tag { background: #fee2e2; }
            .err { color: #b91c1c; }
            """;
}
