package org.nndl4j.examples;

import org.nndl4j.Nndl4jException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

import org.nndl4j.train.Engine;

/** What the examples share on the command line: flag values, the engine flag, and turning failures into one line. */
final class CommandLine {

    /** Parses the arguments; {@code null} means "print the usage and stop" ({@code --help}). */
    @FunctionalInterface
    interface Parser<O> {
        O parse(String[] args);
    }

    /** Runs the example with parsed options. */
    @FunctionalInterface
    interface Program<O> {
        void run(O options, PrintStream out) throws IOException;
    }

    private CommandLine() {
    }

    /**
     * The common {@code main}: bad arguments print the problem and the usage and exit with 2; a failure while
     * running (a file that cannot be read or written, bad input) prints one line and exits with 1.
     */
    static <O> void main(String program, String usage, String[] args, Parser<O> parser, Program<O> body) {
        O options;
        try {
            options = parser.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage);
            return;
        }
        try {
            // an unusable output folder fails now, not after the training
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--out")) {
                    requireOutputDirectory(java.nio.file.Path.of(args[i + 1]), "--out");
                }
            }
            body.run(options, System.out);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println(program + ": " + describe(e));
            System.exit(1);
        }
    }

    /** The value after {@code flag} at {@code args[i]}; refuses a missing one. */
    static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--") || args[i].isBlank()) {
            throw new Nndl4jException(flag + " needs a value");
        }
        return args[i];
    }

    /** The {@code --engine} flag's value, in any case. */
    static Engine engine(String name) {
        for (Engine e : Engine.values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new Nndl4jException("--engine must be one of auto, primal, gram, reference; got '" + name + "'");
    }

    /** A one-line description; java.nio's FileSystemExceptions carry only the path, so their kind is added. */
    static String describe(Exception e) {
        return e instanceof FileSystemException ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
    }

    /**
     * Makes sure {@code dir} is a folder the example can write into, creating it if needed; refuses at once, saying
     * why, a path that is a file (or lies under one), or a folder that cannot be created or written.
     *
     * @param dir  the folder
     * @param flag the flag that named it, for the message
     * @throws IllegalArgumentException saying why the folder is unusable
     */
    static void requireOutputDirectory(java.nio.file.Path dir, String flag) {
        java.nio.file.Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !java.nio.file.Files.isDirectory(existing)) {
            throw new Nndl4jException(flag + " " + dir + ": cannot be used as the output folder: " + existing
                    + " is a file, not a folder");
        }
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Nndl4jException(flag + " " + dir + ": cannot create the output folder: " + describe(e), e);
        }
        if (!java.nio.file.Files.isWritable(dir)) {
            throw new Nndl4jException(flag + " " + dir + ": the output folder is not writable");
        }
    }

    /**
     * Refuses at once, saying why, a file that cannot be written later: its folder is missing or not writable, or the
     * path is a folder.
     *
     * @param file the file to be written
     * @param flag the flag that named it, for the message
     * @throws IllegalArgumentException saying why the file cannot be written
     */
    static void requireWritableFile(java.nio.file.Path file, String flag) {
        java.nio.file.Path parent = file.toAbsolutePath().normalize().getParent();
        if (java.nio.file.Files.isDirectory(file)) {
            throw new Nndl4jException(flag + " " + file + ": is a folder, not a file");
        }
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            throw new Nndl4jException(flag + " " + file + ": the folder " + parent + " does not exist");
        }
        if (!java.nio.file.Files.isWritable(parent)) {
            throw new Nndl4jException(flag + " " + file + ": the folder " + parent + " is not writable");
        }
    }

    /** A whole number {@code >= 1} given for {@code flag}. */
    static int positiveInt(String value, String flag) {
        return atLeast(value, flag, 1);
    }

    /** A whole number {@code >= 0} given for {@code flag}. */
    static int nonNegativeInt(String value, String flag) {
        return atLeast(value, flag, 0);
    }

    /** A finite number of seconds {@code >= 0} given for {@code flag}. */
    static double nonNegativeSeconds(String value, String flag) {
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Nndl4jException(flag + " needs a number of seconds, got '" + value + "'");
        }
        if (!(seconds >= 0.0) || Double.isInfinite(seconds)) {
            throw new Nndl4jException(flag + " must be a finite number >= 0, got " + value);
        }
        return seconds;
    }

    private static int atLeast(String value, String flag, int least) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Nndl4jException(flag + " needs a whole number, got '" + value + "'");
        }
        if (n < least) {
            throw new Nndl4jException(flag + " must be >= " + least + ", got " + n);
        }
        return n;
    }

    /**
     * The flags of one command line: each {@code --name VALUE} of {@code valueFlags} and each {@code --name} of
     * {@code switches} that was given.
     *
     * @param values   the values given, by flag
     * @param switches the switches given
     */
    record Flags(java.util.Map<String, String> values, java.util.Set<String> switches) {

        /** The value of {@code flag}, or {@code otherwise} if it was not given. */
        String value(String flag, String otherwise) {
            return values.getOrDefault(flag, otherwise);
        }

        /** Whether {@code name} was given. */
        boolean has(String name) {
            return switches.contains(name) || values.containsKey(name);
        }

        /** {@code --out DIR}, by default {@code target/nndl4j-output}. */
        java.nio.file.Path out() {
            return java.nio.file.Path.of(value("--out", "target/nndl4j-output"));
        }

        /** {@code --engine NAME}, by default {@link Engine#AUTO}. */
        Engine engine() {
            return values.containsKey("--engine") ? CommandLine.engine(values.get("--engine")) : Engine.AUTO;
        }

        /** A whole number {@code >= 1} given for {@code flag}, or {@code otherwise}. */
        int positive(String flag, int otherwise) {
            return values.containsKey(flag) ? positiveInt(values.get(flag), flag) : otherwise;
        }
    }

    /**
     * Reads {@code args} as flags: {@code --help}/{@code -h} gives {@code null} (print the usage), a flag of
     * {@code valueFlags} takes the next argument, a flag of {@code switches} stands alone, anything else is refused.
     *
     * @param args       the command line
     * @param valueFlags the flags that take a value
     * @param switches   the flags that do not
     * @return the flags, or {@code null} for help
     */
    static Flags flags(String[] args, java.util.Set<String> valueFlags, java.util.Set<String> switches) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        java.util.Set<String> given = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            } else if (valueFlags.contains(arg)) {
                values.put(arg, value(args, ++i, arg));
            } else if (switches.contains(arg)) {
                given.add(arg);
            } else {
                throw new Nndl4jException("unknown argument '" + arg + "'");
            }
        }
        return new Flags(values, given);
    }
}
