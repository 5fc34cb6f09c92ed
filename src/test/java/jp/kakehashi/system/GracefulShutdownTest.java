package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kakehashi.bench.ServiceProcess;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while imports are in flight, to the service in a JVM of its own: every request the server
 * had taken is answered (a connection refused after the signal is fine; a request cut off without
 * an answer is not), and what was answered is all there after a restart, indexed.
 */
@Slow
class GracefulShutdownTest {

    @Test
    void aTermSignalLetsInFlightImportsFinishBeforeTheServiceStops() throws Exception {
        Path data = Path.of("target", "test-data", "graceful-" + System.nanoTime());
        Path log = Files.createDirectories(Path.of("target")).resolve("graceful-" + System.nanoTime() + ".log");
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> cutOff = Collections.synchronizedList(new ArrayList<>());
        long stopMillis;
        try (ServiceProcess service = ServiceProcess.start(data, null, "512m", log)) {
            Http editor = new Staffing(service.http()).editor("SIN").http();
            List<CompletableFuture<Void>> imports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                imports.add(CompletableFuture.runAsync(() -> {
                    try {
                        Http.Response r = Fixtures.post(editor, "SIN", 150, false);
                        if (r.status() == 201) {
                            answered.incrementAndGet();
                        } else {
                            cutOff.add(r.status() + " " + r.body());
                        }
                    } catch (RuntimeException e) {
                        if (e.getCause() instanceof ConnectException) {
                            refused.incrementAndGet();
                        } else {
                            cutOff.add(String.valueOf(e.getCause() == null ? e : e.getCause()));
                        }
                    }
                }));
            }
            Thread.sleep(400); // the signal comes while imports are being worked on
            long start = System.nanoTime();
            ProcessHandle process = ProcessHandle.of(service.pid()).orElseThrow();
            process.destroy();
            process.onExit().get(60, TimeUnit.SECONDS);
            stopMillis = (System.nanoTime() - start) / 1_000_000;
            CompletableFuture.allOf(imports.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        System.out.printf("Graceful stop in %d ms: %d imports answered, %d refused, %d cut off%n", stopMillis,
                answered.get(), refused.get(), cutOff.size());
        assertEquals(List.of(), cutOff, "no request the server had taken went unanswered");
        assertTrue(answered.get() > 0, "imports were in flight when the signal came");
        try (ServiceProcess again = ServiceProcess.start(data, null, "512m", log)) {
            Http admin = new Staffing(again.http()).admin();
            long total = 0;
            for (int tries = 0; tries < 100 && total != 150L * answered.get(); tries++) {
                total = ((Number) admin.get("/api/v1/search?size=1").map().get("total")).longValue();
                Thread.sleep(100);
            }
            assertEquals(150L * answered.get(), total, "every answered import is there and indexed");
        }
    }
}
