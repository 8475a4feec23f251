package org.nndl4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;


import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * Writes {@code datasets/planar_flower.h5} from {@link PlanarDatasets#generateFlower()}: {@code X} (2, 400)
 * float64, {@code Y} (1, 400) int32 0/1, {@code list_classes} [red, blue]. The committed file was made by it;
 * {@code PlanarDatasetsTest} checks that the file and the generator still agree. To regenerate, from the
 * repository root:
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.nndl4j.data.WritePlanarFlower
 * </pre>
 * (an optional argument gives another output path).
 */
public final class WritePlanarFlower {

    private WritePlanarFlower() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "datasets/planar_flower.h5");
        write(PlanarDatasets.generateFlower(), out);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Writes X, Y and list_classes; the file appears complete or not at all (written aside, then moved). */
    static void write(LabeledData data, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "planar_flower", ".h5.tmp");
        try {
            int[][] labels = new int[1][data.size()];
            for (int j = 0; j < data.size(); j++) {
                labels[0][j] = (int) data.Y().get(0, j);
            }
            try (WritableHdfFile h5 = HdfFile.write(tmp)) {
                h5.putDataset("X", data.X().toArray());
                h5.putDataset("Y", labels);
                h5.putDataset("list_classes", data.classNames().toArray(new String[0]));
                h5.putAttribute("description", "The course's load_planar_dataset() (np.random.seed(1), m = 400), "
                        + "written by org.nndl4j.data.WritePlanarFlower");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
