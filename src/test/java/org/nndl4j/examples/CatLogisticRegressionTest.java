package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.data.CatDataset;
import org.nndl4j.matrix.NDArray;
import org.nndl4j.train.Engine;

class CatLogisticRegressionTest {

    @TempDir
    Path dir;

    private static List<String> run(CatLogisticRegression.Options options) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CatLogisticRegression.run(options, out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void run_default_printsTheSpecLinesAndWritesTheCharts() throws IOException {
        List<String> lines = run(new CatLogisticRegression.Options(dir, null, Engine.AUTO));
        // the spec's output, line for line
        assertEquals("Cost after iteration 0: 0.693147", lines.get(0));
        assertEquals("Cost after iteration 100: 0.584508", lines.get(1));
        assertEquals("Cost after iteration 1900: 0.140872", lines.get(19));
        assertEquals("train accuracy: 99.04306220095694 %", lines.get(20));
        assertEquals("test accuracy: 70.0 %", lines.get(21));
        int rates = lines.indexOf("learning rate is: 0.01");
        assertTrue(rates > 21, String.join("\n", lines));
        assertEquals(List.of(
                "learning rate is: 0.01", "train accuracy: 99.52153110047847 %", "test accuracy: 68.0 %", "", "-----", "",
                "learning rate is: 0.001", "train accuracy: 88.99521531100478 %", "test accuracy: 64.0 %", "", "-----", "",
                "learning rate is: 0.0001", "train accuracy: 68.42105263157895 %", "test accuracy: 36.0 %", "", "-----", ""),
                lines.subList(rates, rates + 18));
        for (String png : List.of("logistic-learning-curve.png", "logistic-learning-rates.png")) {
            Path file = dir.resolve(png);
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(file.toString())), png + " not printed");
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals(800, image.getWidth());
        }
    }

    @Test
    void run_imageOfATrainingCat_predictsCat() throws IOException {
        // training image 2 is a cat the trained model classifies correctly (golden train_pred[2] = 1)
        NDArray cat = CatDataset.loadBundled().train().image(2);
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                int rgb = ((int) cat.get(r, c, 0) << 16) | ((int) cat.get(r, c, 1) << 8) | (int) cat.get(r, c, 2);
                image.setRGB(c, r, rgb);
            }
        }
        Path file = dir.resolve("cat.png");
        ImageIO.write(image, "png", file.toFile());
        List<String> lines = run(new CatLogisticRegression.Options(dir, file, Engine.AUTO));
        assertEquals("y = 1, your algorithm predicts a \"cat\" picture.", lines.get(lines.size() - 1));
    }

    @Test
    void run_notAnImage_failsBeforeTrainingNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "not a picture");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatLogisticRegression.run(
                new CatLogisticRegression.Options(dir, file, Engine.AUTO), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
        assertEquals(0, bytes.size(), "nothing printed, no training");
    }

    @Test
    void run_outputDirectoryIsAFile_failsBeforeTrainingNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "a file, not a directory");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> CatLogisticRegression.run(
                new CatLogisticRegression.Options(file, null, Engine.AUTO), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("cannot create the output directory " + file), e.getMessage());
        assertEquals(0, bytes.size(), "nothing printed, no training");
    }

    @Test
    void parse_flags_giveOptions() {
        CatLogisticRegression.Options o = CatLogisticRegression.parse(
                new String[] {"--out", "x/y", "--image", "me.jpg", "--engine", "reference"});
        assertEquals(Path.of("x/y"), o.out());
        assertEquals(Path.of("me.jpg"), o.image());
        assertEquals(Engine.REFERENCE, o.engine());
        CatLogisticRegression.Options defaults = CatLogisticRegression.parse(new String[0]);
        assertEquals(Path.of("target", "nndl4j-output"), defaults.out());
        assertNull(defaults.image());
        assertEquals(Engine.AUTO, defaults.engine());
        assertNull(CatLogisticRegression.parse(new String[] {"--help"}));
    }

    @Test
    void parse_badArguments_areRefusedNamingThem() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CatLogisticRegression.parse(new String[] {"--iterations", "5"}));
        assertTrue(unknown.getMessage().contains("--iterations"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CatLogisticRegression.parse(new String[] {"--image"}));
        assertTrue(missing.getMessage().contains("--image needs a value"), missing.getMessage());
        IllegalArgumentException engine = assertThrows(IllegalArgumentException.class,
                () -> CatLogisticRegression.parse(new String[] {"--engine", "turbo"}));
        assertTrue(engine.getMessage().contains("turbo"), engine.getMessage());
    }
}
