package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.ToIntFunction;

/**
 * A right factor packed once ({@code PackedGemm.packAll}, {@code FloatPackedGemm.packAll}), in one array
 * ({@code double[]} or {@code float[]}): block {@code b} of the shared dimension from {@code start + b·blockSize},
 * where {@code start} is the array's first cache line ({@link CacheLines}; blocks are whole lines). The collector may
 * move the array and so lose that; {@link #lock} moves the values back onto a line first.
 *
 * <p>The cat workload's full-batch iteration (its X and Xᵀ are such factors), one thread, took 0.81–0.94 of the time
 * with this and the per-thread buffers' panels on a line than with neither (six pairs one after the other,
 * 2026-12-01); in float32 0.66–0.95 (four pairs).
 */
final class PackedPanels {

    /** The panels' values, after up to a line of spare values: a {@code double[]} or a {@code float[]}. */
    final Object values;
    /** The values of a whole block of the shared dimension. */
    final int blockSize;
    private final int length;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Where the array's first cache line is now ({@link CacheLines#start}). */
    private final ToIntFunction<Object> line;
    /**
     * Where block 0 starts; changed only under the write lock. Volatile, so that a thread given these panels without
     * a lock in between (an unsafely published factor) still sees the start they were packed from.
     */
    private volatile int start;

    /**
     * @param values    the array, with a cache line of spare values beyond {@code length}
     * @param blockSize the values of a whole block
     * @param length    the values of all blocks
     */
    PackedPanels(Object values, int blockSize, int length) {
        this(values, blockSize, length, CacheLines::start);
    }

    /** {@link #PackedPanels(Object, int, int)} with another lookup of the first cache line (for tests). */
    PackedPanels(Object values, int blockSize, int length, ToIntFunction<Object> line) {
        this.values = values;
        this.blockSize = blockSize;
        this.length = length;
        this.line = line;
        this.start = line.applyAsInt(values);
    }

    /**
     * @param k     B's rows (the shared dimension)
     * @param n     B's columns
     * @param width B's columns rounded up to whole tiles
     * @param slack the spare values the array will hold as well
     * @return the values of B's panels, {@code k · width}
     * @throws Nndl4jException if they and the slack do not fit in one array
     */
    static int size(int k, int n, int width, int slack) {
        long size = (long) width * k;
        if (size > Integer.MAX_VALUE - 2L * slack) {
            throw new Nndl4jException("pack: B (" + k + ", " + n + ") has too many values to pack in one array: "
                    + size + " with its tiles' padding");
        }
        return (int) size;
    }

    /** @return where block 0 is to be packed, before the panels are shared */
    int packingStart() {
        return start;
    }

    /**
     * Takes the read lock, after moving the values onto a cache line if the collector has moved the array off it
     * (under the write lock: products running on them meanwhile finish first). The caller must {@link #unlock}.
     *
     * @return where block 0 starts, until {@link #unlock}
     */
    int lock() {
        if (line.applyAsInt(values) != start) {
            lock.writeLock().lock();
            try {
                int now = line.applyAsInt(values);
                if (now != start) {
                    System.arraycopy(values, start, values, now, length);
                    start = now;
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
        lock.readLock().lock();
        return start;
    }

    /** Releases {@link #lock}'s read lock. */
    void unlock() {
        lock.readLock().unlock();
    }
}
