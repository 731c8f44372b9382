package io.github.leadrules.fuzz;

import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Runs the seeds in {@code src/test/resources/known-failing/TARGET/} through a target's checks:
 * inputs that break an invariant today and are waiting for a fix. They run only on request
 * ({@code -Dfuzz.knownFailing=true}), each on its own thread with a time limit, so that a hang is
 * reported as one failed seed instead of stopping the run.
 */
public final class KnownFailing {

    /** How long one seed may run before it is reported as a hang. */
    public static final Duration LIMIT = Duration.ofSeconds(60);

    /** The system property that turns the known-failing seeds on. */
    public static final String PROPERTY = "fuzz.knownFailing";

    /** A target's checks for one input. */
    @FunctionalInterface
    public interface Check {
        void run(byte[] input) throws Exception;
    }

    private KnownFailing() {
    }

    /** One test per seed file of {@code known-failing/TARGET/} (README files excluded). */
    public static Stream<DynamicTest> seeds(String target, Check check) {
        URL dir = KnownFailing.class.getResource("/known-failing/" + target);
        if (dir == null) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("README"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] input = Files.readAllBytes(file);
            assertTimeoutPreemptively(LIMIT, () -> {
                check.run(input);
                return null;
            }, () -> file.getFileName() + " still runs after " + LIMIT.toSeconds() + " s");
        }));
    }
}
