package org.borderid.face.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Engine-internal: a bounded pool of non-thread-safe workers. At most {@code size} tasks run at once, each with a
 * worker of its own; workers are created on demand up to {@code size} and reused. Further callers wait.
 *
 * @param <W> the worker type
 */
public final class WorkerPool<W> implements AutoCloseable {
    private final Supplier<W> factory;
    private final Semaphore permits;
    private final Deque<W> idle = new ArrayDeque<>();
    private volatile boolean closed;

    /**
     * @param size    most workers (and concurrent tasks), ≥ 1
     * @param factory creates a worker when all existing ones are busy
     * @param first   a worker created up front (so that start-up errors surface at once), reused first
     */
    public WorkerPool(int size, Supplier<W> factory, W first) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1: " + size);
        }
        this.factory = Objects.requireNonNull(factory, "factory");
        this.permits = new Semaphore(size, true);
        idle.push(Objects.requireNonNull(first, "first"));
    }

    /**
     * Runs a task with a worker of its own, waiting for one if all are busy.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public <R> R apply(Function<W, R> task) {
        ensureOpen();
        permits.acquireUninterruptibly();
        W worker;
        try {
            ensureOpen();
            worker = poll();
            if (worker == null) {
                worker = factory.get();
            }
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
        try {
            return task.apply(worker);
        } finally {
            offer(worker);
            permits.release();
        }
    }

    private synchronized W poll() {
        return idle.poll();
    }

    private synchronized void offer(W worker) {
        if (!closed) {
            idle.push(worker);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the face engine is closed");
        }
    }

    /** Refuses new tasks and drops the idle workers; running tasks finish and drop theirs. */
    @Override
    public synchronized void close() {
        closed = true;
        idle.clear();
    }
}
