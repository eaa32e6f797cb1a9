package cn.zhenggai.gateway.monitoring;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.Arrays;
import java.util.List;

/**
 * The client addresses from which the gateway's actuator (metrics, Prometheus) is served without a token:
 * {@code zhenggai.gateway.metrics.trusted-addresses}, a comma-separated list of addresses or CIDR ranges
 * (default {@code 127.0.0.1,::1}); empty trusts no address. The client address is the one Tomcat determined
 * (the TCP peer, or {@code X-Forwarded-For} from a proxy on this host).
 */
public final class TrustedAddresses {

    private final List<String> entries;
    private final List<IpAddressMatcher> matchers;

    public TrustedAddresses(String commaSeparated) {
        this.entries = commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.matchers = entries.stream().map(IpAddressMatcher::new).toList();
    }

    /** Whether the address is one of the trusted ones; an address that is not an IP literal never is. */
    public boolean trusts(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        for (IpAddressMatcher matcher : matchers) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    public List<String> entries() {
        return entries;
    }
}
