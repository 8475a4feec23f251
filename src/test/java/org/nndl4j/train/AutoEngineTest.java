package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.nn.MemoryBudget;

/**
 * AUTO's engine follows the memory rule and the requested iteration count: GRAM only where its m x m Gram matrix fits
 * and its one-off {@code G = XᵀX} is paid back by its cheaper steps.
 */
class AutoEngineTest {

    @Test
    void gram_isNotChosen_whenItsGramMatrixDoesNotFit() {
        // n_x > m, but G alone is 50000² doubles = 20 GB
        int[] dims = {100_000, 1, 1};
        assertTrue(MemoryBudget.trainingBytes(dims, 50_000, 0, true) > Runtime.getRuntime().maxMemory()
                || Runtime.getRuntime().maxMemory() > 20_000_000_000L);
        if (Runtime.getRuntime().maxMemory() < 20_000_000_000L) {
            assertFalse(Training.gramPays(dims, 50_000, Long.MAX_VALUE));
        }
        // the same wide data with few examples: G is small and GRAM pays for a long training
        assertTrue(Training.gramPays(dims, 50, 1000));
    }

    @Test
    void primal_isChosen_whenItIsCheaperForTheRequestedIterations() {
        int[] dims = {12288, 7, 1};
        assertFalse(Training.gramPays(dims, 209, 2), "two steps do not pay for G = XᵀX");
        assertTrue(Training.gramPays(dims, 209, 2500));
        assertFalse(Training.gramPays(dims, 209, 0));
        assertFalse(Training.gramPays(new int[] {2, 4, 1}, 400, Long.MAX_VALUE), "tall data: never GRAM");
    }

    @Test
    void catModels_takeTheCheaperEngine_forTheirIterationCount() {
        LabeledData cat = CatDataset.loadBundled().train().data();
        assertEquals(Engine.PRIMAL, DeepModels.lLayerModel(cat, new int[] {12288, 7, 1}, DeepModels.courseConfig(2)).engine());
        assertEquals(Engine.GRAM, DeepModels.lLayerModel(cat, new int[] {12288, 7, 1}, DeepModels.courseConfig(30)).engine());
        assertEquals(Engine.GRAM, LogisticRegression.optimize(LogisticRegression.initializeWithZeros(12288).w(), 0.0,
                cat.X(), cat.Y(), LogisticRegression.courseConfig().withIterations(200), TrainingListener.none())
                .training().engine());
    }
}
