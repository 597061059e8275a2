package fr.trame.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an import's time goes, phase by phase (read, validate, stage, merge…), for {@code bench}. An importer marks the
 * end of each phase; {@link #NONE}, what every ordinary import gets, records nothing and costs a field read. The
 * importer never prints: the caller reads {@link #seconds()}.
 */
public final class ImportPhases {

    /** Records nothing. */
    public static final ImportPhases NONE = new ImportPhases(false);

    private final boolean recording;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last;

    private ImportPhases(boolean recording) {
        this.recording = recording;
    }

    /** A fresh recorder, its clock started now. */
    public static ImportPhases recording() {
        ImportPhases phases = new ImportPhases(true);
        phases.last = System.nanoTime();
        return phases;
    }

    /** The time since the previous mark (or the start) goes to {@code phase}, added to what it already had. */
    public void end(String phase) {
        if (!recording) {
            return;
        }
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** Whether this records: a phase interleaved with another (validating rows as they are read) times itself only then. */
    public boolean isRecording() {
        return recording;
    }

    /**
     * The time since the previous mark, of which {@code partNanos} (timed by the importer while {@link #isRecording()})
     * went to {@code part} and the rest to {@code phase}.
     */
    public void end(String phase, String part, long partNanos) {
        if (!recording) {
            return;
        }
        long now = System.nanoTime();
        nanos.merge(phase, now - last - partNanos, Long::sum);
        nanos.merge(part, partNanos, Long::sum);
        last = now;
    }

    /** Seconds by phase, in the order the phases first ended. */
    public Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        nanos.forEach((phase, n) -> seconds.put(phase, n / 1e9));
        return Collections.unmodifiableMap(seconds);
    }
}
