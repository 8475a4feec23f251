package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: --help prints the usage to stdout and exits 0; bad file arguments fail before any training. */
class CommandLineFlagsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cat(String... args) {
        return CatDeepNetwork.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void catDeepNetwork_help_printsEveryFlagToStdoutAndExits0() {
        for (String help : new String[] {"--help", "-h"}) {
            out.reset();
            assertEquals(0, cat(help));
            String usage = out.toString(StandardCharsets.UTF_8);
            for (String flag : new String[] {"--out", "--iterations", "--engine", "--skip-two-layer", "--two-layer",
                    "--save", "--load", "--image", "default 2500"}) {
                assertTrue(usage.contains(flag), flag + " missing from " + usage);
            }
            assertEquals("", err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void catDeepNetwork_loadOfATextFile_failsAtOnceBeforeTraining() throws Exception {
        Path text = Files.writeString(dir.resolve("model.h5"), "not a model");
        assertEquals(1, cat("--load", text.toString(), "--out", dir.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("model.h5"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void catDeepNetwork_imageOfANonImage_failsAtOnceSayingWhy() throws Exception {
        Path text = Files.writeString(dir.resolve("cat.jpg"), "not a picture");
        assertEquals(1, cat("--image", text.toString(), "--out", dir.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--image"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void catDeepNetwork_saveIntoAMissingFolder_failsAtOnceSayingWhy() {
        assertEquals(1, cat("--save", dir.resolve("missing/model.h5").toString(), "--out", dir.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void catDeepNetwork_outAtAnExistingFile_failsAtOnceSayingWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertEquals(1, cat("--out", file.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is a file, not a folder"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void catDeepNetwork_load_doesNotTrainTheTwoLayerModelUnlessAsked() throws Exception {
        String x = Files.writeString(dir.resolve("x.h5"), "").toString();
        assertTrue(CatDeepNetwork.parse(new String[] {"--load", x}).skipTwoLayer());
        assertTrue(!CatDeepNetwork.parse(new String[] {"--load", x, "--two-layer"}).skipTwoLayer());
        assertTrue(!CatDeepNetwork.parse(new String[0]).skipTwoLayer());
        assertNull(CatDeepNetwork.parse(new String[] {"--help"}));
    }

    @Test
    void numpyBasics_printsTheDotProductAsTheCourseDoes_andParsesHelp() {
        assertEquals("278", NumpyBasics.dotString(278.0));
        assertNull(NumpyBasics.parse(new String[] {"-h"}));
        assertEquals(1000, NumpyBasics.parse(new String[] {"--size", "1000"}));
    }
}
