package io.github.leadrules.architecture.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the project's Markdown files, with where they start, so that a failing
 * check can name the file and line a reader sees.
 */
final class Markdown {

    /** The repository root: the working directory of a module's tests is the module folder. */
    static final Path ROOT = findRoot();

    private Markdown() {
    }

    /**
     * One fenced block.
     *
     * @param file the Markdown file
     * @param line the line of the opening fence (1-based)
     * @param info the text after the opening fence ({@code java}, {@code drl fragment: why}, or empty)
     * @param text the lines between the fences
     */
    record Block(Path file, int line, String info, String text) {

        /** The first word of the info string: {@code java}, {@code drl}, {@code bash} … or empty. */
        String language() {
            String s = info.strip();
            int space = s.indexOf(' ');
            return space < 0 ? s : s.substring(0, space);
        }

        /** What follows the language in the info string ({@code fragment: why}). */
        String marker() {
            String s = info.strip();
            int space = s.indexOf(' ');
            return space < 0 ? "" : s.substring(space + 1).strip();
        }

        /** {@code README.md:93}: the file, relative to the root, and the line of the opening fence. */
        String where() {
            return ROOT.relativize(file).toString().replace('\\', '/') + ":" + line;
        }

        /** The Markdown line of the block's n-th line (1-based). */
        int markdownLine(long n) {
            return line + (int) n;
        }

        List<String> lines() {
            return text.lines().toList();
        }
    }

    /**
     * The documents whose code must compile: the root README, every page under {@code docs/} and
     * every module's README.
     */
    static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"));
             Stream<Path> modules = Files.list(ROOT)) {
            pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            modules.filter(p -> p.getFileName().toString().startsWith("lead-rules-"))
                    .map(p -> p.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** Every fenced block of every document, in order. */
    static List<Block> allBlocks() {
        List<Block> blocks = new ArrayList<>();
        for (Path doc : documents()) {
            blocks.addAll(blocks(doc));
        }
        return blocks;
    }

    static List<Block> blocks(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        int start = -1;
        String info = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (start < 0) {
                if (line.startsWith("```")) {
                    start = i + 1;
                    info = line.substring(3);
                    text.setLength(0);
                }
            } else if (line.strip().equals("```")) {
                blocks.add(new Block(file, start, info, text.toString()));
                start = -1;
            } else {
                text.append(line).append('\n');
            }
        }
        if (start >= 0) {
            throw new AssertionError(ROOT.relativize(file) + ":" + start + ": a code block that is never closed");
        }
        return blocks;
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("lead-rules-core")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no lead-rules checkout above " + Path.of("").toAbsolutePath());
    }
}
