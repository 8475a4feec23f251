package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.testing.Golden;
import org.nndl4j.train.Engine;

class PlanarFlowerTest {

    @Test
    void requirePlanar_threeFeatures_refusedNamingTheShape() {
        LabeledData cube = LabeledData.of(Matrix.zeros(3, 10), Matrix.zeros(1, 10));
        ShapeException e = assertThrows(ShapeException.class, () -> PlanarFlower.requirePlanar(cube));
        assertTrue(e.getMessage().contains("(3, 10)") && e.getMessage().contains("(2, m)"), e.getMessage());
    }

    @Test
    void requirePlanar_twoFeatures_passesTheDataThrough() {
        LabeledData plane = LabeledData.of(Matrix.zeros(2, 10), Matrix.zeros(1, 10));
        assertSame(plane, PlanarFlower.requirePlanar(plane));
    }

    @Test
    void parse_noArguments_isTheDefaultDirectoryAndEngine() {
        assertEquals(new PlanarFlower.Options(Path.of("target", "nndl4j-output"), Engine.AUTO), PlanarFlower.parse(new String[0]));
    }

    @Test
    void parse_outAndEngine_areTaken() {
        assertEquals(new PlanarFlower.Options(Path.of("/tmp/pictures"), Engine.REFERENCE),
                PlanarFlower.parse(new String[] {"--out", "/tmp/pictures", "--engine", "reference"}));
    }

    @Test
    void parse_help_meansPrintTheUsage() {
        assertNull(PlanarFlower.parse(new String[] {"--help"}));
    }

    @Test
    void parse_unknownFlag_refusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanarFlower.parse(new String[] {"--iterations", "5"}));
        assertTrue(e.getMessage().contains("--iterations"), e.getMessage());
    }

    @Test
    void parse_outWithoutDirectory_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanarFlower.parse(new String[] {"--out"}));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
    }

    @Test
    void parse_unknownEngine_refusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanarFlower.parse(new String[] {"--engine", "turbo"}));
        assertTrue(e.getMessage().contains("turbo"), e.getMessage());
    }

    @Test
    void coursePercent_courseRunPredictions_printAsTheCourseDoes() {
        Golden golden = Golden.load("planar.golden");
        Matrix predictions = Matrix.rowVector(golden.doubles("flower.nh4.predictions"));
        double percent = PlanarFlower.coursePercent(predictions, golden.matrix("flower.Y"));
        assertEquals(golden.scalar("flower.nh4.accuracy"), percent, 0.0);
        assertEquals("Accuracy: 90%", "Accuracy: " + (int) percent + "%");
        assertEquals("Accuracy for 4 hidden units: 90.5 %", "Accuracy for 4 hidden units: " + PythonFormat.repr(percent) + " %");
    }
}
