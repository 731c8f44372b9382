package io.github.leadrules.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.json.LeadReading;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Rotation;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped samples ({@code samples/leads-2000.csv}, {@code samples/accounts.csv}) as the JSON
 * messages a producer would send: the CSV columns are the JSON keys; the engagement cell
 * ({@code type[:detail]@time;…}) becomes an array of events.
 */
final class SampleLeads {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NUMBERS = Set.of("employee_count", "annual_revenue");
    private static final Set<String> NOT_LEAD_FIELDS = Set.of("converted");

    private SampleLeads() {
    }

    static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("samples/leads-2000.csv"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/leads-2000.csv not found above the working directory");
    }

    /** The sample policy with teams of reps (weights, capacities, one unavailable) and a weighted rotation. */
    static LeadPolicy policyWithTeams() throws IOException {
        return LeadPolicy.load(samples().resolve("policy.yaml")).toBuilder().teams(List.of(
                new Team("field-sales-jp", Destination.FIELD_SALES, Set.of("JP"), Segment.ANY,
                        List.of(Rep.of("fs-sato").withWeight(3), Rep.of("fs-kimura").withWeight(2).withCapacity(5),
                                Rep.of("fs-mori"))),
                new Team("field-sales-global", Destination.FIELD_SALES, Set.of(), Segment.ANY,
                        List.of(Rep.of("fs-smith"), Rep.of("fs-jones").unavailable(), Rep.of("fs-lee"))),
                new Team("inside-sales", Destination.INSIDE_SALES, Set.of(), Segment.ANY,
                        List.of(Rep.of("is-ueda").withCapacity(10), Rep.of("is-okada").withWeight(2).withCapacity(60),
                                Rep.of("is-brown").withCapacity(30))),
                new Team("marketing-nurture", Destination.NURTURE, Set.of(), Segment.ANY)))
                .rotation(Rotation.WEIGHTED_ROUND_ROBIN).build();
    }

    /** The single-process library's decisions: {@code qualifyAll} at one instant, duplicates and rotation in input order. */
    static List<Qualification> inOneProcess(LeadPolicy policy, List<Account> accounts, List<String> leadJson, Instant now) {
        LeadQualifier qualifier = LeadQualifier.builder().policy(policy)
                .accounts(InMemoryAccountDirectory.builder().addAll(accounts).build())
                .recentLeads(RecentLeads.inMemory()).assignment(AssignmentStrategy.fromPolicy()).build();
        List<Lead> leads = new ArrayList<>();
        for (String json : leadJson) {
            LeadReading r = LeadRulesJson.defaults().readLead(json);
            if (!r.isValid()) {
                throw new IllegalArgumentException("a sample lead does not read cleanly: " + r.errors());
            }
            leads.add(r.lead());
        }
        return qualifier.qualifyAll(leads, now);
    }

    /** {@return each lead of the CSV as a JSON message, in file order} */
    static List<String> leads(Path csv) throws IOException {
        List<List<String>> rows = csv(Files.readString(csv, StandardCharsets.UTF_8));
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

    /** {@return the accounts of the CSV} */
    static List<Account> accounts(Path csv) throws IOException {
        List<List<String>> rows = csv(Files.readString(csv, StandardCharsets.UTF_8));
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

    /** The CSV's times to full ISO-8601 instants: {@code 2026-11-05T04:50Z} gains seconds, a date alone midnight UTC. */
    private static String instant(String cell) {
        if (cell.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return cell + "T00:00:00Z";
        }
        if (cell.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z")) {
            return cell.substring(0, cell.length() - 1) + ":00Z";
        }
        return cell;
    }

    /** A small RFC 4180 reader: quoted cells, doubled quotes, commas and line breaks inside quotes. */
    static List<List<String>> csv(String text) {
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
