package org.nndl4j.spark.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Network;

import scala.Option;

/**
 * Spark ML persistence of a {@link NetworkClassificationModel}: under the model's path, Spark's params metadata (the
 * format of {@code DefaultParamsWriter}, so {@code Pipeline} and {@code PipelineModel} read it like any stage's) and
 * the network as nndl4j's HDF5 model file {@code network/network.h5}. The file is written locally by
 * {@link Network#save} and copied through Hadoop's file system, so the path may be on any file system Spark reaches.
 */
final class ModelPersistence {

    /** The network's file, relative to the model's path. */
    static final String NETWORK_FILE = "network/network.h5";

    private ModelPersistence() {
    }

    /** Writes the metadata and the network. */
    static final class Writer extends MLWriter {
        private final NetworkClassificationModel model;

        Writer(NetworkClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sc(), Option.apply(null), Option.apply(null));
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path, NETWORK_FILE);
            Path local = null;
            try {
                local = Files.createTempFile("nndl4j-network", ".h5");
                model.network().save(local);
                FileSystem fs = target.getFileSystem(configuration());
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
            } catch (IOException e) {
                throw new Nndl4jException("NetworkClassificationModel.save: cannot write " + target + ": "
                        + e.getMessage(), e);
            } finally {
                deleteQuietly(local);
            }
        }

        private Configuration configuration() {
            return sc().hadoopConfiguration();
        }
    }

    /** Reads the metadata and the network. */
    static final class Reader extends MLReader<NetworkClassificationModel> {
        @Override
        public NetworkClassificationModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(),
                    NetworkClassificationModel.class.getName());
            org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(path, NETWORK_FILE);
            Path local = null;
            Network network;
            try {
                local = Files.createTempFile("nndl4j-network", ".h5");
                FileSystem fs = source.getFileSystem(sc().hadoopConfiguration());
                if (!fs.exists(source)) {
                    throw new Nndl4jException("NetworkClassificationModel.load: " + path + " holds no network file "
                            + NETWORK_FILE);
                }
                fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
                network = Network.load(local);
            } catch (IOException e) {
                throw new Nndl4jException("NetworkClassificationModel.load: cannot read " + source + ": "
                        + e.getMessage(), e);
            } finally {
                deleteQuietly(local);
            }
            NetworkClassificationModel model = new NetworkClassificationModel(metadata.uid(), network);
            metadata.getAndSetParams(model, Option.apply(null));
            return model;
        }
    }

    /** Deletes a temporary file; one that cannot be deleted now goes when the JVM exits. */
    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
