package dm20.relay.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LanAddressesTest {

    private static List<InetAddress> addresses(String... ips) {
        return Stream.of(ips).map(ip -> {
            try {
                return InetAddress.getByName(ip);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }).toList();
    }

    @Test
    void urls_vpnFirstInTheList_privateLanWins() {
        assertThat(LanAddresses.urls(addresses("100.101.5.6", "127.0.0.1", "192.168.1.20"), 8080))
                .containsExactly("http://192.168.1.20:8080", "http://100.101.5.6:8080", "http://127.0.0.1:8080");
    }

    @Test
    void urls_allPrivateRanges_beatPublicCgnatLinkLocalAndLoopback() {
        assertThat(LanAddresses.urls(addresses("127.0.0.1", "169.254.3.3", "100.64.0.1", "8.8.4.4", "172.20.0.5",
                "10.0.0.7", "192.168.0.2"), 80)).containsExactly("http://192.168.0.2:80", "http://10.0.0.7:80",
                "http://172.20.0.5:80", "http://8.8.4.4:80", "http://100.64.0.1:80", "http://169.254.3.3:80",
                "http://127.0.0.1:80");
    }

    @Test
    void urls_172OutsideThePrivateBlock_isNotPrivate() {
        assertThat(LanAddresses.urls(addresses("172.32.0.1", "172.15.0.1", "172.31.9.9"), 1))
                .first().isEqualTo("http://172.31.9.9:1");
    }

    @Test
    void urls_ipv6_isLeftOut() {
        assertThat(LanAddresses.urls(addresses("::1", "fe80::1", "10.1.1.1"), 1)).containsExactly("http://10.1.1.1:1");
    }

    @Test
    void urls_onlyLoopback_stillGivesAUrl() {
        assertThat(LanAddresses.urls(addresses("127.0.0.1"), 9)).containsExactly("http://127.0.0.1:9");
    }
}
