package org.nndl4j.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nndl4j.matrix.Matrix;

/** Writes a matrix as a numpy {@code .npy} file (format 1.0, little-endian float64, C order), for numpy to load. */
final class Npy {

    private Npy() {
    }

    static void write(Path file, Matrix m) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
        // magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in \n
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        head.putShort((short) header.length());
        ByteBuffer body = ByteBuffer.allocate(8 * m.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : m.toRowMajor()) {
            body.putDouble(v);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head.array());
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(body.array());
        }
    }
}
