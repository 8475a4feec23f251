package org.nndl4j.hdf5;

import static org.nndl4j.hdf5.Hdf5Errors.guard;
import static org.nndl4j.hdf5.Hdf5Errors.shapeString;

import java.util.Arrays;

import org.nndl4j.hdf5.DatasetInfo.ElementType;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.message.DataLayout;

/**
 * The hardening checks, each made from metadata before anything is read or allocated: the signature and the
 * end-of-file address, group depth and object counts, dimensions, element sizes, and the bytes a dataset claims
 * against what the file (or, compressed, {@value Hdf5Reader#MAX_COMPRESSION_RATIO} times the file) and the free
 * heap can hold. Each failure is an {@link Hdf5Exception} naming the file.
 */
final class Hdf5Checks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    static final int MAX_GROUP_DEPTH = 32;
    static final int MAX_LISTED_NODES = 100_000;

    private Hdf5Checks() {
    }

    // ------------------------------------------------------------------ the file as a whole

    /** Refuses a file larger than {@link Hdf5Reader#MAX_FILE_BYTES} before reading it. */
    static void checkFileSize(String source, long size) {
        if (size > Hdf5Reader.MAX_FILE_BYTES) {
            throw new Hdf5Exception(source, "file has " + size + " bytes; the largest HDF5 file nndl4j reads is "
                    + Hdf5Reader.MAX_FILE_BYTES + " bytes");
        }
    }

    /** Refuses an empty file and one without the HDF5 signature, before jhdf parses anything. */
    static void checkSignature(String source, byte[] bytes) {
        if (bytes.length == 0) {
            throw new Hdf5Exception(source, "file is empty (0 bytes), not an HDF5 file");
        }
        if (signatureOffset(bytes) < 0) {
            throw new Hdf5Exception(source, "not an HDF5 file: no HDF5 signature (\\x89HDF\\r\\n\\x1a\\n); the file starts with "
                    + Hdf5Errors.hexHead(bytes));
        }
    }

    /** Offset of the HDF5 signature: 0, 512, 1024, 2048, ... (after a user block), or -1. */
    static long signatureOffset(byte[] bytes) {
        for (long offset = 0; offset + SIGNATURE.length <= bytes.length; offset = offset == 0 ? 512 : offset * 2) {
            if (Arrays.equals(bytes, (int) offset, (int) offset + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                return offset;
            }
        }
        return -1;
    }

    /** Refuses a file shorter than its superblock says (truncated) or whose end-of-file address is corrupt. */
    static void checkEndOfFile(String source, long fileSize, HdfFile file) {
        long endOfFile = guard(source, "the superblock", () -> file.getHdfBackingStorage().getSuperblock().getEndOfFileAddress()
                + file.getHdfBackingStorage().getUserBlockSize());
        if (endOfFile > fileSize || endOfFile < 0) {
            throw new Hdf5Exception(source, "truncated or corrupt HDF5 file: the superblock says the file ends at byte "
                    + endOfFile + " but it has " + fileSize + " bytes");
        }
    }

    // ------------------------------------------------------------------ groups

    /** Refuses groups nested deeper than {@value #MAX_GROUP_DEPTH} (a cycle in a corrupt file). */
    static void checkGroupDepth(String source, int depth, String prefix) {
        if (depth > MAX_GROUP_DEPTH) {
            throw new Hdf5Exception(source, "groups nested more than " + MAX_GROUP_DEPTH + " deep at '" + prefix
                    + "'; the file is corrupt");
        }
    }

    /** Refuses to list more than {@value #MAX_LISTED_NODES} objects. */
    static void checkNodeCount(String source, int visited) {
        if (visited > MAX_LISTED_NODES) {
            throw new Hdf5Exception(source, "more than " + MAX_LISTED_NODES + " objects; the file is corrupt");
        }
    }

    // ------------------------------------------------------------------ metadata

    /** Refuses negative dimensions. */
    static void checkDimensions(String source, String where, int[] dims) {
        for (int dim : dims) {
            if (dim < 0) {
                throw new Hdf5Exception(source, where + " has a negative dimension in " + shapeString(dims)
                        + "; the file is corrupt");
            }
        }
    }

    /** Refuses elements of zero or fewer bytes. */
    static void checkElementBytes(String source, String where, int bytes) {
        if (bytes <= 0) {
            throw new Hdf5Exception(source, where + " has elements of " + bytes + " bytes; the file is corrupt");
        }
    }

    /** Refuses a dataset whose rank is not {@code expectedRank} ({@code -1}: any rank). */
    static void requireRank(String source, DatasetInfo info, int expectedRank) {
        if (expectedRank >= 0 && info.rank() != expectedRank) {
            throw new Hdf5Exception(source, "dataset '" + info.path() + "' has shape " + info.shapeString() + " (rank "
                    + info.rank() + "); expected rank " + expectedRank);
        }
    }

    /** Refuses more elements than one Java array can hold ({@link Hdf5Reader#MAX_ELEMENTS}), without overflowing. */
    static void checkSize(String source, DatasetInfo info, String where) {
        long n = 1;
        for (int d : info.dimensions()) {
            if (d != 0 && n > Hdf5Reader.MAX_ELEMENTS / d) {
                n = Long.MAX_VALUE;
                break;
            }
            n *= d;
        }
        if (n > Hdf5Reader.MAX_ELEMENTS) {
            throw new Hdf5Exception(source, where + " claims shape " + info.shapeString()
                    + ", more elements than one array can hold (" + Hdf5Reader.MAX_ELEMENTS + "); refusing to read it");
        }
    }

    /**
     * Checks, from metadata only, that the data the dataset claims can exist in this file and fit in
     * memory: so corrupt dimensions are refused before anything is allocated.
     */
    static void checkStorage(String source, long fileSize, HdfFile file, Dataset d, DatasetInfo info) {
        String where = "dataset '" + info.path() + "'";
        checkSize(source, info, where);
        long bytes = info.size() * info.elementBytes();
        if (info.size() == 0) {
            return;
        }
        DataLayout layout = guard(source, where, d::getDataLayout);
        if (layout == null) {
            throw new Hdf5Exception(source, where + " has no data layout; the file is corrupt");
        }
        switch (layout) {
            case CONTIGUOUS -> {
                long address = guard(source, where, () -> d instanceof ContiguousDataset c ? c.getDataAddress() : -1L);
                long start = address + guard(source, where, () -> file.getHdfBackingStorage().getUserBlockSize());
                if (address < 0 || start + bytes > fileSize || start + bytes < 0) {
                    throw new Hdf5Exception(source, where + " of shape " + info.shapeString() + " needs " + bytes
                            + " bytes at offset " + (address < 0 ? "(undefined)" : String.valueOf(start))
                            + ", beyond the end of the file (" + fileSize + " bytes); the file is truncated or corrupt");
                }
            }
            case COMPACT -> {
                if (bytes > fileSize) {
                    throw new Hdf5Exception(source, where + " of shape " + info.shapeString() + " claims " + bytes
                            + " bytes stored in its header, more than the whole file (" + fileSize + " bytes); the file is corrupt");
                }
            }
            case CHUNKED -> {
                long limit = fileSize * Hdf5Reader.MAX_COMPRESSION_RATIO;
                if (bytes > limit) {
                    throw new Hdf5Exception(source, where + " of shape " + info.shapeString() + " claims " + bytes
                            + " bytes, more than a " + fileSize + "-byte file can hold even compressed; the file is corrupt");
                }
                int[] chunk = guard(source, where, () -> d instanceof ChunkedDataset c ? c.getChunkDimensions().clone() : null);
                long chunkBytes = info.elementBytes();
                if (chunk != null) {
                    for (int c : chunk) {
                        if (c <= 0 || chunkBytes > limit / c) {
                            throw new Hdf5Exception(source, where + " has chunks of shape " + shapeString(chunk)
                                    + ", impossible in a " + fileSize + "-byte file; the file is corrupt");
                        }
                        chunkBytes *= c;
                    }
                }
            }
            default -> throw new Hdf5Exception(source, where + " has an unsupported layout " + layout);
        }
        // jhdf's array (at least 4 bytes an element), our doubles, and the copy the caller keeps (e.g. the
        // Matrix or NDArray it builds from them)
        long needed = info.size() * (16L + Math.max(info.elementBytes(), 4));
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free) {
            throw new Hdf5Exception(source, where + " of shape " + info.shapeString() + " needs about "
                    + (needed >> 20) + " MiB to load but only " + (free >> 20) + " MiB of heap are free");
        }
    }

    // ------------------------------------------------------------------ attributes

    /**
     * Checks an attribute from its metadata before its data is read: rank 0 or 1, the wanted type ({@code FLOAT}
     * accepts any number), not more elements than an array holds nor more bytes than the file.
     */
    static void checkAttribute(String source, long fileSize, String where, DatasetInfo info, ElementType wanted) {
        if (info.rank() > 1) {
            throw new Hdf5Exception(source, where + " has shape " + info.shapeString() + "; expected a scalar or a list");
        }
        boolean ok = wanted == ElementType.FLOAT ? info.elementType().isNumeric() : info.elementType() == wanted;
        if (!ok) {
            throw new Hdf5Exception(source, where + " holds " + Hdf5Metadata.typeName(info) + "; expected "
                    + (wanted == ElementType.STRING ? "a string" : wanted == ElementType.INTEGER ? "integers" : "numbers"));
        }
        checkSize(source, info, where);
        int bytes = info.elementBytes();
        if (info.size() * Math.max(1, bytes) > fileSize) {
            throw new Hdf5Exception(source, where + " claims " + info.size() + " elements of " + bytes
                    + " bytes, more than the file holds; the file is corrupt");
        }
    }
}
