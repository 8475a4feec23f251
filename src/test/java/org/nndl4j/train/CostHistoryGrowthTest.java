package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;

/**
 * The first reproductions: the cost history grows as it is recorded, so neither a huge iteration count nor a
 * huge recording interval allocates (or overflows) anything up front.
 */
class CostHistoryGrowthTest {

    private static final LabeledData DATA = smallData();

    /** Thrown by a listener to stop a training that would otherwise run for 2^31 iterations. */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int iteration;

        Enough(int iteration) {
            super("enough after iteration " + iteration);
            this.iteration = iteration;
        }
    }

    private static LabeledData smallData() {
        NumpyRandom random = new NumpyRandom(1);
        Matrix X = random.randn(3, 8);
        Matrix Y = X.sum(0).greaterThan(0);
        return LabeledData.of(X, Y);
    }

    @Test
    void recordEveryIntegerMax_trainsAndRecordsOnlyIterationZero() {
        TrainingResult r = DeepModels.lLayerModel(DATA, new int[] {3, 4, 1},
                TrainingConfig.of(10, 0.05).withRecordEvery(Integer.MAX_VALUE));
        assertEquals(10, r.iterations());
        assertEquals(1, r.costs().size());
        assertTrue(Double.isFinite(r.costs().cost(0)));
        // the recorded cost is iteration 0's: the same as a run that records every iteration
        TrainingResult every = DeepModels.lLayerModel(DATA, new int[] {3, 4, 1}, TrainingConfig.of(10, 0.05).withRecordEvery(1));
        assertEquals(every.costs().cost(0), r.costs().cost(0), 0.0);
        assertArrayEquals(every.network().W(1).toRowMajor(), r.network().W(1).toRowMajor(), 0.0);
    }

    @Test
    void integerMaxIterations_allocateNothingUpFront_theListenersExceptionComesOut() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        // same thread (not preemptive), so that the thread's allocation counter sees the training
        Enough e = assertTimeout(Duration.ofSeconds(10), () -> assertThrows(Enough.class,
                () -> DeepModels.lLayerModel(DATA, new int[] {3, 4, 1}, CourseInitialization.APPLICATION,
                        TrainingConfig.of(Integer.MAX_VALUE, 0.05).withRecordEvery(1), progress -> {
                            if (progress.iteration() == 5) {
                                throw new Enough(progress.iteration());
                            }
                        })));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(5, e.iteration);
        // 2^31 recorded costs would be 16 GB (32 GB with the learning rates); six iterations of a tiny net need kilobytes
        assertTrue(allocated < 20_000_000L, "allocated " + allocated + " bytes for six iterations");
    }

    @Test
    void integerMaxIterations_withTheCourseInterval_doNotOverflow() {
        Enough e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(Enough.class,
                () -> DeepModels.lLayerModel(DATA, new int[] {3, 4, 1}, CourseInitialization.APPLICATION,
                        TrainingConfig.of(Integer.MAX_VALUE, 0.05), progress -> {
                            if (progress.iteration() == 300) {
                                throw new Enough(progress.iteration());
                            }
                        })));
        assertEquals(300, e.iteration);
    }
}
