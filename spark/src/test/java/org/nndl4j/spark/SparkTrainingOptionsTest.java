package org.nndl4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;

class SparkTrainingOptionsTest {

    @Test
    void defaults_refuseBadRows_noCheckpoints_depthTwo() {
        SparkTrainingOptions d = SparkTrainingOptions.defaults();
        assertEquals(BadRows.REFUSE, d.badRows());
        assertFalse(d.checkpointing());
        assertFalse(d.resume());
        assertEquals(2, d.aggregationDepth());
    }

    @Test
    void withers_changeOneThing() {
        SparkTrainingOptions o = SparkTrainingOptions.defaults().withBadRows(BadRows.SKIP)
                .withCheckpoints(Path.of("ckpt"), 25).resuming().withAggregationDepth(3);
        assertEquals(new SparkTrainingOptions(BadRows.SKIP, Path.of("ckpt"), 25, true, 3), o);
        assertTrue(o.checkpointing());
    }

    @Test
    void valuesOutOfRange_areRefusedWithTheValue() {
        assertEquals("SparkTrainingOptions: resume needs a checkpoint directory (withCheckpoints)",
                assertThrows(Nndl4jException.class, () -> SparkTrainingOptions.defaults().resuming()).getMessage());
        assertTrue(assertThrows(Nndl4jException.class, () -> SparkTrainingOptions.defaults()
                .withCheckpoints(Path.of("x"), 0)).getMessage().contains("checkpointEvery must be >= 1"));
        assertTrue(assertThrows(Nndl4jException.class, () -> SparkTrainingOptions.defaults()
                .withAggregationDepth(0)).getMessage().contains("aggregationDepth must be >= 1, got 0"));
        assertTrue(assertThrows(Nndl4jException.class, () -> SparkTrainingOptions.defaults().withBadRows(null))
                .getMessage().contains("badRows is null"));
        assertTrue(assertThrows(Nndl4jException.class, () -> SparkTrainingOptions.defaults()
                .withCheckpoints(null, 5)).getMessage().contains("directory is null"));
    }
}
