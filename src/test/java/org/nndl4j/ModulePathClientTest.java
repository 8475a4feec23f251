package org.nndl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client on the module path sees: nndl4j's jar (built here from {@code target/classes}) and the runtime
 * dependencies a Maven client gets are put on {@code --module-path}, a client module whose only nndl4j line is
 * {@code requires org.nndl4j;} is compiled with {@code javax.tools} and run in a child JVM with no other flags.
 * Also pins the runtime closure the README states.
 */
class ModulePathClientTest {

    /** The jars a client of nndl4j gets at run time (README, "Use it from Maven"), in dependency:tree order. */
    private static final List<String> RUNTIME_CLOSURE = List.of(
            "ejml-ddense-0.46.1.jar", "ejml-core-0.46.1.jar",
            "jhdf-0.11.0.jar", "slf4j-api-2.0.18.jar", "commons-lang3-3.20.0.jar", "compress-lzf-1.2.0.jar",
            "lz4-java-1.11.0.jar");

    /** The same, as the README's table names them. */
    private static final List<String> RUNTIME_CLOSURE_COORDINATES = List.of(
            "org.ejml:ejml-ddense:0.46.1", "org.ejml:ejml-core:0.46.1",
            "io.jhdf:jhdf:0.11.0", "org.slf4j:slf4j-api:2.0.18", "org.apache.commons:commons-lang3:3.20.0",
            "com.ning:compress-lzf:1.2.0", "at.yawk.lz4:lz4-java:1.11.0");

    /** nndl4j's optional dependency, the one line the README tells clients to add to silence SLF4J. */
    private static final String SLF4J_NOP = "slf4j-nop-2.0.18.jar";

    /** Test-scoped jars on the test class path, which a client does not get. */
    private static final List<String> TEST_ONLY_PREFIXES = List.of("junit-", "opentest4j-", "apiguardian-api-");

    private static final String CLIENT_MODULE_INFO = """
            module client {
                requires org.nndl4j;
            }
            """;

    private static final String CLIENT_MAIN = """
            package client;

            import java.nio.file.Path;

            import org.nndl4j.Nndl4jException;
            import org.nndl4j.data.CatDataset;
            import org.nndl4j.matrix.Gemm;
            import org.nndl4j.matrix.Matrix;
            import org.nndl4j.nn.Activation;
            import org.nndl4j.nn.Initialization;
            import org.nndl4j.nn.Network;
            import org.nndl4j.random.NumpyRandom;

            public class Main {
                public static void main(String[] args) {
                    System.out.println("module " + Matrix.class.getModule().getName());
                    CatDataset cat = CatDataset.loadBundled();
                    Matrix X = cat.train().data().X();
                    System.out.println("cat train X (" + X.rows() + ", " + X.cols() + ")");
                    Network network = Initialization.HE.initialize(new int[] {3, 2, 1},
                            Activation.RELU, Activation.SIGMOID, new NumpyRandom(1));
                    Path file = Path.of(args[0]);
                    network.save(file);
                    System.out.println("saved and loaded equal: " + network.equals(Network.load(file)));
                    try {
                        Matrix.ones(2, 3).dot(Matrix.ones(2, 3));
                    } catch (Nndl4jException refused) {
                        System.out.println("refused: " + refused.getMessage());
                    }
                    // large enough for the Vector API kernel when the JVM has the module
                    double[][] ones = Matrix.ones(64, 256).toArray();
                    double[][] product = Gemm.mult(ones, Matrix.ones(256, 512).toArray());
                    System.out.println("gemm " + Gemm.kernel() + ": " + product[63][511]);
                }
            }
            """;

    private static final List<String> EXPECTED_OUTPUT = List.of(
            "module org.nndl4j",
            "cat train X (12288, 209)",
            "saved and loaded equal: true",
            "refused: dot: shapes (2, 3) and (2, 3) not aligned: 3 != 2",
            "gemm rows: 256.0");

    @Test
    void clientModuleRequiringOrgNndl4j_compilesAndRunsOnTheModulePathWithNoExtraFlags(@TempDir Path dir)
            throws IOException, InterruptedException, URISyntaxException {
        Path jar = jarOfMainClasses(dir.resolve("nndl4j.jar"));
        List<Path> runtime = runtimeJars();
        List<Path> modulePath = new ArrayList<>();
        modulePath.add(jar);
        modulePath.addAll(runtime);

        Path classes = compileClient(dir, modulePath);
        Path modelFile = dir.resolve("model.h5");

        modulePath.add(0, classes);
        Run run = runClient(dir, modulePath, modelFile);
        assertEquals("", run.stderr, "stderr of the client run");
        assertEquals(0, run.exitCode, "exit code; stdout: " + run.stdout);
        assertEquals(EXPECTED_OUTPUT, run.stdout.lines().toList());
    }

    @Test
    void withTheVectorApiFlag_theClientOnTheModulePathUsesTheVectorKernel(@TempDir Path dir)
            throws IOException, InterruptedException, URISyntaxException {
        List<Path> modulePath = new ArrayList<>();
        modulePath.add(jarOfMainClasses(dir.resolve("nndl4j.jar")));
        modulePath.addAll(runtimeJars());
        Path classes = compileClient(dir, modulePath);
        modulePath.add(0, classes);

        Run run = runClient(dir, modulePath, dir.resolve("model.h5"), "--add-modules", "jdk.incubator.vector");
        assertEquals("WARNING: Using incubator modules: jdk.incubator.vector", run.stderr.strip(),
                "stderr: the JVM's one line about the flag");
        assertEquals(0, run.exitCode, "exit code; stdout: " + run.stdout);
        List<String> expected = new ArrayList<>(EXPECTED_OUTPUT);
        expected.set(expected.size() - 1, "gemm vector: 256.0");
        assertEquals(expected, run.stdout.lines().toList());
    }

    @Test
    void withoutAnSlf4jProvider_theClientStillRuns_andOnlySlf4jWarnsOnStderr(@TempDir Path dir)
            throws IOException, InterruptedException, URISyntaxException {
        // logging is optional for clients: without slf4j-nop (or another provider) SLF4J warns and nothing fails
        List<Path> modulePath = new ArrayList<>();
        modulePath.add(jarOfMainClasses(dir.resolve("nndl4j.jar")));
        runtimeJars().stream().filter(p -> !p.getFileName().toString().equals(SLF4J_NOP)).forEach(modulePath::add);
        Path classes = compileClient(dir, modulePath);
        modulePath.add(0, classes);

        Run run = runClient(dir, modulePath, dir.resolve("model.h5"));
        assertEquals(0, run.exitCode, "exit code; stderr: " + run.stderr);
        assertEquals(EXPECTED_OUTPUT, run.stdout.lines().toList());
        List<String> stderr = run.stderr.lines().toList();
        assertTrue(!stderr.isEmpty() && stderr.stream().allMatch(line -> line.startsWith("SLF4J")),
                "stderr should be SLF4J's no-provider warning only: " + stderr);
    }

    @Test
    void testClassPath_holdsExactlyTheRuntimeClosureTheReadmeStates_plusSlf4jNop() {
        Set<String> expected = new TreeSet<>(RUNTIME_CLOSURE);
        expected.add(SLF4J_NOP);
        Set<String> actual = runtimeJars().stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
    }

    @Test
    void readme_statesTheRuntimeClosure_andTheToursImportsAreThoseOfReadmeTourTest() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String coordinates : RUNTIME_CLOSURE_COORDINATES) {
            String[] gav = coordinates.split(":");
            assertTrue(RUNTIME_CLOSURE.contains(gav[1] + "-" + gav[2] + ".jar"), coordinates);
            assertTrue(readme.contains("`" + coordinates + "`"), "README should list " + coordinates);
        }
        assertEquals(RUNTIME_CLOSURE.size(), RUNTIME_CLOSURE_COORDINATES.size());
        String nop = SLF4J_NOP.substring("slf4j-nop-".length(), SLF4J_NOP.length() - ".jar".length());
        assertTrue(readme.contains("<artifactId>slf4j-nop</artifactId><version>" + nop + "</version>"),
                "README's logging line should name slf4j-nop " + nop);

        Set<String> tourImports = new TreeSet<>(Files.readAllLines(Path.of("src/test/java/org/nndl4j/ReadmeTourTest.java")));
        List<String> readmeImports = readme.lines().filter(line -> line.startsWith("import ")).toList();
        assertTrue(!readmeImports.isEmpty(), "README should show the tour's imports");
        for (String line : readmeImports) {
            assertTrue(tourImports.contains(line), "README imports what ReadmeTourTest does not: " + line);
        }
    }

    @Test
    void moduleDescriptor_isNamedOrgNndl4j_andExportsEveryPackageWithClasses() throws URISyntaxException, IOException {
        Path classes = mainClasses();
        ModuleDescriptor descriptor = ModuleFinder.of(classes).find("org.nndl4j")
                .orElseThrow(() -> new AssertionError("no module org.nndl4j in " + classes))
                .descriptor();
        assertTrue(!descriptor.isAutomatic(), "org.nndl4j should be an explicit module");
        Set<String> withClasses;
        try (Stream<Path> files = Files.walk(classes)) {
            withClasses = files.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class"))
                    .map(p -> classes.relativize(p.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(withClasses, exported, "module-info.java should export every package (a new package needs a line)");
        assertTrue(descriptor.opens().stream().anyMatch(o -> o.source().equals("org.nndl4j.datasets")),
                "the bundled datasets must stay readable through the class loader");
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Path mainClasses() throws URISyntaxException {
        Path classes = Path.of(Nndl4jException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(classes.resolve("module-info.class")), "no module-info.class in " + classes);
        return classes;
    }

    /** target/classes as a jar, as maven-jar-plugin packs it. */
    private static Path jarOfMainClasses(Path jar) throws IOException, URISyntaxException {
        Path classes = mainClasses();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path file : files) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                jarOut.putNextEntry(new JarEntry(name));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    /** The jars on the test class path that are not test-scoped: nndl4j's runtime closure and slf4j-nop. */
    private static List<Path> runtimeJars() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(Path::of)
                .filter(p -> TEST_ONLY_PREFIXES.stream().noneMatch(p.getFileName().toString()::startsWith))
                .toList();
    }

    private static Path compileClient(Path dir, List<Path> modulePath) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("client"));
        Path moduleInfo = Files.writeString(src.resolve("module-info.java"), CLIENT_MODULE_INFO);
        Path main = Files.writeString(src.resolve("client/Main.java"), CLIENT_MAIN);
        Path out = Files.createDirectories(dir.resolve("client-classes"));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertTrue(compiler != null, "this test needs a JDK (javax.tools)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-Xlint:all", "--release", "17",
                    "--module-path", join(modulePath), "-d", out.toString());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(moduleInfo, main)).call();
            List<String> messages = diagnostics.getDiagnostics().stream()
                    .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT)).toList();
            assertTrue(ok, "client did not compile: " + messages);
            assertEquals(List.of(), diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).map(d -> d.getMessage(Locale.ROOT)).toList(),
                    "the client compiles without warnings");
        }
        return out;
    }

    private static Run runClient(Path dir, List<Path> modulePath, Path modelFile, String... jvmFlags)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("--module-path", join(modulePath), "-m", "client/client.Main", modelFile.toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the client did not finish within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
