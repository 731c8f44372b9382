package io.github.leadrules.cli.io;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision columns keep what repeats from row to row, and no more than that: however many
 * distinct teams, deadlines and reasons a run meets, what is kept stays bounded. (That what is kept
 * is written as the text layout writes it is {@link Utf8CsvLayoutTest}'s.)
 */
class DecisionColumnsTest {

    private static final String FINGERPRINT = "sha256:0f3c";

    @Test
    void aValueSeenOnEveryRowIsKeptOnce() throws CharacterCodingException {
        DecisionColumns columns = new DecisionColumns(',', true);
        for (int i = 0; i < 1000; i++) {
            append(columns, decision("inside-sales", Instant.parse("2026-11-29T00:00:00Z"),
                    new Reason("URG-DEMO", Stage.URGENCY, "Demo requested")));
        }
        // the team, the fingerprint, the deadline, the reason
        assertThat(columns.kept()).isEqualTo(4);
    }

    @Test
    void noMoreThanTheLimitOfTextsDeadlinesAndReasonsIsKept() throws CharacterCodingException {
        DecisionColumns columns = new DecisionColumns(',', true);
        for (int i = 0; i < DecisionColumns.MAX_KEPT + 2; i++) {
            append(columns, decision("team-" + i, Instant.ofEpochSecond(1_700_000_000L + i),
                    new Reason("HOST-" + i, Stage.URGENCY, "a host rule")));
        }
        assertThat(columns.kept()).isEqualTo(3 * DecisionColumns.MAX_KEPT);
    }

    @Test
    void aReasonUpToTheLongestKeptIsKeptAndALongerOneIsNot() throws CharacterCodingException {
        DecisionColumns columns = new DecisionColumns(',', true);
        for (int length = DecisionColumns.MAX_KEPT_CHARS - 1; length <= DecisionColumns.MAX_KEPT_CHARS + 1; length++) {
            append(columns, decision(null, null, new Reason("URG-" + length, Stage.URGENCY, "x".repeat(length - 7))));
        }
        // the fingerprint and two of the three reasons
        assertThat(columns.kept()).isEqualTo(1 + 2);
    }

    @Test
    void oneRulesMessagesAreKeptUpToTheLimitOfMessagesPerRule() throws CharacterCodingException {
        DecisionColumns columns = new DecisionColumns(',', true);
        for (int i = 0; i < DecisionColumns.MAX_MESSAGES_PER_RULE + 2; i++) {
            append(columns, decision(null, null,
                    new Reason("EXC-FREEMAIL", Stage.EXCLUSION, "Free-mail address (mail" + i + ".example) and no company name")));
        }
        assertThat(columns.kept()).isEqualTo(1 + DecisionColumns.MAX_MESSAGES_PER_RULE);
    }

    private static void append(DecisionColumns columns, Qualification q) throws CharacterCodingException {
        Utf8Buffer out = new Utf8Buffer(1024);
        columns.append(out, 2, q, null);
    }

    private static Qualification decision(String team, Instant deadline, Reason reason) {
        return new Qualification("L-1", Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN,
                new Route(Destination.INSIDE_SALES, team, null, null, deadline), List.of(reason), List.of(), FINGERPRINT);
    }
}
