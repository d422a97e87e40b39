package com.talentpipeline.core.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from, for per-address limits. Behind the front door every request comes
 * from the proxy, so the proxy's {@code X-Forwarded-For} is believed -- its last entry, the address the
 * proxy itself saw -- but only when the connection comes from a configured trusted proxy; a client
 * cannot choose its own address by sending the header.
 */
final class ClientAddress {

    private final List<Block> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Block::parse).toList();
    }

    InetAddress of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null || trusted.stream().noneMatch(block -> block.contains(peer))) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isEmpty()) {
            return peer;
        }
        String last = forwarded.get(forwarded.size() - 1);
        String[] hops = last.split(",");
        String client = hops[hops.length - 1].trim();
        // Only a literal address: a name would make the limit key a DNS look-up away.
        if (!client.matches("[0-9a-fA-F:.]+")) {
            return peer;
        }
        try {
            return InetAddress.getByName(client);
        } catch (UnknownHostException e) {
            return peer;
        }
    }

    /** An address block: {@code 10.0.0.0/8}, {@code ::1/128} or one address. */
    private record Block(byte[] network, int bits) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("Trusted proxy must be an address or CIDR block: " + cidr);
            }
            try {
                byte[] address = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("Bad prefix length in " + cidr);
                }
                return new Block(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Trusted proxy must be an address or CIDR block: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            return AddressRules.inPrefix(address.getAddress(), network, bits);
        }
    }
}
