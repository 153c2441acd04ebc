package io.atlas.app.bench;

/** One timed step: how long, over how many records and input bytes, with the heap peak seen (JVM engines only). */
public record Measurement(String step, String engine, double seconds, long records, long inputBytes, long peakHeapBytes) {
    public double recordsPerSecond() {
        return records / Math.max(seconds, 1e-9);
    }

    public double megabytesPerSecond() {
        return inputBytes / 1_048_576.0 / Math.max(seconds, 1e-9);
    }
}
