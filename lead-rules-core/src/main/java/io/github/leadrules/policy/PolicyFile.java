package io.github.leadrules.policy;

import io.github.leadrules.internal.text.Countries;
import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML policy file onto a base policy (the defaults). It works on SnakeYAML's node tree,
 * never constructing Java objects from the file, so that every value keeps its line and column and
 * no tag in the file can instantiate a class. Every problem is collected; the file fails as a whole
 * with all of them. The format is documented in {@code docs/policy-file.md}.
 *
 * <p>A policy file may come from anyone who can edit a config folder, so reading it is bounded
 * before SnakeYAML sees it: the file's size and its longest line are capped while it is read, and
 * after parsing, the length of every value and the size of the tree once every alias is expanded
 * (lists, maps and plain values alike). Past any cap the file fails with one problem, fast.
 */
final class PolicyFile {

    /**
     * The longest policy file read, in characters (4 Mi). A policy is a page or two; even every
     * shipped free-mail domain written out fits. A longer file is refused after reading this much.
     */
    static final int MAX_FILE_CHARS = 4 * 1024 * 1024;

    /**
     * The longest line, in characters (64 Ki). SnakeYAML re-copies its look-ahead buffer while it
     * scans one token, so a token takes time that grows with the square of its length (a 19 MB
     * line took minutes); no token can be longer than its line. Long lists go one item per line.
     */
    static final int MAX_LINE_CHARS = 64 * 1024;

    /** The longest single value or key, in characters. Domains, titles, names and tracks are far shorter. */
    static final int MAX_VALUE_CHARS = 1_024;

    /**
     * The most characters the file's values may add up to with every alias ({@code *name}) expanded,
     * each list, map and value counting one more. SnakeYAML limits aliases of lists and maps only; an
     * anchored 100 000-character text repeated through 2 000 aliases is 200 MB, and is refused here.
     */
    static final int MAX_EXPANDED_CHARS = 2 * MAX_FILE_CHARS;

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|[dhms])");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d[\\d_]*");
    private static final Set<String> ADJUST_KEYS = Set.of("add", "remove");

    private final String file;
    private final LeadPolicy base;
    private final LeadPolicy.Builder b;
    private final List<PolicyFileException.Problem> problems = new ArrayList<>();
    private final Map<String, Node> topLevel = new LinkedHashMap<>();
    private final Map<String, BiConsumer<Node, String>> keys = new LinkedHashMap<>();

    private PolicyFile(String file, LeadPolicy base) {
        this.file = file;
        this.base = base;
        this.b = base.toBuilder();
        domainList("ownDomains", base.exclusion().ownDomains(), b::ownDomains);
        domainList("competitorDomains", base.exclusion().competitorDomains(), b::competitorDomains);
        domainList("freeMailDomains", base.exclusion().freeMailDomains(), b::freeMailDomains);
        domainList("disposableDomains", base.exclusion().disposableDomains(), b::disposableDomains);
        domainList("testDomains", base.exclusion().testDomains(), b::testDomains);
        keys.put("targetCountries", (n, k) -> list(n, k, base.exclusion().targetCountries(), this::country, b::targetCountries));
        keys.put("targetIndustries", (n, k) -> list(n, k, base.exclusion().targetIndustries(), this::industry, b::targetIndustries));
        keys.put("industryAliases", this::industryAliases);
        keys.put("minimumEmployees", (n, k) -> whole(n, k, 0, b::minimumEmployees));
        keys.put("enterpriseEmployees", (n, k) -> whole(n, k, 1, b::enterpriseEmployees));
        keys.put("fieldSalesMinimumEmployees", (n, k) -> whole(n, k, 0, b::fieldSalesMinimumEmployees));
        keys.put("urgencyThresholds", this::urgencyThresholds);
        keys.put("pricingVisitThreshold", (n, k) -> whole(n, k, 1, b::pricingVisitThreshold));
        keys.put("engagementWindow", (n, k) -> duration(n, k, b::engagementWindow));
        keys.put("burstEvents", (n, k) -> whole(n, k, 1, b::burstEvents));
        keys.put("burstWindow", (n, k) -> duration(n, k, b::burstWindow));
        keys.put("coldAfter", (n, k) -> duration(n, k, b::coldAfter));
        keys.put("duplicateWindow", (n, k) -> duration(n, k, b::duplicateWindow));
        keys.put("stalledAfter", (n, k) -> duration(n, k, b::stalledAfter));
        keys.put("requireExplicitConsent", (n, k) -> bool(n, k, b::requireExplicitConsent));
        keys.put("decisionMakerTitles", (n, k) -> list(n, k, base.urgency().decisionMakerTitles(), this::text, b::decisionMakerTitles));
        keys.put("studentMarkers", (n, k) -> list(n, k, base.exclusion().studentMarkers(), this::text, b::studentMarkers));
        keys.put("testMarkers", (n, k) -> list(n, k, base.exclusion().testMarkers(), this::text, b::testMarkers));
        keys.put("slas", this::slas);
        keys.put("immediateSla", (n, k) -> duration(n, k, b::immediateSla));
        keys.put("teams", this::teams);
        keys.put("recycleTeam", (n, k) -> string(n, k, b::recycleTeam));
        keys.put("caseStudyTracks", this::caseStudyTracks);
        keys.put("contentTracks", this::contentTracks);
        keys.put("defaultNurtureTrack", (n, k) -> string(n, k, b::defaultNurtureTrack));
        keys.put("assignment", this::assignment);
        keys.put("fields", this::fields);
        keys.put("missingValues", (n, k) -> list(n, k, base.missingValues(), this::missingValue, b::missingValues));
        keys.put("signals", this::signals);
        keys.put("signalsSheet", this::signalsSheet);
        keys.put("ruleTimeBudget", (n, k) -> duration(n, k, v -> {
            if (v.compareTo(LeadPolicy.MIN_RULE_TIME_BUDGET) < 0 || v.compareTo(LeadPolicy.MAX_RULE_TIME_BUDGET) > 0) {
                problem(n, k, "must be between 100ms and 1h, got " + PolicyFileException.quote(((ScalarNode) n).getValue()));
            } else {
                b.ruleTimeBudget(v);
            }
        }));
    }

    /** The top-level keys, in documentation order. */
    private Set<String> topLevelKeys() {
        Set<String> all = new LinkedHashSet<>();
        all.add("version");
        all.addAll(keys.keySet());
        return all;
    }

    /** Every top-level key the file format accepts (for tests that hold the documentation to it). */
    static Set<String> acceptedKeys() {
        return new PolicyFile("", LeadPolicy.defaults()).topLevelKeys();
    }

    static LeadPolicy read(Reader reader, String file, LeadPolicy base) {
        return new PolicyFile(file, base).read(reader);
    }

    private LeadPolicy read(Reader reader) {
        String text = readBounded(reader);
        if (text == null) {
            throw new PolicyFileException(problems);
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setAllowRecursiveKeys(false);
            options.setCodePointLimit(MAX_FILE_CHARS + 1);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            problems.add(new PolicyFileException.Problem(file, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, null, "not valid YAML: " + context + what));
            throw new PolicyFileException(problems);
        } catch (YAMLException e) {
            problems.add(new PolicyFileException.Problem(file, 0, 0, null, "not valid YAML: " + e.getMessage()));
            throw new PolicyFileException(problems);
        }
        if (root != null && !new Expansion().fits(root)) {
            throw new PolicyFileException(sortedProblems());
        }
        if (root == null || isNull(root)) {
            return base; // an empty file keeps every default
        }
        List<NodeTuple> entries = mapping(root, null);
        if (entries == null) {
            throw new PolicyFileException(problems);
        }
        for (NodeTuple t : entries) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            topLevel.put(key, t.getKeyNode());
            if (key.equals("version")) {
                version(t.getValueNode());
                continue;
            }
            BiConsumer<Node, String> handler = keys.get(key);
            if (handler == null) {
                problem(t.getKeyNode(), segment(key), "unknown key" + suggestion(key, topLevelKeys()));
                continue;
            }
            handler.accept(t.getValueNode(), key);
        }
        checkSignals();
        if (!problems.isEmpty()) {
            throw new PolicyFileException(sortedProblems());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            // The policy's own checks span keys (thresholds must rise, team names be unique …);
            // their messages start with the key, so the problem points at that key's line.
            String message = e.getMessage() == null ? "invalid value" : e.getMessage();
            int colon = message.indexOf(": ");
            String key = colon > 0 ? message.substring(0, colon) : null;
            String top = key == null ? null : key.split("[.\\[]", 2)[0];
            Node at = top == null ? null : topLevel.get(top);
            problems.add(new PolicyFileException.Problem(file, at == null ? 0 : line(at), at == null ? 0 : column(at),
                    key, colon > 0 ? message.substring(colon + 2) : message));
            throw new PolicyFileException(problems);
        }
    }

    /**
     * The whole text, or null after a problem: refused as soon as it passes {@link #MAX_FILE_CHARS}
     * or a line passes {@link #MAX_LINE_CHARS}, so that neither a huge file nor a huge line is read
     * to its end or handed to SnakeYAML.
     */
    private String readBounded(Reader reader) {
        StringBuilder text = new StringBuilder(8 * 1024);
        char[] buffer = new char[8 * 1024];
        int line = 1;
        int column = 0;
        boolean afterCr = false;
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n' || c == '\r') {
                        if (!(c == '\n' && afterCr)) {
                            line++;
                        }
                        column = 0;
                        afterCr = c == '\r';
                        continue;
                    }
                    afterCr = false;
                    if (++column > MAX_LINE_CHARS) {
                        problems.add(new PolicyFileException.Problem(file, line, column, null, "line " + line
                                + " is longer than " + MAX_LINE_CHARS + " characters; write long lists one item per line"));
                        return null;
                    }
                }
                if (text.length() + n > MAX_FILE_CHARS) {
                    problems.add(new PolicyFileException.Problem(file, 0, 0, null, "the file is longer than "
                            + MAX_FILE_CHARS + " characters; a policy file is a page or two of settings"));
                    return null;
                }
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            problems.add(new PolicyFileException.Problem(file, 0, 0, null, "cannot read the file: "
                    + e.getClass().getSimpleName() + (e instanceof CharacterCodingException ? " (the file must be UTF-8)" : "")));
            return null;
        }
        return text.toString();
    }

    /**
     * Walks the tree as the keys will read it, every alias expanded, counting characters; records a
     * problem for each value longer than {@link #MAX_VALUE_CHARS} and stops at
     * {@link #MAX_EXPANDED_CHARS}. SnakeYAML's nesting limit bounds the depth.
     */
    private final class Expansion {
        private final Map<Node, Boolean> reported = new IdentityHashMap<>();
        private final List<String> path = new ArrayList<>();
        private long chars;
        private boolean exceeded;

        boolean fits(Node root) {
            walk(root);
            return problems.isEmpty();
        }

        private void walk(Node n) {
            if (exceeded) {
                return;
            }
            chars++;
            if (n instanceof ScalarNode s) {
                int length = s.getValue().length();
                chars += length;
                if (length > MAX_VALUE_CHARS && reported.put(n, Boolean.TRUE) == null) {
                    problem(n, currentPath(), "a value of " + length + " characters, longer than the "
                            + MAX_VALUE_CHARS + " allowed: " + PolicyFileException.quote(s.getValue()));
                }
            } else if (n instanceof SequenceNode seq) {
                List<Node> items = seq.getValue();
                for (int i = 0; i < items.size() && !exceeded; i++) {
                    path.add("[" + i + "]");
                    walk(items.get(i));
                    path.remove(path.size() - 1);
                }
            } else if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (exceeded) {
                        break;
                    }
                    walk(t.getKeyNode());
                    Node k = t.getKeyNode();
                    path.add((path.isEmpty() ? "" : ".") + (k instanceof ScalarNode ks ? segment(ks.getValue()) : "?"));
                    walk(t.getValueNode());
                    path.remove(path.size() - 1);
                }
            }
            if (chars > MAX_EXPANDED_CHARS && !exceeded) {
                exceeded = true;
                problem(n, currentPath(), "the file expands to more than " + MAX_EXPANDED_CHARS
                        + " characters once its aliases (*name) are repeated; write the values out instead");
            }
        }

        private String currentPath() {
            return path.isEmpty() ? null : String.join("", path);
        }
    }

    // ------------------------------------------------------------------ keys

    private void version(Node n) {
        Integer v = wholeValue(n, "version", 1);
        if (v != null && v != 1) {
            problem(n, "version", "this library reads policy file version 1, got " + v);
        }
    }

    private void domainList(String key, Set<String> current, Consumer<Collection<String>> set) {
        keys.put(key, (n, k) -> list(n, k, current, this::domain, set));
    }

    /**
     * A list key: a YAML list replaces the shipped values; a mapping with {@code add:} and/or
     * {@code remove:} adjusts them. Removing a value that is not there is not an error, so that a
     * policy keeps loading when the shipped lists change.
     */
    private void list(Node n, String key, Collection<String> current, ElementCheck check,
                      Consumer<Collection<String>> set) {
        if (n instanceof SequenceNode) {
            List<String> values = elements(n, key, check);
            if (values != null) {
                set.accept(values);
            }
            return;
        }
        if (n instanceof MappingNode) {
            List<NodeTuple> entries = mapping(n, key);
            if (entries == null) {
                return;
            }
            Set<String> result = new LinkedHashSet<>(current);
            boolean ok = true;
            for (NodeTuple t : entries) {
                String sub = ((ScalarNode) t.getKeyNode()).getValue();
                String path = key + "." + segment(sub);
                if (!ADJUST_KEYS.contains(sub)) {
                    problem(t.getKeyNode(), path, "unknown key: a list is adjusted with add: and remove:");
                    ok = false;
                    continue;
                }
                List<String> values = elements(t.getValueNode(), path, check);
                if (values == null) {
                    ok = false;
                } else if (sub.equals("add")) {
                    result.addAll(values);
                } else {
                    result.removeAll(values);
                }
            }
            if (ok) {
                set.accept(result);
            }
            return;
        }
        problem(n, key, "expected a list (replaces the shipped values) or a mapping with add: and/or remove:"
                + nullHint(n));
    }

    /** The checked, normalised elements of a list, or null (with problems recorded). */
    private List<String> elements(Node n, String key, ElementCheck check) {
        if (!(n instanceof SequenceNode seq)) {
            problem(n, key, "expected a list, e.g. [a, b]" + nullHint(n));
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String path = key + "[" + i + "]";
            String raw = scalar(item, path);
            if (raw == null) {
                ok = false;
                continue;
            }
            String value = check.normalise(item, path, raw);
            if (value == null) {
                ok = false;
            } else {
                out.add(value);
            }
        }
        return ok ? out : null;
    }

    /** Checks one list element and returns its matching key, or null after recording a problem. */
    @FunctionalInterface
    private interface ElementCheck {
        String normalise(Node node, String path, String raw);
    }

    private String domain(Node n, String path, String raw) {
        try {
            return Checks.domains(path, List.of(raw)).iterator().next();
        } catch (IllegalArgumentException e) {
            problem(n, path, PolicyFileException.quote(raw) + " is not a domain name (write e.g. example.co.jp)");
            return null;
        }
    }

    private String country(Node n, String path, String raw) {
        String code = Countries.toAlpha2(raw).orElse(null);
        if (code == null) {
            problem(n, path, "unknown country " + PolicyFileException.quote(raw) + " (write a name such as Japan or 日本, or a code such as JP)");
        }
        return code;
    }

    private String text(Node n, String path, String raw) {
        String key = Text.key(raw);
        if (key == null) {
            problem(n, path, "must not be blank");
        }
        return key;
    }

    private String missingValue(Node n, String path, String raw) {
        if (raw != null && raw.length() > LeadPolicy.MAX_MISSING_VALUE) {
            problem(n, path, "must be at most " + LeadPolicy.MAX_MISSING_VALUE + " characters");
            return null;
        }
        return text(n, path, raw);
    }

    private String industry(Node n, String path, String raw) {
        return text(n, path, raw) == null ? null : base.industryKey(raw);
    }

    /** {@code canonical: [aliases]}; a plain mapping replaces the shipped aliases, add:/remove: adjust them. */
    private void industryAliases(Node n, String key) {
        adjustableMap(n, key, base.industryAliases(), this::aliasGroups, alias -> alias, b::industryAliases);
    }

    private Map<String, String> aliasGroups(Node n, String key) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (NodeTuple t : entries) {
            String canonical = ((ScalarNode) t.getKeyNode()).getValue();
            String path = key + "." + segment(canonical);
            if (Text.key(canonical) == null) {
                problem(t.getKeyNode(), path, "an industry name must not be blank");
                ok = false;
                continue;
            }
            List<String> aliases = elements(t.getValueNode(), path, this::text);
            if (aliases == null) {
                ok = false;
                continue;
            }
            aliases.forEach(a -> out.put(a, Text.key(canonical)));
        }
        return ok ? out : null;
    }

    private void urgencyThresholds(Node n, String key) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return;
        }
        int[] values = {base.urgency().immediateScore(), base.urgency().highScore(), base.urgency().mediumScore()};
        List<String> names = List.of("immediate", "high", "medium");
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            int index = names.indexOf(sub);
            if (index < 0) {
                problem(t.getKeyNode(), key + "." + segment(sub), "unknown key (expected immediate, high, medium)"
                        + suggestion(sub, names));
                continue;
            }
            Integer v = wholeValue(t.getValueNode(), key + "." + segment(sub), 1);
            if (v != null) {
                values[index] = v;
            }
        }
        if (!(values[2] < values[1] && values[1] < values[0])) {
            problem(n, key, "must rise strictly medium < high < immediate, got medium " + values[2] + ", high "
                    + values[1] + ", immediate " + values[0]);
            return;
        }
        b.urgencyThresholds(values[0], values[1], values[2]);
    }

    /** Per destination; a destination left out keeps its SLA, {@code none} removes it. */
    private void slas(Node n, String key) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return;
        }
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            String path = key + "." + segment(sub);
            Destination d = enumValue(t.getKeyNode(), path, sub, Destination.class);
            if (d == null) {
                continue;
            }
            if (d == Destination.NONE) {
                problem(t.getKeyNode(), path, "leads routed nowhere have no SLA");
                continue;
            }
            Node v = t.getValueNode();
            if (v instanceof ScalarNode s && s.getValue().strip().equalsIgnoreCase("none")) {
                b.noSla(d);
                continue;
            }
            duration(v, path, value -> b.sla(d, value));
        }
    }

    private void teams(Node n, String key) {
        if (!(n instanceof SequenceNode seq)) {
            problem(n, key, "expected a list of teams; the list replaces the default teams, matched in order"
                    + nullHint(n));
            return;
        }
        List<Team> teams = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Team t = team(seq.getValue().get(i), key + "[" + i + "]");
            if (t == null) {
                ok = false;
            } else {
                teams.add(t);
            }
        }
        if (ok) {
            b.teams(teams);
        }
    }

    private Team team(Node n, String path) {
        List<NodeTuple> entries = mapping(n, path);
        if (entries == null) {
            return null;
        }
        String name = null;
        Destination destination = null;
        Set<String> countries = Set.of();
        Segment segment = Segment.ANY;
        List<Rep> reps = List.of();
        boolean ok = true;
        List<String> known = List.of("name", "destination", "countries", "segment", "reps");
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            String p = path + "." + segment(sub);
            Node v = t.getValueNode();
            switch (sub) {
                case "name" -> {
                    name = nonBlank(v, p);
                    ok &= name != null;
                }
                case "destination" -> {
                    String raw = scalar(v, p);
                    destination = raw == null ? null : enumValue(v, p, raw, Destination.class);
                    ok &= destination != null;
                }
                case "countries" -> {
                    List<String> codes = elements(v, p, this::country);
                    if (codes == null) {
                        ok = false;
                    } else {
                        countries = new LinkedHashSet<>(codes);
                    }
                }
                case "segment" -> {
                    String raw = scalar(v, p);
                    segment = raw == null ? null : enumValue(v, p, raw, Segment.class);
                    ok &= segment != null;
                }
                case "reps" -> {
                    reps = reps(v, p);
                    ok &= reps != null;
                }
                default -> {
                    problem(t.getKeyNode(), p, "unknown key (a team has name, destination, countries, segment, reps)"
                            + suggestion(sub, known));
                    ok = false;
                }
            }
        }
        if (name == null && ok) {
            problem(n, path + ".name", "every team needs a name");
            ok = false;
        }
        if (destination == null && ok) {
            problem(n, path + ".destination", "every team needs a destination (" + choices(Destination.class) + ")");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        try {
            return new Team(name, destination, countries, segment, reps);
        } catch (IllegalArgumentException e) {
            problem(n, path, stripKey(e.getMessage()));
            return null;
        }
    }

    private List<Rep> reps(Node n, String path) {
        if (!(n instanceof SequenceNode seq)) {
            problem(n, path, "expected a list of reps" + nullHint(n));
            return null;
        }
        List<Rep> reps = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Rep r = rep(seq.getValue().get(i), path + "[" + i + "]");
            if (r == null) {
                ok = false;
            } else {
                reps.add(r);
            }
        }
        return ok ? reps : null;
    }

    /** A rep is its id alone ({@code - rep-1042}) or a mapping with id, weight, capacity, available. */
    private Rep rep(Node n, String path) {
        if (n instanceof ScalarNode) {
            String id = nonBlank(n, path);
            return id == null ? null : Rep.of(id);
        }
        List<NodeTuple> entries = mapping(n, path);
        if (entries == null) {
            return null;
        }
        String id = null;
        int weight = 1;
        int capacity = 0;
        boolean available = true;
        boolean ok = true;
        List<String> known = List.of("id", "weight", "capacity", "available");
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            String p = path + "." + segment(sub);
            Node v = t.getValueNode();
            switch (sub) {
                case "id" -> {
                    id = nonBlank(v, p);
                    ok &= id != null;
                }
                case "weight" -> {
                    Integer w = wholeValue(v, p, 1);
                    ok &= w != null;
                    weight = w == null ? 1 : w;
                }
                case "capacity" -> {
                    Integer c = wholeValue(v, p, 0);
                    ok &= c != null;
                    capacity = c == null ? 0 : c;
                }
                case "available" -> {
                    Boolean a = boolValue(v, p);
                    ok &= a != null;
                    available = a == null || a;
                }
                default -> {
                    problem(t.getKeyNode(), p, "unknown key (a rep has id, weight, capacity, available)"
                            + suggestion(sub, known));
                    ok = false;
                }
            }
        }
        if (id == null && ok) {
            problem(n, path + ".id", "every rep needs an id");
            ok = false;
        }
        return ok ? new Rep(id, weight, capacity, available) : null;
    }

    /** {@code industry: track}; a plain mapping replaces the shipped tracks, add:/remove: adjust them. */
    private void caseStudyTracks(Node n, String key) {
        adjustableMap(n, key, base.routing().caseStudyTracks(), this::tracks, base::industryKey, b::caseStudyTracks);
    }

    /**
     * A mapping that either replaces the shipped one (a plain mapping) or adjusts it ({@code add:}
     * entries read like the plain form, {@code remove:} a list of keys); {@code keyOf} turns a key as
     * written into the key the shipped map holds. Nothing is set when any entry was bad.
     */
    private void adjustableMap(Node n, String key, Map<String, String> shipped,
                               java.util.function.BiFunction<Node, String, Map<String, String>> read,
                               java.util.function.UnaryOperator<String> keyOf,
                               java.util.function.Consumer<Map<String, String>> set) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return;
        }
        if (!isAdjustForm(entries)) {
            Map<String, String> replaced = read.apply(n, key);
            if (replaced != null) {
                set.accept(replaced);
            }
            return;
        }
        Map<String, String> result = new LinkedHashMap<>(shipped);
        boolean ok = true;
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            if (sub.equals("add")) {
                Map<String, String> added = read.apply(t.getValueNode(), key + ".add");
                if (added == null) {
                    ok = false;
                } else {
                    added.forEach((k, v) -> result.put(keyOf.apply(k), v));
                }
            } else {
                List<String> removed = elements(t.getValueNode(), key + ".remove", this::text);
                if (removed == null) {
                    ok = false;
                } else {
                    removed.forEach(r -> result.remove(keyOf.apply(r)));
                }
            }
        }
        if (ok) {
            set.accept(result);
        }
    }

    private Map<String, String> tracks(Node n, String key) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (NodeTuple t : entries) {
            String industry = ((ScalarNode) t.getKeyNode()).getValue();
            String track = nonBlank(t.getValueNode(), key + "." + segment(industry));
            if (track == null) {
                ok = false;
            } else {
                out.put(industry, track);
            }
        }
        return ok ? out : null;
    }

    /** Per inquiry type; a type left out keeps its track. */
    private void contentTracks(Node n, String key) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return;
        }
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            String path = key + "." + segment(sub);
            InquiryType type = enumValue(t.getKeyNode(), path, sub, InquiryType.class);
            String track = nonBlank(t.getValueNode(), path);
            if (type != null && track != null) {
                b.contentTrack(type, track);
            }
        }
    }

    /**
     * {@code name: type} or {@code name: {type: date, formats: [...]}} / {@code {type: choice, values: [...]}};
     * replaces the base policy's fields.
     */
    private void fields(Node n, String key) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return;
        }
        if (entries.size() > LeadPolicy.MAX_FIELDS) {
            problem(n, key, "at most " + LeadPolicy.MAX_FIELDS + " fields, got " + entries.size());
            return;
        }
        Map<String, FieldType> out = new LinkedHashMap<>();
        boolean ok = true;
        for (NodeTuple t : entries) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            String path = key + "." + segment(name);
            if (name.isBlank() || name.length() > 200 || !name.equals(name.strip())
                    || name.chars().anyMatch(Character::isISOControl)) {
                problem(t.getKeyNode(), path, "a field name must be 1 to 200 characters, without control characters"
                        + " or surrounding spaces");
                ok = false;
                continue;
            }
            FieldType type = fieldType(t.getValueNode(), path);
            if (type == null) {
                ok = false;
            } else {
                out.put(name, type);
            }
        }
        if (ok) {
            b.fields(out);
        }
    }

    private static final List<String> FIELD_KINDS = List.of("text", "number", "integer", "flag", "date", "choice");

    private FieldType fieldType(Node n, String path) {
        Node kindNode = n;
        List<String> formats = List.of();
        List<String> values = List.of();
        Node optionsNode = n;
        if (n instanceof MappingNode) {
            List<NodeTuple> entries = mapping(n, path);
            if (entries == null) {
                return null;
            }
            kindNode = null;
            boolean ok = true;
            for (NodeTuple t : entries) {
                String sub = ((ScalarNode) t.getKeyNode()).getValue();
                String subPath = path + "." + segment(sub);
                switch (sub) {
                    case "type" -> kindNode = t.getValueNode();
                    case "formats" -> {
                        optionsNode = t.getValueNode();
                        formats = t.getValueNode() instanceof ScalarNode
                                ? elementsOf(List.of(t.getValueNode()), subPath) : elements(t.getValueNode(), subPath, this::plain);
                    }
                    case "format" -> {
                        optionsNode = t.getValueNode();
                        formats = elementsOf(List.of(t.getValueNode()), subPath);
                    }
                    case "values" -> {
                        optionsNode = t.getValueNode();
                        values = elements(t.getValueNode(), subPath, this::plain);
                    }
                    default -> {
                        problem(t.getKeyNode(), subPath, "unknown key (expected type, formats, values)"
                                + suggestion(sub, List.of("type", "formats", "values")));
                        ok = false;
                    }
                }
                if (formats == null || values == null) {
                    return null;
                }
            }
            if (!ok) {
                return null;
            }
            if (kindNode == null) {
                problem(n, path + ".type", "missing (one of " + String.join(", ", FIELD_KINDS) + ")");
                return null;
            }
        }
        String raw = scalar(kindNode, path);
        if (raw == null) {
            return null;
        }
        String kind = raw.strip().toLowerCase(Locale.ROOT);
        if (!FIELD_KINDS.contains(kind)) {
            problem(kindNode, path, "unknown field type " + PolicyFileException.quote(raw) + " (expected one of "
                    + String.join(", ", FIELD_KINDS) + ")" + suggestion(kind, FIELD_KINDS));
            return null;
        }
        if (kind.equals("date") && formats.isEmpty() && optionsNode == n) {
            formats = List.of("yyyy-MM-dd");
        }
        try {
            return new FieldType(FieldType.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), formats, values);
        } catch (IllegalArgumentException e) {
            problem(optionsNode, path, stripKey(e.getMessage()));
            return null;
        }
    }

    // ------------------------------------------------------------------ signals

    private static final List<String> SIGNAL_KEYS = List.of("id", "name", "stage", "when", "points", "cap", "reason");

    /** A signal read from the file, with the nodes its field checks point at, or one from the sheet. */
    private record PendingSignal(Signal signal, String where, Node idNode, List<Node> fieldNodes, List<Node> valueNodes,
                                 String path, SignalSheet.Located sheet) {
    }

    private final List<PendingSignal> pendingSignals = new ArrayList<>();
    private boolean signalsSet;

    /** A list of signals; each is checked against the fields once the whole file is read. */
    private void signals(Node n, String key) {
        if (!(n instanceof SequenceNode seq)) {
            problem(n, key, "expected a list of signals, each with id, when and points (or stage: exclusion and a reason)"
                    + nullHint(n));
            return;
        }
        signalsSet = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            signal(seq.getValue().get(i), key + "[" + i + "]");
        }
    }

    private void signal(Node n, String path) {
        List<NodeTuple> entries = mapping(n, path);
        if (entries == null) {
            return;
        }
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        boolean ok = true;
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            if (!SIGNAL_KEYS.contains(sub)) {
                problem(t.getKeyNode(), path + "." + segment(sub), "unknown key (a signal has " + String.join(", ", SIGNAL_KEYS)
                        + ")" + suggestion(sub, SIGNAL_KEYS));
                ok = false;
                continue;
            }
            byKey.put(sub, t);
        }
        if (!byKey.containsKey("id")) {
            problem(n, path + ".id", "every signal needs an id, e.g. ACME-REFERENCE");
            return;
        }
        Node idNode = byKey.get("id").getValueNode();
        String id = scalar(idNode, path + ".id");
        if (id == null) {
            return;
        }
        id = id.strip();
        Stage stage = Stage.URGENCY;
        if (byKey.containsKey("stage")) {
            Node v = byKey.get("stage").getValueNode();
            String raw = scalar(v, path + ".stage");
            String st = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
            if ("exclusion".equals(st)) {
                stage = Stage.EXCLUSION;
            } else if (!"urgency".equals(st)) {
                if (raw != null) {
                    problem(v, path + ".stage", "expected urgency or exclusion, got " + PolicyFileException.quote(raw)
                            + suggestion(raw.strip(), List.of("urgency", "exclusion")));
                }
                ok = false;
            }
        }
        Signal.Builder sb = stage == Stage.EXCLUSION ? Signal.exclusion(id) : Signal.urgency(id);
        if (byKey.containsKey("name")) {
            String name = scalar(byKey.get("name").getValueNode(), path + ".name");
            ok &= name != null;
            sb.name(name);
        }
        if (byKey.containsKey("reason")) {
            String reason = scalar(byKey.get("reason").getValueNode(), path + ".reason");
            ok &= reason != null;
            sb.reason(reason);
        }
        if (byKey.containsKey("points")) {
            Integer points = wholeValue(byKey.get("points").getValueNode(), path + ".points", Integer.MIN_VALUE);
            ok &= points != null;
            if (points != null) {
                sb.points(points);
            }
        }
        if (byKey.containsKey("cap")) {
            Node v = byKey.get("cap").getValueNode();
            String raw = scalar(v, path + ".cap");
            UrgencyLevel cap = raw == null ? null : capLevel(raw);
            if (raw != null && cap == null) {
                problem(v, path + ".cap", "expected high, medium or low, got " + PolicyFileException.quote(raw));
            }
            ok &= cap != null;
            if (cap != null) {
                sb.cap(cap);
            }
        }
        List<Node> fieldNodes = new ArrayList<>();
        List<Node> valueNodes = new ArrayList<>();
        if (!byKey.containsKey("when")) {
            problem(n, path + ".when", id + ": every signal needs a condition (when: {field: ..., equals: ...})");
            return;
        }
        Node when = byKey.get("when").getValueNode();
        List<Node> conditionNodes = when instanceof SequenceNode seq ? seq.getValue() : List.of(when);
        for (int i = 0; i < conditionNodes.size(); i++) {
            String cPath = path + ".when" + (when instanceof SequenceNode ? "[" + i + "]" : "");
            Condition c = condition(conditionNodes.get(i), cPath, fieldNodes, valueNodes);
            if (c == null) {
                ok = false;
            } else {
                sb.when(c);
            }
        }
        if (!ok) {
            return;
        }
        Signal signal;
        try {
            signal = sb.build();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "invalid signal" : e.getMessage();
            int colon = message.indexOf(": ");
            String sub = colon > 0 ? message.substring(0, colon) : "id";
            NodeTuple at = byKey.get(sub);
            problem(at != null ? at.getValueNode() : (sub.equals("reason") || sub.equals("points") ? n : idNode),
                    path + "." + sub, (sub.equals("id") ? "" : id + ": ") + (colon > 0 ? message.substring(colon + 2) : message));
            return;
        }
        pendingSignals.add(new PendingSignal(signal, file + ":" + line(idNode), idNode, fieldNodes, valueNodes, path, null));
    }

    /** One condition: {@code {field: name, operator: value}}, exactly one operator. */
    private Condition condition(Node n, String path, List<Node> fieldNodes, List<Node> valueNodes) {
        List<NodeTuple> entries = mapping(n, path);
        if (entries == null) {
            return null;
        }
        Node fieldNode = null;
        NodeTuple operator = null;
        List<String> known = new ArrayList<>();
        known.add("field");
        for (Condition.Operator o : Condition.Operator.values()) {
            known.add(o.fileName());
        }
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            if (sub.equals("field")) {
                fieldNode = t.getValueNode();
            } else if (Condition.Operator.ofFileName(sub) != null && Condition.Operator.ofFileName(sub).fileName().equals(sub)) {
                if (operator != null) {
                    problem(t.getKeyNode(), path + "." + segment(sub), "one operator per condition (also "
                            + ((ScalarNode) operator.getKeyNode()).getValue() + "); write another condition in the when: list");
                    return null;
                }
                operator = t;
            } else {
                problem(t.getKeyNode(), path + "." + segment(sub), "unknown key (a condition has field and one of "
                        + String.join(", ", known.subList(1, known.size())) + ")" + suggestion(sub, known));
                return null;
            }
        }
        if (fieldNode == null) {
            problem(n, path + ".field", "every condition needs a field");
            return null;
        }
        String field = nonBlank(fieldNode, path + ".field");
        if (field == null) {
            return null;
        }
        if (operator == null) {
            problem(n, path, "a condition needs an operator: one of " + String.join(", ", known.subList(1, known.size())));
            return null;
        }
        Condition.Operator op = Condition.Operator.ofFileName(((ScalarNode) operator.getKeyNode()).getValue());
        Node v = operator.getValueNode();
        String vPath = path + "." + op.fileName();
        List<String> values;
        switch (op) {
            case MISSING, PRESENT -> {
                Boolean yes = boolValue(v, vPath);
                if (yes == null) {
                    return null;
                }
                if (!yes) {
                    problem(v, vPath, "write " + (op == Condition.Operator.MISSING ? "present" : "missing") + ": true instead");
                    return null;
                }
                values = List.of();
            }
            case IN, NOT_IN, CONTAINS_ANY, BETWEEN -> {
                if (v instanceof ScalarNode && op != Condition.Operator.BETWEEN) {
                    String one = scalar(v, vPath);
                    if (one == null) {
                        return null;
                    }
                    values = List.of(one);
                } else {
                    values = elements(v, vPath, (node, p, raw) -> raw);
                    if (values == null) {
                        return null;
                    }
                }
            }
            default -> {
                String one = scalar(v, vPath);
                if (one == null) {
                    return null;
                }
                values = List.of(one);
            }
        }
        try {
            Condition c = new Condition(field, op, values);
            fieldNodes.add(fieldNode);
            valueNodes.add(v);
            return c;
        } catch (IllegalArgumentException e) {
            problem(v, vPath, stripKey(e.getMessage()));
            return null;
        }
    }

    /** {@code signalsSheet: signals.csv}: a CSV sheet of signals, relative to the policy file's folder. */
    private void signalsSheet(Node n, String key) {
        String raw = nonBlank(n, key);
        if (raw == null) {
            return;
        }
        java.nio.file.Path sheet;
        try {
            java.nio.file.Path given = java.nio.file.Path.of(raw);
            java.nio.file.Path folder = given.isAbsolute() ? null : java.nio.file.Path.of(file).toAbsolutePath().getParent();
            sheet = folder == null ? given : folder.resolve(given).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problem(n, key, "not a file path: " + PolicyFileException.quote(raw));
            return;
        }
        if (!java.nio.file.Files.isRegularFile(sheet)) {
            problem(n, key, "no such file: " + PolicyFileException.quote(raw) + " (a path relative to the policy file)");
            return;
        }
        signalsSet = true;
        List<PolicyFileException.Problem> sheetProblems = new ArrayList<>();
        try (Reader reader = java.nio.file.Files.newBufferedReader(sheet, java.nio.charset.StandardCharsets.UTF_8)) {
            for (SignalSheet.Located l : SignalSheet.parse(reader, sheet.toString(), sheetProblems)) {
                pendingSignals.add(new PendingSignal(l.signal(), l.file() + ":" + l.idLine(), n, List.of(), List.of(), key, l));
            }
        } catch (IOException e) {
            problem(n, key, "cannot read the signals sheet: " + e.getClass().getSimpleName()
                    + (e instanceof CharacterCodingException ? " (the sheet must be UTF-8)" : ""));
            return;
        }
        problems.addAll(sheetProblems);
    }

    /** Checks every signal against the fields the whole file declares, and that ids are unique. */
    private void checkSignals() {
        if (!signalsSet) {
            return;
        }
        Map<String, FieldType> fields = b.fields;
        Map<String, PendingSignal> ids = new LinkedHashMap<>();
        Map<String, PendingSignal> names = new LinkedHashMap<>();
        List<Signal> out = new ArrayList<>();
        for (PendingSignal p : pendingSignals) {
            if (p.sheet() != null) {
                problems.addAll(p.sheet().check(fields));
            } else {
                for (SignalChecks.Issue issue : SignalChecks.check(p.signal(), fields)) {
                    Node at = (issue.atValue() ? p.valueNodes() : p.fieldNodes()).get(issue.condition());
                    if (issue.valueIndex() >= 0 && at instanceof SequenceNode seq && issue.valueIndex() < seq.getValue().size()) {
                        at = seq.getValue().get(issue.valueIndex());
                    }
                    Condition c = p.signal().conditions().get(issue.condition());
                    problem(at, p.path() + ".when" + (p.signal().conditions().size() > 1 ? "[" + issue.condition() + "]" : "")
                            + "." + (issue.atValue() ? c.operator().fileName() : "field"), p.signal().id() + ": " + issue.message());
                }
            }
            PendingSignal first = ids.putIfAbsent(p.signal().id(), p);
            if (first != null) {
                addAt(p, "id", "duplicate signal id " + p.signal().id() + " (also at " + first.where() + ")");
                continue;
            }
            PendingSignal sameName = names.putIfAbsent(p.signal().name(), p);
            if (sameName != null) {
                addAt(p, "name", p.signal().id() + ": the same name as " + sameName.signal().id() + " at " + sameName.where()
                        + " (rule names must be unique)");
                continue;
            }
            out.add(p.signal());
        }
        b.signals(out);
    }

    private void addAt(PendingSignal p, String key, String message) {
        if (p.sheet() != null) {
            problems.add(new PolicyFileException.Problem(p.sheet().file(), p.sheet().idLine(), p.sheet().idColumn(), key, message));
        } else {
            problem(p.idNode(), p.path() + "." + key, message);
        }
    }

    /** high, medium or low (ignoring case); null for anything else. */
    static UrgencyLevel capLevel(String raw) {
        return switch (raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT)) {
            case "high" -> UrgencyLevel.HIGH;
            case "medium" -> UrgencyLevel.MEDIUM;
            case "low" -> UrgencyLevel.LOW;
            default -> null;
        };
    }

    private List<String> elementsOf(List<Node> nodes, String path) {
        String raw = scalar(nodes.get(0), path);
        return raw == null ? null : List.of(raw);
    }

    /** A list element kept as written (a date pattern, a choice value); blank is a problem. */
    private String plain(Node n, String path, String raw) {
        if (raw.isBlank()) {
            problem(n, path, "must not be blank");
            return null;
        }
        return raw.strip();
    }

    private void assignment(Node n, String key) {
        List<NodeTuple> entries = mapping(n, key);
        if (entries == null) {
            return;
        }
        List<String> known = List.of("accountOwnerFirst", "rotation");
        for (NodeTuple t : entries) {
            String sub = ((ScalarNode) t.getKeyNode()).getValue();
            String path = key + "." + segment(sub);
            switch (sub) {
                case "accountOwnerFirst" -> bool(t.getValueNode(), path, b::accountOwnerFirst);
                case "rotation" -> {
                    String raw = scalar(t.getValueNode(), path);
                    Rotation r = raw == null ? null : enumValue(t.getValueNode(), path, raw, Rotation.class);
                    if (r != null) {
                        b.rotation(r);
                    }
                }
                default -> problem(t.getKeyNode(), path, "unknown key (expected accountOwnerFirst, rotation)"
                        + suggestion(sub, known));
            }
        }
    }

    // ------------------------------------------------------------------ values

    private void whole(Node n, String key, int min, java.util.function.IntConsumer set) {
        Integer v = wholeValue(n, key, min);
        if (v != null) {
            set.accept(v);
        }
    }

    private Integer wholeValue(Node n, String key, int min) {
        String raw = scalar(n, key);
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (!WHOLE.matcher(s).matches()) {
            problem(n, key, "expected a whole number, got " + PolicyFileException.quote(raw));
            return null;
        }
        int v;
        try {
            v = Integer.parseInt(s.replace("_", ""));
        } catch (NumberFormatException e) {
            problem(n, key, "number out of range, got " + PolicyFileException.quote(raw) + " (whole numbers go up to "
                    + Integer.MAX_VALUE + ")");
            return null;
        }
        if (v < min) {
            problem(n, key, "must be at least " + min + ", got " + v);
            return null;
        }
        return v;
    }

    private void bool(Node n, String key, Consumer<Boolean> set) {
        Boolean v = boolValue(n, key);
        if (v != null) {
            set.accept(v);
        }
    }

    private Boolean boolValue(Node n, String key) {
        String raw = scalar(n, key);
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                problem(n, key, "expected true or false, got " + PolicyFileException.quote(raw));
                yield null;
            }
        };
    }

    /**
     * {@code 30d}, {@code 4h}, {@code 90m}, {@code 45s}, {@code 500ms} and combinations such as {@code 1h30m}, or
     * ISO-8601 ({@code PT4H}, {@code P30D}); always positive and at most {@link LeadPolicy#MAX_DURATION}.
     * Amounts are added up in milliseconds with overflow checks, so that {@code 999999999999999d} is a
     * problem at its line, not an {@link ArithmeticException}.
     */
    private void duration(Node n, String key, Consumer<Duration> set) {
        String raw = scalar(n, key);
        if (raw == null) {
            return;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        boolean tooLong = false;
        if (s.startsWith("p")) {
            try {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // Duration.parse reports an amount beyond its range as an ArithmeticException cause.
                tooLong = e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException;
            }
        } else if (!s.isEmpty() && s.replaceAll(DURATION.pattern(), "").isBlank()) {
            long millis = 0;
            Matcher m = DURATION.matcher(s);
            try {
                while (m.find()) {
                    long amount = Long.parseLong(m.group(1));
                    long unit = switch (m.group(2)) {
                        case "d" -> 86_400_000;
                        case "h" -> 3_600_000;
                        case "m" -> 60_000;
                        case "s" -> 1_000;
                        default -> 1;
                    };
                    millis = Math.addExact(millis, Math.multiplyExact(amount, unit));
                }
                d = Duration.ofMillis(millis);
            } catch (NumberFormatException | ArithmeticException e) {
                tooLong = true;
            }
        }
        if (tooLong || (d != null && d.compareTo(LeadPolicy.MAX_DURATION) > 0)) {
            problem(n, key, "must be at most " + LeadPolicy.MAX_DURATION.toDays() + "d (about 100 years), got "
                    + PolicyFileException.quote(raw));
            return;
        }
        if (d == null) {
            problem(n, key, "expected a duration such as 30d, 4h, 90m or 1h30m, got " + PolicyFileException.quote(raw)
                    + (WHOLE.matcher(s).matches() ? " (a number needs a unit)" : ""));
            return;
        }
        if (d.isZero() || d.isNegative()) {
            problem(n, key, "must be a positive duration, got " + PolicyFileException.quote(raw));
            return;
        }
        set.accept(d);
    }

    private void string(Node n, String key, Consumer<String> set) {
        String v = nonBlank(n, key);
        if (v != null) {
            set.accept(v);
        }
    }

    private String nonBlank(Node n, String key) {
        String raw = scalar(n, key);
        if (raw == null) {
            return null;
        }
        if (raw.isBlank()) {
            problem(n, key, "must not be blank");
            return null;
        }
        return raw.strip();
    }

    /** The text of a scalar, or null after a problem; YAML null is a problem too. */
    private String scalar(Node n, String key) {
        if (!(n instanceof ScalarNode s)) {
            problem(n, key, "expected a single value, got a " + (n instanceof SequenceNode ? "list" : "mapping"));
            return null;
        }
        if (isNull(n)) {
            problem(n, key, "no value given");
            return null;
        }
        return s.getValue();
    }

    /**
     * The entries of a mapping whose keys are unique scalars, or null after a problem. SnakeYAML's
     * composer keeps duplicate keys; a policy file must not, since the later one would silently win.
     */
    private List<NodeTuple> mapping(Node n, String key) {
        if (!(n instanceof MappingNode m)) {
            problem(n, key == null ? null : key, "expected a mapping (key: value)" + nullHint(n));
            return null;
        }
        List<NodeTuple> out = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), key, "a key must be a single value");
                continue;
            }
            String path = key == null ? segment(k.getValue()) : key + "." + segment(k.getValue());
            Node first = seen.putIfAbsent(k.getValue(), k);
            if (first != null) {
                problem(k, path, "duplicate key (also on line " + line(first) + ")");
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private boolean isAdjustForm(List<NodeTuple> entries) {
        return !entries.isEmpty() && entries.stream()
                .allMatch(t -> ADJUST_KEYS.contains(((ScalarNode) t.getKeyNode()).getValue()));
    }

    private <E extends Enum<E>> E enumValue(Node n, String key, String raw, Class<E> type) {
        String wanted = enumKey(raw);
        for (E e : type.getEnumConstants()) {
            if (enumKey(e.name()).equals(wanted)) {
                return e;
            }
        }
        problem(n, key, "unknown value " + PolicyFileException.quote(raw) + " (expected one of " + choices(type) + ")");
        return null;
    }

    private static String enumKey(String s) {
        return s.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    /** The enum's constants as the file writes them: FIELD_SALES → fieldSales. */
    private static <E extends Enum<E>> String choices(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(camel(e.name()));
        }
        return String.join(", ", out);
    }

    static String camel(String constant) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** A key as a path shows it: short, control characters escaped. */
    private static String segment(String raw) {
        return PolicyFileException.shorten(raw);
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    private static String nullHint(Node n) {
        return isNull(n) ? " (no value given; write [] for an empty list)" : "";
    }

    private static String stripKey(String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        return colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(colon + 2) : message;
    }

    /** " (did you mean X?)" for a near miss: same letters in another case, or at most two edits away. */
    private static String suggestion(String key, Collection<String> known) {
        return suggestion(key, known, 5);
    }

    /**
     * " (did you mean X?)" for the closest of {@code known}: same letters in another case, or at most
     * {@code max(2, key length / divisor)} edits away; "" when none is that close. Shared by the
     * policy keys and the signals' field names.
     */
    static String suggestion(String key, Collection<String> known, int divisor) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : new TreeSet<>(known)) {
            int d = k.equalsIgnoreCase(key) ? 0 : distance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / divisor) ? " (did you mean " + best + "?)" : "";
    }

    /** Edit distance; names longer than 200 characters are never near misses (keeps it cheap). */
    private static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void problem(Node n, String key, String message) {
        problems.add(new PolicyFileException.Problem(file, line(n), column(n), key, message));
    }

    private List<PolicyFileException.Problem> sortedProblems() {
        List<PolicyFileException.Problem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(PolicyFileException.Problem::line)
                .thenComparingInt(PolicyFileException.Problem::column));
        return out;
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static int column(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getColumn() + 1;
    }
}
