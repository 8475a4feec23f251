package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;

/**
 * Your own pictures, one sub-folder per class (the layout of Keras' {@code image_dataset_from_directory} and
 * torchvision's {@code ImageFolder}):
 *
 * <pre>{@code
 * pets/cat/001.jpg  pets/cat/002.png  ...
 * pets/dog/001.jpg  ...
 * LabeledData pets = ImageFolder.load(Path.of("pets"), 64);   // X (12288, m), Y (1, m): cat = 0, dog = 1
 * }</pre>
 *
 * <p>The classes are the sub-folders' names, sorted ({@link String#compareTo}), class 0 first; the examples are the
 * images of class 0, then class 1, ..., each class's files in sorted order of their names. Each image is read exactly
 * as the course's {@code --image} path reads one ({@link ImageInput#readAsColumn}: converted to RGB, resized to
 * {@code numPx x numPx} like PIL, flattened in C order, divided by 255), so {@code X} is
 * {@code (numPx · numPx · 3, m)} with values in [0, 1]. Two classes give 0/1 labels {@code (1, m)}, more give one-hot
 * labels {@code (C, m)}.
 *
 * <p>Images are the files named {@code *.png}, {@code *.jpg}, {@code *.jpeg}, {@code *.gif} or {@code *.bmp} (in any
 * case); other files and names starting with {@code .} (such as {@code .DS_Store}) are skipped, and sub-folders of
 * the class folders are not searched. Every failure is a {@link DatasetException} naming the folder or the image:
 * a missing folder, fewer than two class folders, a class folder without images, images directly in the folder
 * instead of in class folders, an image file that cannot be decoded.
 */
public final class ImageFolder {

    /** The file extensions read as images. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private ImageFolder() {
    }

    /**
     * Reads every image under {@code folder}'s class sub-folders.
     *
     * @param folder the folder holding one sub-folder per class
     * @param numPx  the side of the square each image is resized to (64 for the course's cat models)
     * @return {@code X (numPx · numPx · 3, m)} and the labels, classes named after the sub-folders
     * @throws DatasetException naming the folder or the file (see the class comment)
     */
    public static LabeledData load(Path folder, int numPx) {
        Checks.notNull("ImageFolder.load", "folder", folder);
        if (numPx <= 0 || numPx > ImageInput.MAX_NUM_PX) {
            throw new Nndl4jException("ImageFolder.load: numPx must be between 1 and " + ImageInput.MAX_NUM_PX
                    + ", got " + numPx);
        }
        String source = folder.toString();
        if (!Files.exists(folder)) {
            throw new DatasetException(source, "folder not found (absolute path " + folder.toAbsolutePath() + ")");
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(source, "is a file, not a folder of class sub-folders");
        }
        List<Path> classFolders = new ArrayList<>();
        List<Path> stray = new ArrayList<>();
        for (Path p : list(folder, source)) {
            if (Files.isDirectory(p)) {
                classFolders.add(p);
            } else if (isImage(p)) {
                stray.add(p);
            }
        }
        if (!stray.isEmpty()) {
            throw new DatasetException(source, "holds images directly (" + stray.get(0).getFileName()
                    + (stray.size() > 1 ? " and " + (stray.size() - 1) + " more" : "")
                    + "); expected one sub-folder per class, each holding that class's images");
        }
        if (classFolders.size() < 2) {
            throw new DatasetException(source, "has " + classFolders.size() + " class sub-folder"
                    + (classFolders.size() == 1 ? " (" + classFolders.get(0).getFileName() + ")" : "")
                    + "; expected one sub-folder per class, at least two");
        }
        List<String> classNames = new ArrayList<>();
        List<Path> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classFolders.size(); c++) {
            Path classFolder = classFolders.get(c);
            classNames.add(classFolder.getFileName().toString());
            int before = images.size();
            for (Path p : list(classFolder, classFolder.toString())) {
                if (Files.isRegularFile(p) && isImage(p)) {
                    images.add(p);
                    labels.add(c);
                }
            }
            if (images.size() == before) {
                throw new DatasetException(classFolder.toString(), "class folder '" + classFolder.getFileName()
                        + "' holds no images (files ending in " + String.join(", ", IMAGE_EXTENSIONS.stream().sorted().toList()) + ")");
            }
        }
        int m = images.size();
        long features = (long) numPx * numPx * 3;
        if (features * m > Integer.MAX_VALUE - 8) {
            throw new DatasetException(source, m + " images of " + numPx + "x" + numPx + " pixels make " + features * m
                    + " values, more than one Java array holds; use a smaller numPx or fewer images");
        }
        double[] x = new double[(int) (features * m)];
        for (int j = 0; j < m; j++) {
            double[] column = ImageInput.readAsColumn(images.get(j), numPx).toRowMajor();
            for (int i = 0; i < column.length; i++) {
                x[i * m + j] = column[i];
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return ClassLabels.toLabeledData(source, Matrix.fromRowMajor((int) features, m, x), y, classNames);
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The entries of a folder, without hidden ones, sorted by name. */
    private static List<Path> list(Path folder, String source) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException | SecurityException e) {
            throw new DatasetException(source, "cannot list the folder: " + Failures.summarize(e), e);
        }
    }
}
