package dm20.relay.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the machine's addresses for the join links: private LAN ranges (192.168/16, 10/8, 172.16/12)
 * first, then other addresses, then VPN/CGNAT (100.64/10), link-local and loopback last. IPv6 is left out
 * (phones type and scan IPv4 LAN links). Stateless.
 */
public final class LanAddresses {

    private LanAddresses() {
    }

    /** Lower is better. */
    static int rank(InetAddress address) {
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 192 && a1 == 168) {
            return 0;
        }
        if (a0 == 10) {
            return 1;
        }
        if (a0 == 172 && a1 >= 16 && a1 <= 31) {
            return 2;
        }
        if (address.isLoopbackAddress()) {
            return 6;
        }
        if (address.isLinkLocalAddress()) {
            return 5;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return 4;
        }
        return 3;
    }

    /** IPv4 addresses, best first (stable for equal ranks). */
    public static List<InetAddress> ranked(Collection<InetAddress> addresses) {
        return addresses.stream().filter(a -> a instanceof Inet4Address)
                .sorted(Comparator.comparingInt(LanAddresses::rank)).toList();
    }

    /** Base URLs ({@code http://ip:port}) for the given addresses, best first. */
    public static List<String> urls(Collection<InetAddress> addresses, int port) {
        return ranked(addresses).stream().map(a -> "http://" + a.getHostAddress() + ":" + port).toList();
    }

    /** The IPv4 addresses of the interfaces that are up. */
    public static List<InetAddress> local() {
        List<InetAddress> all = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp()) {
                    all.addAll(nic.inetAddresses().toList());
                }
            }
        } catch (SocketException e) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        return all;
    }
}
