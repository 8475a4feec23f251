package org.nndl4j.matrix;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The worker threads {@link Gemm} splits large products over. A product holds the pool it started with until it
 * ends; a replaced ("retired") pool is stopped only once no product uses it, so changing the thread count never
 * makes a running product fail. The pool's bookkeeping is guarded by {@code GemmPool.class}.
 *
 * <p>Each helper is a daemon thread that waits for a share by spinning for {@value #SPIN_NANOS} ns, then parks;
 * the caller waits for the helpers' shares the same way. A training hands its helpers one product or pass after
 * another with little serial work between them (the tall workload's panels: about 350 a step, 0.1–1.3 ms each), and
 * a parked thread took about 85 µs to wake on this machine: with {@code ForkJoinPool}, which this replaces, shares
 * of 100 µs took 185 µs a round, and take 107 µs now.
 *
 * <p>One product at a time has the helpers: a product started while they are busy (from another thread, or from
 * inside a share) runs all its shares on its own thread, one after another. Every element is computed by one share
 * in the same order either way, so results do not change.
 */
final class GemmPool {

    /** How long a helper waiting for a share, or a caller waiting for the helpers, spins before it parks. */
    static final long SPIN_NANOS = 200_000L;
    /** A parked caller looks again at least this often (a wake-up lost to a race costs no more). */
    private static final long PARK_NANOS = 100_000L;

    /** The pool products submit to; replaced when too small or when the default changes. */
    private static GemmPool current;

    private final Helper[] helpers;
    /** A product has the helpers. */
    private final AtomicBoolean busy = new AtomicBoolean();
    /** How many running products use this pool. */
    private int users;
    private boolean retired;

    private GemmPool(int parallelism) {
        helpers = new Helper[parallelism];
        for (int h = 0; h < parallelism; h++) {
            helpers[h] = new Helper(h + 1);
        }
    }

    /**
     * Runs {@code share.accept(s)} for {@code s = 0 .. t-1}, share 0 on the calling thread and the others on helper
     * threads (or all on the calling thread while the helpers are busy), and returns once all have ended,
     * rethrowing the first failure.
     */
    static void run(int t, IntConsumer share) {
        GemmPool w = acquire(t - 1);
        try {
            if (!w.busy.compareAndSet(false, true)) {
                for (int s = 0; s < t; s++) {
                    share.accept(s);
                }
                return;
            }
            try {
                w.runShared(t, share);
            } finally {
                w.busy.set(false);
            }
        } finally {
            release(w);
        }
    }

    private void runShared(int t, IntConsumer share) {
        for (int s = 1; s < t; s++) {
            helpers[s - 1].start(share, s);
        }
        Throwable failure = null;
        try {
            share.accept(0);
        } catch (Throwable e) {
            failure = e;
        }
        // the output is complete (or the product failed) only once every share has ended
        for (int s = 1; s < t; s++) {
            Throwable e = helpers[s - 1].await();
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw GemmPool.<RuntimeException>rethrow(failure);
        }
    }

    /** Throws {@code failure} as it is, checked or not (a share can only throw a checked exception by stealth). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable failure) throws T {
        throw (T) failure;
    }

    /** Called when the default thread count changes to {@code n}: a pool of another size is retired. */
    static synchronized void threadsChanged(int n) {
        if (current != null && current.helpers.length != n - 1) {
            // threads a smaller count no longer needs are freed once the products using them end
            retire(current);
            current = null;
        }
    }

    /** The pool, with at least {@code helpers} helpers, marked as used by one more product. */
    private static synchronized GemmPool acquire(int helpers) {
        if (current == null || current.helpers.length < helpers) {
            if (current != null) {
                retire(current);
            }
            current = new GemmPool(helpers);
        }
        current.users++;
        return current;
    }

    /** Marks one product using {@code w} as ended; stops {@code w}'s helpers if it was replaced and is now idle. */
    private static synchronized void release(GemmPool w) {
        w.users--;
        if (w.retired && w.users == 0) {
            w.stop();
        }
    }

    private static void retire(GemmPool w) {
        w.retired = true;
        if (w.users == 0) {
            w.stop();
        }
    }

    private void stop() {
        for (Helper h : helpers) {
            h.stop();
        }
    }

    /** Whether no pool is running: every replaced pool stopped and the current one idle (for tests). */
    static synchronized boolean idle() {
        return current == null || current.users == 0;
    }

    /** One helper thread: runs one share at a time, handed over through volatile fields. */
    private static final class Helper implements Runnable {
        private final Thread thread;
        /** The share to run; set last by {@link #start}, cleared by the helper when it takes it. */
        private volatile IntConsumer task;
        private volatile int index;
        private volatile boolean done = true;
        private volatile Throwable failure;
        /** The caller parked in {@link #await}, to wake when the share ends. */
        private volatile Thread waiter;
        private volatile boolean stopped;

        Helper(int number) {
            thread = new Thread(this, "nndl4j-gemm-" + number);
            thread.setDaemon(true);
            thread.start();
        }

        void start(IntConsumer share, int s) {
            failure = null;
            index = s;
            done = false;
            task = share;
            LockSupport.unpark(thread);
        }

        /** Waits for the share to end; returns its failure, or null. */
        Throwable await() {
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    waiter = Thread.currentThread();
                    if (!done) {
                        LockSupport.parkNanos(this, PARK_NANOS);
                    }
                    waiter = null;
                }
            }
            return failure;
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (!stopped) {
                IntConsumer share = task;
                if (share == null) {
                    long start = System.nanoTime();
                    while ((share = task) == null && !stopped && System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                    }
                    if (share == null) {
                        LockSupport.park(this);
                        continue;
                    }
                }
                task = null;
                try {
                    share.accept(index);
                } catch (Throwable e) {
                    // whatever a share throws, the helper lives on and the caller learns it ended
                    failure = e;
                }
                done = true;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }
}
