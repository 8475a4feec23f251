package org.nndl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package rules of the design: each package may use only the packages its arrows point to (and, through them,
 * theirs); nothing imports a package placed above it. Checked on the sources: every {@code import org.nndl4j.x...}
 * and every fully qualified {@code org.nndl4j.x.Type} in code (not in comments).
 *
 * <pre>
 * examples ─► everything below
 * logistic, shallow, deep ─► train, nn
 * train  ─► engine, nn, data
 * engine ─► nn, matrix
 * nn     ─► matrix, random, hdf5      (hdf5 for Network.save/load: the model file format lives beside the Network)
 * data   ─► hdf5, matrix, random
 * hdf5   ─► io.jhdf only
 * plot ─► matrix;  random ─► matrix;  basics ─► matrix;  matrix ─► EJML
 * every package ─► org.nndl4j.Nndl4jException (the one supertype of nndl4j's exceptions)
 * </pre>
 */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "nndl4j");

    /** The direct arrows; what a package may use is their transitive closure. */
    private static final Map<String, Set<String>> ARROWS = Map.ofEntries(
            Map.entry("examples", Set.of("logistic", "shallow", "deep", "train", "engine", "nn", "data", "hdf5", "plot",
                    "random", "matrix", "basics")),
            Map.entry("logistic", Set.of("train", "nn")),
            Map.entry("shallow", Set.of("train", "nn")),
            Map.entry("deep", Set.of("train", "nn")),
            Map.entry("train", Set.of("engine", "nn", "data")),
            Map.entry("engine", Set.of("nn", "matrix")),
            Map.entry("nn", Set.of("matrix", "random", "hdf5")),
            Map.entry("data", Set.of("hdf5", "matrix", "random")),
            Map.entry("hdf5", Set.of()),
            Map.entry("plot", Set.of("matrix")),
            Map.entry("random", Set.of("matrix")),
            Map.entry("basics", Set.of("matrix")),
            Map.entry("matrix", Set.of()));

    private static final Pattern USE = Pattern.compile("\\borg\\.nndl4j\\.([a-z0-9]+)\\.");

    private static Set<String> allowed(String pkg) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(ARROWS.get(pkg));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(ARROWS.get(next));
            }
        }
        seen.add(pkg);
        return seen;
    }

    @Test
    void everyPackageHasItsRule() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(ARROWS.keySet()), packages, "a new package needs its place in the rules");
    }

    @Test
    void noPackageUsesOneItMayNot() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : ARROWS.keySet()) {
            Set<String> allowed = allowed(pkg);
            try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    int n = 0;
                    for (String line : Files.readAllLines(file)) {
                        n++;
                        String code = line.strip();
                        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                            continue;
                        }
                        Matcher m = USE.matcher(code);
                        while (m.find()) {
                            if (!allowed.contains(m.group(1))) {
                                violations.add(file + ":" + n + ": " + pkg + " uses " + m.group(1));
                            }
                        }
                        String imported = code.replaceFirst("^import (static )?", "");
                        if (pkg.equals("hdf5") && code.startsWith("import ") && !imported.startsWith("io.jhdf.")
                                && !imported.startsWith("java.") && !imported.startsWith("org.nndl4j.hdf5.")
                                && !imported.equals("org.nndl4j.Nndl4jException;")) {
                            violations.add(file + ":" + n + ": hdf5 imports " + code);
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void everyExceptionNndl4jDefines_sharesOneSupertype() throws IOException {
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Exception.java")).toList()) {
                String source = Files.readString(file);
                String name = file.getFileName().toString().replace(".java", "");
                if (!name.equals("Nndl4jException") && !source.contains(" extends Nndl4jException")) {
                    outside.add(name);
                }
            }
        }
        assertTrue(outside.isEmpty(), "exceptions that do not extend Nndl4jException: " + outside);
    }

    @Test
    void everyRefusedArgument_isAnNndl4jException() throws IOException {
        // argument refusals are thrown as Nndl4jException (an IllegalArgumentException), so one catch takes them all
        List<String> plain = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("new IllegalArgumentException(")) {
                    plain.add(file.toString());
                }
            }
        }
        assertTrue(plain.isEmpty(), "files throwing a plain IllegalArgumentException: " + plain);
    }
}
