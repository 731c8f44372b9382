package io.github.leadrules.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON form of an account on the accounts topic (compacted, keyed by account id): the columns of
 * the CLI's accounts file as keys —
 * {@code {"account_id":"A-1","name":"株式会社サンプル","domains":["sample.co.jp"],"relationship":"CUSTOMER","owner":"suzuki"}}.
 * A tombstone (null value) removes the account.
 */
public final class AccountMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AccountMessages() {
    }

    /**
     * Writes an account.
     *
     * @param account the account
     * @return its JSON, UTF-8
     */
    public static byte[] write(Account account) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("account_id", account.id());
        if (account.name() != null) {
            o.put("name", account.name());
        }
        ArrayNode domains = o.putArray("domains");
        account.domains().stream().sorted().forEach(domains::add);
        o.put("relationship", account.relationship().name());
        if (account.owner() != null) {
            o.put("owner", account.owner());
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an account.
     *
     * @param json the JSON, UTF-8
     * @return the account
     * @throws IllegalArgumentException naming the key that is missing or wrong, never a value
     */
    public static Account read(byte[] json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("account: not JSON");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("account: not a JSON object");
        }
        String id = text(o, "account_id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("account: account_id is required");
        }
        String relationship = text(o, "relationship");
        Relationship r;
        try {
            r = relationship == null ? Relationship.PROSPECT : Relationship.valueOf(relationship.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account: relationship is not one of CUSTOMER, COMPETITOR, OPEN_OPPORTUNITY, PROSPECT");
        }
        Set<String> domains = new LinkedHashSet<>();
        JsonNode d = o.get("domains");
        if (d != null && d.isArray()) {
            d.forEach(n -> domains.add(n.asText()));
        } else if (d != null && d.isTextual()) {
            for (String s : d.asText().split("[;,\\s]+")) {
                if (!s.isBlank()) {
                    domains.add(s);
                }
            }
        }
        return new Account(id, text(o, "name"), domains, r, text(o, "owner"));
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }
}
