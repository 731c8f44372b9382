package io.github.leadrules.cli;

import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.cli.columns.Values;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The recent-leads file of {@code --recent-leads}: leads that came in before this file, for
 * EXC-DUPLICATE. Any CSV with an {@code email} and a {@code submitted_at} column will do, so a
 * previous export in the lead-rules layout can be passed as it is; other columns are ignored.
 *
 * <pre>
 * email,submitted_at
 * taro.sato@sample-kogyo.example,2026-11-10T09:30Z
 * emily.smith@acme.example,2026-11-02
 * </pre>
 *
 * <p>Times are read like the input's (a date alone is its start in {@code --zone}). A row with a
 * blank e-mail is skipped: nothing can match it. A malformed e-mail or time is an error naming the
 * line and column (never the address).
 */
final class RecentLeadsFile {

    /** The documented columns. */
    static final List<String> COLUMNS = List.of("email", "submitted_at");

    private RecentLeadsFile() {
    }

    /** Adds every recent lead to {@code into}; returns how many rows were added. */
    static int load(Path file, ZoneId zone, InMemoryAccountDirectory.Builder into) throws IOException, UsageProblem {
        CsvDataFile data = CsvDataFile.read(file, "recent-leads file", COLUMNS);
        int added = 0;
        for (CsvDataFile.Row row : data.rows()) {
            String email = row.cell("email");
            if (email.isEmpty()) {
                continue;
            }
            Instant at;
            try {
                at = Values.instant(row.cell("submitted_at"), zone);
            } catch (Values.BadValue e) {
                data.problem(row, "submitted_at", "not a time; write 2026-11-20T10:00Z, 2026-11-20T19:00+09:00 or 2026-11-20");
                continue;
            }
            if (at == null) {
                data.problem(row, "submitted_at", "blank; when did the lead come in?");
                continue;
            }
            try {
                into.recentLead(email, at);
                added++;
            } catch (IllegalArgumentException e) {
                data.problem(row, "email", "not an e-mail address");
            }
        }
        data.finish();
        return added;
    }
}
