package io.github.leadrules.architecture.docs;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.architecture.docs.Markdown.Block;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Java and DRL block in the README, {@code docs/} and the module READMEs is code a reader can
 * copy: a Java block is a complete file (package, imports, a class) that compiles against the
 * library; a DRL block is a complete rule file that builds, and where the page says what a rule
 * decides, it decides that on a lead. A runnable block (a {@code main} method) prints what its
 * {@code // prints:} comments say, and the {@code @Test} methods of a block pass.
 *
 * <p>Markers after the language, for the rare block that cannot be complete:
 * {@code ```java fragment: why} (not compiled; the reason is required) and
 * {@code ```java excerpt: path} (the lines must appear, in order and together, in that file, the
 * path relative to the Markdown file). Output, shell and configuration blocks carry another
 * language or none; a block without a language that holds Java or DRL is an error.
 *
 * <p>Every failure names the Markdown file and the line of the block's opening fence, then the
 * compiler's or the rule builder's message with the Markdown line it points at.
 */
class DocumentationSnippetsTest {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PRINTS = Pattern.compile("//\\s*prints:\\s?(.*)$");
    private static final Pattern RULE_ID = Pattern.compile("@id\\(\"([^\"]+)\"\\)");

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /**
     * What the pages say their example rules decide: a lead each rule must fire for, with the
     * reason and points the page shows, and a near-identical lead it must not fire for.
     */
    private static final Map<String, RuleClaim> RULE_CLAIMS = Map.of(
            "ACME-URG-TRADE-SHOW", new RuleClaim(
                    kantoDenki("trade-show").build(), kantoDenki("web-form").build(),
                    "Scanned at our trade-show booth", 20),
            "ACME-BOOTH-PRICING", new RuleClaim(
                    kantoDenki("trade-show").engagement(EngagementEvent.pricingPageVisit(NOW.minus(3, ChronoUnit.DAYS))).build(),
                    kantoDenki("trade-show").engagement(EngagementEvent.pricingPageVisit(NOW.minus(20, ChronoUnit.DAYS))).build(),
                    "Met us at the booth and came back to the pricing page", 20));

    private record RuleClaim(Lead fires, Lead doesNotFire, String reason, int points) {
    }

    private static Lead.Builder kantoDenki(String source) {
        return Lead.builder("ACME-" + source)
                .email("hanako.sato@kanto-denki.co.jp")
                .jobTitle("総務部 課長")
                .source(source)
                .company(Company.builder().name("関東電機株式会社").employeeCount(320)
                        .industry("製造業").country("日本").build());
    }

    @Test
    void everyJavaBlockIsACompleteFileThatCompilesAgainstTheLibrary(@TempDir Path classes) throws IOException {
        List<String> problems = new ArrayList<>();
        compile(blocks("java"), classes, problems);
        failIfAny("Java blocks that are not complete, compilable files", problems);
    }

    @Test
    void everyRunnableJavaBlockPrintsWhatItsCommentsSay(@TempDir Path classes) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Block> compiled = compile(blocks("java"), classes, problems);
        failIfAny("Java blocks that do not compile", problems);
        int ran = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            for (Map.Entry<String, Block> e : compiled.entrySet()) {
                List<String> claims = e.getValue().lines().stream().map(PRINTS::matcher)
                        .filter(Matcher::find).map(m -> m.group(1).strip()).toList();
                if (claims.isEmpty()) {
                    continue;
                }
                Block block = e.getValue();
                Optional<Method> main = mainOf(loader.loadClass(e.getKey()));
                if (main.isEmpty()) {
                    problems.add(block.where() + ": has // prints: comments but no main method to run");
                    continue;
                }
                String output = runCapturingOut(main.get(), block, problems);
                ran++;
                List<String> outLines = output.lines().map(String::strip).toList();
                for (String claim : claims) {
                    if (!outLines.contains(claim)) {
                        problems.add(block.where() + ": says it prints '" + claim + "', but it printed:\n" + output);
                    }
                }
            }
        }
        failIfAny("Runnable Java blocks that do not print what they say", problems);
        if (ran == 0) {
            fail("no runnable Java block with // prints: comments was found; the README's \"Using it\" example has one");
        }
    }

    @Test
    void everyTestInAJavaBlockPasses(@TempDir Path classes) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Block> compiled = compile(blocks("java"), classes, problems);
        failIfAny("Java blocks that do not compile", problems);
        int ran = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            for (Map.Entry<String, Block> e : compiled.entrySet()) {
                Class<?> type = loader.loadClass(e.getKey());
                for (Method m : type.getDeclaredMethods()) {
                    if (!m.isAnnotationPresent(Test.class)) {
                        continue;
                    }
                    ran++;
                    try {
                        var constructor = type.getDeclaredConstructor();
                        constructor.setAccessible(true);
                        m.setAccessible(true);
                        m.invoke(constructor.newInstance());
                    } catch (InvocationTargetException failed) {
                        problems.add(e.getValue().where() + ": " + m.getName() + " fails: " + failed.getCause());
                    }
                }
            }
        }
        failIfAny("Tests shown in the docs that fail", problems);
        if (ran == 0) {
            fail("no @Test method was found in a Java block; the README's \"Testing your own rules\" has two");
        }
    }

    @Test
    void everyDrlBlockBuildsAndItsRuleDecidesWhatThePageSays() {
        List<String> problems = new ArrayList<>();
        LeadQualifier packagedOnly = LeadQualifier.builder().clock(CLOCK).build();
        // The typed fields the docs' examples read (docs/rule-writing.md, "Typed fields").
        LeadPolicy documented = LeadPolicy.defaults().toBuilder()
                .field("time_on_site", FieldType.integer())
                .field("converted", FieldType.flag())
                .build();
        int claimsChecked = 0;
        for (Block block : blocks("drl")) {
            LeadQualifier qualifier;
            try {
                qualifier = LeadQualifier.builder().clock(CLOCK).policy(documented)
                        .addRulesText(sourceName(block), block.text()).build();
            } catch (InvalidRulesException e) {
                problems.add(block.where() + ": the DRL does not build (line numbers count from the line after the fence, "
                        + "so block line n is Markdown line " + block.line() + "+n):\n" + e.getMessage());
                continue;
            }
            Matcher ids = RULE_ID.matcher(block.text());
            while (ids.find()) {
                RuleClaim claim = RULE_CLAIMS.get(ids.group(1));
                if (claim == null) {
                    continue;
                }
                claimsChecked++;
                String id = ids.group(1);
                Qualification fires = qualifier.qualify(claim.fires());
                Optional<Reason> reason = fires.reasons().stream().filter(r -> r.ruleId().equals(id)).findFirst();
                if (reason.isEmpty()) {
                    problems.add(block.where() + ": " + id + " did not fire for " + claim.fires().id()
                            + "; reasons: " + fires.reasonIds());
                    continue;
                }
                if (!reason.get().message().equals(claim.reason())) {
                    problems.add(block.where() + ": " + id + " gave the reason '" + reason.get().message()
                            + "', the page says '" + claim.reason() + "'");
                }
                int points = fires.urgency().score() - packagedOnly.qualify(claim.fires()).urgency().score();
                if (points != claim.points()) {
                    problems.add(block.where() + ": " + id + " added " + points + " points, the page says " + claim.points());
                }
                Qualification doesNotFire = qualifier.qualify(claim.doesNotFire());
                if (doesNotFire.hasReason(id)) {
                    problems.add(block.where() + ": " + id + " fired for " + claim.doesNotFire().id()
                            + ", which it must not");
                }
            }
        }
        failIfAny("DRL blocks that do not build or do not decide what the page says", problems);
        if (claimsChecked < RULE_CLAIMS.size()) {
            fail("only " + claimsChecked + " of the example rules " + RULE_CLAIMS.keySet()
                    + " were found in a ```drl block; a page lost its example or its id changed");
        }
    }

    @Test
    void aBlockWithoutALanguageHoldsNeitherJavaNorDrl() {
        Pattern code = Pattern.compile("(?m)^\\s*(rule\\s+\"|package\\s+[\\w.]+;|import\\s+[\\w.]+;|(public\\s+)?class\\s+\\w+)");
        List<String> problems = new ArrayList<>();
        for (Block block : Markdown.allBlocks()) {
            if (block.language().isEmpty() && code.matcher(block.text()).find()) {
                problems.add(block.where() + ": holds Java or DRL but has no language; open it with ```java or ```drl "
                        + "so that it is compiled (or ```drl fragment: why / ```drl excerpt: file)");
            }
        }
        failIfAny("Code blocks that escape compilation", problems);
    }

    @Test
    void aFragmentSaysWhyAndAnExcerptIsInItsFile() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Block block : Markdown.allBlocks()) {
            String lang = block.language();
            if (!lang.equals("java") && !lang.equals("drl")) {
                continue;
            }
            String marker = block.marker();
            if (marker.isEmpty()) {
                continue;
            }
            if (marker.startsWith("fragment")) {
                if (marker.replaceFirst("^fragment:?", "").isBlank()) {
                    problems.add(block.where() + ": a fragment needs a reason (```" + lang + " fragment: why it cannot be complete)");
                }
            } else if (marker.startsWith("excerpt:")) {
                Path source = block.file().getParent().resolve(marker.substring("excerpt:".length()).strip()).normalize();
                if (!Files.isRegularFile(source)) {
                    problems.add(block.where() + ": excerpt of " + source + ", which does not exist");
                } else if (!containsTogether(Files.readAllLines(source, StandardCharsets.UTF_8), block.lines())) {
                    problems.add(block.where() + ": is not, line for line, in " + Markdown.ROOT.relativize(source));
                }
            } else {
                problems.add(block.where() + ": unknown marker '" + marker + "' (use fragment: why, or excerpt: path)");
            }
        }
        failIfAny("Fragments without a reason and excerpts that drifted from their file", problems);
    }

    // ------------------------------------------------------------------ helpers

    private static List<Block> blocks(String language) {
        return Markdown.allBlocks().stream()
                .filter(b -> b.language().equals(language) && b.marker().isEmpty())
                .toList();
    }

    private static String sourceName(Block block) {
        return block.where().replace(':', '@') + ".drl";
    }

    /** Compiles every block together; returns the compiled blocks by class name. */
    private static Map<String, Block> compile(List<Block> blocks, Path classes, List<String> problems) throws IOException {
        Map<String, Block> byClass = new LinkedHashMap<>();
        Map<URI, Block> bySource = new HashMap<>();
        List<JavaFileObject> sources = new ArrayList<>();
        for (Block block : blocks) {
            Matcher pkg = PACKAGE.matcher(block.text());
            Matcher type = TOP_LEVEL_TYPE.matcher(block.text());
            if (!pkg.find() || !type.find()) {
                problems.add(block.where() + ": not a complete Java file: it needs a package declaration, its imports "
                        + "and a class (or mark it ```java fragment: why)");
                continue;
            }
            String className = pkg.group(1) + "." + type.group(1);
            Block clash = byClass.put(className, block);
            if (clash != null) {
                problems.add(block.where() + ": declares " + className + ", which " + clash.where() + " declares too");
                continue;
            }
            JavaFileObject source = new SimpleJavaFileObject(
                    URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return block.text();
                }
            };
            sources.add(source);
            bySource.put(source.toUri(), block);
        }
        if (sources.isEmpty()) {
            return byClass;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = compiler.getTask(null, files, diagnostics,
                    List.of("-proc:none", "-Xlint:none", "-classpath", classPath, "-d", classes.toString()),
                    null, sources).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                Block block = d.getSource() == null ? null : bySource.get(d.getSource().toUri());
                String where = block == null ? "(no file)"
                        : block.where() + " (at Markdown line " + block.markdownLine(d.getLineNumber()) + ")";
                problems.add(where + ": " + d.getMessage(Locale.ROOT));
            }
            if (!ok && problems.isEmpty()) {
                problems.add("the compiler failed without an error message");
            }
        }
        return byClass;
    }

    private static Optional<Method> mainOf(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) ? Optional.of(main) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static String runCapturingOut(Method main, Block block, List<String> problems) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.invoke(null, (Object) new String[0]);
        } catch (IllegalAccessException e) {
            problems.add(block.where() + ": main is not public");
        } catch (InvocationTargetException e) {
            problems.add(block.where() + ": main threw " + e.getCause());
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static boolean containsTogether(List<String> file, List<String> excerpt) {
        Function<String, String> norm = String::strip;
        List<String> haystack = file.stream().map(norm).toList();
        List<String> needle = excerpt.stream().map(norm).toList();
        return java.util.Collections.indexOfSubList(haystack, needle) >= 0;
    }

    private static void failIfAny(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(title + " (" + problems.size() + "):\n" + String.join("\n", problems));
        }
    }
}
