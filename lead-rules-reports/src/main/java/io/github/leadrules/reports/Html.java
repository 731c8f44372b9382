package io.github.leadrules.reports;

import io.github.leadrules.RuleDescription;

import java.util.Locale;

/**
 * What every self-contained report page shares: the page frame and its base style sheet, key-figure
 * cards, chart pieces, number formats and HTML escaping. Each page adds its own style rules.
 */
final class Html {

    private Html() {
    }

    /** Opens the page: doctype, head with the base style sheet plus {@code pageCss}, body and main. */
    static void head(StringBuilder h, String title, String pageCss) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(BASE_CSS).append(pageCss)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    /** Closes the page with a footer line. */
    static void foot(StringBuilder h, String text) {
        h.append("</main>\n<footer>").append(esc(text)).append("</footer>\n</body>\n</html>\n");
    }

    /** One key-figure card: a label, the figure and an optional line below it. */
    static void card(StringBuilder h, String label, String value, String sub) {
        h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                .append(esc(value)).append("</div>");
        if (sub != null) {
            h.append("<div class=\"sub\">").append(esc(sub)).append("</div>");
        }
        h.append("</div>\n");
    }

    /** Opens an inline SVG chart of this size, titled for screen readers and tooltips. */
    static void svg(StringBuilder h, int width, int height, String title) {
        h.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" aria-label=\"").append(esc(title)).append("\"><title>").append(esc(title)).append("</title>\n");
    }

    /** A row label, right-aligned to end at {@code x}. */
    static void label(StringBuilder h, int x, int y, String text) {
        h.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"end\">")
                .append(esc(text)).append("</text>");
    }

    /** A legend entry: a colour swatch and its name. */
    static void legend(StringBuilder h, int x, int y, String colour, String text) {
        h.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
                .append(colour).append("\"/><text x=\"").append(x + 16).append("\" y=\"").append(y + 11)
                .append("\">").append(esc(text)).append("</text>");
    }

    /** What a rule means, for tables: its business comment, else its name; blank for no rule. */
    static String meaning(RuleDescription r) {
        if (r == null) {
            return "";
        }
        return r.description().isEmpty() ? r.name() : r.description();
    }

    /** A count with thousands separators. */
    static String fmt(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal. */
    static String pct(int part, int whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** Escapes text for HTML element content and attribute values (also inside SVG). */
    static String esc(String s) {
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

    /** The style every page starts from: fonts (Japanese included), headings, cards, charts and tables. */
    private static final String BASE_CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f8fafc; color: #0f172a;
                   font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
                                "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
                   line-height: 1.5; }
            main { margin: 0 auto; padding: 24px; }
            h1 { font-size: 1.6rem; margin: 0 0 4px; }
            h1 .src { font-weight: normal; color: #475569; font-size: 1.1rem; margin-left: 8px; }
            h2 { font-size: 1.2rem; margin: 32px 0 8px; border-bottom: 1px solid #cbd5e1; padding-bottom: 4px; }
            .meta, .note { color: #475569; font-size: .9rem; margin: 4px 0 12px; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
            .card { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 12px 16px; min-width: 150px; }
            .card .label { color: #475569; font-size: .85rem; }
            .card .value { font-weight: 600; }
            .card .sub { color: #64748b; font-size: .8rem; }
            svg.chart { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid #e2e8f0;
                        border-radius: 8px; margin: 8px 0; font-size: 13px; }
            svg.chart text { fill: #0f172a; }
            table { border-collapse: collapse; background: #fff; margin: 8px 0; font-size: .9rem; }
            th, td { border: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f1f5f9; }
            td.n { text-align: right; }
            .tag { border-radius: 4px; padding: 0 4px; font-size: .8rem; }
            footer { color: #64748b; font-size: .8rem; text-align: center; padding: 24px; }
            """;
}
