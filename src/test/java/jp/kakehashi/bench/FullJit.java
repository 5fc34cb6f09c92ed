package jp.kakehashi.bench;

import java.lang.management.ManagementFactory;

/**
 * Benchmarks time the JIT a deployment runs, the test JVMs' default. A test JVM made C1-only
 * ({@code -Dkakehashi.test.jit=-XX:TieredStopAtLevel=1}) would mislead: a SearchBench run of 2026-12-07
 * timed C1-only code by mistake and took 3.4× the CPU of the full JIT.
 */
public final class FullJit {
    private FullJit() {
    }

    /** Refuses to go on in a JVM whose compiler is limited. */
    public static void require() {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel"))) {
            throw new IllegalStateException("benchmarks time the full JIT: run with -Dkakehashi.test.jit="
                    + " (docs/performance.md)");
        }
    }
}
