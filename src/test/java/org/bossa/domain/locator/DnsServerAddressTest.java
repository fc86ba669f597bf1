package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DnsServerAddressTest {

    @Test
    void parsesTheWrittenForms() {
        assertThat(DnsServerAddress.parse("10.0.0.9")).isEqualTo(new DnsServerAddress(InetAddress.ofLiteral("10.0.0.9"), 53));
        assertThat(DnsServerAddress.parse(" 127.0.0.2:5353 ")).isEqualTo(
                new DnsServerAddress(InetAddress.ofLiteral("127.0.0.2"), 5353));
        assertThat(DnsServerAddress.parse("fd00::53")).isEqualTo(new DnsServerAddress(InetAddress.ofLiteral("fd00::53"), 53));
        assertThat(DnsServerAddress.parse("[fd00::53]")).isEqualTo(
                new DnsServerAddress(InetAddress.ofLiteral("fd00::53"), 53));
        assertThat(DnsServerAddress.parse("[fd00::53]:5353")).isEqualTo(
                new DnsServerAddress(InetAddress.ofLiteral("fd00::53"), 5353));
    }

    @Test
    void namesAsMessagesAndJndiWantThem() {
        assertThat(DnsServerAddress.parse("10.0.0.9")).hasToString("10.0.0.9");
        assertThat(DnsServerAddress.parse("10.0.0.9:5353")).hasToString("10.0.0.9:5353");
        assertThat(DnsServerAddress.parse("[fd00::53]:5353")).hasToString("[fd00:0:0:0:0:0:0:53]:5353");
        assertThat(DnsServerAddress.parse("10.0.0.9").jndiUrl()).isEqualTo("dns://10.0.0.9:53");
        assertThat(DnsServerAddress.parse("fd00::53").jndiUrl()).isEqualTo("dns://[fd00:0:0:0:0:0:0:53]:53");
    }

    @Test
    void refusesNamesAndBadPorts() {
        assertThatThrownBy(() -> DnsServerAddress.parse("dns.example.test"))
                .hasMessage("DNS server address 'dns.example.test': not an IP address");
        assertThatThrownBy(() -> DnsServerAddress.parse("10.0.0.9:0"))
                .hasMessage("DNS server address '10.0.0.9:0': port is not a number in 1-65535");
        assertThatThrownBy(() -> DnsServerAddress.parse("10.0.0.9:x"))
                .hasMessage("DNS server address '10.0.0.9:x': port is not a number in 1-65535");
        assertThatThrownBy(() -> DnsServerAddress.parse("[fd00::53"))
                .hasMessage("DNS server address '[fd00::53': no closing ]");
        assertThatThrownBy(() -> DnsServerAddress.parse("[fd00::53]x"))
                .hasMessage("DNS server address '[fd00::53]x': text after ]");
    }
}
