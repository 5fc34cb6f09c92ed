package jp.kakehashi.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request came from, for the sign-in throttle. It is the connection's peer unless that
 * peer is one of {@code kakehashi.trusted-proxies} (addresses or CIDR blocks of the load balancers in
 * front of the service): then it is the nearest address in {@code X-Forwarded-For} that is not a
 * trusted proxy, read from the right, since each proxy appends the address it saw and anything to the
 * left of that may be the client's own invention. Micronaut's default resolver believes {@code
 * Forwarded} and {@code X-Forwarded-For} from anyone, so a client could spread its failed sign-ins over
 * made-up addresses, or lock an office out by naming the office's address in failures of its own.
 * Only IP literals are read (never a host name, which would be a DNS lookup per request).
 */
@Singleton
public class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_HOPS = 20;
    private final List<Block> trusted;

    ClientAddresses(@Value("${kakehashi.trusted-proxies:}") List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String t : trustedProxies) {
            if (!t.isBlank()) {
                blocks.add(Block.parse(t.strip()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    public String of(HttpRequest<?> request) {
        InetAddress client = resolve(request.getRemoteAddress().getAddress(),
                request.getHeaders().getAll("X-Forwarded-For"));
        return client == null ? String.valueOf(request.getRemoteAddress()) : client.getHostAddress();
    }

    InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        InetAddress nearest = peer;
        for (int i = hops.size() - 1; i >= 0 && hops.size() - i <= MAX_HOPS; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return nearest; // not an address: what the last trusted proxy saw is all we know
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            nearest = hop;
        }
        return nearest;
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(b -> b.contains(address));
    }

    static InetAddress literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v6 = t.indexOf(':') >= 0;
        if (!(v6 ? IPV6.matcher(t).matches() : IPV4.matcher(t).matches() && octets(t))) {
            return null;
        }
        try {
            return InetAddress.getByName(t); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** 999.1.1.1 is no literal to the JDK, which would then look it up as a host name. */
    private static boolean octets(String v4) {
        for (String octet : v4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An address or a CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    record Block(byte[] network, int prefix) {
        static Block parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("kakehashi.trusted-proxies: not an address or CIDR block: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("kakehashi.trusted-proxies: bad prefix length in " + text);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
