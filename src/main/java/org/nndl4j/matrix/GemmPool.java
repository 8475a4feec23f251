package org.nndl4j.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * The worker threads {@link Gemm} splits large products over. A product holds the pool it started with until it
 * ends; a replaced ("retired") pool is shut down only once no product uses it, so changing the thread count never
 * makes a running product's submission fail. All state is guarded by {@code GemmPool.class}.
 */
final class GemmPool {

    /** The pool products submit to; replaced when too small or when the default changes. */
    private static GemmPool current;

    private final ForkJoinPool pool;
    private final int parallelism;
    /** How many running products use this pool. */
    private int users;
    private boolean retired;

    private GemmPool(int parallelism) {
        this.pool = new ForkJoinPool(parallelism);
        this.parallelism = parallelism;
    }

    /**
     * Runs {@code share.accept(s)} for {@code s = 0 .. t-1}, share 0 on the calling thread and the others on pool
     * threads, and returns once all have ended (rethrowing the first failure).
     */
    static void run(int t, IntConsumer share) {
        GemmPool w = acquire(t - 1);
        try {
            List<ForkJoinTask<?>> others = new ArrayList<>(t - 1);
            try {
                for (int s = 1; s < t; s++) {
                    int index = s;
                    others.add(w.pool.submit(() -> share.accept(index)));
                }
                share.accept(0);
            } finally {
                // the output is complete (or the product failed) only once every share has ended
                for (ForkJoinTask<?> task : others) {
                    task.join();
                }
            }
        } finally {
            release(w);
        }
    }

    /** Called when the default thread count changes to {@code n}: a pool of another size is retired. */
    static synchronized void threadsChanged(int n) {
        if (current != null && current.parallelism != n - 1) {
            // threads a smaller count no longer needs are freed once the products using them end
            retire(current);
            current = null;
        }
    }

    /** The pool, with at least {@code helpers} workers, marked as used by one more product. */
    private static synchronized GemmPool acquire(int helpers) {
        if (current == null || current.parallelism < helpers) {
            if (current != null) {
                retire(current);
            }
            current = new GemmPool(helpers);
        }
        current.users++;
        return current;
    }

    /** Marks one product using {@code w} as ended; shuts {@code w} down if it was replaced and is now idle. */
    private static synchronized void release(GemmPool w) {
        w.users--;
        if (w.retired && w.users == 0) {
            w.pool.shutdown();
        }
    }

    private static void retire(GemmPool w) {
        w.retired = true;
        if (w.users == 0) {
            w.pool.shutdown();
        }
    }

    /** Whether no pool is running: every replaced pool shut down and the current one idle (for tests). */
    static synchronized boolean idle() {
        return current == null || current.users == 0;
    }
}
