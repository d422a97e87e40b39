package com.talentpipeline.core.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SSRF guard for URLs the pipeline calls on a client's behalf (webhooks, task callbacks): the host is
 * resolved and every address must be public. Refused: loopback, private (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10, which holds the 169.254.169.254 metadata
 * service), the fd00:ec2::254 metadata address (inside fc00::/7), unspecified, multicast and IPv4-mapped
 * forms of those, unless the host is on the allow-list. Checked at registration and again before each
 * delivery (the delivery connects to an address this guard approved, so a DNS answer that changes
 * between the check and the connect cannot point it inward).
 */
public class OutboundUrlGuard {

    /** Resolves a host name to its addresses (pluggable for tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** Why a URL was refused; the message is safe to show to the client. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public OutboundUrlGuard(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(h -> normalise(h)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The system resolver. */
    public static Resolver systemResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /**
     * Checks the URL and returns the address to connect to (the first approved one).
     *
     * @throws Refused when the URL is malformed, not http(s), or resolves to a forbidden address
     */
    public InetAddress check(String url) throws Refused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("the URL has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("credentials in the URL are not allowed");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(stripBrackets(host));
        } catch (UnknownHostException e) {
            throw new Refused("the host does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("the host does not resolve");
        }
        if (allowedHosts.contains(normalise(host))) {
            return addresses.get(0);
        }
        for (InetAddress address : addresses) {
            String why = forbidden(address);
            if (why != null) {
                throw new Refused("the host resolves to a " + why + " address");
            }
        }
        return addresses.get(0);
    }

    /** Why the address may not be called, or null when it is public. */
    public static String forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isMappedV4(b)) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "invalid";
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "private";
            }
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "private"; // carrier-grade NAT
            }
            if (first >= 240) {
                return "reserved";
            }
        }
        return null;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String normalise(String host) {
        return stripBrackets(host.strip()).toLowerCase(Locale.ROOT);
    }
}
