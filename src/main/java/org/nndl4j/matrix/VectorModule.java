package org.nndl4j.matrix;

import java.util.Optional;

/**
 * Loads the classes that use the Java Vector API (the tile kernels, in
 * {@code src/main/java-vector}): only if the module {@code jdk.incubator.vector} is in the boot layer (the JVM was
 * started with {@code --add-modules jdk.incubator.vector}) and {@code nndl4j.gemm.kernel} is not {@code rows}. Each is
 * loaded by name, so nndl4j runs without the module.
 */
final class VectorModule {

    private VectorModule() {
    }

    /**
     * A new instance of the class named, or null where the module is missing (or the class fails to load: the
     * plain-Java code is complete).
     */
    static Object instance(String className) {
        try {
            if ("rows".equals(System.getProperty("nndl4j.gemm.kernel"))) {
                return null;
            }
            Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
            if (vector.isEmpty()) {
                return null;
            }
            // module-info does not require it (a `requires static` would make javac warn every client module that
            // it uses an incubating module), so as a named module org.nndl4j reads it only from here on
            VectorModule.class.getModule().addReads(vector.get());
            return Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
