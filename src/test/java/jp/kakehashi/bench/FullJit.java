package jp.kakehashi.bench;

import java.lang.management.ManagementFactory;

/**
 * Benchmarks time the JIT a deployment runs. The test JVMs are C1 only (pom.xml, for the suite's
 * speed): a SearchBench run of 2026-12-07 timed that and took 3.4× the CPU of the full JIT.
 */
public final class FullJit {
    private FullJit() {
    }

    /** Refuses to go on in a JVM whose compiler is limited; benchmarks are run with -Dkakehashi.test.jit= . */
    public static void require() {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel"))) {
            throw new IllegalStateException("benchmarks time the full JIT: run with -Dkakehashi.test.jit="
                    + " (docs/performance.md)");
        }
    }
}
