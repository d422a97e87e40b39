package com.talentpipeline.core.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The machine's interface addresses (from {@link NetworkInterface}) and gateways (from the Linux
 * routing tables {@code /proc/net/route} and {@code /proc/net/ipv6_route}), read again after
 * {@link #REFRESH} so that an address added later (DHCP, a new container network) is refused too.
 * Where the IPv4 routing table cannot be read (not Linux), the gateway is unknown and {@link #current()}
 * fails, which makes the guard refuse every host that is not on the allow-list.
 */
final class SystemHostAddresses implements HostAddresses {

    /** How long one reading is reused; enumerating interfaces on every check would cost a syscall storm. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final Path ipv4Routes;
    private final Path ipv6Routes;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant readAt = Instant.MIN;

    public SystemHostAddresses() {
        this(Path.of("/proc/net/route"), Path.of("/proc/net/ipv6_route"), Clock.systemUTC());
    }

    SystemHostAddresses(Path ipv4Routes, Path ipv6Routes, Clock clock) {
        this.ipv4Routes = ipv4Routes;
        this.ipv6Routes = ipv6Routes;
        this.clock = clock;
    }

    @Override
    public Snapshot current() throws IOException {
        Instant now = clock.instant();
        Snapshot cached = snapshot;
        if (cached != null && now.isBefore(readAt.plus(REFRESH))) {
            return cached;
        }
        Snapshot fresh = read();
        snapshot = fresh;
        readAt = now;
        return fresh;
    }

    private Snapshot read() throws IOException {
        if (!Files.isReadable(ipv4Routes)) {
            throw new IOException("the routing table " + ipv4Routes + " cannot be read, so the gateway is unknown");
        }
        Set<InetAddress> gateways = new HashSet<>(ipv4Gateways(Files.readString(ipv4Routes)));
        if (Files.isReadable(ipv6Routes)) {
            gateways.addAll(ipv6Gateways(Files.readString(ipv6Routes)));
        }
        return new Snapshot(interfaceAddresses(), gateways);
    }

    private static Set<InetAddress> interfaceAddresses() throws IOException {
        Set<InetAddress> out = new HashSet<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                // Without the scope id, so that it equals the address a resolver returns.
                out.add(InetAddress.getByAddress(address.getAddress()));
            }
        }
        return out;
    }

    /**
     * Next hops of {@code /proc/net/route}: the third column, a little-endian hex IPv4 address
     * (00000000 for a directly connected route, skipped).
     */
    static Set<InetAddress> ipv4Gateways(String table) throws UnknownHostException {
        Set<InetAddress> out = new HashSet<>();
        for (String line : table.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 3 || !cols[2].matches("[0-9A-Fa-f]{8}")) {
                continue; // the header, or an empty line
            }
            byte[] le = HexFormat.of().parseHex(cols[2]);
            byte[] be = {le[3], le[2], le[1], le[0]};
            if (be[0] != 0 || be[1] != 0 || be[2] != 0 || be[3] != 0) {
                out.add(InetAddress.getByAddress(be));
            }
        }
        return out;
    }

    /** Next hops of {@code /proc/net/ipv6_route}: the fifth column, 32 hex digits in network order. */
    static Set<InetAddress> ipv6Gateways(String table) throws UnknownHostException {
        Set<InetAddress> out = new HashSet<>();
        for (String line : table.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 5 || !cols[4].matches("[0-9A-Fa-f]{32}") || cols[4].matches("0{32}")) {
                continue;
            }
            out.add(InetAddress.getByAddress(HexFormat.of().parseHex(cols[4])));
        }
        return out;
    }
}
