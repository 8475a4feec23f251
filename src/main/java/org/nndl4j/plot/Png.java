package org.nndl4j.plot;

import org.nndl4j.Nndl4jException;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import javax.imageio.ImageIO;

/**
 * Writes images as PNG files, atomically: a reader of the file sees either the old file or the complete
 * new one, never a half-written picture. The plots' pictures (packed RGB) are encoded here; other images by
 * ImageIO.
 */
public final class Png {

    private Png() {
    }

    /**
     * Writes {@code image} as a PNG to {@code file}, replacing an existing file. The picture is first written
     * to a temporary file in the same directory, which is then moved onto {@code file} with
     * {@link StandardCopyOption#ATOMIC_MOVE} (or, where the file system cannot move atomically,
     * {@link StandardCopyOption#REPLACE_EXISTING}). Missing parent directories are created. When anything
     * fails, the temporary file is deleted and {@code file} is left as it was.
     *
     * @param image the picture; not modified
     * @param file  the target; its name need not end in {@code .png}
     * @return {@code file}
     * @throws IllegalArgumentException if an argument is null
     * @throws IOException if {@code file} is a directory, the directory cannot be created, or writing or
     *                     moving fails; the message names the file
     */
    public static Path write(RenderedImage image, Path file) throws IOException {
        if (image == null || file == null) {
            throw new Nndl4jException("Png.write: image and file must not be null, got image " + image
                    + " and file " + file);
        }
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IOException("Png.write: " + file + " is a directory, expected a file path");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            if (PngEncoder.accepts(image)) {
                // made anew, with the permissions of any new file (as ImageIO.write does): a temporary file's are
                // the owner's alone
                Files.delete(temp);
                OutputStream bytes = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try (OutputStream out = new BufferedOutputStream(bytes, 1 << 16)) {
                    PngEncoder.write((BufferedImage) image, out);
                }
            } else if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("Png.write: no PNG writer accepts this image (" + describe(image)
                        + ") for " + file);
            }
            move(temp, target);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return file;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(RenderedImage image) {
        return image.getWidth() + " x " + image.getHeight() + ", sample type "
                + image.getSampleModel().getDataType() + ", " + image.getSampleModel().getNumBands() + " bands";
    }
}
