package org.nndl4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The partitions' sums are added in one order whatever order they arrive in and however Spark groups them: the same
 * bits every time, equal to the pairwise sum over the partitions in their order.
 */
class PartialSumsTest {

    private static final int[] DIMS = {3, 2, 1};

    /** Partition p's sum: values of very different magnitudes, so that the order of the additions shows. */
    private static GradientSum partition(int p) {
        GradientSum s = GradientSum.zero(p, DIMS);
        Random random = new Random(p);
        s.examples = 10 + p;
        s.loss = Math.pow(10, random.nextInt(30) - 15) * (random.nextDouble() - 0.5);
        for (int l = 1; l < DIMS.length; l++) {
            for (double[] row : s.dW[l]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.pow(10, random.nextInt(30) - 15) * (random.nextDouble() - 0.5);
                }
            }
            for (int i = 0; i < s.db[l].length; i++) {
                s.db[l][i] = Math.pow(10, random.nextInt(30) - 15) * (random.nextDouble() - 0.5);
            }
        }
        return s;
    }

    /** The pairwise sum of partitions [from, from + size), size a power of two, in order. */
    private static double pairwiseLoss(int from, int size) {
        if (size == 1) {
            return partition(from).loss;
        }
        return pairwiseLoss(from, size / 2) + pairwiseLoss(from + size / 2, size / 2);
    }

    @Test
    void anyArrivalOrderAndGrouping_givesTheSameBits() {
        for (int partitions : new int[] {1, 2, 3, 5, 8, 13}) {
            GradientSum reference = null;
            for (int trial = 0; trial < 20; trial++) {
                List<Integer> order = new ArrayList<>();
                for (int p = 0; p < partitions; p++) {
                    order.add(p);
                }
                Random random = new Random(trial);
                Collections.shuffle(order, random);
                // as treeAggregate may: the partitions split into groups combined separately, then together
                List<PartialSums> groups = new ArrayList<>();
                for (int p : order) {
                    if (groups.isEmpty() || random.nextInt(3) == 0) {
                        groups.add(new PartialSums());
                    }
                    groups.get(groups.size() - 1).add(partition(p));
                }
                Collections.shuffle(groups, random);
                PartialSums all = new PartialSums();
                for (PartialSums g : groups) {
                    all.addAll(g);
                }
                GradientSum total = all.total(partitions);
                assertEquals(Integer.bitCount(partitions), all.size(), "the blocks of " + partitions);
                if (reference == null) {
                    reference = total;
                    continue;
                }
                assertEquals(reference.loss, total.loss, 0.0);
                assertEquals(reference.examples, total.examples);
                for (int l = 1; l < DIMS.length; l++) {
                    for (int i = 0; i < DIMS[l]; i++) {
                        assertArrayEquals(reference.dW[l][i], total.dW[l][i], 0.0);
                    }
                    assertArrayEquals(reference.db[l], total.db[l], 0.0);
                }
            }
        }
    }

    @Test
    void eightPartitions_isThePairwiseSum() {
        PartialSums sums = new PartialSums();
        for (int p : new int[] {5, 2, 7, 0, 3, 6, 1, 4}) {
            sums.add(partition(p));
        }
        assertEquals(pairwiseLoss(0, 8), sums.total(8).loss, 0.0);
        assertEquals(10 + 11 + 12 + 13 + 14 + 15 + 16 + 17, sums.total(8).examples);
    }

    @Test
    void aMissingOrRepeatedPartition_isAnError() {
        PartialSums missing = new PartialSums().add(partition(0)).add(partition(2));
        assertTrue(assertThrows(IllegalStateException.class, () -> missing.total(3)).getMessage()
                .contains("partitions from 1 missing"));
        PartialSums twice = new PartialSums().add(partition(1));
        assertThrows(IllegalStateException.class, () -> twice.add(partition(1)));
    }

    @Test
    void gradientsAndParameters_surviveSerialization() throws IOException, ClassNotFoundException {
        GradientSum s = partition(3);
        GradientSum back = (GradientSum) roundTrip(s);
        assertEquals(s.loss, back.loss, 0.0);
        assertEquals(s.first, back.first);
        for (int l = 1; l < DIMS.length; l++) {
            for (int i = 0; i < DIMS[l]; i++) {
                assertArrayEquals(s.dW[l][i], back.dW[l][i], 0.0);
            }
            assertArrayEquals(s.db[l], back.db[l], 0.0);
        }
        NetworkParameters p = new NetworkParameters(7, DIMS, new org.nndl4j.nn.Activation[] {null,
                org.nndl4j.nn.Activation.RELU, org.nndl4j.nn.Activation.SIGMOID}, s.dW, s.db);
        NetworkParameters q = (NetworkParameters) roundTrip(p);
        assertEquals(7, q.iteration);
        assertTrue(p.sameArchitecture(q));
        assertEquals(p.toNetwork(), q.toNetwork());
    }

    @Test
    void aBlock_survivesSerialization_andComputesTheSameGradients() throws IOException, ClassNotFoundException {
        // 3 features x 2 examples, feature-major: x1 = (1, 2, 3), x2 = (4, 5, 6); binary labels 1, 0
        ExampleBlock block = new ExampleBlock(4, 3, 1, 2, 1, new double[] {1, 4, 2, 5, 3, 6}, new double[] {1, 0});
        ExampleBlock back = (ExampleBlock) roundTrip(block);
        assertEquals(4, back.partition);
        assertEquals(2, back.m);
        assertEquals(1, back.skipped);
        double[][][] W = {null, {{0.1, -0.2, 0.3}, {0.05, 0.1, -0.1}}, {{0.7, -0.4}}};
        double[][] b = {null, {0.01, 0.02}, {-0.03}};
        NetworkParameters p = new NetworkParameters(0, DIMS, new org.nndl4j.nn.Activation[] {null,
                org.nndl4j.nn.Activation.RELU, org.nndl4j.nn.Activation.SIGMOID}, W, b);
        GradientSum a = block.gradients(p);
        GradientSum c = back.gradients(p);
        assertTrue(Double.isFinite(a.loss) && a.loss > 0, "a finite loss: " + a.loss);
        assertEquals(a.loss, c.loss, 0.0);
        assertEquals(2, c.examples);
        for (int l = 1; l < DIMS.length; l++) {
            for (int i = 0; i < DIMS[l]; i++) {
                assertArrayEquals(a.dW[l][i], c.dW[l][i], 0.0);
            }
            assertArrayEquals(a.db[l], c.db[l], 0.0);
        }
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
