package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;

/**
 * The reliability of model files: non-finite parameters are refused naming the dataset, a killed writer's temporary
 * file is removed by the next save (and a live writer's never), and failures say what went wrong.
 */
class NetworkFileReliabilityTest {

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ non-finite parameters

    @Test
    void load_nanInW1_isRefusedNamingTheFileTheDatasetAndTheValue() {
        Path file = modelWith(1, 2, Double.NaN, "W1");
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("dataset W1")
                && e.getMessage().contains("NaN at (1, 2)") && e.getMessage().contains("finite"), e.getMessage());
    }

    @Test
    void load_infinityInW1OrB2_isRefusedNamingTheDataset() {
        Path inf = modelWith(0, 0, Double.POSITIVE_INFINITY, "W1");
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(inf));
        assertTrue(e.getMessage().contains(inf.toString()) && e.getMessage().contains("dataset W1")
                && e.getMessage().contains("Infinity at (0, 0)"), e.getMessage());
        Path bias = modelWith(0, 0, Double.NEGATIVE_INFINITY, "b2");
        ModelFileException b = assertThrows(ModelFileException.class, () -> Network.load(bias));
        assertTrue(b.getMessage().contains("dataset b2") && b.getMessage().contains("-Infinity"), b.getMessage());
    }

    @Test
    void save_networkWithANanWeight_isRefusedNamingTheDataset_andWritesNothing() throws IOException {
        Matrix W2 = Matrix.fromRowMajor(1, 3, new double[] {0.5, Double.NaN, Double.NaN});
        Network bad = Network.of(new Layer(Matrix.zeros(3, 2), Matrix.zeros(3, 1), Activation.RELU),
                new Layer(W2, Matrix.zeros(1, 1), Activation.SIGMOID));
        Path file = dir.resolve("model.h5");
        ModelFileException e = assertThrows(ModelFileException.class, () -> bad.save(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("dataset W2")
                && e.getMessage().contains("NaN at (0, 1)") && e.getMessage().contains("2 non-finite values"),
                e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }

    // ------------------------------------------------------------------ temporary files

    @Test
    void save_removesTheTemporaryFilesOfDeadWriters_andNothingElse() throws IOException {
        Path file = dir.resolve("model.h5");
        // what writers killed mid-save left: no process holds their lock
        Path dead1 = Files.write(dir.resolve(".model.h5.3kq9z0x1c2v.tmp"), new byte[100_000]);
        Path dead2 = Files.write(dir.resolve(".model.h5.a.tmp"), new byte[10]);
        // not a temporary file of this target: left alone
        Path other = Files.write(dir.resolve(".other.h5.3kq9z0x1c2v.tmp"), new byte[10]);
        Path notOurs = Files.write(dir.resolve(".model.h5.backup-1.tmp"), new byte[10]);
        Path visible = Files.write(dir.resolve("model.h5.3kq9z0x1c2v.tmp"), new byte[10]);
        NetworkFileTest.network().save(file);
        assertFalse(Files.exists(dead1));
        assertFalse(Files.exists(dead2));
        assertEquals(List.of(notOurs, other, file, visible), filesIn(dir));
        assertEquals(NetworkFileTest.network(), Network.load(file));
    }

    @Test
    void save_leavesATemporaryFileLockedByALiveWriterInThisProcess_andRemovesItOnceReleased() throws IOException {
        Path file = dir.resolve("model.h5");
        Path live = Files.write(dir.resolve(".model.h5.livewriter1.tmp"), new byte[1000]);
        try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock(NetworkFile.LOCK_POSITION, 1, false);
            NetworkFileTest.network().save(file);
            assertTrue(Files.exists(live), "a live writer's temporary file must not be removed");
            assertEquals(1000, Files.size(live));
            lock.release();
        }
        NetworkFileTest.network().save(file);
        assertEquals(List.of(file), filesIn(dir), "once its writer is gone, the next save removes it");
    }

    @Test
    void save_leavesATemporaryFileLockedByALiveWriterInAnotherProcess_andRemovesItOnceThatProcessDies()
            throws Exception {
        Path file = dir.resolve("model.h5");
        Path live = Files.write(dir.resolve(".model.h5.otherprocess.tmp"), new byte[1000]);
        Process writer = ModelFileChildProcess.start("lock", live.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            NetworkFileTest.network().save(file);
            assertTrue(Files.exists(live), "a live writer's temporary file must not be removed");
        } finally {
            // kill -9: the operating system releases the dead writer's lock
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        NetworkFileTest.network().save(file);
        assertEquals(List.of(file), filesIn(dir), "the dead writer's temporary file is removed by the next save");
    }

    @Test
    void writersKilledMidSave_leaveLitterThatTheNextSaveRemoves() throws Exception {
        // the reproduction: saves killed mid-write (there, 25 of 50 left a temporary file)
        Path file = dir.resolve("model.h5");
        int killedMidWrite = 0;
        for (int kill = 0; kill < 5 && killedMidWrite < 2; kill++) {
            Process writer = ModelFileChildProcess.start("save-forever", file.toString());
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("saving", out.readLine());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                // kill it while a temporary file is being written
                while (temporaryFiles(file).isEmpty() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            } finally {
                writer.destroyForcibly();
                assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            }
            if (!temporaryFiles(file).isEmpty()) {
                killedMidWrite++;
            }
        }
        assertTrue(killedMidWrite > 0, "no writer was killed mid-save: the test did not reproduce the litter");
        Network network = NetworkFileTest.network();
        network.save(file);
        assertEquals(List.of(), temporaryFiles(file), "no temporary file left");
        assertEquals(List.of(file), filesIn(dir));
        assertEquals(network, Network.load(file));
    }

    // ------------------------------------------------------------------ messages

    @Test
    void save_underAParentThatIsARegularFile_saysSo() throws IOException {
        Path regular = Files.writeString(dir.resolve("models"), "not a directory");
        Path file = regular.resolve("model.h5");
        ModelFileException e = assertThrows(ModelFileException.class, () -> NetworkFileTest.network().save(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(regular + " is a file, not a directory")
                && !e.getMessage().contains("does not exist"), e.getMessage());
        Path deeper = regular.resolve("a/b/model.h5");
        ModelFileException d = assertThrows(ModelFileException.class, () -> NetworkFileTest.network().save(deeper));
        assertTrue(d.getMessage().contains(regular + " is a file, not a directory"), d.getMessage());
    }

    @Test
    void save_overAnEmptyDirectory_isRefusedAndLeavesIt() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.h5"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> NetworkFileTest.network().save(target));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void save_whoseWriteFailsMidway_saysWhatWentWrong_andKeepsTheOldFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        Path file = dir.resolve("model.h5");
        NetworkFileTest.network().save(file);
        byte[] before = Files.readAllBytes(file);
        // the real HDF5 writer, on a device that is full: it fails midway like a full disk
        ModelFileException midway = assertThrows(ModelFileException.class, () -> NetworkFile.save(
                ModelFileChildProcess.large(), file, (network, tmp) -> {
                    writeSomeBytes(tmp);
                    try (org.nndl4j.hdf5.Hdf5Writer out = org.nndl4j.hdf5.Hdf5Writer.create(full)) {
                        out.putDataset("W1", network.W(1).toArray());
                    }
                }, () -> { }));
        String m = midway.getMessage();
        assertTrue(m.contains(file.toString()) && m.contains("failed midway") && m.contains("No space left on device")
                && !m.endsWith("Exception writing"), m);
        assertEquals(List.of(file), filesIn(dir), "no temporary file left");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the old file is untouched");
    }

    // ------------------------------------------------------------------ helpers

    private static void writeSomeBytes(Path tmp) {
        try {
            Files.write(tmp, new byte[4096]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A [3, 2, 1] model file whose dataset {@code name} holds {@code value} at {@code (i, j)}. */
    private Path modelWith(int i, int j, double value, String name) {
        double[][] W1 = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}};
        double[][] b1 = {{0.0}, {0.0}};
        double[][] W2 = {{1.0, -1.0}};
        double[][] b2 = {{0.5}};
        switch (name) {
            case "W1" -> W1[i][j] = value;
            case "b2" -> b2[i][j] = value;
            default -> throw new IllegalArgumentException(name);
        }
        return writeRaw(out -> {
            out.putAttribute("format", NetworkFile.FORMAT);
            out.putAttribute("format_version", NetworkFile.FORMAT_VERSION);
            out.putAttribute("layer_dims", new int[] {3, 2, 1});
            out.putAttribute("activations", "relu,sigmoid");
            out.putDataset("W1", W1);
            out.putDataset("b1", b1);
            out.putDataset("W2", W2);
            out.putDataset("b2", b2);
        });
    }

    private Path writeRaw(Consumer<WritableHdfFile> content) {
        Path file = dir.resolve("raw-" + System.nanoTime() + ".h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            content.accept(out);
        }
        return file;
    }

    private List<Path> temporaryFiles(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".tmp"))
                    .sorted().toList();
        }
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
