package org.bossa.app.cli;

import java.nio.file.Path;
import java.util.Map;

/** Where the state directory is when no option names it. */
public final class StateDirs {
    /** The environment variable naming the state directory. */
    public static final String ENV = "BOSSA_STATE_DIR";
    /** The state directory when nothing names one: {@code ./state}. */
    public static final Path FALLBACK = Path.of("state");

    private StateDirs() {
    }

    /** {@code $BOSSA_STATE_DIR} if set and not empty, else {@code ./state}. */
    public static Path fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static Path fromEnvironment(Map<String, String> env) {
        String dir = env.get(ENV);
        return dir == null || dir.isBlank() ? FALLBACK : Path.of(dir);
    }
}
