package dev.herald.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void ordinaryIdsAreKept() {
        assertThat(MessageIds.header("msg-0001", "shop.example")).isEqualTo("<msg-0001@shop.example>");
        assertThat(MessageIds.header("01J9Z.x_y", "shop.example")).isEqualTo("<01J9Z.x_y@shop.example>");
        assertThat(MessageIds.heraldHeaderValue("msg-0001")).isEqualTo("msg-0001");
    }

    @Test
    void otherCharactersAreEscapedSoTheHeaderStaysValid() throws Exception {
        assertThat(MessageIds.header("a b@c>", "shop.example")).isEqualTo("<a=20b=40c=3E@shop.example>");
        assertThat(MessageIds.header(".a..b.", "shop.example")).isEqualTo("<=2Ea.=2Eb=2E@shop.example>");
        assertThat(MessageIds.header("id=1", "shop.example")).isEqualTo("<id=3D1@shop.example>");
        assertThat(MessageIds.header("", "shop.example")).isEqualTo("<=@shop.example>");
        String header = MessageIds.heraldHeaderValue("письмо\r\nBcc: x@y");
        assertThat(header).doesNotContain("\r\nBcc").startsWith("=?UTF-8?B?");
        assertThat(MimeUtility.decodeText(header)).isEqualTo("письмо\r\nBcc: x@y");
    }
}
