package org.nndl4j.matrix;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Where in an array the first element on a 64-byte boundary (a cache line) is, so that the packed panels of B start
 * there: the tile kernels load B a whole vector (64 bytes with AVX-512) at a time, and a vector that straddles two
 * lines costs two loads. On an Intel Xeon (Ice Lake, 2026-12-01), one core, the float64 kernel alone ran at 75–81
 * GFLOP/s on a B panel that started on a line and at 55–61 on the seven other starts, whatever the A panel's start
 * (an 8 x 8 grid of starts, two processes). A Java array's address is neither known nor fixed (the collector moves
 * it), so the panels' start is looked up before each block is packed.
 *
 * <p>The address comes from {@code sun.misc.Unsafe} (module {@code jdk.unsupported}), read by reflection: the raw
 * reference held in a one-element array, decoded as HotSpot stores it (a 32-bit compressed reference shifted left by
 * 3, or by 0 in the unscaled mode of small heaps, or a 64-bit address). Where any of that is missing (for instance an
 * application on the module path that does not resolve {@code jdk.unsupported}), the start is 0, as before this class.
 * So it is from Java 24 on, whose JVM prints a warning at the first use of these methods of {@code sun.misc.Unsafe}
 * (JEP 498; Temurin 25 printed four lines): on those JVMs B's panels start where the array does, as before. Either
 * way results do not change: the panels hold the same values wherever they start.
 */
final class CacheLines {

    /** The bytes of a cache line. */
    static final int BYTES = 64;

    /** {@code Unsafe.getInt(Object, long)} and {@code getLong}, or null where they are unavailable. */
    private static final MethodHandle GET_INT;
    private static final MethodHandle GET_LONG;
    /** The byte offsets of element 0 in an {@code Object[]}, a {@code double[]} and a {@code float[]}. */
    private static final long REF_BASE;
    private static final long DOUBLE_BASE;
    private static final long FLOAT_BASE;
    /** Whether references are 32-bit compressed ones, and their shift. */
    private static final boolean COMPRESSED;
    private static final int SHIFT;
    /** The first Java release whose JVM warns when {@code sun.misc.Unsafe}'s memory access is used (JEP 498). */
    private static final int FIRST_WARNING_JAVA = 24;
    /** This thread's one-element array through which an array's reference is read. */
    private static final ThreadLocal<Object[]> HOLDER = ThreadLocal.withInitial(() -> new Object[1]);

    static {
        MethodHandle getInt = null;
        MethodHandle getLong = null;
        long refBase = 0;
        long doubleBase = 0;
        long floatBase = 0;
        boolean compressed = false;
        int shift = 0;
        try {
            if (Runtime.version().feature() >= FIRST_WARNING_JAVA) {
                throw new UnsupportedOperationException("sun.misc.Unsafe's memory access warns from Java 24 on");
            }
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object unsafe = field.get(null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            getInt = lookup.findVirtual(unsafeClass, "getInt", MethodType.methodType(int.class, Object.class,
                    long.class)).bindTo(unsafe);
            getLong = lookup.findVirtual(unsafeClass, "getLong", MethodType.methodType(long.class, Object.class,
                    long.class)).bindTo(unsafe);
            MethodHandle baseOf = lookup.findVirtual(unsafeClass, "arrayBaseOffset",
                    MethodType.methodType(int.class, Class.class)).bindTo(unsafe);
            MethodHandle scaleOf = lookup.findVirtual(unsafeClass, "arrayIndexScale",
                    MethodType.methodType(int.class, Class.class)).bindTo(unsafe);
            refBase = (int) baseOf.invokeExact((Class<?>) Object[].class);
            doubleBase = (int) baseOf.invokeExact((Class<?>) double[].class);
            floatBase = (int) baseOf.invokeExact((Class<?>) float[].class);
            compressed = (int) scaleOf.invokeExact((Class<?>) Object[].class) == 4;
            shift = compressed ? compressedShift(getInt, refBase) : 0;
        } catch (Throwable e) {
            getInt = null;
            getLong = null;
        }
        GET_INT = getInt;
        GET_LONG = getLong;
        REF_BASE = refBase;
        DOUBLE_BASE = doubleBase;
        FLOAT_BASE = floatBase;
        COMPRESSED = compressed;
        SHIFT = shift;
    }

    private CacheLines() {
    }

    /**
     * 0 when compressed references are the addresses themselves (objects start on 8 bytes, so every one of a few
     * dozen is a multiple of 8), else 3 (HotSpot's shift for its default 8-byte object alignment).
     */
    private static int compressedShift(MethodHandle getInt, long refBase) throws Throwable {
        Object[] objects = new Object[32];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = new long[1 + i % 3];
        }
        for (int i = 0; i < objects.length; i++) {
            Object[] holder = {objects[i]};
            if (((int) getInt.invokeExact((Object) holder, refBase) & 7) != 0) {
                return 3;
            }
        }
        return 0;
    }

    /** @return whether array addresses are known here (else every start is 0) */
    static boolean known() {
        return GET_INT != null;
    }

    /**
     * @param a an array
     * @return the first index {@code 0 .. 7} of {@code a} whose element starts a cache line now, or 0 where addresses
     *         are unknown
     */
    static int doubles(double[] a) {
        return start(a, DOUBLE_BASE, Double.BYTES);
    }

    /**
     * @param a an array
     * @return the first index {@code 0 .. 15} of {@code a} whose element starts a cache line now, or 0 where addresses
     *         are unknown
     */
    static int floats(float[] a) {
        return start(a, FLOAT_BASE, Float.BYTES);
    }

    /**
     * @param array a {@code double[]} or a {@code float[]}
     * @return {@link #doubles} or {@link #floats} of it
     */
    static int start(Object array) {
        return array instanceof double[] d ? doubles(d) : floats((float[]) array);
    }

    private static int start(Object array, long base, int elementBytes) {
        if (GET_INT == null) {
            return 0;
        }
        Object[] holder = HOLDER.get();
        holder[0] = array;
        try {
            long address = COMPRESSED
                    ? ((int) GET_INT.invokeExact((Object) holder, REF_BASE) & 0xFFFF_FFFFL) << SHIFT
                    : (long) GET_LONG.invokeExact((Object) holder, REF_BASE);
            long first = address + base;
            return (int) (Math.floorMod(-first, (long) BYTES) / elementBytes);
        } catch (Throwable e) {
            return 0;
        } finally {
            holder[0] = null;
        }
    }
}
