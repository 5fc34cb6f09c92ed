package jp.kakehashi.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a webhook may reach, literal by literal (no DNS needed), and how answers are read. */
class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "::1", "0.0.0.0", "::", "169.254.169.254", "fe80::1",
            "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1", "100.127.255.255", "192.0.0.170",
            "198.18.0.1", "224.0.0.1", "255.255.255.255", "240.0.0.1", "fc00::1", "fd12:3456::1", "ff02::1",
            "::ffff:127.0.0.1", "::127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:7f00:1::",
            "2002:c0a8:101::1"})
    void addressesInsideOrReservedAreForbidden(String literal) throws Exception {
        assertTrue(AddressGuard.forbidden(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "198.20.0.1",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "64:ff9b::808:808", "2002:808:808::"})
    void publicAddressesAreAllowed(String literal) throws Exception {
        assertFalse(AddressGuard.forbidden(InetAddress.getByName(literal)), literal);
    }

    @Test
    void aNameIsJudgedByWhatItResolvesToUnlessAnOperatorAllowedIt() throws Exception {
        AddressGuard.Refused refused = assertThrows(AddressGuard.Refused.class,
                () -> AddressGuard.resolve("localhost", Set.of()));
        assertTrue(refused.getMessage().contains("not a public address"), refused.getMessage());
        assertFalse(AddressGuard.resolve("localhost", Set.of("localhost")).isEmpty());
        assertThrows(AddressGuard.Refused.class, () -> AddressGuard.resolve("[::1]", Set.of()));
        assertThrows(AddressGuard.Refused.class, () -> AddressGuard.resolve("no-such-host.invalid", Set.of()));
    }

    @Test
    void theFinalStatusLineIsReadPastInterimAnswers() {
        assertEquals(0, HookClient.finalStatus("HTTP/1.1 20"));
        assertEquals(204, HookClient.finalStatus("HTTP/1.1 204 No Content\r\n"));
        assertEquals(0, HookClient.finalStatus("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 2"));
        assertEquals(201, HookClient.finalStatus("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"));
        assertEquals(0, HookClient.finalStatus("SSH-2.0-OpenSSH\r\n"), "not HTTP");
        assertEquals(0, HookClient.finalStatus("HTTP/1.1 2000 Odd\r\n"));
    }
}
