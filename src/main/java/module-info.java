/**
 * nndl4j: the "Neural Networks and Deep Learning" course programs as a pure-Java library.
 *
 * <p>A client module needs only {@code requires org.nndl4j;}. The {@code requires} lines below that nndl4j's
 * own code does not use are for jhdf: jhdf is an automatic module, which names no dependencies, so the
 * explicit modules it needs at run time (SLF4J, Commons Lang, LZF) are resolved only because this module
 * requires them. Logging stays optional: with no SLF4J provider on the module path SLF4J prints a warning and
 * logs nothing; {@code org.slf4j:slf4j-nop} silences it.
 */
module org.nndl4j {
    // Matrix.fromEjml/toEjml take and return EJML's DMatrixRMaj. EJML publishes no module name, so these are the
    // names Java derives from its jar files (ejml-core-0.46.1.jar -> ejml.core), as for every EJML user.
    requires transitive ejml.core;
    requires ejml.ddense;
    // images (data) and PNG pictures (plot); plot's API returns java.awt.image.BufferedImage
    requires transitive java.desktop;
    requires io.jhdf;
    // jhdf's run-time dependencies that are explicit modules (see above)
    requires org.slf4j;
    requires org.apache.commons.lang3;
    requires com.ning.compress.lzf;

    exports org.nndl4j;
    exports org.nndl4j.basics;
    exports org.nndl4j.data;
    exports org.nndl4j.deep;
    exports org.nndl4j.engine;
    exports org.nndl4j.examples;
    exports org.nndl4j.hdf5;
    exports org.nndl4j.logistic;
    exports org.nndl4j.matrix;
    exports org.nndl4j.nn;
    exports org.nndl4j.plot;
    exports org.nndl4j.random;
    exports org.nndl4j.shallow;
    exports org.nndl4j.train;

    // the bundled .h5 datasets, read through the class loader (Hdf5Reader.openResource), also by clients
    opens org.nndl4j.datasets;
}
