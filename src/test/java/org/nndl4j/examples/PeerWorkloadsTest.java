package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;
import org.nndl4j.data.CatDataset;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;

/** The peer benchmark's nndl4j side: its cat workload is the course's L-layer model, and its flags are checked. */
class PeerWorkloadsTest {

    private static String run(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);
        return PeerWorkloads.run(PeerWorkloads.Options.parse(full));
    }

    @Test
    void catGd_firstCostIsTheCourseModelsFirstCost_atOneAndTwoThreads() {
        // the course's building blocks step by step (REFERENCE), from the course's initialisation
        double course = DeepModels.lLayerModel(CatDataset.loadBundled().train().data(), PeerData.CAT_DIMS,
                CourseInitialization.APPLICATION, new TrainingConfig(1, PeerData.CAT_LEARNING_RATE, 1, Engine.REFERENCE),
                TrainingListener.none()).costs().cost(0);
        for (String threads : new String[] {"1", "2"}) {
            String json = run("cat-gd", "--threads", threads, "--warmup", "0", "--iterations", "2");
            double first = Double.parseDouble(BenchmarkOutput.field(json, "first_cost"));
            assertEquals(course, first, 1e-12 * course, json);
            assertEquals(threads, BenchmarkOutput.field(json, "threads"));
            assertEquals("iteration", BenchmarkOutput.field(json, "per"));
            assertEquals("2", BenchmarkOutput.field(json, "timed"));
            assertTrue(Double.parseDouble(BenchmarkOutput.field(json, "seconds")) > 0, json);
        }
    }

    @Test
    void options_defaultsPerWorkload() {
        PeerWorkloads.Options cat = PeerWorkloads.Options.parse(new String[] {"run", "cat-gd"});
        assertEquals(50, cat.warmup());
        assertEquals(50, cat.iterations());
        assertEquals(3, cat.epochs());
        assertEquals(1, cat.threads());
        assertEquals("f64", cat.precision());
        PeerWorkloads.Options tall = PeerWorkloads.Options.parse(new String[] {"run", "tall-gd", "--threads", "2"});
        assertEquals(1, tall.warmup());
        assertEquals(3, tall.iterations());
        assertEquals(2, tall.threads());
    }

    @Test
    void catGd_float32_printsTheSameLine_withAFirstCostWithinTheBenchmarksFloat32Agreement() {
        String f64 = run("cat-gd", "--warmup", "0", "--iterations", "2");
        String f32 = run("cat-gd", "--warmup", "0", "--iterations", "2", "--precision", "f32");
        assertEquals("f32", BenchmarkOutput.field(f32, "precision"));
        assertEquals(BenchmarkOutput.field(f64, "per"), BenchmarkOutput.field(f32, "per"));
        assertEquals(BenchmarkOutput.field(f64, "timed"), BenchmarkOutput.field(f32, "timed"));
        double first64 = Double.parseDouble(BenchmarkOutput.field(f64, "first_cost"));
        double first32 = Double.parseDouble(BenchmarkOutput.field(f32, "first_cost"));
        // bench.py's AGREEMENT for f32 is 1e-5 relative; float32 arithmetic is not float64's
        assertEquals(first64, first32, 1e-5 * first64, f32);
        assertTrue(first32 != first64, "the float32 path computes in float32");
    }

    @Test
    void options_unknownWorkloadOrFlag_isRefusedNamingIt() {
        Nndl4jException workload = assertThrows(Nndl4jException.class,
                () -> PeerWorkloads.Options.parse(new String[] {"run", "wide-gd"}));
        assertTrue(workload.getMessage().contains("wide-gd"), workload.getMessage());
        Nndl4jException flag = assertThrows(Nndl4jException.class,
                () -> PeerWorkloads.Options.parse(new String[] {"run", "cat-gd", "--thread", "2"}));
        assertTrue(flag.getMessage().contains("--thread"), flag.getMessage());
        assertThrows(Nndl4jException.class,
                () -> PeerWorkloads.Options.parse(new String[] {"run", "cat-gd", "--precision", "f16"}));
    }

    @Test
    void warmupSeconds_repeatTheWholeRunFirst_andTheReportedRunStartsAgainFromTheInitialParameters() {
        String cold = run("cat-gd", "--warmup", "0", "--iterations", "2");
        assertEquals("0", BenchmarkOutput.field(cold, "warmup_runs"));
        String warmed = run("cat-gd", "--warmup", "0", "--iterations", "2", "--warmup-seconds", "0.05");
        assertTrue(Integer.parseInt(BenchmarkOutput.field(warmed, "warmup_runs")) >= 1, warmed);
        assertEquals(BenchmarkOutput.field(cold, "first_cost"), BenchmarkOutput.field(warmed, "first_cost"));
        assertEquals(0.0, PeerWorkloads.Options.parse(new String[] {"run", "cat-gd"}).warmupSeconds());
    }

    @Test
    void warmupSeconds_thatAreNotAFiniteNumberAtLeastZero_areRefusedNamingTheFlag() {
        for (String bad : new String[] {"-1", "NaN", "Infinity", "five"}) {
            Nndl4jException e = assertThrows(Nndl4jException.class, () -> PeerWorkloads.Options.parse(
                    new String[] {"run", "cat-gd", "--warmup-seconds", bad}));
            assertTrue(e.getMessage().contains("--warmup-seconds") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
