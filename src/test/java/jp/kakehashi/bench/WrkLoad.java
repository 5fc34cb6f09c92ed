package jp.kakehashi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.support.DebianPackages;

/**
 * HTTP load from a second process: Debian's wrk (installed on first use) cycling through the query
 * mix against {@code /api/v1/search}. Debian ships wrk 4, which has no fixed-rate mode (that is
 * wrk2), so requests are paced with wrk's {@code delay()} hook against a schedule: each wrk thread
 * hands its connections send times {@code threads/rate} seconds apart on the monotonic clock
 * (LuaJIT's FFI), and a connection waits only until its slot. A fixed pause per connection, as
 * before, added the answer's own time to every interval, so the offered rate fell short of the
 * requested one even when the service kept up (200 of 250 req/s at a 16 ms median). A slot already
 * past is taken at once: behind schedule, the connections send back to back. Latency is timed from
 * each actual send (wrk 4), so it is the service's only while achieved ≈ requested; beyond that, the
 * achieved rate is the service's capacity.
 */
public final class WrkLoad {
    private static final int THREADS = 2;
    /** Paces the thread's requests INTERVAL ms apart (see above); delay() answers whole milliseconds. */
    private static final String PACING = """
            local ffi = require("ffi")
            ffi.cdef[[
            typedef struct { long tv_sec; long tv_nsec; } kakehashi_timespec;
            int clock_gettime(int clock, kakehashi_timespec *tp);
            ]]
            local clock = ffi.new("kakehashi_timespec")
            local function now()
              ffi.C.clock_gettime(1, clock)
              return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1000000
            end
            local slot = nil
            delay = function()
              local t = now()
              if slot == nil then slot = t end
              local wait = slot - t
              slot = slot + INTERVAL
              if wait > 0 then return math.floor(wait) end
              return 0
            end
            """;
    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private WrkLoad() {
    }

    public static Map<String, Object> run(URI base, String token, List<String> queries, int rate, int connections,
                                          int seconds, Path work) throws IOException, InterruptedException {
        DebianPackages.ensure(List.of(WRK), "wrk");
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String q : queries) {
            lua.append("  \"/api/v1/search?size=10&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append("\",\n");
        }
        lua.append("}\nlocal i = math.random(#paths)\n")
                .append("wrk.headers[\"Authorization\"] = \"Bearer ").append(token).append("\"\n")
                .append("wrk.headers[\"Accept\"] = \"application/json\"\n")
                .append("request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
                .append(PACING.replace("INTERVAL", Double.toString(THREADS * 1000.0 / rate)));
        Path script = work.resolve("wrk-" + rate + ".lua");
        Files.writeString(script, lua);
        Path log = work.resolve("wrk-" + rate + ".txt");
        Process p = new ProcessBuilder(WRK.toString(), "-t" + THREADS, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), base.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk failed; see " + log);
        }
        return parse(Files.readString(log), rate);
    }

    static Map<String, Object> parse(String out, int rate) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("requestedPerSecond", rate);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        r.put("achievedPerSecond", rps.find() ? Double.parseDouble(rps.group(1)) : 0.0);
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            double ms = switch (m.group(3)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                default -> v;
            };
            r.put("p" + m.group(1) + "Ms", Math.round(ms * 100) / 100.0);
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        long errors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        r.put("errors", errors);
        return r;
    }
}
