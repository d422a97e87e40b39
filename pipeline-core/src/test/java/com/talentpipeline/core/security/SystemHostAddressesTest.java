package com.talentpipeline.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's gateways come from the Linux routing tables; without them the reading fails closed. */
class SystemHostAddressesTest {

    @Test
    void gatewaysAreReadFromTheLittleEndianIpv4Table() throws Exception {
        String table = """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0
                eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
                """;
        assertThat(SystemHostAddresses.ipv4Gateways(table)).containsExactly(InetAddress.getByName("172.17.0.1"));
    }

    @Test
    void gatewaysAreReadFromTheIpv6Table() throws Exception {
        String table = "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
                + "2a001450400100000000000000000001 00000400 00000001 00000000 00000003 eth0\n"
                + "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 "
                + "00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth0\n";
        assertThat(SystemHostAddresses.ipv6Gateways(table)).containsExactly(InetAddress.getByName("2a00:1450:4001::1"));
    }

    @Test
    void theSnapshotHoldsInterfaceAddressesAndGateways(@TempDir Path dir) throws Exception {
        Path v4 = Files.writeString(dir.resolve("route"), "Iface Destination Gateway\neth0 00000000 0101A8C0 0003\n");
        var snapshot = new SystemHostAddresses(v4, dir.resolve("none"), Clock.systemUTC()).current();
        assertThat(snapshot.gateways()).contains(InetAddress.getByName("192.168.1.1"));
        assertThat(snapshot.interfaces()).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(snapshot.owner(InetAddress.getByName("192.168.1.1"))).isEqualTo("gateway");
    }

    @Test
    void withoutARoutingTableTheReadingFails(@TempDir Path dir) {
        assertThatThrownBy(() -> new SystemHostAddresses(dir.resolve("none"), dir.resolve("none6"), Clock.systemUTC())
                .current()).isInstanceOf(IOException.class);
    }
}
