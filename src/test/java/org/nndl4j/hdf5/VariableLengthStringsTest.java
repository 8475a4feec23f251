package org.nndl4j.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;
import org.nndl4j.hdf5.VariableLengthStrings.Encoded;
import org.nndl4j.hdf5.VariableLengthStrings.StringAttribute;

/**
 * The bytes of variable-length string attributes and their global heap, checked against what the HDF5 library wrote
 * through h5py 3.7 (HDF5 1.10.8) for {@code f.attrs['s'] = 'abc'} and
 * {@code f.attrs.create('arr', ['relu', '', 'sigmoid'], dtype=h5py.string_dtype())}: the same datatype bytes, heap
 * ids and heap objects (h5py's differ only where noted).
 */
class VariableLengthStringsTest {

    /** The 20 datatype bytes of both of h5py's attributes, copied from its file. */
    private static final String H5PY_DATATYPE = "19010100100000001000000001000000" + "00000800";

    @Test
    void scalarAttribute_messageBytes_matchWhatTheHdf5LibraryWrites() {
        StringAttribute s = new StringAttribute("s", List.of("abc"), true);
        Encoded e = VariableLengthStrings.encode(List.of(s), 0x800);
        ByteBuffer m = ByteBuffer.wrap(e.messages()).order(ByteOrder.LITTLE_ENDIAN);
        // message header: attribute (0x0C), body size, flags 0; h5py's body is 51 bytes, ours too
        assertEquals(0x0C, m.get(0));
        assertEquals(51, m.getShort(1));
        assertEquals(4 + 51, e.messages().length);
        assertEquals(e.messages().length, VariableLengthStrings.messageBytes(List.of(s)));
        // version 3, flags 0, name size 2 ("s" and its NUL), datatype 20 bytes, dataspace 4 bytes (scalar)
        assertEquals(3, m.get(4));
        assertEquals(2, m.getShort(6));
        assertEquals(20, m.getShort(8));
        assertEquals(4, m.getShort(10));
        // name encoding: h5py writes 0 (ASCII) for this ASCII name, we write 1 (UTF-8) for every name
        assertEquals(1, m.get(12));
        assertEquals("s\0", new String(e.messages(), 13, 2, StandardCharsets.UTF_8));
        assertEquals(H5PY_DATATYPE, HexFormat.of().formatHex(e.messages(), 15, 35));
        assertEquals("02000000", HexFormat.of().formatHex(e.messages(), 35, 39)); // scalar dataspace, version 2
        // heap id: 3 bytes long, in the collection at 0x800, object 1 (h5py's bytes exactly)
        assertEquals("03000000" + "0008000000000000" + "01000000", HexFormat.of().formatHex(e.messages(), 39, 55));
    }

    @Test
    void arrayAttribute_heapIdsAndHeapObjects_matchWhatTheHdf5LibraryWrites() {
        StringAttribute arr = new StringAttribute("arr", List.of("relu", "", "sigmoid"), false);
        Encoded e = VariableLengthStrings.encode(List.of(arr), 0x800);
        ByteBuffer m = ByteBuffer.wrap(e.messages()).order(ByteOrder.LITTLE_ENDIAN);
        // h5py's dataspace also stores the maximum size (20 bytes); ours leaves it out as jhdf does (12 bytes)
        assertEquals(12, m.getShort(10));
        int dataspace = 4 + 9 + 4 + 20;
        assertEquals("02010001" + "0300000000000000", HexFormat.of().formatHex(e.messages(), dataspace, dataspace + 12));
        int ids = dataspace + 12;
        assertEquals(ids + 3 * 16, e.messages().length);
        // every string is a heap object, the empty one too (length 0, object 2), as the HDF5 library does
        assertEquals("04000000" + "0008000000000000" + "01000000"
                + "00000000" + "0008000000000000" + "02000000"
                + "07000000" + "0008000000000000" + "03000000", HexFormat.of().formatHex(e.messages(), ids, ids + 48));

        ByteBuffer heap = ByteBuffer.wrap(e.heap()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4096, e.heap().length);
        // "GCOL", version 1, 3 reserved bytes, collection size
        assertEquals("47434f4c" + "01000000" + "0010000000000000", HexFormat.of().formatHex(e.heap(), 0, 16));
        // object 1: index, reference count 0, reserved, size 4, "relu" padded to 8 bytes
        assertEquals("0100000000000000" + "0400000000000000" + "72656c7500000000", HexFormat.of().formatHex(e.heap(), 16, 40));
        // object 2: the empty string, a header and no data
        assertEquals("0200000000000000" + "0000000000000000", HexFormat.of().formatHex(e.heap(), 40, 56));
        // object 3: "sigmoid" (7 bytes, one of padding)
        assertEquals("0300000000000000" + "0700000000000000" + "7369676d6f696400", HexFormat.of().formatHex(e.heap(), 56, 80));
        // object 0: the free space, its size counting its own header
        assertEquals(0, heap.getShort(80));
        assertEquals(4096 - 80, heap.getLong(88));
    }

    @Test
    void collection_largerThanTheMinimum_isExactlyItsObjects_andARestTooSmallForAHeaderStaysImplicit() {
        byte[] big = new byte[5000];
        byte[] heap = VariableLengthStrings.collection(List.of(big));
        assertEquals(16 + 16 + 5000, heap.length);
        assertEquals(heap.length, ByteBuffer.wrap(heap).order(ByteOrder.LITTLE_ENDIAN).getLong(8));
        // 16 + 253 * 16 + (16 + 8) = 4088: the minimum but 8 bytes, too few for object 0's header, so implicit
        List<byte[]> empties = new ArrayList<>(Collections.nCopies(253, new byte[0]));
        empties.add(new byte[8]);
        byte[] almostFull = VariableLengthStrings.collection(empties);
        assertEquals(4096, almostFull.length);
        assertArrayEquals(new byte[8], java.util.Arrays.copyOfRange(almostFull, 4088, 4096));
    }

    @Test
    void encode_moreStringsThanOneCollectionHolds_orAMessageOver64KiB_isRefused() {
        StringAttribute many = new StringAttribute("many", Collections.nCopies(65_536, "x"), false);
        Nndl4jException e = assertThrows(Nndl4jException.class,
                () -> VariableLengthStrings.encode(List.of(many), 0));
        assertEquals("65536 strings, more than the 65535 one global heap collection holds", e.getMessage());
        StringAttribute wide = new StringAttribute("wide", Collections.nCopies(4100, "x"), false);
        e = assertThrows(Nndl4jException.class, () -> VariableLengthStrings.encode(List.of(wide), 0));
        assertTrue(e.getMessage().startsWith("attribute 'wide' needs 65646 bytes, more than the 65535"), e.getMessage());
    }

    @Test
    void scalarAttribute_withOtherThanOneValue_isRefused() {
        assertThrows(Nndl4jException.class, () -> new StringAttribute("s", List.of("a", "b"), true));
    }
}
