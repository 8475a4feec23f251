package org.nndl4j.spark;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nndl4j.Nndl4jException;
import org.nndl4j.hdf5.Hdf5Reader;
import org.nndl4j.hdf5.Hdf5Writer;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Network;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.OptimizerState;

/**
 * A training's checkpoints in one directory of the driver's file system: each is a folder {@code epoch-NNNNNNNNNN}
 * (the iteration to run next) holding {@code network.h5}, the network after the previous iteration as nndl4j's
 * HDF5 model file ({@link Network#load} reads it), and {@code state.h5}: the iteration, the optimizer (its
 * description) and its moments ({@code vW1, vb1, ..., sW1, sb1, ...}: what it keeps) and step counter, and the costs
 * and learning rates recorded so far. A checkpoint is written into a temporary folder and moved into place, then the
 * older ones are deleted: the latest complete one is always there, a half-written one never counts.
 */
final class Checkpoints {

    private static final Pattern NAME = Pattern.compile("epoch-(\\d{10})");
    private static final String OPERATION = "SparkTraining checkpoint";

    private final Path directory;

    Checkpoints(Path directory) {
        this.directory = directory;
    }

    /** What a checkpoint holds. */
    record Checkpoint(int epoch, Network network, String optimizer, OptimizerState.Moments moments,
                      CostHistory history) {
    }

    /** Writes the checkpoint of iteration {@code epoch} (the next to run), then deletes the older ones. */
    void save(int epoch, Network network, String optimizer, OptimizerState.Moments moments, CostHistory history) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempDirectory(directory, ".writing-");
            network.save(tmp.resolve("network.h5"));
            try (Hdf5Writer w = Hdf5Writer.create(tmp.resolve("state.h5"))) {
                w.putAttribute("epoch", new int[] {epoch});
                w.putAttribute("optimizer", optimizer);
                w.putAttribute("record_every", new int[] {history.recordEvery()});
                w.putAttribute("records", new int[] {history.size()});
                w.putAttribute("steps", new int[] {moments == null ? 0 : moments.steps()});
                w.putAttribute("moments", new int[] {moments == null ? 0 : 1});
                if (history.size() > 0) {
                    w.putDataset("costs", new double[][] {history.costs()});
                    w.putDataset("learning_rates", new double[][] {history.learningRates()});
                }
                if (moments != null) {
                    putAll(w, "vW", moments.vW());
                    putAll(w, "vb", moments.vb());
                    putAll(w, "sW", moments.sW());
                    putAll(w, "sb", moments.sb());
                }
            }
            Path target = directory.resolve(name(epoch));
            deleteTree(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            for (Path older : list()) {
                if (epochOf(older) < epoch) {
                    deleteTree(older);
                }
            }
        } catch (IOException e) {
            throw new Nndl4jException(OPERATION + ": cannot write in " + directory + ": " + e, e);
        }
    }

    private static void putAll(Hdf5Writer w, String name, List<Matrix> matrices) {
        for (int l = 1; l <= matrices.size(); l++) {
            w.putDataset(name + l, matrices.get(l - 1).toArray());
        }
    }

    /** The latest complete checkpoint, or null if the directory holds none (or does not exist). */
    Checkpoint latest(int layers) {
        List<Path> all;
        try {
            all = list();
        } catch (IOException e) {
            throw new Nndl4jException(OPERATION + ": cannot list " + directory + ": " + e, e);
        }
        if (all.isEmpty()) {
            return null;
        }
        Path last = all.get(all.size() - 1);
        int epoch = epochOf(last);
        Network network = Network.load(last.resolve("network.h5"));
        Path state = last.resolve("state.h5");
        try (Hdf5Reader r = Hdf5Reader.open(state)) {
            int saved = r.intsAttribute("epoch")[0];
            if (saved != epoch) {
                throw new Nndl4jException(OPERATION + ": " + state + " is of iteration " + saved + ", its folder of "
                        + epoch);
            }
            int every = r.intsAttribute("record_every")[0];
            int records = r.intsAttribute("records")[0];
            double[] costs = records == 0 ? new double[0] : r.readMatrix("costs")[0];
            double[] rates = records == 0 ? new double[0] : r.readMatrix("learning_rates")[0];
            if (costs.length != records || rates.length != records) {
                throw new Nndl4jException(OPERATION + ": " + state + " holds " + costs.length + " costs and "
                        + rates.length + " learning rates, expected " + records);
            }
            OptimizerState.Moments moments = null;
            if (r.intsAttribute("moments")[0] == 1) {
                moments = new OptimizerState.Moments(r.intsAttribute("steps")[0], readAll(r, "vW", layers),
                        readAll(r, "vb", layers), readAll(r, "sW", layers), readAll(r, "sb", layers));
            }
            return new Checkpoint(epoch, network, r.attribute("optimizer"), moments,
                    new CostHistory(every, costs, rates));
        }
    }

    private static List<Matrix> readAll(Hdf5Reader r, String name, int layers) {
        List<Matrix> out = new ArrayList<>();
        if (!r.hasDataset(name + 1)) {
            return out;
        }
        for (int l = 1; l <= layers; l++) {
            out.add(Matrix.of(r.readMatrix(name + l)));
        }
        return out;
    }

    /** The complete checkpoints, oldest first. */
    private List<Path> list() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                if (NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        }
        out.sort((a, b) -> Integer.compare(epochOf(a), epochOf(b)));
        return out;
    }

    private static String name(int epoch) {
        return String.format(Locale.ROOT, "epoch-%010d", epoch);
    }

    private static int epochOf(Path p) {
        Matcher matcher = NAME.matcher(p.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException("not a checkpoint: " + p);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        if (Files.isDirectory(p)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                for (Path child : entries) {
                    deleteTree(child);
                }
            }
        }
        Files.delete(p);
    }

    @Override
    public String toString() {
        return "Checkpoints[" + directory + "]";
    }
}
