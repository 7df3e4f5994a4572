package org.borderid.server.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs biometric work (decoding, detection, extraction, matching, gallery searches) on a fixed set of worker threads
 * with a bounded queue, so that overload is answered quickly with 503 instead of piling up requests until they all
 * time out. HTTP threads only wait here; the engines never run on more threads than there are workers.
 *
 * <p>Sizing: one worker per core keeps the CPU-bound engines busy without oversubscription (the face engine and the
 * fingerprint extractor are single-threaded per call); the queue absorbs bursts of a few requests per worker. A task
 * that does not finish within the deadline is answered with {@code TIMEOUT}; it is interrupted, though native code
 * runs to completion and only then frees its worker.
 */
public final class WorkQueue implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final Duration deadline;

    /**
     * @param workers  worker threads (1..256)
     * @param queue    tasks waiting beyond the running ones (0..10,000)
     * @param deadline longest a request waits for its task, queueing included
     */
    public WorkQueue(int workers, int queue, Duration deadline, MeterRegistry registry) {
        if (workers < 1 || workers > 256 || queue < 0 || queue > 10_000) {
            throw new IllegalArgumentException("workers 1..256 and queue 0..10000: " + workers + ", " + queue);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "borderid-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.deadline = deadline;
        Gauge.builder("borderid.workers.queued", executor, e -> e.getQueue().size())
                .description("Biometric tasks waiting for a worker").register(registry);
        Gauge.builder("borderid.workers.active", executor, ThreadPoolExecutor::getActiveCount)
                .description("Biometric tasks running").register(registry);
    }

    /**
     * Runs a task on a worker and returns its result; its exceptions propagate unchanged.
     *
     * @throws ServiceUnavailableException {@code OVERLOADED} if the queue is full, {@code TIMEOUT} past the deadline
     */
    public <T> T call(Callable<T> task) {
        Future<T> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException e) {
            throw new ServiceUnavailableException(ServiceUnavailableException.Reason.OVERLOADED,
                    "All " + executor.getMaximumPoolSize() + " workers are busy and the queue is full; retry shortly.");
        }
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ServiceUnavailableException(ServiceUnavailableException.Reason.TIMEOUT,
                    "The request did not finish within " + deadline.toMillis() + " ms.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(ServiceUnavailableException.Reason.TIMEOUT,
                    "The request was interrupted.");
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

    /** Worker threads. */
    public int workers() {
        return executor.getMaximumPoolSize();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
