package io.github.leadrules.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every file a run reads, by the option that names it, so that no output may overwrite one of them. */
final class InputFiles {

    private final Map<String, List<Path>> files = new LinkedHashMap<>();

    private InputFiles() {
    }

    /** The lead input and its column map. */
    static InputFiles of(String input, LeadInputOptions inputOptions) {
        InputFiles in = new InputFiles();
        in.files.put("INPUT", List.of(Path.of(input)));
        in.add("--map", inputOptions.map);
        return in;
    }

    /** A rule set's policy file and rule files, under the names of the options that gave them. */
    InputFiles ruleSet(String policyOption, Path policy, String rulesOption, List<Path> rules) {
        add(policyOption, policy);
        files.put(rulesOption, List.copyOf(rules));
        return this;
    }

    /** The accounts and recent-leads files. */
    InputFiles accounts(AccountOptions accountOptions) {
        add("--accounts", accountOptions.accounts);
        add("--recent-leads", accountOptions.recentLeads);
        return this;
    }

    Map<String, List<Path>> byOption() {
        return files;
    }

    private void add(String option, Path file) {
        files.put(option, file == null ? List.of() : List.of(file));
    }
}
