package jp.kakehashi.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a webhook may connect: a host's addresses after DNS resolution, refused when any of them is
 * not a public unicast address (loopback, link-local with the cloud metadata service at
 * 169.254.169.254, private, carrier-grade NAT, unique-local, multicast, unspecified, reserved, or one
 * of those inside an IPv6 form that embeds IPv4). An operator may allow named hosts
 * ({@code kakehashi.webhooks.allowed-hosts}) whose addresses are then not checked: an intranet CMS.
 * The client connects to the addresses checked here, never resolving the name again, so a DNS
 * answer that changes between the check and the connection (rebinding) cannot move it elsewhere.
 */
final class AddressGuard {
    private AddressGuard() {
    }

    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    static List<InetAddress> resolve(String host, Set<String> allowedHosts) throws Refused {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> all;
        try {
            all = Arrays.asList(InetAddress.getAllByName(bare));
        } catch (UnknownHostException e) {
            throw new Refused("unknown host " + host);
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return all;
        }
        for (InetAddress a : all) {
            if (forbidden(a)) {
                throw new Refused(host + " resolves to " + a.getHostAddress() + ", which is not a public address");
            }
        }
        return all;
    }

    static boolean forbidden(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 // "this network", reserved and broadcast
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (zero(b, 0, 12) || nat64(b)) {
                return forbidden(v4(b, 12)); // ::a.b.c.d and 64:ff9b::a.b.c.d
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return forbidden(v4(b, 2)); // 6to4 2002:AABB:CCDD::
            }
        }
        return false;
    }

    private static boolean nat64(byte[] b) {
        return (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && zero(b, 4, 12);
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
