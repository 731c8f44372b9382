package io.github.leadrules.cli;

import io.github.leadrules.cli.io.CsvWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates CRM exports that are not in lead-rules' schema, with PLANTED conversion propensities:
 * each row's chance to convert is a logistic function of a few of its columns, the other columns
 * are pure noise, and the true chance is kept beside the row (never written to the file) so that an
 * evaluation can compare calibrate with an oracle that knows it. Two schemas:
 * <ul>
 *   <li>{@link Schema#WEB}: an education company's web leads ("Lead Origin", "Lead Source",
 *       "Total Time Spent on Website" in seconds, "Last Activity", dates as {@code dd-MM-yyyy},
 *       no e-mail column, a 1/0 "Converted" column, and a "Tags" column sales fill in after the
 *       call, which gives the outcome away);</li>
 *   <li>{@link Schema#MQL}: a marketplace's marketing-qualified leads joined with its deals
 *       ({@code origin}, {@code lead_type}, {@code sessions}, {@code declared_monthly_revenue},
 *       dates as {@code MM/dd/yyyy}, a yes/no {@code won} column).</li>
 * </ul>
 */
final class ForeignExports {

    /** The two export layouts. */
    enum Schema {
        WEB("Converted", Set.of("total_visits", "page_views_per_visit", "company.country", "specialization")),
        MQL("won", Set.of("business_segment", "sdr", "random_score"));

        /** The outcome column. */
        final String outcomeColumn;
        /** The policy names of the fields that are pure noise. */
        final Set<String> noiseFields;

        Schema(String outcomeColumn, Set<String> noiseFields) {
            this.outcomeColumn = outcomeColumn;
            this.noiseFields = noiseFields;
        }
    }

    /** One generated row: its cells by column, its true chance to convert, and what happened. */
    record Row(String id, Map<String, String> cells, double propensity, boolean converted) {
    }

    private static final String[] COMPANIES = {"Harbour Analytics", "Kestrel Foods", "Northwind Traders", "Bramble & Co",
        "Ashdown Logistics", "Thames Valley Robotics", "Pennine Textiles", "Wessex Energy", "Fenland Agritech",
        "サンプル工業", "東都精機", "北斗物流", "みなと電機", "大和ソフト", "さくら建設", "浪速化学", "中央メディカル",
        "富士見商事", "青葉システム", "瀬戸内造船", "Mumbai Learning Hub", "Pune Skills Academy", "Delhi Career Institute"};

    private ForeignExports() {
    }

    static List<Row> generate(Schema schema, int count, long seed) {
        Random r = new Random(seed);
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(schema == Schema.WEB ? web(r, i) : mql(r, i));
        }
        return rows;
    }

    private static String pick(Random r, String[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static String company(Random r, int i) {
        String base = COMPANIES[r.nextInt(COMPANIES.length)];
        return base + " " + (1 + r.nextInt(400));
    }

    private static Row web(Random r, int i) {
        Map<String, String> c = new LinkedHashMap<>();
        String id = String.format(Locale.ROOT, "P-%06d", 100000 + i);
        String origin = pick(r, new String[] {"API", "Landing Page Submission", "Lead Add Form", "Lead Import"},
                new double[] {38, 45, 10, 7});
        String source = origin.equals("Lead Add Form")
                ? pick(r, new String[] {"Reference", "Welingak Website", "Google"}, new double[] {60, 25, 15})
                : pick(r, new String[] {"Google", "Direct Traffic", "Olark Chat", "Organic Search", "Referral Sites",
                    "Facebook", ""}, new double[] {32, 28, 18, 13, 3, 2, 4});
        boolean timeBlank = r.nextDouble() < 0.08;
        int time = (int) Math.min(2400, Math.max(0, -Math.log(1 - r.nextDouble()) * 500));
        String activity = pick(r, new String[] {"Email Opened", "SMS Sent", "Olark Chat Conversation",
            "Page Visited on Website", "Converted to Lead", "Email Bounced"}, new double[] {37, 30, 11, 7, 5, 4});
        double z = -2.0;
        z += switch (origin) {
            case "Lead Add Form" -> 1.8;
            case "Landing Page Submission" -> 0.3;
            case "Lead Import" -> -1.5;
            default -> 0;
        };
        z += switch (source) {
            case "Reference" -> 1.2;
            case "Welingak Website" -> 1.6;
            case "Olark Chat" -> -0.6;
            case "Direct Traffic" -> -0.2;
            case "Facebook" -> -0.5;
            default -> 0;
        };
        z += timeBlank ? -0.5 : 1.6 * Math.min(time, 2000) / 1000.0 - 0.7;
        z += switch (activity) {
            case "SMS Sent" -> 1.1;
            case "Email Opened" -> 0.2;
            case "Olark Chat Conversation" -> -0.9;
            case "Email Bounced" -> -1.3;
            case "Converted to Lead" -> -0.5;
            default -> 0;
        };
        double p = logistic(z);
        boolean converted = r.nextDouble() < p;
        c.put("Prospect ID", id);
        c.put("Lead Origin", origin);
        c.put("Lead Source", source);
        c.put("Total Time Spent on Website", timeBlank ? "" : Integer.toString(time));
        c.put("TotalVisits", Integer.toString(r.nextInt(15)));
        c.put("Page Views Per Visit", String.format(Locale.ROOT, "%.2f", 1 + r.nextDouble() * 5));
        c.put("Country", pick(r, new String[] {"India", "United States", "United Arab Emirates", "Singapore", "unknown"},
                new double[] {70, 8, 7, 5, 10}));
        c.put("Specialization", pick(r, new String[] {"Select", "Finance Management", "Marketing Management",
            "Human Resource Management", "Operations Management", "IT Projects Management"}, new double[] {30, 15, 15, 14, 13, 13}));
        c.put("Last Activity", activity);
        c.put("Created On", LocalDate.of(2024, 1, 1).plusDays(r.nextInt(540)).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        c.put("Company", company(r, i));
        c.put("Phone", r.nextDouble() < 0.06 ? "" : String.format(Locale.ROOT, "+91 98%08d", r.nextInt(100_000_000)));
        // Filled in by sales after the call: it gives the outcome away.
        c.put("Tags", converted ? pick(r, new String[] {"Closed by Horizzon", "Will revert after reading the email", "Lost to EINS"},
                new double[] {55, 43, 2})
                : pick(r, new String[] {"Ringing", "Interested in other courses", "Already a student", "switched off",
                    "Will revert after reading the email"}, new double[] {40, 25, 20, 12, 3}));
        c.put("Converted", converted ? "1" : "0");
        return new Row(id, c, p, converted);
    }

    private static Row mql(Random r, int i) {
        Map<String, String> c = new LinkedHashMap<>();
        String id = String.format(Locale.ROOT, "%08x%08x", 0x5f3a0000 + i, i * 2654435761L & 0xffffffffL);
        String origin = pick(r, new String[] {"organic_search", "paid_search", "social", "unknown", "direct_traffic", "email",
            "referral", "display", ""}, new double[] {29, 20, 17, 12, 7, 6, 3, 2, 4});
        String leadType = pick(r, new String[] {"online_medium", "online_big", "industry", "offline", "online_small",
            "online_beginner", "online_top", "other"}, new double[] {30, 15, 14, 13, 10, 8, 5, 5});
        boolean revenue = r.nextDouble() < 0.2;
        int sessions = (int) Math.min(40, Math.max(0, -Math.log(1 - r.nextDouble()) * 7));
        int page = r.nextInt(40);
        double z = -2.1;
        z += switch (origin) {
            case "organic_search" -> 0.5;
            case "paid_search" -> 0.4;
            case "referral" -> 0.9;
            case "email" -> -0.6;
            case "social" -> -0.3;
            case "display" -> -0.9;
            case "unknown", "" -> -0.5;
            default -> 0;
        };
        z += switch (leadType) {
            case "online_big" -> 1.0;
            case "online_medium" -> 0.5;
            case "industry" -> 0.3;
            case "offline" -> -0.6;
            case "online_small" -> -0.2;
            case "online_beginner" -> -1.1;
            case "online_top" -> 1.3;
            default -> 0;
        };
        z += revenue ? 0.9 : 0;
        z += 0.09 * sessions - 0.6;
        z += page < 5 ? 0.8 : 0;
        double p = logistic(z);
        boolean converted = r.nextDouble() < p;
        c.put("mql_id", id);
        c.put("first_contact_date", LocalDate.of(2017, 6, 1).plusDays(r.nextInt(365)).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        c.put("landing_page_id", String.format(Locale.ROOT, "lp-%02d", page));
        c.put("origin", origin);
        c.put("business_segment", pick(r, new String[] {"home_decor", "health_beauty", "car_accessories", "household_utilities",
            "construction_tools_house_garden", "audio_video_electronics", "computers", "pet", "sports_leisure", "bags_backpacks"},
                new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
        c.put("lead_type", leadType);
        c.put("declared_monthly_revenue", revenue ? Integer.toString(10_000 * (1 + r.nextInt(50))) : "0");
        c.put("sessions", Integer.toString(sessions));
        c.put("seller_name", company(r, i));
        c.put("sdr_id", "sdr-" + (1 + r.nextInt(12)));
        c.put("random_score", String.format(Locale.ROOT, "%.3f", r.nextDouble()));
        c.put("won", converted ? "yes" : "no");
        return new Row(id, c, p, converted);
    }

    /** The column map that reads an export of this schema. */
    static String map(Schema schema) {
        return switch (schema) {
            case WEB -> """
                    # An education company's web-lead export: no e-mail column, dates day first.
                    id: Prospect ID
                    company_name: Company
                    phone: Phone
                    country: Country
                    source: Lead Source
                    submitted_at: {column: "Created On", format: "dd-MM-yyyy"}
                    attribute.lead_origin: Lead Origin
                    attribute.time_on_site: Total Time Spent on Website
                    attribute.total_visits: TotalVisits
                    attribute.page_views_per_visit: Page Views Per Visit
                    attribute.specialization: Specialization
                    attribute.last_activity: Last Activity
                    attribute.tags: Tags
                    """;
            case MQL -> """
                    # A marketplace's marketing-qualified leads joined with its closed deals.
                    id: mql_id
                    company_name: seller_name
                    source: origin
                    submitted_at: {column: first_contact_date, format: "MM/dd/yyyy"}
                    attribute.landing_page: landing_page_id
                    attribute.business_segment: business_segment
                    attribute.lead_type: lead_type
                    attribute.monthly_revenue: declared_monthly_revenue
                    attribute.sessions: sessions
                    attribute.sdr: sdr_id
                    attribute.random_score: random_score
                    """;
        };
    }

    /** Writes the rows as CSV (UTF-8, header first); the true propensity is not written. */
    static Path write(Path file, List<Row> rows) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w, ',', false);
            csv.write(new ArrayList<>(rows.get(0).cells().keySet()));
            for (Row row : rows) {
                csv.write(new ArrayList<>(row.cells().values()));
            }
            csv.flush();
        }
        return file;
    }
}
