package org.nndl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The reliability sweep ({@link RefusalSweep}): random bad shapes, sizes and values through every public entry point
 * the issue names; only documented exception types, no out-of-memory error, no hang, no silent non-finite result.
 * Once in this JVM, and once in a JVM of 128 MB, where anything that allocates before it refuses runs out of memory.
 */
class RefusalSweepTest {

    @Test
    void sweep_inThisJvm_onlyDocumentedRefusals() {
        RefusalSweep.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> RefusalSweep.run(7, 120));
        assertEquals(List.of(), result.failures());
        assertTrue(result.refused() > result.cases() / 3, result.toString());
        assertTrue(result.refused() < result.cases(), "some cases must succeed: " + result);
    }

    @Test
    void sweep_underA128MegabyteHeap_neverRunsOutOfMemory() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RefusalSweep.class.getName(), "11", "600")
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "the sweep under -Xmx128m hung:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("cases: 600") && output.contains("failures: 0")
                && output.contains("max heap 1"), output);
    }
}
