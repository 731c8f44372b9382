package io.github.leadrules.examples.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped samples ({@code samples/leads-2000.csv}, {@code samples/accounts.csv},
 * {@code samples/policy.yaml}) as a producer would send them: each CSV row becomes the JSON message
 * the topology reads (the CSV's column names are the JSON keys the CLI uses; the engagement cell,
 * {@code type[:detail]@time;…}, becomes an array of events).
 */
public final class SampleFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NUMBERS = Set.of("employee_count", "annual_revenue");
    /** The outcome column of the sample, for calibration: not part of a lead. */
    private static final Set<String> NOT_LEAD_FIELDS = Set.of("converted");

    private SampleFiles() {
    }

    /**
     * {@return the {@code samples} folder of the checkout, found from the working directory upwards}
     */
    public static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("samples/leads-2000.csv"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/leads-2000.csv not found in the working directory or above it;"
                + " run the example from the repository");
    }

    /**
     * Each lead of a CSV file as a JSON message, in file order.
     *
     * @param csv a file with the columns of {@code samples/leads-2000.csv}
     * @return one JSON object per row
     * @throws IOException if the file cannot be read
     */
    public static List<String> leads(Path csv) throws IOException {
        List<List<String>> rows = rows(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        List<String> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode o = MAPPER.createObjectNode();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                String key = header.get(i);
                String value = row.get(i);
                if (value.isEmpty() || NOT_LEAD_FIELDS.contains(key)) {
                    continue;
                }
                if (NUMBERS.contains(key)) {
                    o.put(key, Long.parseLong(value));
                } else if (key.equals("submitted_at") || key.equals("last_sales_activity")) {
                    o.put(key, instant(value));
                } else if (key.equals("engagement")) {
                    o.set(key, engagement(value));
                } else {
                    o.put(key, value);
                }
            }
            out.add(o.toString());
        }
        return out;
    }

    /**
     * The accounts of a CSV file ({@code account_id,name,domains,relationship,owner}, domains separated by {@code ;}).
     *
     * @param csv a file with the columns of {@code samples/accounts.csv}
     * @return the accounts, in file order
     * @throws IOException if the file cannot be read
     */
    public static List<Account> accounts(Path csv) throws IOException {
        List<List<String>> rows = rows(Files.readString(csv, StandardCharsets.UTF_8));
        List<Account> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Set<String> domains = new LinkedHashSet<>(List.of(r.get(2).split(";")));
            out.add(new Account(r.get(0), r.get(1), domains, Relationship.valueOf(r.get(3)),
                    r.size() > 4 && !r.get(4).isEmpty() ? r.get(4) : null));
        }
        return out;
    }

    private static ArrayNode engagement(String cell) {
        ArrayNode events = MAPPER.createArrayNode();
        for (String entry : cell.split(";")) {
            int at = entry.lastIndexOf('@');
            String head = entry.substring(0, at);
            ObjectNode e = events.addObject();
            int colon = head.indexOf(':');
            String type = colon < 0 ? head : head.substring(0, colon);
            e.put("type", type);
            e.put("at", instant(entry.substring(at + 1)));
            if (colon >= 0) {
                e.put(type.equals("case_study") ? "industry" : "detail", head.substring(colon + 1));
            }
        }
        return events;
    }

    /** The CSV's times as full ISO-8601 instants: {@code 2026-11-05T04:50Z} gains seconds, a date alone is midnight UTC. */
    private static String instant(String cell) {
        if (cell.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return cell + "T00:00:00Z";
        }
        if (cell.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z")) {
            return cell.substring(0, cell.length() - 1) + ":00Z";
        }
        return cell;
    }

    /** RFC 4180: quoted cells, doubled quotes, commas and line breaks inside quotes. */
    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
