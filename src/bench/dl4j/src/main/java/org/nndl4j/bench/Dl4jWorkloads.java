package org.nndl4j.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's side of nndl4j's peer benchmark, as a DL4J user writes it: a MultiLayerNetwork of DenseLayers (ReLU) and an
 * OutputLayer (sigmoid, XENT), examples as rows, {@code fit(DataSet)} once per step, Sgd or Adam.
 *
 * <pre>
 * java -cp CLASSPATH org.nndl4j.bench.Dl4jWorkloads cat-gd|tall-gd|tall-adam --data DIR [--threads T]
 *      [--precision f64|f32] [--warmup N] [--iterations N] [--epochs N] [--warmup-seconds S]
 * </pre>
 *
 * Reads the files {@code org.nndl4j.examples.PeerWorkloads prepare} writes (examples as rows: {@code *_xt.npy}),
 * sets the same initial parameters, the same mini-batch orders, and prints one JSON line like the other peers. With
 * {@code --warmup-seconds S} the whole run (a new network from the initial parameters) is first repeated, untimed,
 * until S seconds have passed, as every peer does.
 * ND4J's threads are set by the benchmark through OMP_NUM_THREADS.
 */
public final class Dl4jWorkloads {

    private static final int BATCH = 256;

    private Dl4jWorkloads() {
    }

    public static void main(String[] args) throws IOException {
        String workload = args[0];
        Path data = null;
        int threads = 1;
        String precision = "f64";
        boolean cat = workload.equals("cat-gd");
        int warmup = cat ? 50 : 1;
        int iterations = cat ? 50 : 3;
        int epochs = 3;
        double warmupSeconds = 0.0;
        for (int i = 1; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--data" -> data = Path.of(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--precision" -> precision = v;
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--iterations" -> iterations = Integer.parseInt(v);
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null || !Arrays.asList("cat-gd", "tall-gd", "tall-adam").contains(workload)) {
            System.err.println("usage: Dl4jWorkloads cat-gd|tall-gd|tall-adam --data DIR [--threads T] [--precision f64|f32]");
            System.exit(2);
        }
        DataType type = precision.equals("f32") ? DataType.FLOAT : DataType.DOUBLE;
        Nd4j.setDefaultDataTypes(type, type);
        String set = cat ? "cat" : "tall";
        int[] dims = cat ? new int[] {12288, 20, 7, 5, 1} : new int[] {784, 128, 64, 1};
        double learningRate = switch (workload) {
            case "cat-gd" -> 0.0075;
            case "tall-gd" -> 0.1;
            default -> 0.001;
        };
        INDArray X = read(data.resolve(set + "_xt.npy"), type);                      // (m, n_x)
        INDArray Y = read(data.resolve(set + "_y.npy"), type);                       // (1, m)
        Y = Y.reshape(Y.length(), 1);                                                  // (m, 1), same order
        INDArray[] W = new INDArray[dims.length];
        INDArray[] b = new INDArray[dims.length];
        for (int l = 1; l < dims.length; l++) {
            W[l] = read(data.resolve(set + "_W" + l + ".npy"), type);
            b[l] = read(data.resolve(set + "_b" + l + ".npy"), type);
        }
        INDArray orders = workload.equals("tall-adam") ? read(data.resolve("tall_order.npy"), DataType.DOUBLE) : null;
        if (orders != null && epochs > orders.rows()) {
            throw new IllegalArgumentException("--epochs " + epochs + ": tall_order.npy holds " + orders.rows());
        }
        Run once = new Run(workload, dims, type, learningRate, X, Y, W, b, orders, warmup, iterations, epochs);
        long deadline = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmupRuns = 0;
        while (System.nanoTime() - deadline < 0) {
            once.run();
            warmupRuns++;
            System.gc();   // as nndl4j's PeerWorkloads: each run's garbage collected before the next
        }
        double[] result = once.run();
        double first = result[0];
        double seconds = result[1];
        boolean gd = !workload.equals("tall-adam");
        System.out.printf(Locale.ROOT, "{\"peer\": \"dl4j\", \"workload\": \"%s\", \"precision\": \"%s\", \"threads\": %d, "
                        + "\"first_cost\": %.17g, \"seconds\": %.6g, \"per\": \"%s\", \"timed\": %d, \"warmup\": %d, "
                        + "\"warmup_runs\": %d, \"version\": \"DL4J 1.0.0-M2.1 (%s), Java %s\"}%n",
                workload, precision, threads, first, seconds, gd ? "iteration" : "epoch", gd ? iterations : 1,
                gd ? warmup : epochs - 1, warmupRuns, Nd4j.getBackend().getClass().getSimpleName(), System.getProperty("java.version"));
        System.out.flush();
        System.exit(0);   // ND4J's native threads would keep the JVM alive
    }

    /** One run of a workload from the initial parameters: {first cost, seconds per iteration (or the last epoch's)}. */
    private record Run(String workload, int[] dims, DataType type, double learningRate, INDArray X, INDArray Y,
                       INDArray[] W, INDArray[] b, INDArray orders, int warmup, int iterations, int epochs) {

        double[] run() {
            MultiLayerNetwork net = network(dims, type, workload.equals("tall-adam")
                    ? new Adam(learningRate, 0.9, 0.999, 1e-8) : new Sgd(learningRate));
            for (int l = 1; l < dims.length; l++) {
                // DL4J's W is (n[l-1], n[l]), the transpose of the course's; b is (1, n[l])
                net.setParam((l - 1) + "_W", W[l].transpose());
                net.setParam((l - 1) + "_b", b[l].reshape(1, b[l].length()));
            }
            double first = Double.NaN;
            if (workload.equals("tall-adam")) {
                long start = 0;
                int m = (int) X.rows();
                for (int e = 0; e < epochs; e++) {
                    start = System.nanoTime();
                    int[] order = orders.getRow(e).toIntVector();
                    for (int k = 0; k < m; k += BATCH) {
                        int[] idx = Arrays.copyOfRange(order, k, Math.min(m, k + BATCH));
                        net.fit(new DataSet(Nd4j.pullRows(X, 1, idx), Nd4j.pullRows(Y, 1, idx)));
                        if (Double.isNaN(first)) {
                            first = net.score();
                        }
                    }
                }
                return new double[] {first, (System.nanoTime() - start) / 1e9};
            }
            DataSet all = new DataSet(X, Y);
            long start = 0;
            for (int i = 0; i < warmup + iterations; i++) {
                if (i == warmup) {
                    start = System.nanoTime();
                }
                net.fit(all);
                if (i == 0) {
                    first = net.score();
                }
            }
            return new double[] {first, (System.nanoTime() - start) / 1e9 / iterations};
        }
    }

    private static MultiLayerNetwork network(int[] dims, DataType type, org.nd4j.linalg.learning.config.IUpdater updater) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .dataType(type)
                .updater(updater)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int L = dims.length - 1;
        for (int l = 1; l < L; l++) {
            list.layer(new DenseLayer.Builder().nIn(dims[l - 1]).nOut(dims[l]).activation(Activation.RELU).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(dims[L - 1]).nOut(dims[L])
                .activation(Activation.SIGMOID).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * A 2-D float64 {@code .npy} file (C order, as PeerWorkloads writes it) as an array of {@code type}, read straight
     * into ND4J's off-heap buffer: one full-size copy in memory.
     */
    static INDArray read(Path file, DataType type) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, head);
            int headerLength = head.getShort(8) & 0xffff;
            ByteBuffer dict = ByteBuffer.allocate(headerLength);
            readFully(ch, dict);
            String header = new String(dict.array(), StandardCharsets.US_ASCII);
            if (!header.contains("'<f8'") || !header.contains("'fortran_order': False")) {
                throw new IOException(file + ": expected C-order little-endian float64: " + header);
            }
            Matcher shape = Pattern.compile("\\((\\d+), (\\d+)\\)").matcher(header);
            if (!shape.find()) {
                throw new IOException(file + ": expected a 2-D array: " + header);
            }
            long rows = Long.parseLong(shape.group(1));
            long cols = Long.parseLong(shape.group(2));
            INDArray out = Nd4j.createUninitialized(type, rows, cols);
            long n = rows * cols;
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 23).order(ByteOrder.LITTLE_ENDIAN);
            long done = 0;
            var target = out.data();
            while (done < n) {
                chunk.clear();
                chunk.limit((int) Math.min(chunk.capacity(), 8 * (n - done)));
                readFully(ch, chunk);
                chunk.flip();
                int k = chunk.remaining() / 8;
                double[] values = new double[k];
                chunk.asDoubleBuffer().get(values);
                if (type == DataType.DOUBLE) {
                    target.asNioDouble().position((int) done).put(values);
                } else {
                    float[] f = new float[k];
                    for (int i = 0; i < k; i++) {
                        f[i] = (float) values[i];
                    }
                    target.asNioFloat().position((int) done).put(f);
                }
                done += k;
            }
            return out;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
