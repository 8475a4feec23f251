package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;

/** Folders of PNGs, one sub-folder per class, written with javax.imageio in a temporary folder. */
class ImageFolderTest {

    @TempDir
    Path dir;

    /** A {@code w x h} PNG whose pixels depend on {@code seed}. */
    private static Path png(Path file, int w, int h, int seed) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((seed * 40 + x * 7) & 0xFF) << 16 | ((y * 11 + seed) & 0xFF) << 8 | ((x * y + seed * 3) & 0xFF));
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void load_twoClasses_sortedFolders_sortedFiles_resizedLikeTheImagePath() throws IOException {
        Path b2 = png(dir.resolve("pets/dog/b.png"), 12, 9, 3);
        Path a2 = png(dir.resolve("pets/dog/a.PNG"), 5, 5, 4);
        Path a1 = png(dir.resolve("pets/cat/x.png"), 20, 14, 1);
        Files.writeString(dir.resolve("pets/cat/notes.txt"), "not an image");
        Files.writeString(dir.resolve("pets/cat/.DS_Store"), "hidden");
        LabeledData d = ImageFolder.load(dir.resolve("pets"), 8);
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertEquals(192, d.features());
        assertEquals(Matrix.rowVector(0, 1, 1), d.Y());
        List<Path> order = List.of(a1, a2, b2);
        for (int j = 0; j < 3; j++) {
            assertEquals(ImageInput.readAsColumn(order.get(j), 8), d.X().column(j), "image " + order.get(j));
        }
    }

    @Test
    void load_threeClasses_isOneHot() throws IOException {
        png(dir.resolve("c/zebra/1.png"), 4, 4, 1);
        png(dir.resolve("c/ant/1.png"), 4, 4, 2);
        png(dir.resolve("c/bee/1.png"), 4, 4, 3);
        png(dir.resolve("c/bee/2.png"), 4, 4, 4);
        LabeledData d = ImageFolder.load(dir.resolve("c"), 2);
        assertEquals(List.of("ant", "bee", "zebra"), d.classNames());
        assertEquals(Matrix.rowVector(0, 1, 1, 2), d.labels());
        assertEquals(3, d.Y().rows());
        assertEquals(12, d.features());
    }

    @Test
    void badFolders_areDatasetExceptionsNamingTheFolderOrTheFile() throws IOException {
        Path missing = dir.resolve("missing");
        refused(missing, "folder not found", () -> ImageFolder.load(missing, 8));
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        refused(file, "is a file, not a folder", () -> ImageFolder.load(file, 8));

        png(dir.resolve("one/cat/1.png"), 4, 4, 1);
        refused(dir.resolve("one"), "has 1 class sub-folder (cat); expected one sub-folder per class, at least two",
                () -> ImageFolder.load(dir.resolve("one"), 8));

        png(dir.resolve("loose/cat/1.png"), 4, 4, 1);
        png(dir.resolve("loose/dog/1.png"), 4, 4, 1);
        png(dir.resolve("loose/stray.png"), 4, 4, 1);
        refused(dir.resolve("loose"), "holds images directly (stray.png)", () -> ImageFolder.load(dir.resolve("loose"), 8));

        png(dir.resolve("empty/cat/1.png"), 4, 4, 1);
        Files.createDirectories(dir.resolve("empty/dog"));
        Files.writeString(dir.resolve("empty/dog/readme.txt"), "no pictures here");
        refused(dir.resolve("empty/dog"), "class folder 'dog' holds no images", () -> ImageFolder.load(dir.resolve("empty"), 8));

        png(dir.resolve("broken/cat/1.png"), 4, 4, 1);
        Files.createDirectories(dir.resolve("broken/dog"));
        Path fake = Files.writeString(dir.resolve("broken/dog/fake.png"), "this is text, not a PNG");
        refused(fake, "not an image", () -> ImageFolder.load(dir.resolve("broken"), 8));

        assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(dir.resolve("broken"), 0));
    }

    private static void refused(Path source, String problem, org.junit.jupiter.api.function.Executable load) {
        DatasetException e = assertThrows(DatasetException.class, load);
        assertEquals(source.toString(), e.source(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }
}
