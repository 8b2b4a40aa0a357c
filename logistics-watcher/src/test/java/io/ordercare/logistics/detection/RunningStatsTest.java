package io.ordercare.logistics.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunningStatsTest {

    @Test
    void mergingBatchesGivesWhatOneSeriesGives() {
        double[] xs = { 3600, 7200, 5400, 18000, 9000, 4000, 4100, 30000 };
        RunningStats all = RunningStats.EMPTY;
        for (double x : xs) {
            all = all.add(x);
        }
        RunningStats a = RunningStats.EMPTY, b = RunningStats.EMPTY;
        for (int i = 0; i < xs.length; i++) {
            if (i % 3 == 0) {
                a = a.add(xs[i]);
            } else {
                b = b.add(xs[i]);
            }
        }
        RunningStats merged = a.merge(b);
        assertThat(merged.count()).isEqualTo(all.count());
        assertThat(merged.mean()).isCloseTo(all.mean(), within(1e-6));
        assertThat(merged.standardDeviation()).isCloseTo(all.standardDeviation(), within(1e-6));
        assertThat(RunningStats.EMPTY.merge(a)).isEqualTo(a);
    }
}
