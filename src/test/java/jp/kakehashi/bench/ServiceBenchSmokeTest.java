package jp.kakehashi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.Slow;
import org.junit.jupiter.api.Test;

/** The process benchmark at a tiny size, so it keeps working; its figures mean nothing here. */
@Slow
class ServiceBenchSmokeTest {

    @Test
    void theProcessBenchmarkRunsEndToEndWithItsInvariantsHolding() throws Exception {
        Map<String, Object> r = ServiceBench.run(new ServiceBench.Plan(200, new int[] {40}, 4, new int[] {4},
                Duration.ofSeconds(3), 40, false));
        for (String key : new String[] {"readyMsExternal", "readyMsEmbedded", "residentMbAfterIndexing",
                "httpImportUntilSearchablePairsPerSecond"}) {
            assertTrue(((Number) r.get(key)).doubleValue() > 0, key);
        }
        Map<?, ?> load = (Map<?, ?>) ((List<?>) r.get("httpSearch")).get(0);
        assertEquals(0L, ((Number) load.get("errors")).longValue(), "wrk saw errors: " + load);
        // 40 req/s on 200 pairs is far below capacity: wrk's pacing must offer what was asked.
        assertTrue(((Number) load.get("achievedPerSecond")).doubleValue() >= 36, load.toString());
        Map<?, ?> level = (Map<?, ?>) ((List<?>) r.get("workflow")).get(0);
        Map<?, ?> service = (Map<?, ?>) level.get("service");
        for (Map<?, ?> phase : List.of(service, (Map<?, ?>) r.get("workflowWarmUp"))) {
            assertTrue(((Number) phase.get("cycles")).longValue() > 0, phase.toString());
            assertEquals(0L, ((Number) phase.get("doubleClaims")).longValue(), phase.toString());
            assertEquals(0L, ((Number) phase.get("lostUpdates")).longValue(), phase.toString());
            assertEquals(0L, ((Number) phase.get("unexpectedAnswers")).longValue(), phase.toString());
        }
        assertTrue(((Number) ((Map<?, ?>) level.get("rawJdbc")).get("cycles")).longValue() > 0, level.toString());
        // every transition is at least its UPDATE and its commit, whoever makes it
        for (Object leg : List.of(service, level.get("rawJdbc"))) {
            Map<?, ?> statements = (Map<?, ?>) ((Map<?, ?>) leg).get("mariaDbStatementsPerTransition");
            assertTrue(((Number) statements.get("Com_update")).doubleValue() >= 1, statements.toString());
            assertTrue(((Number) statements.get("Com_commit")).doubleValue() >= 1, statements.toString());
        }
    }
}
