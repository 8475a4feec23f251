package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

/**
 * How the learning rate changes from epoch to epoch: a value, chosen on the {@link TrainingConfig}. Epoch 0 runs at
 * the configured rate {@code α0}; after epoch {@code e} the rate becomes {@link #rate(double, int) rate(α0, e)}, as
 * the second course's {@code model} applies its {@code decay} at the end of every epoch.
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant, LearningRateSchedule.InverseTimeDecay, LearningRateSchedule.ScheduledDecay {

    /**
     * The rate for the epoch after epoch {@code epoch}.
     *
     * @param initial {@code α0}
     * @param epoch   the epoch just finished, from 0
     * @return the new rate
     */
    double rate(double initial, int epoch);

    /** @return no decay */
    static Constant constant() {
        return new Constant();
    }

    /**
     * @param decayRate the course's {@code decay_rate}
     * @return the course's {@code update_lr}
     */
    static InverseTimeDecay inverseTime(double decayRate) {
        return new InverseTimeDecay(decayRate);
    }

    /**
     * @param decayRate the course's {@code decay_rate}
     * @return the course's {@code schedule_lr_decay} with its interval of 1000 epochs
     */
    static ScheduledDecay scheduled(double decayRate) {
        return new ScheduledDecay(decayRate, 1000);
    }

    /** The rate stays {@code α0}. */
    record Constant() implements LearningRateSchedule {
        @Override
        public double rate(double initial, int epoch) {
            return initial;
        }
    }

    /**
     * The course's {@code update_lr}: {@code α = 1 / (1 + decayRate·e) · α0}.
     *
     * @param decayRate {@code >= 0}
     */
    record InverseTimeDecay(double decayRate) implements LearningRateSchedule {
        /**
         * @param decayRate {@code >= 0}
         * @throws IllegalArgumentException if the rate is negative or not finite
         */
        public InverseTimeDecay {
            requireDecayRate(decayRate);
        }

        @Override
        public double rate(double initial, int epoch) {
            return 1 / (1 + decayRate * epoch) * initial;
        }
    }

    /**
     * The course's {@code schedule_lr_decay}: {@code α = 1 / (1 + decayRate·floor(e / interval)) · α0}, a step down
     * every {@code interval} epochs.
     *
     * @param decayRate {@code >= 0}
     * @param interval  epochs per step, {@code >= 1}
     */
    record ScheduledDecay(double decayRate, int interval) implements LearningRateSchedule {
        /**
         * @param decayRate {@code >= 0}
         * @param interval  epochs per step, {@code >= 1}
         * @throws IllegalArgumentException if a value is out of range
         */
        public ScheduledDecay {
            requireDecayRate(decayRate);
            if (interval < 1) {
                throw new Nndl4jException("ScheduledDecay: interval must be >= 1, got " + interval);
            }
        }

        @Override
        public double rate(double initial, int epoch) {
            return 1 / (1 + decayRate * Math.floor((double) epoch / interval)) * initial;
        }
    }

    private static void requireDecayRate(double decayRate) {
        if (!(decayRate >= 0.0) || Double.isInfinite(decayRate)) {
            throw new Nndl4jException("learning-rate decay: decayRate must be a finite number >= 0, got " + decayRate);
        }
    }
}
