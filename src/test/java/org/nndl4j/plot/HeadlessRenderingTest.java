package org.nndl4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every renderer works in a JVM started with {@code -Djava.awt.headless=true} and no display. */
class HeadlessRenderingTest {

    @Test
    void sampleFigures_inAHeadlessJvmWithoutDisplay_writeReadablePngs(@TempDir Path dir)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", classPath,
                SampleFigures.class.getName(), dir.toString());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectErrorStream(true);
        Path log = dir.resolve("log.txt");
        builder.redirectOutput(log.toFile());

        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertTrue(finished, "the headless JVM did not finish: " + lines);
        assertEquals(0, process.exitValue(), "exit code; output: " + lines);
        assertEquals("headless=true", lines.get(0));
        assertEquals(5, lines.size(), "four files written: " + lines);
        for (String path : lines.subList(1, lines.size())) {
            BufferedImage image = ImageIO.read(new File(path));
            assertNotNull(image, path);
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, path);
        }
    }
}
