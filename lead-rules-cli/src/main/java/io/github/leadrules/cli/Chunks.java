package io.github.leadrules.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one pass {@code qualify}, {@code diff} and {@code backtest} make over their input: rows are
 * read on the calling thread in chunks, each chunk is decided on a worker thread, and the results
 * come back on the calling thread in input order. At most workers + 2 chunks are in memory at once,
 * whatever the size of the input: one being decided per worker, one waiting for the first worker to
 * finish, and one being read. The waiting chunk keeps a worker that finishes early busy while the
 * oldest chunk, which must be delivered first, is still being decided (a slow chunk, a collection or
 * the machine's other work), and while the calling thread reads. More waiting chunks would keep the
 * workers no busier: at {@code -Xmx256m}, six of them made each young collection promote their rows
 * and cost more CPU in collections than the idle workers had lost.
 */
final class Chunks {

    /** The next item read, or null at the end. */
    @FunctionalInterface
    interface Source<T> {
        T next() throws IOException, UsageProblem;
    }

    /** Decides one chunk; runs on a worker thread. An {@link IOException} is rethrown to the caller of {@link #run}. */
    @FunctionalInterface
    interface Decide<T, R> {
        R decide(List<T> items) throws IOException;
    }

    /** Takes one decided chunk; runs on the calling thread, chunk after chunk in input order. */
    @FunctionalInterface
    interface Deliver<T, R> {
        void accept(List<T> items, R decided) throws IOException, UsageProblem;
    }

    private record InFlight<T, R>(List<T> items, Future<R> decided) {
    }

    private Chunks() {
    }

    /**
     * Reads everything from {@code source}, {@code chunk} items at a time, decides each chunk with
     * {@code decide} on one of {@code workers} threads and hands it to {@code deliver} in input order.
     * An error on a worker (an {@link OutOfMemoryError} included) is rethrown here as it was.
     */
    static <T, R> void run(Source<T> source, int chunk, int workers, String threadName, Decide<T, R> decide,
                           Deliver<T, R> deliver) throws IOException, UsageProblem {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<InFlight<T, R>> inFlight = new ArrayDeque<>();
            int window = workers + 2;
            boolean more = true;
            while (more) {
                List<T> items = new ArrayList<>(chunk);
                T item;
                while (items.size() < chunk && (item = source.next()) != null) {
                    items.add(item);
                }
                more = items.size() == chunk;
                if (!items.isEmpty()) {
                    inFlight.add(new InFlight<>(items, pool.submit(() -> decide.decide(items))));
                }
                // Deliver what is decided at the front; wait only when the window is full or the input is read.
                while (!inFlight.isEmpty() && (inFlight.size() >= window || !more || inFlight.peek().decided().isDone())) {
                    InFlight<T, R> done = inFlight.poll();
                    deliver.accept(done.items(), await(done.decided()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> decided) throws IOException {
        try {
            return decided.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deciding");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("deciding a chunk failed", cause);
        }
    }

    /** The worker count: {@code threads}, or one per processor when 0. */
    static int workers(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
