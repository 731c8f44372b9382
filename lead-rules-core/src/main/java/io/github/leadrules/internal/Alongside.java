package io.github.leadrules.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work done on a short-lived daemon thread while the caller does something else, e.g. the default
 * policy's 135 000 shipped domains loading while the rules compile. {@link #get()} waits for the
 * result and rethrows what the work threw; the thread ends when the work does, so nothing is left
 * running, and a JVM never waits for it.
 *
 * @param <T> the result
 */
public final class Alongside<T> implements Supplier<T> {

    private final FutureTask<T> task;

    private Alongside(FutureTask<T> task) {
        this.task = task;
    }

    /**
     * Starts the work on a new daemon thread.
     *
     * @param threadName the thread's name, as thread dumps show it
     * @param work the work
     * @param <T> the result
     * @return the handle to {@link #get()} the result from
     */
    public static <T> Alongside<T> start(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return new Alongside<>(task);
    }

    /**
     * Waits for the work (an interrupt is kept for the caller, not lost) and returns its result.
     *
     * @return the result
     * @throws RuntimeException or {@link Error}: what the work threw
     */
    @Override
    public T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
