package com.talentpipeline.core.security;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Set;

/**
 * The addresses of the machine the pipeline runs on: its interfaces' addresses (a public address on
 * an interface still reaches this host's own services) and its gateways (a router's admin page).
 * Pluggable for tests; {@link SystemHostAddresses} reads the real ones.
 */
@FunctionalInterface
public interface HostAddresses {

    /**
     * What the machine's own addresses are now.
     *
     * @throws IOException when they cannot be determined; the guard then refuses (fails closed)
     */
    Snapshot current() throws IOException;

    /**
     * The machine's addresses at one moment.
     *
     * @param interfaces addresses of its network interfaces
     * @param gateways   next hops of its routing table
     */
    record Snapshot(Set<InetAddress> interfaces, Set<InetAddress> gateways) {

        public Snapshot {
            interfaces = Set.copyOf(interfaces);
            gateways = Set.copyOf(gateways);
        }

        /** "this host's own" or "gateway" when the address is one of them, else null. */
        public String owner(InetAddress address) {
            if (interfaces.contains(address)) {
                return "this host's own";
            }
            return gateways.contains(address) ? "gateway" : null;
        }
    }
}
