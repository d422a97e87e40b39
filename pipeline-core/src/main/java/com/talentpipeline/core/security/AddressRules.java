package com.talentpipeline.core.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which IP addresses an outbound call on a client's behalf may never reach, by range (the IANA special
 * purpose registries): loopback, private, shared (CGNAT), link-local, documentation, benchmark,
 * discard, reserved, multicast and unspecified. An IPv6 address that carries an IPv4 address
 * (IPv4-compatible, IPv4-mapped, SIIT, NAT64 64:ff9b::/96, 6to4, Teredo) is judged by the IPv4
 * address inside it too, since a gateway on the path may deliver it there.
 */
final class AddressRules {

    /** A range and why it is refused. */
    private record Range(byte[] prefix, int bits, String why) {
        boolean contains(byte[] address) {
            return inPrefix(address, prefix, bits);
        }
    }

    /** Whether the address lies in the block {@code prefix/bits} (same family; IPv4 and IPv6 never match). */
    static boolean inPrefix(byte[] address, byte[] prefix, int bits) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }

    private static final List<Range> V4 = List.of(
            range("0.0.0.0", 8, "unspecified"),
            range("10.0.0.0", 8, "private"),
            range("100.64.0.0", 10, "private"), // shared address space (carrier-grade NAT)
            range("127.0.0.0", 8, "loopback"),
            range("169.254.0.0", 16, "link-local"), // holds the 169.254.169.254 metadata service
            range("172.16.0.0", 12, "private"),
            range("192.0.0.0", 24, "reserved"), // IETF protocol assignments
            range("192.0.2.0", 24, "documentation"),
            range("192.88.99.0", 24, "reserved"), // former 6to4 relay anycast
            range("192.168.0.0", 16, "private"),
            range("198.18.0.0", 15, "benchmark"),
            range("198.51.100.0", 24, "documentation"),
            range("203.0.113.0", 24, "documentation"),
            range("224.0.0.0", 4, "multicast"),
            range("240.0.0.0", 4, "reserved")); // includes the 255.255.255.255 broadcast

    private static final List<Range> V6 = List.of(
            range("::", 128, "unspecified"),
            range("::1", 128, "loopback"),
            range("64:ff9b:1::", 48, "private"), // local-use NAT64: the IPv4 position depends on the operator's prefix
            range("100::", 64, "discard"),
            range("2001:2::", 48, "benchmark"),
            range("2001:10::", 28, "reserved"), // ORCHID
            range("2001:db8::", 32, "documentation"),
            range("3fff::", 20, "documentation"),
            range("fc00::", 7, "private"), // unique local, holds the fd00:ec2::254 metadata address
            range("fe80::", 10, "link-local"),
            range("fec0::", 10, "private"), // deprecated site-local
            range("ff00::", 8, "multicast"));

    /** Reserved by the IETF; checked after the IPv4-embedding forms it contains. */
    private static final Range V6_RESERVED = range("::", 8, "reserved");

    private AddressRules() {
    }

    /**
     * Why the address may not be called ("loopback", "private", ...), or null when it is public. An
     * IPv6 address embedding a forbidden IPv4 address is refused with the IPv4 address's reason.
     */
    public static String forbidden(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return match(V4, b);
        }
        String why = match(V6, b);
        if (why != null) {
            return why;
        }
        for (Inet4Address embedded : embeddedV4(address)) {
            String inner = match(V4, embedded.getAddress());
            if (inner != null) {
                return inner;
            }
        }
        if (V6_RESERVED.contains(b) && embeddedV4(address).isEmpty()) {
            return V6_RESERVED.why();
        }
        return null;
    }

    /**
     * The IPv4 addresses an IPv6 address carries: IPv4-compatible ::a.b.c.d, IPv4-mapped
     * ::ffff:a.b.c.d, SIIT ::ffff:0:a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:AABB:CCDD::/48 and
     * Teredo 2001:0::/32 (the server address, and the client address stored bit-inverted). Empty for
     * an IPv4 address or an IPv6 address without one.
     */
    public static List<Inet4Address> embeddedV4(InetAddress address) {
        List<Inet4Address> out = new ArrayList<>(2);
        if (!(address instanceof Inet6Address)) {
            return out;
        }
        byte[] b = address.getAddress();
        if ((isCompatible(b) && !isZeroOrOne(b)) || isMapped(b) || isSiit(b) || isNat64(b)) {
            out.add(v4(b[12], b[13], b[14], b[15]));
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            out.add(v4(b[2], b[3], b[4], b[5]));
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            out.add(v4(b[4], b[5], b[6], b[7]));
            out.add(v4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
        }
        return out;
    }

    private static String match(List<Range> ranges, byte[] address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return range.why();
            }
        }
        return null;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCompatible(byte[] b) {
        return zeros(b, 0, 12);
    }

    private static boolean isZeroOrOne(byte[] b) {
        return zeros(b, 0, 15) && (b[15] == 0 || b[15] == 1);
    }

    private static boolean isMapped(byte[] b) {
        return zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isSiit(byte[] b) {
        return zeros(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0;
    }

    private static boolean isNat64(byte[] b) {
        return b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && zeros(b, 4, 12);
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Range range(String literal, int bits, String why) {
        try {
            // Literals only: getByName does not query DNS for them. A mapped literal would come back as
            // IPv4, so none is used here.
            return new Range(InetAddress.getByName(literal).getAddress(), bits, why);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
