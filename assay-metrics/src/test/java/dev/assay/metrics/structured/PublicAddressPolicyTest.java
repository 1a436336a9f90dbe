package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressPolicyTest {

    private final AddressPolicy policy = AddressPolicy.publicAddressesOnly();

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
            "192.168.0.1", "192.168.255.255", "100.64.0.1", "100.127.255.255", "169.254.169.254", "0.0.0.0",
            "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "febf::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a00:1"
    })
    void isAllowed_nonPublicAddress_isBlocked(String literal) throws UnknownHostException {
        assertThat(policy.isAllowed(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "192.167.255.255", "192.169.0.1",
            "100.63.255.255", "100.128.0.1", "169.253.0.1", "223.255.255.255", "9.255.255.255", "11.0.0.1",
            "2001:4860:4860::8888", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"
    })
    void isAllowed_publicAddress_isAllowed(String literal) throws UnknownHostException {
        assertThat(policy.isAllowed(InetAddress.getByName(literal))).isTrue();
    }

    @Test
    void isAllowed_ipv4MappedKeptAsIpv6Object_isBlockedByEmbeddedAddress() throws UnknownHostException {
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mappedLoopback, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(policy.isAllowed(address)).isFalse();
    }
}
