package org.nndl4j.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayerSizesTest {

    @Test
    void withHiddenSize_keepsInputAndOutputSizes() {
        assertEquals(new LayerSizes(2, 20, 1), new LayerSizes(2, 4, 1).withHiddenSize(20));
    }

    @Test
    void constructor_negativeHiddenSize_refusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LayerSizes(2, -3, 1));
        assertTrue(e.getMessage().contains("nH") && e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void constructor_zeroInputs_refusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LayerSizes(0, 4, 1));
        assertTrue(e.getMessage().contains("nX") && e.getMessage().contains("got 0"), e.getMessage());
    }
}
