package jp.kakehashi.support;

import java.util.List;

/**
 * Options for the JVMs tests start as child processes (the service killed mid-import, the benchmark
 * smoke runs' service and Solr). Failsafe sets {@code kakehashi.test.childJvm} to C1 only (pom.xml,
 * {@code kakehashi.test.childJit}): those children live seconds and their figures mean nothing. A
 * benchmark run through surefire sets nothing, so its service is compiled as in production.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static List<String> options() {
        String options = System.getProperty("kakehashi.test.childJvm", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }
}
