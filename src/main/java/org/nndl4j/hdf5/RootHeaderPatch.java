package org.nndl4j.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.nndl4j.hdf5.VariableLengthStrings.Encoded;
import org.nndl4j.hdf5.VariableLengthStrings.StringAttribute;

import io.jhdf.checksum.ChecksumUtils;

/**
 * Puts variable-length string attributes into the root group of a file jhdf has just written, in the place of one
 * placeholder attribute that {@link Hdf5Writer} had jhdf write for them: the placeholder's message in the root
 * object header is overwritten by the attribute messages of {@link VariableLengthStrings} and a NIL message
 * filling the rest (so no address in the file moves), the header's checksum is recomputed, the global heap
 * collection with the strings is appended, and the superblock's end-of-file address and checksum are updated.
 *
 * <p>It reads only what the HDF5 specification defines (superblock version 2 or 3, a version-2 object header) and
 * checks each structure's signature, version and checksum before changing anything; a file not laid out so gets an
 * {@link IOException} saying what was unexpected, never a silently damaged file.
 */
final class RootHeaderPatch {

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    private static final byte[] OHDR = "OHDR".getBytes(StandardCharsets.US_ASCII);
    /** Superblock v2/v3: signature 8, version, offset size, length size, flags, base, extension, EOF, root, checksum. */
    private static final int SUPERBLOCK_BYTES = 48;
    private static final int EOF_AT = 28;
    private static final int ROOT_AT = 36;
    private static final int SUPERBLOCK_CHECKSUM_AT = 44;
    /** Object header v2 flags: attribute creation order tracked (bit 2) or indexed (3), phase change values (4). */
    private static final int UNSUPPORTED_HEADER_FLAGS = 0b0001_1100;
    private static final int TIMES_STORED = 0b0010_0000;
    /** The largest root object header read (jhdf writes one chunk of a few hundred bytes). */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private RootHeaderPatch() {
    }

    /** The whole root object header chunk as read, and where the placeholder's message lies in it. */
    private record Header(long address, byte[] bytes, int messageAt, int messageBytes) {
    }

    /**
     * Replaces the root-group attribute {@code placeholder} of the file at {@code path} by {@code attributes}.
     *
     * @throws IOException if the file cannot be read or written, is not laid out as expected, or the placeholder's
     *                     message is too small to hold the attributes' messages and a NIL message
     */
    static void replace(Path path, String placeholder, List<StringAttribute> attributes) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer superblock = read(ch, 0, SUPERBLOCK_BYTES, "the superblock");
            checkSuperblock(superblock);
            long endOfFile = superblock.getLong(EOF_AT);
            Header header = readRootHeader(ch, superblock.getLong(ROOT_AT), placeholder);

            long heapAddress = VariableLengthStrings.align8(Math.max(endOfFile, ch.size()));
            Encoded encoded = VariableLengthStrings.encode(attributes, heapAddress);
            int nilBody = header.messageBytes() - encoded.messages().length - VariableLengthStrings.MESSAGE_HEADER_BYTES;
            if (nilBody < 0) {
                throw new IOException("the placeholder attribute has " + header.messageBytes() + " bytes, the string "
                        + "attributes need " + encoded.messages().length + " and a NIL message");
            }
            ByteBuffer chunk = ByteBuffer.wrap(header.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            chunk.position(header.messageAt());
            chunk.put(encoded.messages());
            // a NIL message (type 0) over the rest of the placeholder's bytes
            chunk.put((byte) 0).putShort((short) nilBody).put((byte) 0).put(new byte[nilBody]);
            int checksumAt = header.bytes().length - 4;
            chunk.putInt(checksumAt, ChecksumUtils.checksum(Arrays.copyOf(header.bytes(), checksumAt)));

            write(ch, heapAddress, ByteBuffer.wrap(encoded.heap()));
            write(ch, header.address(), ByteBuffer.wrap(header.bytes()));
            superblock.putLong(EOF_AT, heapAddress + encoded.heap().length);
            superblock.putInt(SUPERBLOCK_CHECKSUM_AT, checksum(superblock, SUPERBLOCK_CHECKSUM_AT));
            write(ch, 0, superblock.rewind());
        }
    }

    private static void checkSuperblock(ByteBuffer sb) throws IOException {
        byte[] signature = new byte[HDF5_SIGNATURE.length];
        sb.get(0, signature);
        if (!Arrays.equals(signature, HDF5_SIGNATURE)) {
            throw new IOException("no HDF5 signature at the start of the file");
        }
        int version = sb.get(8);
        if (version != 2 && version != 3) {
            throw new IOException("superblock version " + version + ", expected 2 or 3");
        }
        if (sb.get(9) != 8 || sb.get(10) != 8 || sb.getLong(12) != 0) {
            throw new IOException("superblock with offsets of " + sb.get(9) + " bytes, lengths of " + sb.get(10)
                    + " bytes and base address " + sb.getLong(12) + ", expected 8, 8 and 0");
        }
        if (sb.getInt(SUPERBLOCK_CHECKSUM_AT) != checksum(sb, SUPERBLOCK_CHECKSUM_AT)) {
            throw new IOException("superblock checksum mismatch");
        }
    }

    /** Reads the root object header (one version-2 chunk, checksum verified) and finds the placeholder in it. */
    private static Header readRootHeader(FileChannel ch, long address, String placeholder) throws IOException {
        ByteBuffer prefix = read(ch, address, 6, "the root object header");
        byte[] signature = new byte[4];
        prefix.get(0, signature);
        if (!Arrays.equals(signature, OHDR) || prefix.get(4) != 2) {
            throw new IOException("the root group's object header at " + address + " is not a version-2 header");
        }
        int flags = prefix.get(5) & 0xFF;
        if ((flags & UNSUPPORTED_HEADER_FLAGS) != 0) {
            throw new IOException("the root group's object header has flags " + flags
                    + " (attribute creation order or phase change values), which this writer does not handle");
        }
        int sizeFieldBytes = 1 << (flags & 0b11);
        int messagesAt = 6 + ((flags & TIMES_STORED) != 0 ? 16 : 0) + sizeFieldBytes;
        ByteBuffer sizeField = read(ch, address + messagesAt - sizeFieldBytes, sizeFieldBytes, "the root object header");
        long chunkBytes = switch (sizeFieldBytes) {
            case 1 -> sizeField.get(0) & 0xFFL;
            case 2 -> sizeField.getShort(0) & 0xFFFFL;
            case 4 -> sizeField.getInt(0) & 0xFFFF_FFFFL;
            default -> sizeField.getLong(0);
        };
        if (chunkBytes < 0 || messagesAt + chunkBytes + 4 > MAX_HEADER_BYTES) {
            throw new IOException("the root group's object header claims " + chunkBytes + " bytes of messages");
        }
        int end = messagesAt + (int) chunkBytes;
        byte[] bytes = new byte[end + 4];
        read(ch, address, bytes.length, "the root object header").get(bytes);
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(end) != checksum(h, end)) {
            throw new IOException("the root group's object header checksum does not match");
        }
        int found = -1;
        int foundBytes = 0;
        int at = messagesAt;
        while (at + VariableLengthStrings.MESSAGE_HEADER_BYTES <= end) {
            int type = h.get(at) & 0xFF;
            int size = h.getShort(at + 1) & 0xFFFF;
            int body = at + VariableLengthStrings.MESSAGE_HEADER_BYTES;
            if (body + size > end) {
                throw new IOException("message at " + at + " of the root object header runs past its end");
            }
            if (type == VariableLengthStrings.ATTRIBUTE_MESSAGE && placeholder.equals(attributeName(h, body, size))) {
                if (found >= 0) {
                    throw new IOException("the root group has two attributes named '" + placeholder + "'");
                }
                found = at;
                foundBytes = VariableLengthStrings.MESSAGE_HEADER_BYTES + size;
            }
            at = body + size;
        }
        if (found < 0) {
            throw new IOException("no attribute '" + placeholder + "' in the root group's object header");
        }
        return new Header(address, bytes, found, foundBytes);
    }

    /** The name of a version-3 attribute message (the only version jhdf writes), or null for another version. */
    private static String attributeName(ByteBuffer h, int body, int size) {
        if (size < 9 || h.get(body) != 3) {
            return null;
        }
        int nameBytes = h.getShort(body + 2) & 0xFFFF;
        if (nameBytes < 1 || 9 + nameBytes > size) {
            return null;
        }
        byte[] name = new byte[nameBytes - 1]; // without its NUL
        h.get(body + 9, name);
        return new String(name, StandardCharsets.UTF_8);
    }

    /** HDF5's checksum (Jenkins' lookup3) of the first {@code length} bytes. */
    private static int checksum(ByteBuffer b, int length) {
        byte[] bytes = new byte[length];
        b.get(0, bytes);
        return ChecksumUtils.checksum(bytes);
    }

    private static ByteBuffer read(FileChannel ch, long position, int length, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("the file ends inside " + what);
            }
        }
        return b.flip();
    }

    private static void write(FileChannel ch, long position, ByteBuffer b) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            at += ch.write(b, at);
        }
    }
}
