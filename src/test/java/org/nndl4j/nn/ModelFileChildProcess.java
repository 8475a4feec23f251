package org.nndl4j.nn;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;

/**
 * Another process for {@link NetworkFileReliabilityTest}: {@code lock <file>} holds a save's lock on a temporary file
 * as a live writer does, until its standard input closes; {@code save-forever <file>} saves a large network over and
 * over, to be killed mid-write.
 */
public final class ModelFileChildProcess {

    private ModelFileChildProcess() {
    }

    /** Starts {@code args} in a new JVM with this test class path. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ModelFileChildProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** A [2000, 500, 1] network: 8 MB of weights, so a save takes long enough to be killed in the middle. */
    static Network large() {
        NumpyRandom random = new NumpyRandom(3);
        return Network.of(new Layer(random.randn(500, 2000), Matrix.zeros(500, 1), Activation.RELU),
                new Layer(random.randn(1, 500), Matrix.zeros(1, 1), Activation.SIGMOID));
    }

    /**
     * @param args {@code lock <file>} or {@code save-forever <file>}
     * @throws IOException if the lock cannot be taken or standard input read
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        if (args[0].equals("lock")) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock(NetworkFile.LOCK_POSITION, 1, false);
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // hold the lock until the parent closes our input (or kills us)
                }
                lock.release();
            }
        } else {
            Network network = large();
            System.out.println("saving");
            System.out.flush();
            while (true) {
                network.save(file);
            }
        }
    }
}
