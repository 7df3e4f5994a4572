package org.borderid.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    /** A worker that detects concurrent use. */
    static final class Worker {
        final AtomicInteger users = new AtomicInteger();
    }

    @Test
    void neverSharesAWorkerAndNeverCreatesMoreThanItsSize() throws Exception {
        AtomicInteger created = new AtomicInteger(1);
        WorkerPool<Worker> pool = new WorkerPool<>(3, () -> {
            created.incrementAndGet();
            return new Worker();
        }, new Worker());
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        Set<Worker> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(threads.submit(() -> pool.apply(w -> {
                    boolean alone = w.users.incrementAndGet() == 1;
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    seen.add(w);
                    Thread.onSpinWait();
                    concurrent.decrementAndGet();
                    w.users.decrementAndGet();
                    return alone;
                })));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).as("a worker was used by two tasks at once").isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(created.get()).isLessThanOrEqualTo(3);
        assertThat(seen.size()).isLessThanOrEqualTo(3);
        assertThat(maxConcurrent.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void refusesTasksOnceClosed() {
        WorkerPool<Worker> pool = new WorkerPool<>(1, Worker::new, new Worker());
        assertThat(pool.<Integer>apply(w -> 7)).isEqualTo(7);
        pool.close();
        assertThatThrownBy(() -> pool.apply(w -> 7)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releasesThePermitWhenTheTaskOrTheFactoryFails() {
        AtomicInteger calls = new AtomicInteger();
        WorkerPool<Worker> pool = new WorkerPool<>(1, () -> {
            throw new IllegalStateException("factory fails");
        }, new Worker());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> pool.apply(w -> {
                calls.incrementAndGet();
                throw new IllegalArgumentException("task fails");
            })).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(calls.get()).isEqualTo(3); // the single permit came back each time, the first worker is reused
    }
}
