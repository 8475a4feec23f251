package org.nndl4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Partitions' gradient sums on their way through Spark's {@code treeAggregate}, added in an order that does not
 * depend on the order the tasks finish in, so that a training gives the same bits every time (a retried task
 * included). Floating-point addition is not associative: {@code (p0 + p1) + p2} and {@code p0 + (p1 + p2)} can differ
 * in the last bit, and Spark combines partial results in the order they arrive. Here every partial result covers an
 * aligned block of partitions {@code [k·2^j, (k+1)·2^j)}, and two are added only when they are the two halves of the
 * next larger block, left + right: the sum is the pairwise sum over the partitions in their order, whatever the
 * arrival order and whichever tree Spark builds. What is left at the end (the blocks of the binary decomposition of
 * the number of partitions) is added from left to right on the driver ({@link #total}).
 */
final class PartialSums implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The blocks held, by their first partition. */
    private final TreeMap<Integer, GradientSum> blocks = new TreeMap<>();

    /** Adds one partition's sum (a block of level 0) and merges what can be merged. */
    PartialSums add(GradientSum partition) {
        put(partition);
        return this;
    }

    /** Adds every block of {@code other} and merges what can be merged. */
    PartialSums addAll(PartialSums other) {
        for (GradientSum block : other.blocks.values()) {
            put(block);
        }
        return this;
    }

    private void put(GradientSum block) {
        GradientSum current = block;
        while (true) {
            if (blocks.containsKey(current.first)) {
                throw new IllegalStateException("PartialSums: partition " + current.first + " counted twice");
            }
            int size = 1 << current.level;
            boolean isLeft = (current.first / size) % 2 == 0;
            int siblingFirst = isLeft ? current.first + size : current.first - size;
            GradientSum sibling = blocks.get(siblingFirst);
            if (sibling == null || sibling.level != current.level) {
                blocks.put(current.first, current);
                return;
            }
            blocks.remove(siblingFirst);
            GradientSum left = isLeft ? current : sibling;
            GradientSum right = isLeft ? sibling : current;
            current = left.plus(right, left.first, current.level + 1);
        }
    }

    /** The number of blocks held. */
    int size() {
        return blocks.size();
    }

    /**
     * The sum over all {@code partitions} partitions: the blocks added from left to right.
     *
     * @throws IllegalStateException if the blocks do not cover partitions {@code 0 .. partitions-1} exactly once
     */
    GradientSum total(int partitions) {
        List<GradientSum> ordered = new ArrayList<>(blocks.values());
        int next = 0;
        for (GradientSum block : ordered) {
            if (block.first != next) {
                throw new IllegalStateException("PartialSums: partitions from " + next + " missing");
            }
            next += 1 << block.level;
        }
        if (next != partitions || ordered.isEmpty()) {
            throw new IllegalStateException("PartialSums: sums of " + next + " partitions, expected " + partitions);
        }
        GradientSum total = ordered.get(0);
        for (int k = 1; k < ordered.size(); k++) {
            total = total.plus(ordered.get(k), 0, total.level);
        }
        return total;
    }

    /** The blocks held, by first partition (for tests). */
    Map<Integer, GradientSum> blocks() {
        return blocks;
    }
}
