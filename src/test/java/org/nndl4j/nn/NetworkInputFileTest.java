package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.hdf5.Hdf5Reader;
import org.nndl4j.matrix.Matrix;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

/** Issue 14: a network carries its input transform and example shape, and its file records them for h5py. */
class NetworkInputFileTest {

    @TempDir
    Path dir;

    private static Network network() {
        return Network.of(
                new Layer(Matrix.of(new double[][] {{0.1, -0.2, 0.3, 0.4}, {0.5, 0.6, -0.7, 0.8}}), Matrix.of(new double[][] {{0.1}, {-0.1}}), Activation.RELU),
                new Layer(Matrix.of(new double[][] {{1.0, -1.0}}), Matrix.of(new double[][] {{0.2}}), Activation.SIGMOID));
    }

    @Test
    void forward_withInputTransform_appliesItToRawInputsFirst() {
        InputTransform t = new InputTransform(new double[] {1, 2, 3, 4}, new double[] {0.5, 0.25, 2, 1});
        Network raw = network().withInput(t);
        Matrix X = Matrix.of(new double[][] {{3, 1}, {6, 2}, {3, 4}, {4, 9}});
        assertEquals(network().forward(t.apply(X)), raw.forward(X));
        assertEquals(network().predict(t.apply(X)), raw.predict(X));
        assertEquals(t, raw.inputTransform().orElseThrow());
        assertTrue(network().inputTransform().isEmpty());
    }

    @Test
    void equals_includesTheInputTransformAndShape() {
        InputTransform t = InputTransform.uniform(4, 0, 1 / 255.);
        assertNotEquals(network(), network().withInput(t));
        assertEquals(network().withInput(t, 2, 2), network().withInput(t, 2, 2));
        assertNotEquals(network().withInput(t, 2, 2), network().withInput(t, 4));
        assertEquals(network(), network().withInput(t).withInput(null));
    }

    @Test
    void withInput_transformOrShapeOfTheWrongSize_isRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network().withInput(InputTransform.uniform(3, 0, 1)));
        assertTrue(e.getMessage().contains("3 features") && e.getMessage().contains("4 inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> network().withInput(null, 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("4 inputs"), e.getMessage());
    }

    @Test
    void saveAndLoad_withTransformAndShape_givesAnEqualNetwork() {
        Network n = network().withInput(new InputTransform(new double[] {1, 2, 3, 4}, new double[] {0.5, 0.25, 2, 1}), 2, 2, 1);
        Path file = dir.resolve("t.h5");
        n.save(file);
        Network back = Network.load(file);
        assertEquals(n, back);
        assertArrayEquals(new int[] {2, 2, 1}, back.inputShape());
    }

    @Test
    void save_writesActivationsAsStringArray_inputDatasetsAndShape_andNoJhdfStamp() {
        Path file = dir.resolve("m.h5");
        network().withInput(InputTransform.uniform(4, 0, 1 / 255.), 2, 2).save(file);
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            assertEquals(List.of("relu", "sigmoid"), h5.stringsAttribute("activations"));
            assertArrayEquals(new int[] {2, 2}, h5.intsAttribute("input_shape"));
            assertArrayEquals(new int[] {4, 1}, h5.dimensions("input_scale"));
            assertEquals(1 / 255., h5.readMatrix("input_scale")[3][0]);
            assertEquals(0.0, h5.readMatrix("input_shift")[0][0]);
            assertFalse(h5.attributeNames().contains("_jHDF"), h5.attributeNames().toString());
            assertEquals(2, h5.intsAttribute("format_version")[0]);
        }
    }

    @Test
    void save_withoutTransform_writesNoInputDatasetsAndTheFlatShape() {
        Path file = dir.resolve("plain.h5");
        network().save(file);
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            assertFalse(h5.hasDataset("input_shift"));
            assertArrayEquals(new int[] {4}, h5.intsAttribute("input_shape"));
        }
        assertEquals(network(), Network.load(file));
    }

    @Test
    void save_writesEveryStringAttributeAsAVariableLengthString_soH5pyReadsStr() {
        Path file = dir.resolve("vlen.h5");
        network().withInput(InputTransform.uniform(4, 0, 1 / 255.), 2, 2).save(file);
        try (HdfFile hdf = new HdfFile(file)) {
            // exactly the documented attributes: no jhdf stamp, no placeholder of the writer's
            assertEquals(Set.of("format", "format_version", "layer_dims", "activations", "input_shape"),
                    hdf.getAttributes().keySet());
            for (Attribute a : hdf.getAttributes().values()) {
                if (a.getJavaType() == String.class) {
                    VariableLength type = assertInstanceOf(VariableLength.class, a.getDataType(), a.getName());
                    assertTrue(type.isVariableLengthString(), a.getName());
                } else {
                    assertInstanceOf(FixedPoint.class, a.getDataType(), a.getName());
                }
            }
            assertEquals(String.class, hdf.getAttribute("format").getJavaType());
            assertEquals(String.class, hdf.getAttribute("activations").getJavaType());
            assertArrayEquals(new String[] {"relu", "sigmoid"}, (String[]) hdf.getAttribute("activations").getData());
        }
    }

    @Test
    void load_aVersion2FileWithFixedLengthStrings_asSavedBeforeVariableLengthOnes_givesItsNetwork() {
        // what Network.save wrote before its strings were variable-length: jhdf's fixed-length strings
        Network n = network().withInput(new InputTransform(new double[] {1, 2, 3, 4}, new double[] {0.5, 0.25, 2, 1}), 2, 2);
        Path file = dir.resolve("fixed.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute("format", NetworkFile.FORMAT);
            out.putAttribute("format_version", 2);
            out.putAttribute("layer_dims", new int[] {4, 2, 1});
            out.putAttribute("activations", new String[] {"relu", "sigmoid"});
            out.putAttribute("input_shape", new int[] {2, 2});
            out.putDataset("input_shift", new double[][] {{1}, {2}, {3}, {4}});
            out.putDataset("input_scale", new double[][] {{0.5}, {0.25}, {2}, {1}});
            for (int l = 1; l <= 2; l++) {
                out.putDataset("W" + l, n.W(l).toArray());
                out.putDataset("b" + l, n.b(l).toArray());
            }
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertInstanceOf(StringData.class, hdf.getAttribute("activations").getDataType());
        }
        assertEquals(n, Network.load(file));
    }
}
