package jp.kakehashi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * Every signed-in request reads its user from MariaDB ({@link TokenRevocation}). That read must not
 * run on a Netty event loop: while it waits, the loop would serve none of its other connections.
 * Here the user table is locked so that the reads wait; more signed-in requests are sent than there
 * are event loops, so on the loops every one of them would be stuck; readers' searches, which need no
 * database, must still be answered, and the signed-in requests once the lock is gone.
 */
@MicronautTest(transactional = false)
class TokenCheckThreadTest extends ServiceTest {
    private static final int REQUESTS = 16;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    @Test
    void aTokenCheckWaitingForMariaDbHoldsUpNoReadersSearch() throws Exception {
        Http http = new Http(server, json);
        Http editor = new Staffing(http).editor("PAR").http();
        String search = "/api/v1/search?q=Paris";
        assertEquals(200, editor.get(search).status());
        ExecutorService clients = Executors.newFixedThreadPool(2 * REQUESTS);
        List<Future<Http.Response>> signedIn = new ArrayList<>();
        try (Connection lock = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement st = lock.createStatement()) {
            st.execute("LOCK TABLES app_user WRITE");
            try {
                for (int i = 0; i < REQUESTS; i++) {
                    signedIn.add(CompletableFuture.supplyAsync(() -> editor.get(search), clients));
                }
                Thread.sleep(500);
                assertTrue(signedIn.stream().noneMatch(Future::isDone), "the token checks wait for the lock");
                List<Future<Http.Response>> readers = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    readers.add(CompletableFuture.supplyAsync(() -> http.anonymous().get(search), clients));
                }
                for (Future<Http.Response> r : readers) {
                    assertEquals(200, r.get(10, TimeUnit.SECONDS).status());
                }
            } finally {
                st.execute("UNLOCK TABLES");
            }
            for (Future<Http.Response> r : signedIn) {
                assertEquals(200, r.get(20, TimeUnit.SECONDS).status());
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
