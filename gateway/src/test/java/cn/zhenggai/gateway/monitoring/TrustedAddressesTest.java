package cn.zhenggai.gateway.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedAddressesTest {

    @Test
    void theDefaultTrustsLoopbackOnlyInBothSpellingsOfIpv6() {
        TrustedAddresses loopback = new TrustedAddresses("127.0.0.1,::1");
        assertThat(loopback.trusts("127.0.0.1")).isTrue();
        assertThat(loopback.trusts("::1")).isTrue();
        assertThat(loopback.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(loopback.trusts("10.0.0.5")).isFalse();
        assertThat(loopback.trusts("192.168.1.20")).isFalse();
        assertThat(loopback.trusts("")).isFalse();
        assertThat(loopback.trusts(null)).isFalse();
    }

    @Test
    void emptyTrustsNoAddressAndRangesAreCidr() {
        TrustedAddresses none = new TrustedAddresses("");
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.entries()).isEmpty();
        TrustedAddresses range = new TrustedAddresses(" 10.1.0.0/16 , 127.0.0.1 ");
        assertThat(range.entries()).containsExactly("10.1.0.0/16", "127.0.0.1");
        assertThat(range.trusts("10.1.200.3")).isTrue();
        assertThat(range.trusts("10.2.0.1")).isFalse();
    }
}
