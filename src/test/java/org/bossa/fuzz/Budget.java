package org.bossa.fuzz;

/**
 * How long each target fuzzes in the test phase. {@code mvn test} forks one JVM per target class
 * with JAZZER_FUZZ=1 (pom.xml, surefire execution "fuzz"), so this bounds the whole fuzz phase to
 * about (JVM start + seed replay + this) times the number of targets. Long runs override it with
 * {@code -Djazzer.max_duration} / {@code -Djazzer.max_executions} (scripts/fuzz.sh).
 */
final class Budget {
    static final String TEST_PHASE = "3s";

    private Budget() {
    }
}
