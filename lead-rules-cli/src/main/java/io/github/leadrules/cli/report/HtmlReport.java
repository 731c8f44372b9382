package io.github.leadrules.cli.report;

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

/**
 * The funnel as one self-contained HTML file: inline CSS and inline SVG charts, no script, no
 * external font, image or style sheet, so it can be mailed or attached to a ticket and opens
 * offline. Every piece of data is HTML-escaped. Japanese text renders with the system's Japanese
 * fonts.
 */
public final class HtmlReport {

    /**
     * What the report shows besides the counts.
     *
     * @param title       the input's name
     * @param columns     how the columns were recognised
     * @param asOf        the "now" decisions were made at
     * @param fingerprint the rule-set fingerprint
     * @param policy      where the policy came from
     * @param rules       the effective rule catalogue (for rule names)
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

    private HtmlReport() {
    }

    /** Writes the report. */
    public static void write(Writer out, FunnelCounter c, Context ctx) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        int valid = c.total() - c.invalid();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Lead funnel — ").append(esc(ctx.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Lead funnel <span class=\"src\">").append(esc(ctx.title())).append("</span></h1>\n");
        h.append("<p class=\"meta\">Columns: ").append(esc(ctx.columns())).append(" · Decided as of ")
                .append(esc(ctx.asOf())).append(" · Policy: ").append(esc(ctx.policy())).append(" · Rule set <code>")
                .append(esc(ctx.fingerprint())).append("</code> · ").append(String.format(Locale.ROOT, "%.1f", ctx.seconds()))
                .append(" s</p>\n");

        h.append("<section class=\"cards\">\n");
        card(h, "Leads submitted", c.total(), null);
        card(h, "Valid input", valid, c.invalid() + " invalid");
        card(h, "Excluded", c.excluded(), "not new sales leads");
        card(h, "Real leads", c.qualified(), pct(c.qualified(), c.total()) + " of submitted");
        if (c.errors() > 0) {
            card(h, "Rule errors", c.errors(), "see the sample below");
        }
        h.append("</section>\n");

        h.append("<h2>Funnel</h2>\n<p class=\"note\">Submitted → valid input → not excluded (the real lead count) → where the real leads go.</p>\n");
        List<Bar> funnel = new ArrayList<>();
        funnel.add(new Bar("Submitted", c.total(), "#334155"));
        funnel.add(new Bar("Valid input", valid, "#475569"));
        funnel.add(new Bar("Not excluded (real leads)", c.qualified(), "#0f766e"));
        Map<Destination, Integer> qr = c.qualifiedByRoute();
        for (Destination d : Destination.values()) {
            if (qr.get(d) > 0 || d == Destination.FIELD_SALES || d == Destination.INSIDE_SALES || d == Destination.NURTURE) {
                funnel.add(new Bar("→ " + ROUTE_LABELS.get(d), qr.get(d), "#14b8a6"));
            }
        }
        bars(h, "Funnel from submitted leads to routes", funnel, c.total(), c.total());
        int customers = c.urgencyByRoute().get(Destination.ACCOUNT_OWNER).values().stream().mapToInt(Integer::intValue).sum()
                - qr.get(Destination.ACCOUNT_OWNER);
        if (customers > 0) {
            h.append("<p class=\"note\">Also ").append(fmt(customers))
                    .append(" excluded leads (existing customers) were routed to their account owner.</p>\n");
        }

        h.append("<h2>Exclusions by reason</h2>\n");
        Map<String, Integer> byReason = c.toReport().excludedByReason();
        if (byReason.isEmpty()) {
            h.append("<p class=\"note\">No lead was excluded.</p>\n");
        } else {
            h.append("<p class=\"note\">Share of all submitted leads; a lead with several reasons counts under each.</p>\n");
            List<Bar> reasons = new ArrayList<>();
            byReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> reasons.add(new Bar(e.getKey(), e.getValue(), "#7c3aed", ruleName(ctx, e.getKey()))));
            bars(h, "Excluded leads by reason", reasons, reasons.get(0).value, c.total());
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
        h.append("</main>\n<footer>Generated by lead-rules. Every decision carries the rule set fingerprint shown above.</footer>\n</body>\n</html>\n");
        out.write(h.toString());
    }

    private record Bar(String label, int value, String colour, String title) {
        Bar(String label, int value, String colour) {
            this(label, value, colour, null);
        }
    }

    private static void card(StringBuilder h, String label, int value, String sub) {
        h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                .append(fmt(value)).append("</div>");
        if (sub != null) {
            h.append("<div class=\"sub\">").append(esc(sub)).append("</div>");
        }
        h.append("</div>\n");
    }

    private static void bars(StringBuilder h, String title, List<Bar> bars, int max, int percentOf) {
        int labelWidth = 250;
        int barWidth = 460;
        int row = 30;
        int height = bars.size() * row + 10;
        h.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(labelWidth + barWidth + 120).append(' ')
                .append(height).append("\" width=\"").append(labelWidth + barWidth + 120).append("\" height=\"").append(height)
                .append("\" aria-label=\"").append(esc(title)).append("\"><title>").append(esc(title)).append("</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * row;
            int w = max <= 0 ? 0 : (int) Math.round((double) b.value * barWidth / max);
            h.append("<g>");
            if (b.title != null) {
                h.append("<title>").append(esc(b.label + " — " + b.title)).append("</title>");
            }
            h.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 18)
                    .append("\" text-anchor=\"end\">").append(esc(b.label)).append("</text>");
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
        h.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(labelWidth + barWidth + 80).append(' ').append(height)
                .append("\" width=\"").append(labelWidth + barWidth + 80).append("\" height=\"").append(height)
                .append("\" aria-label=\"Urgency by route\"><title>Urgency by route</title>\n");
        int i = 0;
        for (Destination d : Destination.values()) {
            int y = 5 + i++ * row;
            h.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 18).append("\" text-anchor=\"end\">")
                    .append(esc(ROUTE_LABELS.get(d))).append("</text>");
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
            h.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(URGENCY_COLOURS.get(u)).append("\"/><text x=\"").append(lx + 16).append("\" y=\"").append(ly + 11)
                    .append("\">").append(u).append("</text>");
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

    private static void samples(StringBuilder h, List<FunnelCounter.Sample> samples) {
        h.append("<table class=\"samples\"><thead><tr><th>Line</th><th>Lead</th><th>Company</th><th>Industry</th>")
                .append("<th>Outcome</th><th>Urgency</th><th>Route</th><th>Reasons</th></tr></thead><tbody>\n");
        for (FunnelCounter.Sample s : samples) {
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
        for (RuleDescription r : ctx.rules()) {
            if (r.id().equals(id)) {
                return r.description().isEmpty() ? r.name() : r.description();
            }
        }
        return "";
    }

    private static String pct(int part, int whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String fmt(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Escapes text for HTML element content and attribute values (also inside SVG). */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f8fafc; color: #0f172a;
                   font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
                                "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
                   line-height: 1.5; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 1.6rem; margin: 0 0 4px; }
            h1 .src { font-weight: normal; color: #475569; font-size: 1.1rem; margin-left: 8px; }
            h2 { font-size: 1.2rem; margin: 32px 0 8px; border-bottom: 1px solid #cbd5e1; padding-bottom: 4px; }
            .meta, .note { color: #475569; font-size: .9rem; margin: 4px 0 12px; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
            .card { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 12px 16px; min-width: 150px; }
            .card .label { color: #475569; font-size: .85rem; }
            .card .value { font-size: 1.8rem; font-weight: 600; }
            .card .sub { color: #64748b; font-size: .8rem; }
            svg.chart { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid #e2e8f0;
                        border-radius: 8px; margin: 8px 0; font-size: 13px; }
            svg.chart text { fill: #0f172a; }
            table { border-collapse: collapse; background: #fff; margin: 8px 0; font-size: .9rem; }
            th, td { border: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f1f5f9; }
            table.num td + td, td.n { text-align: right; }
            table.samples ul { margin: 0; padding-left: 16px; }
            table.samples small { color: #64748b; }
            tr.excluded .tag { background: #ede9fe; } tr.qualified .tag { background: #ccfbf1; }
            tr.invalid .tag, tr.error .tag { background: #fee2e2; }
            .tag { border-radius: 4px; padding: 0 4px; font-size: .8rem; }
            .err { color: #b91c1c; }
            footer { color: #64748b; font-size: .8rem; text-align: center; padding: 24px; }
            """;
}
