package org.nndl4j.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.Nndl4jException;

/**
 * Encodes string attributes as HDF5 variable-length UTF-8 strings, the kind h5py returns as Python {@code str}
 * (jhdf writes only fixed-length strings, which h5py returns as {@code bytes}): the attribute messages of an object
 * header, and the global heap collection that holds the strings' bytes. Formats from the HDF5 file format
 * specification (version 3): "Attribute Message" (version 3), "Datatype Message" (class 9, variable-length string
 * of base type 8-bit unsigned integer, as the HDF5 library itself writes it), "Dataspace Message" (version 2) and
 * "Global Heap"; all little-endian, offsets and lengths of 8 bytes.
 *
 * <p>Every string, the empty one included, is one heap object, so that readers that treat heap index 0 as "no
 * data" read it back as written.
 */
final class VariableLengthStrings {

    /** A string attribute to write: a scalar (one value) or a 1-D array. */
    record StringAttribute(String name, List<String> values, boolean scalar) {
        StringAttribute {
            values = List.copyOf(values);
            if (scalar && values.size() != 1) {
                throw new Nndl4jException("a scalar string attribute has one value, got " + values.size());
            }
        }
    }

    /** The encoded attribute messages (each with its object-header-v2 message header) and the heap holding their strings. */
    record Encoded(byte[] messages, byte[] heap) {
    }

    /** Object header message type of an attribute. */
    static final int ATTRIBUTE_MESSAGE = 0x0C;
    /** The header of a message in a version-2 object header: type (1), size (2), flags (1), no creation order. */
    static final int MESSAGE_HEADER_BYTES = 4;
    /** The largest body of one message (its size field has two bytes). */
    static final int MAX_MESSAGE_BODY = 0xFFFF;
    /** The smallest global heap collection the HDF5 library reads (it reads this much before the size). */
    static final int MIN_COLLECTION_BYTES = 4096;

    /** Variable-length string datatype (20 bytes): class 9, version 1, string, null-terminated, UTF-8, size 16. */
    private static final byte[] DATATYPE = {
        0x19, 0x01, 0x01, 0x00, 16, 0, 0, 0,
        // base type: class 0 (fixed point) version 1, little-endian unsigned, 1 byte, offset 0, precision 8
        0x10, 0x00, 0x00, 0x00, 1, 0, 0, 0, 0, 0, 8, 0,
    };
    /** A heap id: sequence length (4), collection address (8), object index (4). */
    private static final int HEAP_ID_BYTES = 16;
    /** A heap object's header: index (2), reference count (2), reserved (4), size (8). */
    private static final int OBJECT_HEADER_BYTES = 16;
    /** The collection's header: "GCOL", version 1, 3 reserved, collection size (8). */
    private static final int COLLECTION_HEADER_BYTES = 16;
    /** Object indices are 16-bit and 0 is the free space. */
    private static final int MAX_OBJECTS = 0xFFFF;

    private VariableLengthStrings() {
    }

    /** The bytes {@link #encode} gives for these attributes' messages, message headers included. */
    static int messageBytes(List<StringAttribute> attributes) {
        int total = 0;
        for (StringAttribute a : attributes) {
            total += MESSAGE_HEADER_BYTES + bodyBytes(a);
        }
        return total;
    }

    /** The body of one attribute message, in bytes. */
    static int bodyBytes(StringAttribute a) {
        return 9 + utf8(a.name()).length + 1 + DATATYPE.length + dataspaceBytes(a) + HEAP_ID_BYTES * a.values().size();
    }

    /** The number of strings, all attributes together (one heap object each). */
    static int stringCount(List<StringAttribute> attributes) {
        return attributes.stream().mapToInt(a -> a.values().size()).sum();
    }

    /**
     * Encodes the attributes' messages, with their strings in one global heap collection to be written at
     * {@code heapAddress}.
     *
     * @throws Nndl4jException if a message would exceed 64 KiB or there are more than 65535 strings
     */
    static Encoded encode(List<StringAttribute> attributes, long heapAddress) {
        if (stringCount(attributes) > MAX_OBJECTS) {
            throw new Nndl4jException(stringCount(attributes) + " strings, more than the " + MAX_OBJECTS
                    + " one global heap collection holds");
        }
        List<byte[]> objects = new ArrayList<>();
        ByteBuffer messages = little(messageBytes(attributes));
        for (StringAttribute a : attributes) {
            int body = bodyBytes(a);
            if (body > MAX_MESSAGE_BODY) {
                throw new Nndl4jException("attribute '" + a.name() + "' needs " + body
                        + " bytes, more than the " + MAX_MESSAGE_BODY + " of one object header message");
            }
            byte[] name = utf8(a.name());
            messages.put((byte) ATTRIBUTE_MESSAGE).putShort((short) body).put((byte) 0);
            // version 3, flags 0, name size (with its NUL), datatype size, dataspace size, name encoding UTF-8
            messages.put((byte) 3).put((byte) 0).putShort((short) (name.length + 1)).putShort((short) DATATYPE.length)
                    .putShort((short) dataspaceBytes(a)).put((byte) 1);
            messages.put(name).put((byte) 0).put(DATATYPE);
            // dataspace version 2, rank, flags 0 (no maximum sizes), type scalar (0) or simple (1), dimensions
            messages.put((byte) 2).put((byte) (a.scalar() ? 0 : 1)).put((byte) 0).put((byte) (a.scalar() ? 0 : 1));
            if (!a.scalar()) {
                messages.putLong(a.values().size());
            }
            for (String value : a.values()) {
                byte[] bytes = utf8(value);
                objects.add(bytes);
                // heap id: length in bytes, collection address, object index (1-based; 0 is the free space)
                messages.putInt(bytes.length).putLong(heapAddress).putInt(objects.size());
            }
        }
        return new Encoded(messages.array(), collection(objects));
    }

    /** A global heap collection holding {@code objects} as objects 1, 2, ..., then its free space. */
    static byte[] collection(List<byte[]> objects) {
        int used = COLLECTION_HEADER_BYTES;
        for (byte[] o : objects) {
            used += OBJECT_HEADER_BYTES + align8(o.length);
        }
        int size = Math.max(MIN_COLLECTION_BYTES, used);
        ByteBuffer heap = little(size);
        heap.put("GCOL".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put(new byte[3]).putLong(size);
        for (int i = 0; i < objects.size(); i++) {
            byte[] o = objects.get(i);
            // index, reference count 0 (as the HDF5 library writes for variable-length data), reserved, size, data
            heap.putShort((short) (i + 1)).putShort((short) 0).putInt(0).putLong(o.length).put(o);
            heap.position(heap.position() + align8(o.length) - o.length);
        }
        int free = size - used;
        if (free >= OBJECT_HEADER_BYTES) {
            // object 0: the free space, its size counting its own header (a smaller rest is free space implicitly)
            heap.putShort((short) 0).putShort((short) 0).putInt(0).putLong(free);
        }
        return heap.array();
    }

    private static int dataspaceBytes(StringAttribute a) {
        return a.scalar() ? 4 : 4 + 8;
    }

    static int align8(int n) {
        return (n + 7) & ~7;
    }

    static long align8(long n) {
        return (n + 7) & ~7L;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
