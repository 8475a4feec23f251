package org.nndl4j.examples;

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
            body.run(options, System.out);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println(program + ": " + describe(e));
            System.exit(1);
        }
    }

    /** The value after {@code flag} at {@code args[i]}; refuses a missing one. */
    static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--") || args[i].isBlank()) {
            throw new IllegalArgumentException(flag + " needs a value");
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
        throw new IllegalArgumentException("--engine must be one of auto, primal, gram, reference; got '" + name + "'");
    }

    /** A one-line description; java.nio's FileSystemExceptions carry only the path, so their kind is added. */
    static String describe(Exception e) {
        return e instanceof FileSystemException ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
    }

    /** A whole number {@code >= 1} given for {@code flag}. */
    static int positiveInt(String value, String flag) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be >= 1, got " + n);
        }
        return n;
    }
}
