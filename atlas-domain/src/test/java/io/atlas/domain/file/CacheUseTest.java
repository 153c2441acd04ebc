package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cache that keeps missing is passed by for a while and then tried again; a cold start or a useful one is not. */
class CacheUseTest {

    @Test
    void aCacheThatFindsNothingIsPassedByForAPauseAfterItsColdSample() {
        CacheUse use = new CacheUse();
        assertThat(lookups(use, CacheUse.SAMPLE, 0)).as("the cold first sample").isEqualTo(CacheUse.SAMPLE);
        assertThat(lookups(use, CacheUse.SAMPLE, 0)).isEqualTo(CacheUse.SAMPLE);
        int passedBy = 0;
        while (!use.lookUp()) {
            passedBy++;
        }
        assertThat(passedBy).isEqualTo(CacheUse.PAUSE);
        use.looked(false);
        assertThat(lookups(use, CacheUse.SAMPLE - 1, 1)).as("sampled again after the pause").isEqualTo(CacheUse.SAMPLE - 1);
    }

    @Test
    void aCacheThatFindsOneValueInSixteenIsAlwaysLookedIn() {
        CacheUse use = new CacheUse();
        int rounds = 20;
        assertThat(lookups(use, rounds * CacheUse.SAMPLE, CacheUse.MIN_HITS_IN)).isEqualTo(rounds * CacheUse.SAMPLE);
    }

    @Test
    void aCacheThatFindsFewerIsPassedBy() {
        CacheUse use = new CacheUse();
        lookups(use, 2 * CacheUse.SAMPLE, CacheUse.MIN_HITS_IN + 1);
        assertThat(use.lookUp()).isFalse();
    }

    /** Asks {@code count} times, one hit in {@code hitEvery} lookups (0: none); returns how many were looked up. */
    private static int lookups(CacheUse use, int count, int hitEvery) {
        int looked = 0;
        for (int i = 0; i < count; i++) {
            if (use.lookUp()) {
                looked++;
                use.looked(hitEvery > 0 && looked % hitEvery == 0);
            }
        }
        return looked;
    }
}
