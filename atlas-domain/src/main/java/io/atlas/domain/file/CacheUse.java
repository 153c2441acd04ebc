package io.atlas.domain.file;

/**
 * Whether a value cache is worth looking in, from its recent hit rate: a cache of a column whose values never repeat
 * (a public site's client addresses) only costs, a lookup of a cold slot or two and a copy of the value into it for
 * every value, to find nothing. After each {@link #SAMPLE} lookups but the first (a cold cache misses), a cache that
 * found fewer than one value in {@link #MIN_HITS_IN} is passed by for the next {@link #PAUSE} values, then sampled
 * again, so a column whose values start repeating is cached again. The values never change, only which instance
 * carries them. Not thread-safe: one for each cache.
 */
public final class CacheUse {
    static final int SAMPLE = 4096;
    static final int MIN_HITS_IN = 16;
    static final int PAUSE = 1 << 18;

    private int lookups;
    private int hits;
    private int paused;
    private boolean warm;

    /** Whether to look the next value up (and then {@link #looked} it); false while the cache is passed by. */
    public boolean lookUp() {
        if (paused > 0) {
            paused--;
            return false;
        }
        return true;
    }

    /** Counts a lookup's outcome. */
    public void looked(boolean hit) {
        if (hit) {
            hits++;
        }
        if (++lookups == SAMPLE) {
            if (warm && hits < SAMPLE / MIN_HITS_IN) {
                paused = PAUSE;
            }
            warm = true;
            lookups = 0;
            hits = 0;
        }
    }
}
