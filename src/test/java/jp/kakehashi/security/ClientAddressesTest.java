package jp.kakehashi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address the sign-in throttle counts, with and without load balancers in front. */
class ClientAddressesTest {
    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheConnectionsPeerIsTheClientWhateverItsHeadersSay() throws Exception {
        ClientAddresses direct = new ClientAddresses(List.of(""));
        assertEquals(ip("203.0.113.5"), direct.resolve(ip("203.0.113.5"), List.of("198.51.100.1")));
        assertEquals(ip("10.0.0.5"), direct.resolve(ip("10.0.0.5"), List.of("198.51.100.1")));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWhenTrustedProxiesAreConfigured() throws Exception {
        assertEquals(ip("203.0.113.5"), behindProxies.resolve(ip("203.0.113.5"), List.of("198.51.100.1")));
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopFromTheRightIsTheClient() throws Exception {
        assertEquals(ip("198.51.100.7"), behindProxies.resolve(ip("10.0.0.5"), List.of("198.51.100.7")));
        assertEquals(ip("198.51.100.7"), behindProxies.resolve(ip("10.0.0.5"), List.of("198.51.100.7, 10.1.2.3")));
        assertEquals(ip("198.51.100.7"), behindProxies.resolve(ip("192.0.2.1"), List.of("1.2.3.4", "198.51.100.7")),
                "headers are joined in order; what the client wrote itself (1.2.3.4) is never reached");
        assertEquals(ip("2001:db8::7"), behindProxies.resolve(ip("fd12::1"), List.of("[2001:db8::7]")));
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkAtTheLastTrustedProxy() throws Exception {
        assertEquals(ip("10.1.2.3"), behindProxies.resolve(ip("10.0.0.5"), List.of("evil.example, 10.1.2.3")));
        assertEquals(ip("10.0.0.5"), behindProxies.resolve(ip("10.0.0.5"), List.of("")));
        assertEquals(ip("10.0.0.5"), behindProxies.resolve(ip("10.0.0.5"), List.of()));
        assertEquals(ip("10.0.0.9"), behindProxies.resolve(ip("10.0.0.5"), List.of("10.0.0.9")),
                "only trusted hops: the farthest one");
    }

    @Test
    void onlyIpLiteralsAreReadNeverHostNames() {
        assertNull(ClientAddresses.literal("localhost"));
        assertNull(ClientAddresses.literal("example.com"));
        assertNull(ClientAddresses.literal("1.2.3.4.5"));
        assertNull(ClientAddresses.literal("unknown"));
        assertNull(ClientAddresses.literal("999.1.1.1"), "no literal to the JDK, which would look it up");
        assertNull(ClientAddresses.literal("2001:db8::zz"));
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressOrBlockStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
