package com.talentpipeline.core.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SSRF guard for URLs the pipeline calls on a client's behalf (webhooks, task callbacks): the host is
 * resolved and every address must be public. Refused: the special-purpose ranges of {@link AddressRules}
 * (loopback, private, shared, link-local with the 169.254.169.254 metadata service, documentation,
 * benchmark, discard, reserved, multicast, unspecified), every IPv6 form embedding such an IPv4 address
 * (IPv4-compatible, mapped, NAT64, 6to4, Teredo), the machine's own interface addresses and gateways
 * ({@link HostAddresses}; when those cannot be read every host is refused), and IPv4 addresses spelled
 * other than as dotted decimal ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}: resolvers and
 * HTTP clients disagree on them). Hosts on the allow-list are exempt. Checked at registration and again
 * when each delivery connects (the delivery connects to an address this guard approved, so a DNS answer
 * that changes between the check and the connect cannot point it inward).
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

    /** Dots and numbers only, each part decimal, octal (leading 0) or hex (0x): what inet_aton parses. */
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    /** The one IPv4 spelling every parser reads alike: four decimal parts without leading zeros. */
    private static final Pattern DOTTED_DECIMAL =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final Set<String> allowedHosts;
    private final Resolver resolver;
    private final HostAddresses hostAddresses;

    /** A guard that refuses this machine's own addresses as the system reports them. */
    public OutboundUrlGuard(List<String> allowedHosts, Resolver resolver) {
        this(allowedHosts, resolver, new SystemHostAddresses());
    }

    public OutboundUrlGuard(List<String> allowedHosts, Resolver resolver, HostAddresses hostAddresses) {
        this.allowedHosts = allowedHosts.stream().map(h -> normalise(h)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
        this.hostAddresses = hostAddresses;
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
        // A registry-based authority (host null) has no parsed user info: look for the '@' itself.
        if (uri.getRawUserInfo() != null || (uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().contains("@"))) {
            throw new Refused("credentials in the URL are not allowed");
        }
        String host = host(uri);
        if (host == null || host.isBlank()) {
            throw new Refused("the URL has no host");
        }
        String bare = stripBrackets(host);
        if (NUMERIC_HOST.matcher(bare).matches() && !DOTTED_DECIMAL.matcher(bare).matches()) {
            throw numericSpelling(bare);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new Refused("the host does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("the host does not resolve");
        }
        if (allowedHosts.contains(normalise(host))) {
            return addresses.get(0);
        }
        HostAddresses.Snapshot own;
        try {
            own = hostAddresses.current();
        } catch (IOException | RuntimeException e) {
            throw new Refused("this host's own addresses cannot be determined, so no host outside the allow-list"
                    + " is called");
        }
        for (InetAddress address : addresses) {
            String why = forbidden(address, own);
            if (why != null) {
                throw new Refused("the host resolves to a " + why + " address");
            }
        }
        return addresses.get(0);
    }

    /** Why the address may not be called (by its range), or null when it is public. */
    public static String forbidden(InetAddress address) {
        return AddressRules.forbidden(address);
    }

    /** Why the address may not be called (its range, or it is this machine's or its gateway's), or null. */
    static String forbidden(InetAddress address, HostAddresses.Snapshot own) {
        String why = AddressRules.forbidden(address);
        if (why != null) {
            return why;
        }
        why = own.owner(address);
        for (InetAddress embedded : AddressRules.embeddedV4(address)) {
            why = why != null ? why : own.owner(embedded);
        }
        return why;
    }

    /**
     * The URL's host. {@link URI} leaves it null for authorities that are not RFC 2396 host names
     * ({@code 127.1}, {@code 0x7f.1}, {@code a_b.example}); other clients still connect to them, so
     * the host is then taken from the authority itself.
     */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return host.indexOf(']') > 0 ? host.substring(0, host.indexOf(']') + 1) : null;
        }
        int colon = host.indexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    /** A non-dotted-decimal IPv4 spelling: named by the address it denotes when that one is forbidden. */
    private static Refused numericSpelling(String host) {
        InetAddress address = inetAton(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        if (address == null) {
            return new Refused("the host is not a valid IPv4 address");
        }
        String why = AddressRules.forbidden(address);
        return new Refused(why != null ? "the host resolves to a " + why + " address"
                : "the host is an ambiguous IPv4 spelling; write it as four decimal numbers");
    }

    /** The address as the C library's inet_aton reads it (1 to 4 parts, each decimal, 0octal or 0xhex). */
    static InetAddress inetAton(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            try {
                if (p.startsWith("0x")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return null; // empty part, digits 8/9 in octal, or too long
            }
        }
        long value = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                return null;
            }
            value |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return null;
        }
        value |= last;
        try {
            return InetAddress.getByAddress(new byte[] {
                    (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String normalise(String host) {
        return stripBrackets(host.strip()).toLowerCase(Locale.ROOT);
    }
}
