package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void shouldReadTheHostOfHttpAndHttpsUrls() {
        assertThat(Hosts.of("https://Shop.Example/cart?x=1")).hasValue("shop.example");
        assertThat(Hosts.of("http://shop.example:8080")).hasValue("shop.example");
        assertThat(Hosts.of("www.shop.example/p")).hasValue("www.shop.example");
        assertThat(Hosts.of("https://shop.example.#x")).hasValue("shop.example");
    }

    @Test
    void shouldReadTheRealHostBehindUserInfo() {
        assertThat(Hosts.of("https://shop.example@evil.example/login")).hasValue("evil.example");
    }

    @Test
    void shouldGiveNoHostForOtherSchemesAndRelativeLinks() {
        assertThat(Hosts.of("/cart")).isEmpty();
        assertThat(Hosts.of("mailto:a@shop.example")).isEmpty();
        assertThat(Hosts.of("javascript:alert(1)")).isEmpty();
        assertThat(Hosts.of("https://")).isEmpty();
    }

    @Test
    void shouldAllowADomainAndItsSubdomainsOnly() {
        Set<String> domains = Set.of("shop.example");

        assertThat(Hosts.within("shop.example", domains)).isTrue();
        assertThat(Hosts.within("www.shop.example", domains)).isTrue();
        assertThat(Hosts.within("evilshop.example", domains)).isFalse();
        assertThat(Hosts.within("shop.example.evil.example", domains)).isFalse();
    }
}
