package io.mediahooks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "172.16.5.4",
      "192.168.1.1", "100.64.0.1", "fd00::1", "fe80::1", "0.0.0.0", "::", "224.0.0.1",
      "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
      "255.255.255.255"})
  void strictGuardRefusesNonPublicAddresses(String ip) throws Exception {
    InetAddress address = InetAddress.getByName(ip);
    assertThatThrownBy(() -> DestinationGuard.strict().check("example.test", address))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("allowPrivateNetworks()");
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"})
  void strictGuardAllowsPublicAddresses(String ip) throws Exception {
    assertThat(DestinationGuard.strict().refusalReason("example.test", InetAddress.getByName(ip)))
        .isNull();
  }

  @Test
  void guardsAreEqualExactlyWhenTheyAllowTheSame() {
    // The transport keeps one connection pool per guard, found by equals and hashCode.
    DestinationGuard a = DestinationGuard.builder().allow("10.20.0.0/16").allow("intranet.test")
        .build();
    DestinationGuard b = DestinationGuard.builder().allow("10.20.0.0/16").allow("intranet.test")
        .build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a.newBuilder().build());
    assertThat(a).isNotEqualTo(DestinationGuard.builder().allow("10.20.0.0/16").build())
        .isNotEqualTo(a.newBuilder().allowPrivateNetworks().build())
        .isNotEqualTo(DestinationGuard.strict())
        .isNotEqualTo("10.20.0.0/16");
    assertThat(DestinationGuard.strict()).isEqualTo(DestinationGuard.builder().build())
        .hasSameHashCodeAs(DestinationGuard.builder().build())
        .isNotEqualTo(DestinationGuard.allowAll())
        .isNotEqualTo(DestinationGuard.allowingPrivateNetworks());
  }

  @Test
  void allowPrivateNetworksStillRefusesMulticastAndUnspecified() throws Exception {
    DestinationGuard guard = DestinationGuard.allowingPrivateNetworks();
    assertThat(guard.refusalReason("h", InetAddress.getByName("127.0.0.1"))).isNull();
    assertThat(guard.refusalReason("h", InetAddress.getByName("224.0.0.1"))).isNotNull();
    assertThat(guard.refusalReason("h", InetAddress.getByName("0.0.0.0"))).isNotNull();
  }

  @Test
  void cidrAllowListMatchesOnlyItsRange() throws Exception {
    DestinationGuard guard = DestinationGuard.builder().allow("10.20.0.0/16").build();
    assertThat(guard.refusalReason("h", InetAddress.getByName("10.20.3.4"))).isNull();
    assertThat(guard.refusalReason("h", InetAddress.getByName("::ffff:10.20.3.4"))).isNull();
    assertThat(guard.refusalReason("h", InetAddress.getByName("10.21.0.1"))).isNotNull();
  }

  @Test
  void mockWebServerIsOnLoopbackWhichStrictRefuses() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      InetAddress address = InetAddress.getByName(server.getHostName());
      assertThat(DestinationGuard.strict().refusalReason(server.getHostName(), address))
          .contains("loopback");
    }
  }
}
